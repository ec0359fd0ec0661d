/** Bounded work per request: ranges, counts and exports are measured before any loop, and refused whole. */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { dayOf, inZone, shanghaiClock } from './time';
import fc from 'fast-check';
import { datesBetween } from '../slots/generate';
import { LIMITS, assertDayRange, assertSlotCount, daySpan } from './limits';

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 86_400_000;
jest.setTimeout(120_000);
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const template = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '18:00', slotMinutes: 60, capacity: 5 };

test('day spans are arithmetic, inclusive, and exact across leap years and the whole calendar', () => {
  expect(daySpan('2026-11-23', '2026-11-23')).toBe(1);
  expect(daySpan('2024-02-28', '2024-03-01')).toBe(3);
  expect(daySpan('0001-01-01', '9999-12-31')).toBe(3_652_059);
  expect(daySpan('2026-12-31', '2026-01-01')).toBe(-363);
});

const anyDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

test('for any two dates in the calendar, a range is refused exactly when reversed or too long, and its span is what listing would give', () => {
  fc.assert(
    fc.property(
      anyDate,
      fc.integer({ min: -5, max: 120 }),
      fc.constantFrom(LIMITS.exportDays, LIMITS.generateDays),
      (from, offset, max) => {
        const to = new Date(Date.parse(`${from}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
        if (!/^\d{4}-/.test(to)) return;
        const refused = (() => {
          try {
            assertDayRange(from, to, max, '导出');
            return false;
          } catch {
            return true;
          }
        })();
        expect(refused).toBe(offset < 0 || offset + 1 > max);
        if (offset >= 0 && from >= '1900') expect(datesBetween(from, to)).toHaveLength(daySpan(from, to));
      },
    ),
  );
  fc.assert(
    fc.property(anyDate, anyDate, (a, b) =>
      expect(daySpan(a, b)).toBe(Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY) + 1),
    ),
  );
});

test('the slot count is bounded from the template before any date is listed', () => {
  const t = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '16:00', slotMinutes: 15 };
  expect(assertSlotCount(62, t)).toBe(1984);
  expect(assertSlotCount(62, { ...t, weekdays: [1] })).toBe(9 * 32);
  expect(() => assertSlotCount(62, { ...t, end: '16:30' })).toThrow('一次最多生成 2000 个时段');
  expect(() => datesBetween('0001-01-01', '9999-12-31')).toThrow(/longer than/);
});

test('the arithmetic Shanghai clock used by exports agrees with the zone library', () => {
  for (let t = Date.parse('1992-01-01T00:00:00Z'); t < Date.parse('2040-01-01T00:00:00Z'); t += 29 * DAY + 3_723_000) {
    expect(shanghaiClock(t, true)).toBe(inZone(t).format('YYYY-MM-DD HH:mm:ss'));
  }
  expect(shanghaiClock(Date.parse('2026-11-23T16:05:00Z'))).toBe('2026-11-24 00:05');
});

test('every range action refuses 0001-01-01..9999-12-31 and other extremes with its limit in Chinese, writing nothing', async () => {
  const today = dayOf(w.now);
  const far = (days: number) => dayOf(w.now + days * DAY);
  const gen = (from: string, to: string, t: object = template) =>
    [
      ['stations', { action: 'generateSlots', itemId: 'it-yf-center-legal', from, to, template: t }],
      ['vaccine', { action: 'generateSlots', siteId: 'vs-yf-01', from, to, template: t }],
    ] as const;
  const exp = (from: string, to: string) =>
    [
      ['stations', { action: 'export', itemId: 'it-yf-center-legal', from, to }],
      ['vaccine', { action: 'export', siteId: 'vs-yf-01', from, to }],
    ] as const;
  const cases: [readonly [string, object], string][] = [
    ...gen('0001-01-01', '9999-12-31').map((c) => [c, '生成范围不能超过 62 天'] as [readonly [string, object], string]),
    ...gen(today, far(62)).map((c) => [c, '生成范围不能超过 62 天'] as [readonly [string, object], string]),
    ...gen(today, far(61), { ...template, start: '00:00', end: '23:50', slotMinutes: 10 }).map(
      (c) => [c, `一次最多生成 ${LIMITS.generateSlots} 个时段`] as [readonly [string, object], string],
    ),
    ...gen(far(5), far(1)).map((c) => [c, '开始日期不能晚于结束日期'] as [readonly [string, object], string]),
    ...exp('0001-01-01', '9999-12-31').map((c) => [c, '导出范围不能超过 92 天'] as [readonly [string, object], string]),
    ...exp(today, far(92)).map((c) => [c, '导出范围不能超过 92 天'] as [readonly [string, object], string]),
    ...exp('9999-12-31', '0001-01-01').map(
      (c) => [c, '开始日期不能晚于结束日期'] as [readonly [string, object], string],
    ),
    [['points', { action: 'export', from: '0001-01-01', to: '9999-12-31' }], '导出范围不能超过 366 天'],
  ];
  const before = await dump(w.db, Object.keys(COLLECTIONS));
  for (const [[fn, event], message] of cases) {
    const res = await w.call(fn, event, 'demo-admin');
    expect([fn, JSON.stringify(event).slice(0, 90), res]).toEqual([
      fn,
      JSON.stringify(event).slice(0, 90),
      { ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining(message) } },
    ]);
  }
  expect(await dump(w.db, Object.keys(COLLECTIONS))).toBe(before);
});

test('the largest allowed requests still run: 62 days of slots, a 92-day export', async () => {
  const from = dayOf(w.now + DAY);
  const to = dayOf(w.now + 62 * DAY);
  const made = await w.call<{ created: number; existing: number }>(
    'vaccine',
    { action: 'generateSlots', siteId: 'vs-yf-02', from, to, template: { ...template, slotMinutes: 300 } },
    'demo-admin',
  );
  expect(made.ok && made.data.created + made.data.existing).toBe(62 * 2);
  const exported = await w.call<{ rows: number }>(
    'stations',
    { action: 'export', itemId: 'it-yf-center-legal', from: dayOf(w.now), to: dayOf(w.now + 91 * DAY) },
    'demo-admin',
  );
  expect(exported.ok).toBe(true);
});
