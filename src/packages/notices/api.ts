/** The notices subpackage's calls (通知公告 and 政治生日); the home page's three notices are services/notices.ts. */
import type { ActionInput, ActionOutput } from '../../../cloudfunctions/contract';
import { callFunction } from '../../services/transport';

export type NoticeDetail = ActionOutput<'org', 'notice'>;
export type PartyBirthday = ActionOutput<'org', 'myPartyBirthday'>;
export type BirthdayMonth = ActionOutput<'org', 'birthdays'>;
export type PublishInput = ActionInput<'org', 'publishNotice'>;

export const getNotice = (noticeId: string) => callFunction('org', 'notice', { noticeId });
export const getMyPartyBirthday = () => callFunction('org', 'myPartyBirthday', {});
export const getBirthdays = (month?: string) => callFunction('org', 'birthdays', { month });
export const publishNotice = (input: PublishInput) => callFunction('org', 'publishNotice', input);
