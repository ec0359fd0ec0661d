import { formatClock, formatDate, formatTime } from './time';

test('times show in Shanghai, across the UTC date line', () => {
  const lateUtc = Date.parse('2026-11-23T17:30:00Z');
  expect(formatTime(lateUtc)).toBe('11月24日 周二 01:30');
  expect(formatClock(lateUtc)).toBe('01:30');
  expect(formatDate(lateUtc)).toBe('2026-11-24');
});
