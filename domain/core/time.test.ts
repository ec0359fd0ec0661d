import fc from 'fast-check';
import { formatShanghai, inZone } from './time';

test('formatShanghai writes what the zone plugin writes, for any instant since 1992', () => {
  const from = Date.parse('1992-01-01T00:00:00Z');
  const to = Date.parse('2100-01-01T00:00:00Z');
  fc.assert(
    fc.property(fc.integer({ min: from, max: to }), (ms) => {
      for (const pattern of ['M月D日 HH:mm', 'YYYY-MM-DD HH:mm:ss', 'YYYY-MM-DD'])
        expect(formatShanghai(ms, pattern)).toBe(inZone(ms).format(pattern));
    }),
    { numRuns: 500 },
  );
  // 16:30 UTC is already the next day in Shanghai.
  expect(formatShanghai(Date.parse('2026-12-06T16:30:00Z'), 'M月D日 HH:mm')).toBe('12月7日 00:30');
});
