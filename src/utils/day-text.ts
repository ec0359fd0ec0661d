/**
 * The one date style people read: 「12月7日 周一」, 「今天 12月7日 周日」 when `now` is given, and a time
 * range 「09:00–09:30」 that never breaks across lines. Dates as keys (what the server is asked for)
 * stay 'YYYY-MM-DD' (time.ts, formatDate); nobody reads those. Kept apart from time.ts so that only the
 * subpackages that show slots carry it (time.ts sits in the weapp main package).
 */
import { dayjs, formatClock, formatDate } from './time';

const SHANGHAI_MINUTES = 8 * 60;
const shanghai = (ms: number) => dayjs(ms).utcOffset(SHANGHAI_MINUTES);

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
/** U+2060 WORD JOINER on both sides of the dash: no line break inside a time range. */
const JOIN = '\u2060';

/** A calendar day in Shanghai: 'YYYY-MM-DD' as it is, an instant converted. */
const calendarDay = (day: string | number) =>
  typeof day === 'string' ? dayjs.utc(`${day.slice(0, 10)}T00:00:00Z`) : dayjs.utc(formatDate(day));

/** 'YYYY-MM-DD' of today in Shanghai, and of the days after it. */
export const shanghaiDays = (now: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => shanghai(now).add(i, 'day').format('YYYY-MM-DD'));

/** 「周一」. */
export const weekdayText = (day: string | number): string => WEEKDAYS[calendarDay(day).day()]!;

/** 「今天」 or 「明天」 for those days (in Shanghai) as seen at `now`, else null. */
export function relativeDay(day: string | number, now: number): '今天' | '明天' | null {
  const d = calendarDay(day).format('YYYY-MM-DD');
  const [today, tomorrow] = shanghaiDays(now, 2);
  return d === today ? '今天' : d === tomorrow ? '明天' : null;
}

/** 「12月7日」. */
export const shortDate = (day: string | number): string => calendarDay(day).format('M月D日');

/** 「12月7日 周一」; with `now`, 「今天 12月7日 周一」 / 「明天 …」 for those two days. */
export function dayText(day: string | number, now?: number): string {
  const plain = `${shortDate(day)} ${weekdayText(day)}`;
  const rel = now === undefined ? null : relativeDay(day, now);
  return rel ? `${rel} ${plain}` : plain;
}

/** 「09:00」 in Shanghai. */
export const clockText = formatClock;

/** 「09:00–09:30」, kept on one line wherever it is shown. */
export const timeRange = (start: number, end: number): string => `${clockText(start)}${JOIN}–${JOIN}${clockText(end)}`;

/** 「12月7日 周一 09:00–09:30」 (「今天 …」 with `now`): the when of a slot, booking or appointment. */
export const whenText = (start: number, end: number, now?: number): string =>
  `${dayText(start, now)} ${timeRange(start, end)}`;
