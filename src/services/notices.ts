/** 通知公告 on the home page (main package): the current three; the rest of the notices API is the notices subpackage's. */
import type { ActionOutput } from '../../cloudfunctions/contract';
import { callFunction } from './transport';

export type NoticeItem = ActionOutput<'org', 'notices'>['items'][number];
export const getNotices = (limit?: number) => callFunction('org', 'notices', { limit });
