/** Closing a day (closeSlots): a reason is required, and the residents' message names the place, item, date and slot. */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { dayOf } from '../core/time';
import { checkBookingInvariants } from './invariants';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 86_400_000;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

/** A fresh item at the 永福 centre with two slots tomorrow (10:00-10:30, 10:30-11:00) and one booking in the first. */
let days = 0;
async function bookedDay() {
  days += 1;
  const n = days;
  const itemId = `it-close-${n}`;
  expect(
    (
      await w.call(
        'stations',
        { action: 'saveItem', itemId, stationId: 'st-yf-center', name: `政策咨询${n}`, kind: 'service' },
        'demo-admin',
      )
    ).ok,
  ).toBe(true);
  const date = dayOf(w.now + DAY);
  const template = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '11:00', slotMinutes: 30, capacity: 3 };
  expect(
    await w.call('stations', { action: 'generateSlots', itemId, from: date, to: date, template }, 'demo-admin'),
  ).toMatchObject({ ok: true, data: { created: 2, existing: 0 } });
  const slots = await w.call<{ slots: { slotId: string }[] }>('stations', { action: 'slots', itemId, date });
  if (!slots.ok) throw new Error(slots.error.message);
  const resident = `close-resident-${n}`;
  await w.db
    .collection('users')
    .add({ _id: resident, nickname: '居民', role: 'resident', branchId: null, createdAt: w.now });
  const booked = await w.call(
    'stations',
    { action: 'book', slotId: slots.data.slots[0]!.slotId, requestId: `close-book-${n}` },
    resident,
  );
  expect(booked.ok).toBe(true);
  return { itemId, date, resident };
}

test.each([
  ['no reason', {}],
  ['an empty reason', { reason: '' }],
  ['a blank reason', { reason: '   ' }],
])('%s is refused beside the reason field, and nothing is closed or cancelled', async (_name, extra) => {
  const { itemId, date } = await bookedDay();
  const before = await dump(w.db, Object.keys(COLLECTIONS));
  expect(await w.call('stations', { action: 'closeSlots', itemId, date, ...extra }, 'demo-admin')).toEqual({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', field: 'reason', message: '请填写关闭原因（会通知已预约的居民）' },
  });
  expect(await dump(w.db, Object.keys(COLLECTIONS))).toBe(before);
});

test('the cancelled resident is told the station, the item, the date, the slot and the reason', async () => {
  const { itemId, date, resident } = await bookedDay();
  expect(await w.call('stations', { action: 'closeSlots', itemId, date, reason: '设备检修' }, 'demo-admin')).toEqual({
    ok: true,
    data: { closed: 2, cancelled: 1 },
  });
  const msgs = await w.call<{ items: { kind: string; title: string; body: string }[] }>(
    'stations',
    { action: 'messages' },
    resident,
  );
  if (!msgs.ok) throw new Error(msgs.error.message);
  const cancelled = msgs.data.items.find((m) => m.kind === 'cancelled' && m.title.includes(`政策咨询${days}`));
  const [, month, day] = date.split('-').map(Number);
  const weekday = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][new Date(`${date}T00:00:00Z`).getUTCDay()];
  // One date style (「12月7日 周一」), the time range held together by word joiners.
  expect(cancelled?.body).toBe(
    `因设备检修，你预约的永福县党群服务中心「政策咨询${days}」 ${month}月${day}日 ${weekday} 10:00\u2060–\u206010:30 时段已关闭，预约已取消，敬请谅解。可另选其他时段预约。`,
  );
  for (const r of await checkBookingInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
});
