/**
 * The one way the server writes a day and a time for people (messages, refusals): 「12月7日 周一」 and
 * 「12月7日 周一 09:00–09:30」, the time range held together by word joiners so it never breaks across
 * lines. The app writes the same (src/utils/time.ts).
 */
import { inZone } from '../core/time';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const JOIN = '\u2060';

/** 「12月7日 周一」 of an instant, in Shanghai. */
export function dayWords(ms: number): string {
  const d = inZone(ms);
  return `${d.format('M月D日')} ${WEEKDAYS[d.day()]}`;
}

/** 「12月7日 周一 09:00–09:30」. */
export const slotWhen = (s: { start: number; end: number }): string =>
  `${dayWords(s.start)} ${inZone(s.start).format('HH:mm')}${JOIN}–${JOIN}${inZone(s.end).format('HH:mm')}`;

/** 「12月7日 09:00-09:30」: a subscribe message's time keyword (plain characters only). */
export const templateTime = (s: { start: number; end: number }): string =>
  `${inZone(s.start).format('M月D日 HH:mm')}-${inZone(s.end).format('HH:mm')}`;
