/**
 * A station's opening hours, read from the text people see («周一至周五 8:00-12:00 14:30-17:30»),
 * so that slots are only made while the station is open. Free of dependencies: the app imports it too.
 */

export interface OpeningHours {
  /** ISO weekdays the station opens (1 = Monday … 7 = Sunday). */
  weekdays: number[];
  /** Open windows in minutes after midnight, in order. */
  windows: { start: number; end: number }[];
}

const DAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

const toMinutes = (h: string, m: string) => Number(h) * 60 + Number(m);

export const minutesText = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** The weekdays named at the start of the text («周一至周五», «周二到周日», «每天», «周六、周日»); all days when none is named. */
function weekdaysOf(text: string): number[] {
  const range = /(?:周|星期)([一二三四五六日天])\s*(?:至|到|-|—|~|～)\s*(?:周|星期)?([一二三四五六日天])/.exec(text);
  if (range) {
    const from = DAY_NUMBER[range[1]!]!;
    const to = DAY_NUMBER[range[2]!]!;
    const out: number[] = [];
    for (let d = from; ; d = (d % 7) + 1) {
      out.push(d);
      if (d === to || out.length === 7) break;
    }
    return out.sort((a, b) => a - b);
  }
  const single = [...text.matchAll(/(?:周|星期)([一二三四五六日天])/g)].map((m) => DAY_NUMBER[m[1]!]!);
  return single.length > 0 ? [...new Set(single)].sort((a, b) => a - b) : ALL_DAYS;
}

/**
 * Reads opening hours from text; null when no «H:mm-H:mm» window is in it (the station then sets
 * no limit, e.g. «以现场公示为准»). Windows that end before they start are ignored.
 */
export function parseOpeningHours(text: string): OpeningHours | null {
  const windows = [...text.matchAll(/(\d{1,2})[:：](\d{2})\s*(?:-|—|–|~|～|至|到)\s*(\d{1,2})[:：](\d{2})/g)]
    .map((m) => ({ start: toMinutes(m[1]!, m[2]!), end: toMinutes(m[3]!, m[4]!) }))
    .filter((w) => w.end > w.start && w.end <= 24 * 60)
    .sort((a, b) => a.start - b.start);
  if (windows.length === 0) return null;
  return { weekdays: weekdaysOf(text), windows };
}

/** Whether `[start, end)` (minutes after midnight, on ISO weekday `weekday`) lies inside one open window. */
export function isOpenThroughout(hours: OpeningHours, weekday: number, start: number, end: number): boolean {
  return hours.weekdays.includes(weekday) && hours.windows.some((w) => start >= w.start && end <= w.end);
}

/** «周一至周五 8:00-12:00、14:30-17:30» — the hours as the app says them back. */
export function describeOpeningHours(hours: OpeningHours): string {
  const name = (d: number) => `周${'一二三四五六日'[d - 1]}`;
  const w = hours.weekdays;
  const consecutive = w.every((d, i) => i === 0 || d === w[i - 1]! + 1);
  const days =
    w.length === 7
      ? '每天'
      : consecutive && w.length > 2
        ? `${name(w[0]!)}至${name(w[w.length - 1]!)}`
        : w.map(name).join('、');
  return `${days} ${hours.windows.map((w) => `${minutesText(w.start)}-${minutesText(w.end)}`).join('、')}`;
}
