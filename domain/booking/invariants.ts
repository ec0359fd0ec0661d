/** The booking invariants of DESIGN.md over a whole database; each answers how many documents break it. */
import type { Database } from '../db';
import { readAll, type InvariantReport } from '../points/invariants';
import { SLOTS, slotDocSchema } from '../slots/model';
import { BOOKERS, BOOKINGS, ITEMS, bookerDocSchema, bookingDocSchema } from './model';

export async function checkBookingInvariants(db: Database): Promise<InvariantReport[]> {
  // Slots are shared with vaccination sites; only those of a station's items are bookings' business.
  const items = new Set((await readAll(db, ITEMS)).map((d) => d._id));
  const slots = (await readAll(db, SLOTS)).map((d) => slotDocSchema.parse(d)).filter((s) => items.has(s.resourceId));
  const bookings = (await readAll(db, BOOKINGS)).map((d) => bookingDocSchema.parse(d));
  const bookers = (await readAll(db, BOOKERS)).map((d) => bookerDocSchema.parse(d));
  const seatsTaken = new Map<string, number>();
  const activeOf = new Map<string, number>();
  for (const b of bookings) {
    if (b.status !== 'cancelled') seatsTaken.set(b.slotId, (seatsTaken.get(b.slotId) ?? 0) + 1);
    if (b.status === 'active') activeOf.set(b.openid, (activeOf.get(b.openid) ?? 0) + 1);
  }
  const pairs = bookings.filter((b) => b.status !== 'cancelled').map((b) => `${b.slotId}|${b.openid}`);
  return [
    { name: 'bookings never exceed capacity', violations: slots.filter((s) => s.booked > s.capacity).length },
    { name: 'a slot counts exactly its seated bookings', violations: slots.filter((s) => s.booked !== (seatsTaken.get(s._id) ?? 0)).length },
    { name: 'one booking per person per slot', violations: pairs.length - new Set(pairs).size },
    { name: 'nobody both seated and waiting in a slot', violations: slots.filter((s) => s.queue.some((o) => pairs.includes(`${s._id}|${o}`))).length },
    { name: "each person's active count matches their bookings", violations: bookers.filter((b) => b.active !== (activeOf.get(b._id) ?? 0)).length },
  ];
}
