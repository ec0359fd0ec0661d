/** The meetings' words, for the pages as well (clients import a module's labels file only). */

export const MEETING_TYPES = {
  general: '支部党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  themeDay: '主题党日',
  orgLife: '组织生活会',
  review: '民主评议党员',
} as const;

export const MEETING_STATUS = { planned: '待召开', held: '已召开', cancelled: '已取消' } as const;

/** A member's final attendance once the meeting is held. */
export const FINAL_ATTENDANCE = { present: '出席', leave: '请假', absent: '缺席' } as const;

/**
 * One person's state at a meeting:
 *   expected → leaveAsked → onLeave | expected (declined);  expected | leaveAsked → present (checked in).
 * `role` 'member' for the expected, 'liaison' for a 联系点 who checked in (列席).
 */
export const ATTENDEE_STATES = {
  expected: '待参加',
  leaveAsked: '请假待批',
  onLeave: '已请假',
  present: '已签到',
} as const;

/** Up to this many photos with the minutes. */
export const MAX_MEETING_PHOTOS = 9;
export type MeetingType = keyof typeof MEETING_TYPES;
