/** The meetings' calls (points function): kept in the subpackage, so the main package does not grow. */
import type { ActionInput, ActionOutput, ItemOf } from '../../../cloudfunctions/contract';
import { callFunction } from '../../services/transport';

export type MeetingCard = ItemOf<ActionOutput<'points', 'myMeetings'>>;
export type BranchMeeting = ItemOf<ActionOutput<'points', 'branchMeetings'>>;
export type MeetingDetail = ActionOutput<'points', 'meetingDetail'>;
export type Person = ItemOf<{ items: MeetingDetail['people'] }>;
export type PlanInput = ActionInput<'points', 'planMeeting'>;

export const myMeetings = () => callFunction('points', 'myMeetings');
export const branchMeetings = (branchId: string) => callFunction('points', 'branchMeetings', { branchId });
export const meetingDetail = (meetingId: string) => callFunction('points', 'meetingDetail', { meetingId });
export const planMeeting = (input: PlanInput) => callFunction('points', 'planMeeting', input);
export const askLeave = (meetingId: string, reason: string) =>
  callFunction('points', 'askLeave', { meetingId, reason });
export const decideLeave = (meetingId: string, openid: string, approve: boolean) =>
  callFunction('points', 'decideLeave', { meetingId, openid, approve });
export const recordMinutes = (meetingId: string, minutes: string, photos: string[]) =>
  callFunction('points', 'recordMinutes', { meetingId, minutes, photos });
export const cancelMeeting = (meetingId: string) => callFunction('points', 'cancelMeeting', { meetingId });
export const checkIn = (code: string) => callFunction('points', 'checkin', { code });
export const branchMembers = (unitId: string) => callFunction('org', 'members', { unitId, limit: 50 });

/** 「12月10日 19:30-21:00」 in Shanghai time, whatever the phone's zone. */
export function meetingTime(startAt: number, endAt: number): string {
  const at = (ms: number) => new Date(ms + 8 * 3_600_000);
  const s = at(startAt);
  const e = at(endAt);
  const hm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${s.getUTCMonth() + 1}月${s.getUTCDate()}日 ${hm(s)}-${hm(e)}`;
}
