/**
 * The words of 达标创星 (star ratings): the figures a score is made of, the statuses of a rating, and how stars are
 * written. Plain data (no zod, no Node): the console and the mini-program import this file.
 */

/** The figures, in the order the breakdown shows them. */
export const FIGURE_LABELS = {
  meetings: '按要求召开会议',
  attendance: '出勤率',
  finishRate: '点单办结率',
  satisfaction: '群众满意率',
  serviceHours: '服务时长',
  pointsActivity: '党员积分活跃',
} as const;
export type FigureKey = keyof typeof FIGURE_LABELS;
export const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as FigureKey[];

/** The meeting types a quarter requires, and how often (`monthly`: in each month of the quarter). */
export const REQUIRED_MEETINGS = [
  { type: 'committee', label: '支委会', rhythm: 'monthly' },
  { type: 'general', label: '支部党员大会', rhythm: 'quarterly' },
  { type: 'lecture', label: '党课', rhythm: 'quarterly' },
  { type: 'themeDay', label: '主题党日', rhythm: 'monthly' },
] as const;
export type RequiredType = (typeof REQUIRED_MEETINGS)[number]['type'];

export const RATING_STATUS = { proposed: '待审核', signedOff: '已确认' } as const;
export type RatingStatus = keyof typeof RATING_STATUS;

/** 「★★★☆☆」 for 3 stars of 5. */
export const starText = (stars: number): string => '★'.repeat(stars) + '☆'.repeat(Math.max(0, 5 - stars));

/** 「三星级」; 0 stars: 「未达星级」. */
export const starName = (stars: number): string =>
  stars <= 0 ? '未达星级' : `${['', '一', '二', '三', '四', '五'][Math.min(5, stars)]}星级`;

/** 「2026年第四季度」 for '2026-Q4'. */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? `${m[1]}年第${['', '一', '二', '三', '四'][Number(m[2])]}季度` : quarter;
}
