import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Shanghai is UTC+8 all year; a fixed offset needs no Intl time-zone data on the device. */
const SHANGHAI_MINUTES = 8 * 60;
const shanghai = (ms: number) => dayjs(ms).utcOffset(SHANGHAI_MINUTES);

const WEEKDAYS = '日一二三四五六';
/** 「12月6日 周日 20:45」: the one style people read a moment in, in Shanghai whatever the device's zone. */
export const formatTime = (ms: number): string => {
  const d = shanghai(ms);
  return `${d.format('M月D日')} 周${WEEKDAYS[d.day()]} ${d.format('HH:mm')}`;
};
/** 「20:45」 in Shanghai. */
export const formatClock = (ms: number): string => shanghai(ms).format('HH:mm');
/** 'YYYY-MM-DD' of an instant, in Asia/Shanghai. */
export { dayjs };

export const formatDate = (ms: number): string => shanghai(ms).format('YYYY-MM-DD');
/** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
export const formatDateTime = (ms: number): string => shanghai(ms).format('YYYY-MM-DD HH:mm');
/** The next full hour after `ms` (a sensible default start for something being planned now). */
export const nextFullHour = (ms: number): number => shanghai(ms).startOf('hour').add(1, 'hour').valueOf();
