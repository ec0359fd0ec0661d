/**
 * Database round trips of the hot actions on CloudBase: the requests one redemption, booking and appointment make,
 * counted through the real @cloudbase/node-sdk against the CloudBase double's request log, the way
 * test/node/round-trips.test.ts counts them (the same seeded world, the same calls; the test holds the budgets,
 * this prints today's counts). Goal ≤ 12 each. Also counted, without a goal: booking the same slot again after a
 * cancellation and appointing the same dose again (the first booking or appointment adds its document; these find
 * it taken and read it in a second attempt). Alone: `tsx bench/round-trips.ts`.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { dayOf } from '../domain/core/time';
import { makeIdNumber } from '../domain/privacy/idnumber';
import type { LoggedRequest } from '../test/support/cloudbase-double/server';
import { seededWorld } from '../test/support/functions';

type Record = (measure: string, value: number, unit: string, note?: string) => void;

const GOAL = 12;
const DAY = 86_400_000;

/** The requests of each hot action, as `action:collection` words, in the order made. */
export async function countRoundTrips(): Promise<{
  redeem: string[];
  book: string[];
  appoint: string[];
  rebook: string[];
  reappoint: string[];
}> {
  // A key of its own, as the storms have (else the world keeps one in its data folder and says so).
  process.env.PII_KEY ??= randomBytes(32).toString('base64');
  const w = await seededWorld(Date.parse('2026-11-23T02:00:00Z'), 'cloudbase-matched');
  try {
    const log = (w.db as unknown as { double: { requests: readonly LoggedRequest[] } }).double.requests;
    const requestsOf = async (what: string, act: () => Promise<{ ok: boolean }>): Promise<string[]> => {
      const start = log.length;
      const result = await act();
      if (!result.ok) throw new Error(`${what} was refused: ${JSON.stringify(result)}`);
      return log.slice(start).map((r) => `${r.action.replace('database.', '')}:${r.collection ?? ''}`);
    };
    const must = <T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T => {
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    };

    const goods = must(
      await w.call<{ items: { goodsId: string; stock: number; price: number }[] }>(
        'points',
        { action: 'goods' },
        'demo-member',
      ),
    );
    const item = goods.items.find((g) => g.stock > 2 && g.price <= 50)!;
    const redeem = await requestsOf('redeem', () =>
      w.call('points', { action: 'redeem', goodsId: item.goodsId, qty: 1, requestId: 'round-trip-redeem-1' }),
    );

    const date = dayOf(w.now + 2 * DAY);
    const detail = must(
      await w.call<{ items: { itemId: string }[] }>('stations', { action: 'detail', stationId: 'st-yf-center' }),
    );
    const slots = must(
      await w.call<{ slots: { slotId: string; bookable: boolean }[] }>('stations', {
        action: 'slots',
        itemId: detail.items[0]!.itemId,
        date,
      }),
    );
    const slot = slots.slots.find((s) => s.bookable)!;
    let bookingId = '';
    const book = await requestsOf('book', async () => {
      const booked = await w.call<{ bookingId: string }>(
        'stations',
        { action: 'book', slotId: slot.slotId, requestId: 'round-trip-book-1' },
        'demo-resident',
      );
      if (booked.ok) bookingId = booked.data.bookingId;
      return booked;
    });
    must(await w.call('stations', { action: 'cancel', bookingId }, 'demo-resident'));
    const rebook = await requestsOf('book again', () =>
      w.call('stations', { action: 'book', slotId: slot.slotId, requestId: 'round-trip-book-2' }, 'demo-resident'),
    );

    const vaxSlots = must(
      await w.call<{ slots: { slotId: string; bookable: boolean }[] }>('vaccine', {
        action: 'slots',
        siteId: 'vs-yf-01',
        date,
      }),
    );
    const site = await w.db.collection('vaccineSites').doc('vs-yf-01').get();
    const vaccine = (site!.vaccines as { code: string }[])[0]!.code;
    const person = must(
      await w.call<{ personId: string }>(
        'vaccine',
        {
          action: 'addPerson',
          name: '测试甲',
          idNumber: makeIdNumber('450326', '1990-01-01', 11),
          phone: '13900000001',
        },
        'demo-resident',
      ),
    );
    const [vaxSlot, otherSlot] = vaxSlots.slots.filter((s) => s.bookable);
    const appointIn = (slotId: string, requestId: string) =>
      w.call<{ appointmentId: string }>(
        'vaccine',
        { action: 'appoint', slotId, personId: person.personId, vaccine, dose: 1, requestId },
        'demo-resident',
      );
    let appointmentId = '';
    const appoint = await requestsOf('appoint', async () => {
      const appointed = await appointIn(vaxSlot!.slotId, 'round-trip-appoint-1');
      if (appointed.ok) appointmentId = appointed.data.appointmentId;
      return appointed;
    });
    must(await w.call('vaccine', { action: 'cancel', appointmentId }, 'demo-resident'));
    const reappoint = await requestsOf('appoint again', () => appointIn(otherSlot!.slotId, 'round-trip-appoint-2'));
    return { redeem, book, appoint, rebook, reappoint };
  } finally {
    await w.db.close();
  }
}

/** `getDocument ×3, updateDocument ×2, …`: the kinds of request, for the note. */
const kinds = (made: string[]) => {
  const n = new Map<string, number>();
  for (const r of made) {
    const kind = r.split(':')[0]!;
    n.set(kind, (n.get(kind) ?? 0) + 1);
  }
  return [...n].map(([kind, count]) => (count > 1 ? `${kind} ×${count}` : kind)).join(', ');
};

export async function benchRoundTrips(record: Record): Promise<void> {
  const { rebook, reappoint, ...counts } = await countRoundTrips();
  for (const [action, made] of Object.entries(counts))
    record(
      `${action}: database requests on CloudBase (real SDK)`,
      made.length,
      'req',
      `goal ≤ ${GOAL}${made.length > GOAL ? ' — OVER' : ''}; ${kinds(made)}`,
    );
  const again = 'no goal: the first one adds its document, this one finds it taken and reads it';
  record('book the slot again after a cancellation', rebook.length, 'req', `${again}; ${kinds(rebook)}`);
  record('appoint the same dose again after a cancellation', reappoint.length, 'req', `${again}; ${kinds(reappoint)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  benchRoundTrips((measure, value, unit, note) =>
    console.log(`${measure.padEnd(52)} ${String(value).padStart(4)} ${unit.padEnd(4)} ${note ?? ''}`),
  )
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
