/** Station bookings against the embedded engine: capacity, one per person, waiting list, check-in, admin. */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { dayOf, inZone } from '../core/time';
import { maskName } from '../privacy/mask';
import { checkBookingInvariants } from './invariants';
import { markNoShows } from './jobs';
import { deliverMessages } from '../messages/deliver';
import { BOOKERS } from './model';
import { bookingIdOf } from './seating';
import { markOf, takeMarked } from '../core/intents';
import { SLOTS } from '../slots/model';

// Through the real SDK against the CloudBase double (the cloudbase-* projects) a storm takes seconds, not milliseconds.
jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const expectClean = async (w: World) => {
  for (const r of await checkBookingInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
};
const everything = (w: World) => dump(w.db, Object.keys(COLLECTIONS));

let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

/** An item with one slot tomorrow at 10:00 of the given capacity. */
let items = 0;
async function itemWithSlot(capacity: number): Promise<{ itemId: string; slotId: string; start: number }> {
  items += 1;
  const itemId = `it-test-${items}`;
  const saved = await w.call(
    'stations',
    { action: 'saveItem', itemId, stationId: 'st-yf-center', name: `测试项目${items}`, kind: 'service' },
    'demo-admin',
  );
  expect(saved.ok).toBe(true);
  const date = dayOf(w.now + DAY);
  const gen = await w.call<{ created: number }>(
    'stations',
    {
      action: 'generateSlots',
      itemId,
      from: date,
      to: date,
      template: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '10:00', end: '11:00', slotMinutes: 60, capacity },
    },
    'demo-admin',
  );
  expect(gen).toEqual({ ok: true, data: { created: 1, existing: 0, skipped: 0, skippedReason: null } });
  const slots = await w.call<{ slots: { slotId: string; start: number }[] }>('stations', {
    action: 'slots',
    itemId,
    date,
  });
  if (!slots.ok) throw new Error(slots.error.message);
  return { itemId, slotId: slots.data.slots[0]!.slotId, start: slots.data.slots[0]!.start };
}

async function users(n: number, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  for (const id of ids)
    await w.db.collection('users').add({
      _id: id,
      nickname: `居民${id}`,
      role: 'resident',
      branchId: null,
      createdAt: w.now,
      phone: '13812345678',
    });
  return ids;
}

test('seeded stations have bookable items with slots for the next 14 days', async () => {
  const detail = await w.call<{ items: { itemId: string }[] }>('stations', {
    action: 'detail',
    stationId: 'st-yf-center',
  });
  expect(detail.ok && detail.data.items.map((i) => i.itemId)).toEqual(['it-yf-center-legal', 'it-yf-center-room']);
  for (const offset of [0, 13]) {
    // Two-hour sittings inside the centre's hours (8:00-18:00): 8:00, 10:00 and 14:30.
    const res = await w.call<{ slots: { start: number }[] }>('stations', {
      action: 'slots',
      itemId: 'it-yf-center-room',
      date: dayOf(w.now + offset * DAY),
    });
    expect(res.ok && res.data.slots.map((s) => inZone(s.start).format('HH:mm'))).toEqual(['08:00', '10:00', '14:30']);
  }
});

test('a booking takes a seat, shows a code, and lands in my bookings and messages', async () => {
  const { itemId, slotId } = await itemWithSlot(5);
  const res = await w.call<{ bookingId: string; code: string }>(
    'stations',
    { action: 'book', slotId, requestId: 'book-first-1' },
    'demo-resident',
  );
  if (!res.ok) throw new Error(res.error.message);
  expect(res.data.code).toMatch(/^\d{8}$/);
  const slots = await w.call<{ slots: { remaining: number; mine: string | null }[] }>(
    'stations',
    { action: 'slots', itemId, date: dayOf(w.now + DAY) },
    'demo-resident',
  );
  expect(slots.ok && slots.data.slots[0]).toMatchObject({ remaining: 4, mine: 'booked' });
  const mine = await w.call<{ items: { bookingId: string; code: string }[] }>(
    'stations',
    { action: 'myBookings' },
    'demo-resident',
  );
  expect(mine.ok && mine.data.items[0]).toMatchObject({ bookingId: res.data.bookingId, code: res.data.code });
  const messages = await w.call<{ items: { kind: string }[] }>('stations', { action: 'messages' }, 'demo-resident');
  expect(messages.ok && messages.data.items.map((m) => m.kind)).toEqual(['booked']);
  await expectClean(w);
});

test('300 concurrent bookings by 300 people on a slot of 20: exactly 20, the rest SLOT_FULL', async () => {
  const { slotId } = await itemWithSlot(20);
  const ids = await users(300, 'storm');
  const results = await Promise.all(
    ids.map((id, i) => w.call('stations', { action: 'book', slotId, requestId: `storm-${i}-req` }, id)),
  );
  expect(results.filter((r) => r.ok)).toHaveLength(20);
  expect(new Set(results.filter((r) => !r.ok).map(codeOf))).toEqual(new Set(['SLOT_FULL']));
  await expectClean(w);
});

test('one person sending 10 bookings at once gets one; the same request id gets the same answer', async () => {
  const { slotId } = await itemWithSlot(10);
  const [id] = await users(1, 'ten');
  const different = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      w.call('stations', { action: 'book', slotId, requestId: `ten-${i}-req` }, id!),
    ),
  );
  expect(different.filter((r) => r.ok)).toHaveLength(1);
  expect(different.filter((r) => !r.ok).every((r) => codeOf(r) === 'CONFLICT')).toBe(true);
  const { slotId: other } = await itemWithSlot(10);
  const same = await Promise.all(
    Array.from({ length: 10 }, () =>
      w.call('stations', { action: 'book', slotId: other, requestId: 'same-req-1' }, id!),
    ),
  );
  expect(new Set(same.map((r) => JSON.stringify(r))).size).toBe(1);
  expect(same[0]!.ok).toBe(true);
  await expectClean(w);
});

test('a booking cancelled twice at once returns one seat', async () => {
  const { slotId } = await itemWithSlot(3);
  const [id] = await users(1, 'twice');
  const booked = await w.call<{ bookingId: string }>(
    'stations',
    { action: 'book', slotId, requestId: 'twice-req-1' },
    id!,
  );
  if (!booked.ok) throw new Error(booked.error.message);
  const cancels = await Promise.all(
    [1, 2].map(() => w.call('stations', { action: 'cancel', bookingId: booked.data.bookingId }, id!)),
  );
  expect(cancels.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
  expect(await w.db.collection('slots').doc(slotId).get()).toMatchObject({ booked: 0 });
  await expectClean(w);
});

test('booking the same slot again after a cancellation: one active booking with a new code, one seat, repeats answer it', async () => {
  const { slotId } = await itemWithSlot(3);
  const [id] = await users(1, 'again');
  const first = await w.call<{ bookingId: string; code: string }>(
    'stations',
    { action: 'book', slotId, requestId: 'again-req-1' },
    id!,
  );
  if (!first.ok) throw new Error(first.error.message);
  expect(await w.call('stations', { action: 'cancel', bookingId: first.data.bookingId }, id!)).toMatchObject({
    ok: true,
  });
  // Its document is there (cancelled): the first attempt finds it taken, the next reads and rewrites it.
  const again = await Promise.all(
    [1, 2, 3].map(() =>
      w.call<{ bookingId: string; code: string }>(
        'stations',
        { action: 'book', slotId, requestId: 'again-req-2' },
        id!,
      ),
    ),
  );
  expect(new Set(again.map((r) => JSON.stringify(r))).size).toBe(1);
  if (!again[0]!.ok) throw new Error(again[0]!.error.message);
  expect(again[0]!.data.bookingId).toBe(first.data.bookingId);
  expect(await w.db.collection('bookings').doc(first.data.bookingId).get()).toMatchObject({
    status: 'active',
    requestId: 'again-req-2',
    code: again[0]!.data.code,
  });
  expect(await w.db.collection('slots').doc(slotId).get()).toMatchObject({ booked: 1, holding: 0 });
  expect(await w.db.collection(BOOKERS).doc(id!).get()).toMatchObject({ active: 1, seq: 2 });
  // Booked now: another request is refused, and the first request's answer is not given again.
  expect(codeOf(await w.call('stations', { action: 'book', slotId, requestId: 'again-req-3' }, id!))).toBe('CONFLICT');
  expect(codeOf(await w.call('stations', { action: 'book', slotId, requestId: 'again-req-1' }, id!))).toBe('CONFLICT');
  await expectClean(w);
});

test('concurrent cancels with a waiting list promote one person per freed seat, in order, never above capacity', async () => {
  const { slotId } = await itemWithSlot(5);
  const seated = await users(5, 'seat');
  const waiting = await users(8, 'wait');
  const bookings: string[] = [];
  for (const [i, id] of seated.entries()) {
    const r = await w.call<{ bookingId: string }>(
      'stations',
      { action: 'book', slotId, requestId: `seat-${i}-req` },
      id,
    );
    if (r.ok) bookings.push(r.data.bookingId);
  }
  expect(codeOf(await w.call('stations', { action: 'book', slotId, requestId: 'late-req-1' }, waiting[0]!))).toBe(
    'SLOT_FULL',
  );
  for (const id of waiting) expect(codeOf(await w.call('stations', { action: 'joinWaitlist', slotId }, id))).toBe('ok');
  const cancels = await Promise.all(
    bookings
      .slice(0, 3)
      .flatMap((bookingId, i) => [1, 2].map(() => w.call('stations', { action: 'cancel', bookingId }, seated[i]!))),
  );
  expect(cancels.filter((r) => r.ok)).toHaveLength(3);
  const slot = await w.db.collection('slots').doc(slotId).get();
  expect(slot).toMatchObject({ booked: 5, queue: waiting.slice(3) });
  for (const id of waiting.slice(0, 3)) {
    const msgs = await w.call<{ items: { kind: string }[] }>('stations', { action: 'messages' }, id);
    expect(msgs.ok && msgs.data.items.map((m) => m.kind)).toContain('promoted');
  }
  await expectClean(w);
});

test('a waiter at the booking limit is told, keeps their place, and gets a later seat once a booking of theirs frees', async () => {
  const { slotId } = await itemWithSlot(2);
  const [busy, next, seatedA, seatedB] = await users(4, 'held');
  // `busy` holds three bookings elsewhere: the limit.
  const theirs: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const r = await w.call<{ bookingId: string }>(
      'stations',
      { action: 'book', slotId: (await itemWithSlot(3)).slotId, requestId: `held-own-${i}` },
      busy!,
    );
    if (!r.ok) throw new Error(r.error.message);
    theirs.push(r.data.bookingId);
  }
  const seats: string[] = [];
  for (const [i, id] of [seatedA!, seatedB!].entries()) {
    const r = await w.call<{ bookingId: string }>(
      'stations',
      { action: 'book', slotId, requestId: `held-seat-${i}` },
      id,
    );
    if (!r.ok) throw new Error(r.error.message);
    seats.push(r.data.bookingId);
  }
  expect(await w.call('stations', { action: 'joinWaitlist', slotId }, busy!)).toEqual({
    ok: true,
    data: { slotId, position: 1 },
  });
  expect(await w.call('stations', { action: 'joinWaitlist', slotId }, next!)).toEqual({
    ok: true,
    data: { slotId, position: 2 },
  });

  // A seat frees: it goes to the next eligible waiter; `busy` keeps first place and gets a message saying why.
  expect(codeOf(await w.call('stations', { action: 'cancel', bookingId: seats[0] }, seatedA!))).toBe('ok');
  expect(await w.db.collection('slots').doc(slotId).get()).toMatchObject({ booked: 2, queue: [busy] });
  const kinds = async (id: string) => {
    const msgs = await w.call<{ items: { kind: string; body: string }[] }>('stations', { action: 'messages' }, id);
    return msgs.ok ? msgs.data.items : [];
  };
  expect(await kinds(next!)).toContainEqual(expect.objectContaining({ kind: 'promoted' }));
  const held = (await kinds(busy!)).filter((m) => m.kind === 'waitlistHeld');
  expect(held).toHaveLength(1);
  expect(held[0]!.body).toContain('候补位置已保留');
  expect(await w.call('stations', { action: 'joinWaitlist', slotId }, busy!)).toEqual({
    ok: true,
    data: { slotId, position: 1 },
  });

  // One of their own bookings frees; the next seat in this slot is theirs.
  expect(codeOf(await w.call('stations', { action: 'cancel', bookingId: theirs[0] }, busy!))).toBe('ok');
  expect(codeOf(await w.call('stations', { action: 'cancel', bookingId: seats[1] }, seatedB!))).toBe('ok');
  expect(await w.db.collection('slots').doc(slotId).get()).toMatchObject({ booked: 2, queue: [] });
  expect(await kinds(busy!)).toContainEqual(expect.objectContaining({ kind: 'promoted' }));
  expect((await kinds(busy!)).filter((m) => m.kind === 'waitlistHeld')).toHaveLength(1);
  await expectClean(w);
});

test('the active-booking limit, started and closed slots, and the cancel deadline', async () => {
  const [id] = await users(1, 'lim');
  for (let i = 0; i < 3; i += 1) {
    const { slotId } = await itemWithSlot(5);
    expect(codeOf(await w.call('stations', { action: 'book', slotId, requestId: `lim-${i}-req` }, id!))).toBe('ok');
  }
  const { itemId, slotId, start } = await itemWithSlot(5);
  expect(codeOf(await w.call('stations', { action: 'book', slotId, requestId: 'lim-4-req' }, id!))).toBe(
    'LIMIT_REACHED',
  );
  expect(
    codeOf(await w.call.at(start + 1)('stations', { action: 'book', slotId, requestId: 'late-1-req' }, 'demo-staff')),
  ).toBe('TOO_LATE');
  const booked = await w.call<{ bookingId: string }>(
    'stations',
    { action: 'book', slotId, requestId: 'staff-1-req' },
    'demo-staff',
  );
  if (!booked.ok) throw new Error(booked.error.message);
  expect(
    codeOf(
      await w.call.at(start - 10 * 60_000)(
        'stations',
        { action: 'cancel', bookingId: booked.data.bookingId },
        'demo-staff',
      ),
    ),
  ).toBe('TOO_LATE');
  const closed = await w.call<{ closed: number; cancelled: number }>(
    'stations',
    { action: 'closeSlots', itemId, date: dayOf(start), reason: '设备检修' },
    'demo-admin',
  );
  expect(closed).toEqual({ ok: true, data: { closed: 1, cancelled: 1 } });
  expect(codeOf(await w.call('stations', { action: 'book', slotId, requestId: 'closed-1-req' }, 'demo-member'))).toBe(
    'TOO_LATE',
  );
  const msgs = await w.call<{ items: { kind: string; body: string }[] }>(
    'stations',
    { action: 'messages' },
    'demo-staff',
  );
  expect(msgs.ok && msgs.data.items).toContainEqual(
    expect.objectContaining({ kind: 'cancelled', body: expect.stringContaining('设备检修') }),
  );
  await expectClean(w);
});

test('closing a day rolls back a booking still under way, so none lands on a closed slot', async () => {
  const { itemId, slotId, start } = await itemWithSlot(3);
  const [who] = await users(1, 'closing-under-way-');
  const _ = w.db.command;
  // A request stopped between taking its seat and committing its booking: only its mark (the intent
  // itself) is left; its transaction, with the person's counter, never committed.
  const mark = {
    kind: 'book',
    effectId: bookingIdOf(slotId, who!),
    openid: who!,
    takeId: 't-closing-1',
    at: w.now,
    qty: 1,
    total: 0,
    seat: null,
  } as const;
  expect(await takeMarked(w.db, SLOTS, slotId, 'in-closing-1', { booked: _.lt(3) }, { booked: _.inc(1) }, mark)).toBe(
    true,
  );
  const closed = await w.call<{ closed: number; cancelled: number }>(
    'stations',
    { action: 'closeSlots', itemId, date: dayOf(start), reason: '场地维修' },
    'demo-admin',
  );
  expect(closed).toEqual({ ok: true, data: { closed: 1, cancelled: 0 } });
  const slot = await w.db.collection(SLOTS).doc(slotId).get();
  expect(slot?.booked).toBe(0);
  expect(markOf(slot, 'in-closing-1')).toBeUndefined();
  expect(slot?.holding).toBe(0);
  expect((await w.db.collection(BOOKERS).doc(who!).get())?.active ?? 0).toBe(0);
  await expectClean(w);
});

test('staff check a booking in during its window, once', async () => {
  const { slotId, start } = await itemWithSlot(5);
  const booked = await w.call<{ code: string }>(
    'stations',
    { action: 'book', slotId, requestId: 'verify-1-req' },
    'demo-member',
  );
  if (!booked.ok) throw new Error(booked.error.message);
  const verifyAt = (t: number, who = 'demo-staff') =>
    w.call.at(t)('stations', { action: 'verify', code: booked.data.code }, who);
  expect(codeOf(await verifyAt(start - HOUR))).toBe('TOO_EARLY');
  expect(codeOf(await verifyAt(start, 'demo-member'))).toBe('FORBIDDEN');
  expect(codeOf(await verifyAt(start))).toBe('ok');
  expect(codeOf(await verifyAt(start + 60_000))).toBe('NOT_FOUND');
  await expectClean(w);
});

test('the roster masks names and phones; export is admin-only CSV', async () => {
  const { itemId, slotId } = await itemWithSlot(5);
  const [id] = await users(1, 'roster');
  await w.call('stations', { action: 'book', slotId, requestId: 'roster-1-req' }, id!);
  const roster = await w.call<{ rows: { name: string; phone: string }[] }>(
    'stations',
    { action: 'roster', itemId, date: dayOf(w.now + DAY) },
    'demo-staff',
  );
  expect(roster.ok && roster.data.rows).toEqual([
    expect.objectContaining({ name: maskName(`居民${id}`), phone: '138****5678' }),
  ]);
  const csv = await w.call<{ csv: string; rows: number }>(
    'stations',
    { action: 'export', itemId, from: dayOf(w.now), to: dayOf(w.now + 2 * DAY) },
    'demo-admin',
  );
  expect(csv.ok && csv.data.rows).toBe(1);
  expect(csv.ok && csv.data.csv).not.toContain('13812345678');
  expect(
    codeOf(await w.call('stations', { action: 'export', itemId, from: dayOf(w.now), to: dayOf(w.now) }, 'demo-staff')),
  ).toBe('FORBIDDEN');
});

test('reminders go out when due, never for a cancelled booking; unattended bookings become no-shows', async () => {
  const { slotId, start } = await itemWithSlot(5);
  const [a, b] = await users(2, 'remind');
  const keep = await w.call<{ bookingId: string }>(
    'stations',
    { action: 'book', slotId, requestId: 'remind-a-req' },
    a!,
  );
  const drop = await w.call<{ bookingId: string }>(
    'stations',
    { action: 'book', slotId, requestId: 'remind-b-req' },
    b!,
  );
  if (!keep.ok || !drop.ok) throw new Error('booking failed');
  await w.call('stations', { action: 'cancel', bookingId: drop.data.bookingId }, b!);
  const result = await deliverMessages(w.db, start - 30 * 60_000, null);
  expect(result.inbox).toBeGreaterThanOrEqual(1);
  expect(result.dropped).toBeGreaterThanOrEqual(1);
  const aMsgs = await w.call<{ items: { kind: string }[] }>('stations', { action: 'messages' }, a!);
  expect(aMsgs.ok && aMsgs.data.items.map((m) => m.kind)).toContain('reminder');
  const bMsgs = await w.call<{ items: { kind: string }[] }>('stations', { action: 'messages' }, b!);
  expect(bMsgs.ok && bMsgs.data.items.map((m) => m.kind)).not.toContain('reminder');
  expect((await deliverMessages(w.db, start - 30 * 60_000, null)).inbox).toBe(0);
  await markNoShows(w.db, start + 2 * HOUR);
  expect(await w.db.collection('bookings').doc(keep.data.bookingId).get()).toMatchObject({ status: 'noShow' });
  await expectClean(w);
});

test('bad input is refused with a readable message and writes nothing', async () => {
  const { itemId, slotId } = await itemWithSlot(5);
  const before = await everything(w);
  const tomorrow = dayOf(w.now + DAY);
  const template = { weekdays: [1, 2, 3], start: '09:00', end: '12:00', slotMinutes: 60, capacity: 5 };
  const cases: [unknown, string, string?][] = [
    [
      { action: 'generateSlots', itemId, from: '2026-02-30', to: '2026-03-02', template },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [
      { action: 'generateSlots', itemId, from: '2020-01-01', to: '2020-01-02', template },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [
      { action: 'generateSlots', itemId, from: dayOf(w.now + 3 * DAY), to: tomorrow, template },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [
      {
        action: 'generateSlots',
        itemId,
        from: tomorrow,
        to: tomorrow,
        template: { ...template, start: '12:00', end: '09:00' },
      },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [
      { action: 'generateSlots', itemId, from: tomorrow, to: tomorrow, template: { ...template, capacity: 0 } },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [
      { action: 'generateSlots', itemId, from: tomorrow, to: tomorrow, template: { ...template, capacity: -3 } },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [
      { action: 'generateSlots', itemId, from: tomorrow, to: tomorrow, template: { ...template, capacity: 1e7 } },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [
      { action: 'generateSlots', itemId, from: tomorrow, to: tomorrow, template: { ...template, weekdays: [1, 1] } },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [{ action: 'generateSlots', itemId: 'it-none', from: tomorrow, to: tomorrow, template }, 'NOT_FOUND', 'demo-admin'],
    [{ action: 'generateSlots', itemId, from: tomorrow, to: tomorrow, template }, 'FORBIDDEN', 'demo-staff'],
    [{ action: 'slots', itemId, date: '2026-13-01' }, 'INVALID_ARGUMENT'],
    [{ action: 'slots', itemId: 'it-none', date: tomorrow }, 'NOT_FOUND'],
    [{ action: 'book', slotId: 'nope@2026-01-01T0900', requestId: 'bad-req-01' }, 'NOT_FOUND'],
    [{ action: 'book', slotId, requestId: 'x' }, 'INVALID_ARGUMENT'],
    [{ action: 'book', slotId }, 'INVALID_ARGUMENT'],
    [{ action: 'cancel', bookingId: 'bk_none' }, 'NOT_FOUND'],
    [{ action: 'joinWaitlist', slotId }, 'CONFLICT'],
    [{ action: 'verify', code: '123' }, 'INVALID_ARGUMENT', 'demo-staff'],
    [{ action: 'verify', code: '12345678' }, 'FORBIDDEN', 'demo-resident'],
    [
      {
        action: 'saveStation',
        stationId: 'Bad Id',
        name: '驿站',
        kind: 'warm',
        county: '永福县',
        district: '永福镇',
        address: '某路 1 号',
      },
      'INVALID_ARGUMENT',
      'demo-admin',
    ],
    [{ action: 'saveItem', stationId: 'st-none', name: '项目', kind: 'room' }, 'NOT_FOUND', 'demo-admin'],
    [{ action: 'closeSlots', itemId, date: '2030-01-01', reason: '节假日休息' }, 'NOT_FOUND', 'demo-admin'],
    [{ action: 'roster', itemId, date: tomorrow }, 'FORBIDDEN', 'demo-member'],
  ];
  for (const [event, code, who] of cases) {
    const res = await w.call('stations', event, who ?? 'demo-member');
    expect(`${JSON.stringify(event).slice(0, 70)} → ${codeOf(res)}`).toBe(
      `${JSON.stringify(event).slice(0, 70)} → ${code}`,
    );
    if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(await everything(w)).toBe(before);
});
