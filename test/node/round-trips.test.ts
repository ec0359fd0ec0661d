/**
 * Database round trips of the hot actions on CloudBase, counted through the real @cloudbase/node-sdk against the
 * double: every request one redemption, booking or appointment makes. A change that adds one fails here; the
 * budgets are today's counts, to be lowered as the protocol gets cheaper (never raised without saying why).
 *
 * A first booking of a slot and a first appointment of a dose add their document (no read); booking the same slot
 * again after a cancellation, or appointing the same dose again, finds it taken and reads it in a second attempt:
 * that path costs more (REBOOK_BUDGET), and is counted too.
 */
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { dayOf } from '../../domain/core/time';
import type { LoggedRequest } from '../support/cloudbase-double/server';
import { seededWorld } from '../support/functions';

const BUDGET = { redeem: 12, book: 12, appoint: 12 } as const;
const REBOOK_BUDGET = { book: 18, appoint: 16 } as const;

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
let log: readonly LoggedRequest[];

beforeAll(async () => {
  w = await seededWorld(Date.parse('2026-11-23T02:00:00Z'), 'cloudbase-matched');
  log = (w.db as unknown as { double: { requests: readonly LoggedRequest[] } }).double.requests;
});
afterAll(() => w.db.close());

/** The requests `act` made, as `action:collection` words (for a readable failure). */
async function requestsOf(act: () => Promise<{ ok: boolean }>): Promise<string[]> {
  const start = log.length;
  const result = await act();
  expect(result).toMatchObject({ ok: true });
  return log.slice(start).map((r) => `${r.action.replace('database.', '')}:${r.collection ?? ''}`);
}

const DAY = 86_400_000;

test(`a redemption makes at most ${BUDGET.redeem} database requests, the same on a repeat`, async () => {
  const goods = await w.call<{ items: { goodsId: string; stock: number; price: number }[] }>(
    'points',
    { action: 'goods' },
    'demo-member',
  );
  if (!goods.ok) throw new Error(goods.error.message);
  const item = goods.data.items.find((g) => g.stock > 2 && g.price <= 50)!;
  const counts: number[] = [];
  for (const i of [1, 2]) {
    const made = await requestsOf(() =>
      w.call('points', { action: 'redeem', goodsId: item.goodsId, qty: 1, requestId: `round-trip-redeem-${i}` }),
    );
    expect(made.filter((r) => r.startsWith('commitTransaction'))).not.toHaveLength(0);
    // On failure the list of requests is shown.
    expect(made.length <= BUDGET.redeem ? 'within budget' : made.join(' ')).toBe('within budget');
    counts.push(made.length);
  }
  expect(counts[1]).toBe(counts[0]);
});

test(`a booking makes at most ${BUDGET.book} database requests (${REBOOK_BUDGET.book} booking the slot again after a cancellation)`, async () => {
  const date = dayOf(w.now + 2 * DAY);
  const detail = await w.call<{ items: { itemId: string }[] }>('stations', {
    action: 'detail',
    stationId: 'st-yf-center',
  });
  if (!detail.ok) throw new Error(detail.error.message);
  const slots = await w.call<{ slots: { slotId: string; bookable: boolean }[] }>('stations', {
    action: 'slots',
    itemId: detail.data.items[0]!.itemId,
    date,
  });
  if (!slots.ok) throw new Error(slots.error.message);
  const slot = slots.data.slots.find((s) => s.bookable)!;
  let bookingId = '';
  const made = await requestsOf(async () => {
    const booked = await w.call<{ bookingId: string }>(
      'stations',
      { action: 'book', slotId: slot.slotId, requestId: 'round-trip-book-1' },
      'demo-resident',
    );
    if (booked.ok) bookingId = booked.data.bookingId;
    return booked;
  });
  // On failure the list of requests is shown.
  expect(made.length <= BUDGET.book ? 'within budget' : made.join(' ')).toBe('within budget');

  // Cancelled, then booked again: the booking's document is there, so the second attempt reads it.
  expect(await w.call('stations', { action: 'cancel', bookingId }, 'demo-resident')).toMatchObject({ ok: true });
  const again = await requestsOf(() =>
    w.call('stations', { action: 'book', slotId: slot.slotId, requestId: 'round-trip-book-2' }, 'demo-resident'),
  );
  expect(again.length <= REBOOK_BUDGET.book ? 'within budget' : again.join(' ')).toBe('within budget');
});

test(`an appointment makes at most ${BUDGET.appoint} database requests (${REBOOK_BUDGET.appoint} for the same dose after a cancellation)`, async () => {
  const date = dayOf(w.now + 2 * DAY);
  const slots = await w.call<{ slots: { slotId: string; bookable: boolean }[] }>('vaccine', {
    action: 'slots',
    siteId: 'vs-yf-01',
    date,
  });
  if (!slots.ok) throw new Error(slots.error.message);
  const site = await w.db.collection('vaccineSites').doc('vs-yf-01').get();
  const vaccine = (site!.vaccines as { code: string }[])[0]!.code;
  const person = await w.call<{ personId: string }>(
    'vaccine',
    { action: 'addPerson', name: '测试甲', idNumber: makeIdNumber('450326', '1990-01-01', 11), phone: '13900000001' },
    'demo-resident',
  );
  if (!person.ok) throw new Error(person.error.message);
  const [slot, other] = slots.data.slots.filter((s) => s.bookable);
  const appoint = (slotId: string, requestId: string) =>
    w.call<{ appointmentId: string }>(
      'vaccine',
      { action: 'appoint', slotId, personId: person.data.personId, vaccine, dose: 1, requestId },
      'demo-resident',
    );
  let appointmentId = '';
  const made = await requestsOf(async () => {
    const appointed = await appoint(slot!.slotId, 'round-trip-appoint-1');
    if (appointed.ok) appointmentId = appointed.data.appointmentId;
    return appointed;
  });
  // On failure the list of requests is shown.
  expect(made.length <= BUDGET.appoint ? 'within budget' : made.join(' ')).toBe('within budget');

  // Cancelled, then the same dose appointed again in another slot: the second attempt reads its document.
  expect(await w.call('vaccine', { action: 'cancel', appointmentId }, 'demo-resident')).toMatchObject({ ok: true });
  const again = await requestsOf(() => appoint(other!.slotId, 'round-trip-appoint-2'));
  expect(again.length <= REBOOK_BUDGET.appoint ? 'within budget' : again.join(' ')).toBe('within budget');
});
