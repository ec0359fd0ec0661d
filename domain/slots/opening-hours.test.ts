/**
 * Slots agree with the station: generated only inside its opening hours, and a slot under way says
 * 「进行中」 rather than 「已结束」. Runs on every engine (it writes).
 */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { atShanghai, inZone } from '../core/time';
import { slotsForDate } from './generate';
import { parseOpeningHours } from '../slots/hours';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
// The fixed clock of seededWorld: Monday 2026-11-23, 10:00 in Shanghai.
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const DATE = '2026-11-24'; // a Tuesday
const HOURLY = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '18:00', slotMinutes: 60, capacity: 5 };
const times = async (itemId: string, date = DATE) => {
  const res = await w.call<{ slots: { start: number }[] }>('stations', { action: 'slots', itemId, date });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.slots.map((s) => inZone(s.start).format('HH:mm'));
};

async function stationWithItem(stationId: string, openHours: string): Promise<string> {
  const saved = await w.call(
    'stations',
    {
      action: 'saveStation',
      stationId,
      name: `测试驿站${stationId.slice(-2)}`,
      kind: 'center',
      county: '桂林市永福县',
      district: '永福镇',
      address: '测试路 1 号',
      openHours,
    },
    'demo-admin',
  );
  expect(saved.ok).toBe(true);
  const itemId = `it-${stationId}`;
  expect(
    (
      await w.call(
        'stations',
        { action: 'saveItem', itemId, stationId, name: '测试项目', kind: 'service' },
        'demo-admin',
      )
    ).ok,
  ).toBe(true);
  return itemId;
}

test('the planner marks slots outside 8:00-12:00 and 14:30-17:30 as closed', () => {
  const planned = slotsForDate(HOURLY, DATE, parseOpeningHours('周一至周五 8:00-12:00 14:30-17:30'));
  expect(planned.filter((s) => s.open).map((s) => s.hhmm)).toEqual([
    '08:00',
    '09:00',
    '10:00',
    '11:00',
    '15:00',
    '16:00',
  ]);
  expect(planned.filter((s) => !s.open).map((s) => s.hhmm)).toEqual(['12:00', '13:00', '14:00', '17:00']);
  expect(slotsForDate(HOURLY, DATE, null).every((s) => s.open)).toBe(true);
});

test('generateSlots makes no 12:00 or 13:00 slot at a station open 8:00-12:00 and 14:30-17:30, and says what it skipped', async () => {
  const itemId = await stationWithItem('st-test-h1', '周一至周五 8:00-12:00 14:30-17:30');
  const res = await w.call<{ created: number; skipped: number; skippedReason: string | null }>(
    'stations',
    { action: 'generateSlots', itemId, from: DATE, to: DATE, template: HOURLY },
    'demo-admin',
  );
  expect(res).toEqual({
    ok: true,
    data: {
      created: 6,
      existing: 0,
      skipped: 4,
      skippedReason: '4 个时段不在「测试驿站h1」的开放时间（周一至周五 8:00-12:00、14:30-17:30）内，已跳过',
    },
  });
  expect(await times(itemId)).toEqual(['08:00', '09:00', '10:00', '11:00', '15:00', '16:00']);
});

test('a template wholly outside the hours (or on a closed day) is refused and writes nothing', async () => {
  const itemId = await stationWithItem('st-test-h2', '周一至周五 8:00-12:00 14:30-17:30');
  const before = await dump(w.db, Object.keys(COLLECTIONS));
  const lunch = await w.call(
    'stations',
    { action: 'generateSlots', itemId, from: DATE, to: DATE, template: { ...HOURLY, start: '12:00', end: '14:00' } },
    'demo-admin',
  );
  expect(lunch).toEqual({
    ok: false,
    error: {
      code: 'INVALID_ARGUMENT',
      message: '所选时段都不在「测试驿站h2」的开放时间（周一至周五 8:00-12:00、14:30-17:30）内，未生成任何时段',
    },
  });
  const saturday = await w.call(
    'stations',
    { action: 'generateSlots', itemId, from: '2026-11-28', to: '2026-11-29', template: HOURLY },
    'demo-admin',
  );
  expect(saturday).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await dump(w.db, Object.keys(COLLECTIONS))).toBe(before);
});

test('a station whose hours name no time sets no limit', async () => {
  const itemId = await stationWithItem('st-test-h3', '以现场公示为准');
  const res = await w.call(
    'stations',
    { action: 'generateSlots', itemId, from: DATE, to: DATE, template: HOURLY },
    'demo-admin',
  );
  expect(res).toEqual({ ok: true, data: { created: 10, existing: 0, skipped: 0, skippedReason: null } });
});

test('with a fixed clock a slot is 未开始, then 进行中 while under way (not bookable), then 已结束', async () => {
  const itemId = await stationWithItem('st-test-h4', '每天 8:00-12:00');
  expect(
    (
      await w.call(
        'stations',
        { action: 'generateSlots', itemId, from: DATE, to: DATE, template: { ...HOURLY, end: '12:00' } },
        'demo-admin',
      )
    ).ok,
  ).toBe(true);
  type Answer = {
    slots: { start: number; state: string; stateLabel: string; bookable: boolean }[];
    item: { name: string; stationName: string };
  };
  const at = async (clock: string) => {
    const res = await w.call.at(atShanghai(`${DATE} ${clock}`))<Answer>('stations', {
      action: 'slots',
      itemId,
      date: DATE,
    });
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  };
  const nine = (await at('09:30')).slots;
  expect(nine.map((s) => [inZone(s.start).format('HH:mm'), s.state, s.stateLabel, s.bookable])).toEqual([
    ['08:00', 'ended', '已结束', false],
    ['09:00', 'ongoing', '进行中', false],
    ['10:00', 'upcoming', '未开始', true],
    ['11:00', 'upcoming', '未开始', true],
  ]);
  expect((await at('07:59')).slots.every((s) => s.state === 'upcoming')).toBe(true);
  expect((await at('10:00')).slots.map((s) => s.state)).toEqual(['ended', 'ended', 'ongoing', 'upcoming']);
  expect((await at('12:00')).slots.every((s) => s.state === 'ended' && !s.bookable)).toBe(true);
  // The answer names what a confirmation must: the item and its station.
  expect((await at('09:30')).item).toMatchObject({ name: '测试项目', stationName: '测试驿站h4' });
});
