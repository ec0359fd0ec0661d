import { formatDate, formatTime } from './time';

test('times show in Shanghai, across the UTC date line', () => {
  const lateUtc = Date.parse('2026-11-23T17:30:00Z');
  expect(formatTime(lateUtc)).toBe('11-24 01:30');
  expect(formatDate(lateUtc)).toBe('2026-11-24');
});
