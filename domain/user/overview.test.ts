/** 我的 at a glance (user.overview) and the waiting-list listing (stations.myWaitlist), on every engine. */
import { seededWorld } from '../../test/support/functions';
import { dayOf } from '../core/time';
import { STATIONS } from '../seed/data';
import type { WaitingPlace } from '../booking/waitlist';
import type { Overview } from './overview';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 24 * 3_600_000;

let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

async function overviewOf(openid: string): Promise<Overview> {
  const res = await w.call<Overview>('user', { action: 'overview' }, openid);
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

async function waitlistOf(openid: string): Promise<WaitingPlace[]> {
  const res = await w.call<{ items: WaitingPlace[] }>('stations', { action: 'myWaitlist' }, openid);
  if (!res.ok) throw new Error(res.error.message);
  return res.data.items;
}

/** A new item at the first seeded station with one slot of `capacity`, `daysAhead` days from now at 10:00. */
let items = 0;
async function slotOf(
  capacity: number,
  daysAhead: number,
): Promise<{ slotId: string; itemName: string; start: number }> {
  items += 1;
  const itemId = `it-overview-${items}`;
  const itemName = `概览测试项目${items}`;
  const saved = await w.call(
    'stations',
    { action: 'saveItem', itemId, stationId: STATIONS[0]!._id, name: itemName, kind: 'service' },
    'demo-admin',
  );
  expect(saved.ok).toBe(true);
  const date = dayOf(w.now + daysAhead * DAY);
  const gen = await w.call(
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
  expect(gen.ok).toBe(true);
  const slots = await w.call<{ slots: { slotId: string; start: number }[] }>(
    'stations',
    { action: 'slots', itemId, date },
    'demo-admin',
  );
  if (!slots.ok) throw new Error(slots.error.message);
  return { slotId: slots.data.slots[0]!.slotId, itemName, start: slots.data.slots[0]!.start };
}

test('a resident never receives party-member fields; a member gets balance and branch', async () => {
  const resident = await overviewOf('demo-resident');
  expect(resident.role).toBe('resident');
  expect(resident.member).toBeNull();
  expect(JSON.stringify(resident)).not.toMatch(/balance|branch/);

  const member = await overviewOf('demo-member');
  expect(member.member).toEqual({
    balance: expect.any(Number),
    branch: { branchId: 'br-yf-xiangyang', name: expect.any(String) },
  });
  expect(member.member!.balance).toBeGreaterThan(0);
});

test('waiting-list places are listed with their position, move up when someone ahead leaves, and are counted', async () => {
  const { slotId, itemName, start } = await slotOf(1, 3);
  expect((await w.call('stations', { action: 'book', slotId, requestId: 'overview-full-1' }, 'demo-staff')).ok).toBe(
    true,
  );
  expect(await w.call('stations', { action: 'joinWaitlist', slotId }, 'demo-resident')).toEqual({
    ok: true,
    data: { slotId, position: 1 },
  });
  expect(await w.call('stations', { action: 'joinWaitlist', slotId }, 'demo-member')).toEqual({
    ok: true,
    data: { slotId, position: 2 },
  });

  expect(await waitlistOf('demo-member')).toEqual([
    {
      slotId,
      itemId: expect.any(String),
      itemName,
      stationId: STATIONS[0]!._id,
      stationName: STATIONS[0]!.name,
      start,
      end: expect.any(Number),
      position: 2,
      waiting: 2,
    },
  ]);
  expect((await overviewOf('demo-resident')).counts.waitlist).toBe(1);

  expect((await w.call('stations', { action: 'leaveWaitlist', slotId }, 'demo-resident')).ok).toBe(true);
  expect(await waitlistOf('demo-resident')).toEqual([]);
  expect((await waitlistOf('demo-member')).map((p) => p.position)).toEqual([1]);
  expect((await overviewOf('demo-resident')).counts.waitlist).toBe(0);
});

test('a place on a slot that has started is no longer listed', async () => {
  const { slotId, start } = await slotOf(1, 1);
  expect((await w.call('stations', { action: 'book', slotId, requestId: 'overview-full-2' }, 'demo-staff')).ok).toBe(
    true,
  );
  expect((await w.call('stations', { action: 'joinWaitlist', slotId }, 'demo-resident')).ok).toBe(true);
  const listed = await w.call<{ items: WaitingPlace[] }>('stations', { action: 'myWaitlist' }, 'demo-resident');
  expect(listed.ok && listed.data.items.map((p) => p.slotId)).toContain(slotId);
  const later = await w.call.at(start + 60_000)<{ items: WaitingPlace[] }>(
    'stations',
    { action: 'myWaitlist' },
    'demo-resident',
  );
  expect(later.ok && later.data.items.map((p) => p.slotId)).not.toContain(slotId);
});

test('bookings and messages are counted and the soonest booking is next', async () => {
  const before = await overviewOf('demo-resident');
  const later = await slotOf(5, 5);
  const sooner = await slotOf(5, 2);
  for (const [i, s] of [later, sooner].entries()) {
    expect(
      (await w.call('stations', { action: 'book', slotId: s.slotId, requestId: `overview-book-${i}` }, 'demo-resident'))
        .ok,
    ).toBe(true);
  }
  const after = await overviewOf('demo-resident');
  expect(after.counts.bookings).toBe(before.counts.bookings + 2);
  expect(after.counts.messages).toBeGreaterThanOrEqual(before.counts.messages + 2);
  expect(after.next).toMatchObject({
    kind: 'booking',
    title: sooner.itemName,
    start: sooner.start,
    code: expect.stringMatching(/^\d{8}$/),
  });
  // Someone else's overview does not count them.
  expect((await overviewOf('demo-member')).counts.bookings).toBe(0);
});

test('overview needs a signed-in caller', async () => {
  const res = await w.call('user', { action: 'overview' }, null);
  expect(res.ok || res.error.code).toBe('UNAUTHENTICATED');
});
