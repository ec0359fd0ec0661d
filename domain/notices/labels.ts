/**
 * The words of 通知公告 and 政治生日: plain data the app and the console import (no zod, no Node).
 */

/** Who a notice is for: the publisher's branch, a county, or everyone. */
export const NOTICE_SCOPES = { branch: '本支部党员', county: '本县（市、区）', all: '全系统' } as const;
export type NoticeScope = keyof typeof NOTICE_SCOPES;

/** Within a county or the whole system: party members, residents (群众), or both. */
export const NOTICE_AUDIENCES = { members: '党员', residents: '群众', both: '党员和群众' } as const;
export type NoticeAudience = keyof typeof NOTICE_AUDIENCES;

/** A notice without an end date: shown until someone ends it (stored as this far-off instant, the year 3000). */
export const NEVER = 32_503_680_000_000;

/** The notices shown at once (home shows the first three). */
export const NOTICES_SHOWN = 50;

/** 「入党 N 周年」 for a joining date 'YYYY-MM-DD' on the day 'YYYY-MM-DD' (0 on the day itself). */
export function partyYears(joinDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(joinDate.slice(0, 4));
  return day.slice(5) >= joinDate.slice(5) ? years : years - 1;
}
