import { AppError } from './errors';

/**
 * Bounded work per request: every date range, count and list an action takes is measured by
 * arithmetic before any loop touches it, so one admin request cannot hold the event loop
 * (「0001-01-01」 to 「9999-12-31」 is refused in microseconds, not listed day by day).
 */
export const LIMITS = {
  /** Days one export (CSV) may cover. */
  exportDays: 92,
  /** Days one slot generation may cover. */
  generateDays: 62,
  /** Slots one generation may create (days × slots a day). */
  generateSlots: 2000,
} as const;

const DAY = 86_400_000;

/** Calendar days from `from` to `to` inclusive ('YYYY-MM-DD', already validated), without listing them. */
export function daySpan(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY) + 1;
}

/** Refuses a range that is reversed or longer than `max` days; `verb` names the work (导出, 生成). */
export function assertDayRange(from: string, to: string, max: number, verb: string): number {
  if (from > to) throw new AppError('INVALID_ARGUMENT', '开始日期不能晚于结束日期');
  const days = daySpan(from, to);
  if (!(days <= max)) throw new AppError('INVALID_ARGUMENT', `${verb}范围不能超过 ${max} 天`);
  return days;
}

/** Minutes of 'HH:mm'. */
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The most slots a weekly template can make over `days` days (every day counted as a working day:
 * an upper bound, computed without walking the dates); refused above `LIMITS.generateSlots`.
 */
export function assertSlotCount(
  days: number,
  template: { start: string; end: string; slotMinutes: number; weekdays: number[] },
): number {
  const perDay = Math.max(0, Math.floor((minutesOf(template.end) - minutesOf(template.start)) / template.slotMinutes));
  const weeks = Math.ceil(days / 7);
  const most = Math.min(days, weeks * template.weekdays.length) * perDay;
  if (most > LIMITS.generateSlots) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `一次最多生成 ${LIMITS.generateSlots} 个时段（本次最多会生成 ${most} 个），请缩短日期范围或加长时段`,
    );
  }
  return most;
}

/**
 * Long loops over rows (exports, rosters) hand the event loop back every `every` rows, so other
 * requests are answered between chunks; a loop whose awaits resolve at once would otherwise hold it.
 */
export function breather(every = 100): () => Promise<void> {
  let n = 0;
  return async () => {
    n += 1;
    if (n % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  };
}
