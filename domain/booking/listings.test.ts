/**
 * What people read of a station's item: where each slot stands (the one slot chip), the day the page
 * opens on, and 我的预约 naming the station; against the embedded engine and the CloudBase double.
 */
import { seededWorld } from '../../test/support/functions';
import { dayOf } from '../core/time';
import { slotChip, type SlotState } from '../slots/labels';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const ITEM = 'it-yf-center-room';
const JOIN = '\u2060';

let w: World;
beforeAll(async () => {
  // 10:00 in Shanghai: the room's 08:00 sitting is over, the 10:00 one has begun, 14:30 is still to come.
  w = await seededWorld(Date.parse('2026-11-23T02:00:00Z'));
});
afterAll(() => w.db.close());

function ok<T>(res: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

interface SlotAnswer {
  slotId: string;
  start: number;
  end: number;
  remaining: number;
  waiting: number;
  closed: boolean;
  mine: 'booked' | 'waiting' | null;
  state: SlotState;
  stateLabel: string;
  bookable: boolean;
}
const slotsOf = async (input: { date?: string }, at = w.now, who = 'demo-resident') =>
  ok(
    await w.call.at(at)<{ date: string; slots: SlotAnswer[]; item: { stationName: string; stationAddress: string } }>(
      'stations',
      { action: 'slots', itemId: ITEM, ...input },
      who,
    ),
  );

test('a sitting that is over says 已结束, one under way 进行中, and neither offers seats', async () => {
  const { slots, item } = await slotsOf({ date: dayOf(w.now) });
  expect(slots.map((s) => [s.state, s.stateLabel, s.bookable])).toEqual([
    ['ended', '已结束', false],
    ['ongoing', '进行中', false],
    ['upcoming', '未开始', true],
  ]);
  expect(slots.map((s) => slotChip(s).label)).toEqual(['已结束', '进行中', '余 1']);
  expect(item.stationName).toBe('永福县党群服务中心');
  expect(item.stationAddress).not.toBe('');
});

test('without a date the page opens on today while a sitting is still to come, else on the next day with one', async () => {
  expect((await slotsOf({})).date).toBe(dayOf(w.now));
  // 17:00: the 14:30 sitting has begun.
  expect((await slotsOf({}, w.now + 7 * HOUR)).date).toBe(dayOf(w.now + DAY));
});

test('a full sitting says 已约满 and offers its waiting list; 我的预约 names the station and its address', async () => {
  const { slots } = await slotsOf({ date: dayOf(w.now + 2 * DAY) });
  const slot = slots[0]!;
  const booked = ok(
    await w.call<{ bookingId: string; code: string }>(
      'stations',
      { action: 'book', slotId: slot.slotId, requestId: 'listings-test-book-1' },
      'demo-member',
    ),
  );
  const seen = (await slotsOf({ date: dayOf(w.now + 2 * DAY) })).slots[0]!;
  expect(slotChip(seen)).toEqual({ view: 'full', label: '已约满 · 可候补', tappable: true });
  const mine = (await slotsOf({ date: dayOf(w.now + 2 * DAY) }, w.now, 'demo-member')).slots[0]!;
  expect(slotChip(mine).label).toBe('已预约');

  const station = (await w.db.collection('stations').doc('st-yf-center').get()) as unknown as {
    name: string;
    address: string;
  };
  const page = ok(
    await w.call<{ items: { bookingId: string; stationName: string; stationAddress: string }[] }>(
      'stations',
      { action: 'myBookings' },
      'demo-member',
    ),
  );
  expect(page.items.find((b) => b.bookingId === booked.bookingId)).toMatchObject({
    stationName: station.name,
    stationAddress: station.address,
  });

  // Its message reads the day as everywhere else: 「11月25日 周三 08:00–10:00」.
  const inbox = ok(
    await w.call<{ items: { refId: string | null; kind: string; body: string }[] }>(
      'user',
      { action: 'messages', module: 'booking' },
      'demo-member',
    ),
  );
  const message = inbox.items.find((m) => m.refId === booked.bookingId && m.kind === 'booked');
  expect(message?.body).toContain(`11月25日 周三 08:00${JOIN}–${JOIN}10:00`);
});
