/** The booking invariants of DESIGN.md over a whole database; each answers how many documents break it. */
import { clock } from '../core/clock';
import type { Database } from '../db';
import { heldBy, readAll, readIntents, type InvariantReport } from '../core/invariants';
import { intentGraceMs, intentMarks, takenMarks } from '../core/intents';
import { SLOTS, slotDocSchema } from '../slots';
import { BOOKERS, BOOKINGS, ITEMS, bookerDocSchema, bookingDocSchema } from './model';

export async function checkBookingInvariants(db: Database, now = clock.now()): Promise<InvariantReport[]> {
  // Slots are shared with vaccination sites; only those of a station's items are bookings' business.
  const items = new Set((await readAll(db, ITEMS)).map((d) => d._id));
  const slotDocs = (await readAll(db, SLOTS)).filter((d) => items.has(String(d.resourceId)));
  const slots = slotDocs.map((d) => slotDocSchema.parse(d));
  const bookings = (await readAll(db, BOOKINGS)).map((d) => bookingDocSchema.parse(d));
  const bookers = (await readAll(db, BOOKERS)).map((d) => bookerDocSchema.parse(d));
  const intents = await readIntents(db, 'book', now);
  // Seats taken by bookings under way (an open intent's mark on its slot), and their reservations.
  // Bookings under way are marks on their slot (the intent itself); one whose booking carries its take
  // is completed and only waits to be settled. Marks of the intents collection's protocol are read beside.
  const recorded = new Set(bookings.flatMap((b) => (b.takeId ? [b.takeId] : [])));
  let staleMarks = 0;
  let inFlight = 0;
  const holds = new Map(
    slotDocs.map((d) => {
      const legacy = heldBy({ ...d, holds: intentMarks(d) }, intents.byId);
      let held = legacy.held;
      for (const [, mark] of takenMarks(d, 'book')) {
        if (mark.at < now - intentGraceMs()) staleMarks += 1;
        else inFlight += 1;
        if (!recorded.has(mark.takeId)) held += 1;
      }
      return [d._id, { held, orphans: legacy.orphans }];
    }),
  );
  const reserving = new Map<string, number>();
  for (const i of intents.open) reserving.set(i.openid, (reserving.get(i.openid) ?? 0) + 1);
  const seatsTaken = new Map<string, number>();
  const activeOf = new Map<string, number>();
  for (const b of bookings) {
    if (b.status !== 'cancelled') seatsTaken.set(b.slotId, (seatsTaken.get(b.slotId) ?? 0) + 1);
    if (b.status === 'active') activeOf.set(b.openid, (activeOf.get(b.openid) ?? 0) + 1);
  }
  const pairs = bookings.filter((b) => b.status !== 'cancelled').map((b) => `${b.slotId}|${b.openid}`);
  const people = new Set([...bookers.map((b) => b._id), ...reserving.keys()]);
  return [
    { name: 'bookings never exceed capacity', violations: slots.filter((s) => s.booked > s.capacity).length },
    {
      name: 'a slot counts exactly its seated bookings and the bookings under way',
      violations: slots.filter((s) => s.booked !== (seatsTaken.get(s._id) ?? 0) + (holds.get(s._id)?.held ?? 0)).length,
    },
    {
      name: 'every mark on a slot belongs to an intent',
      violations: slots.reduce((n, s) => n + (holds.get(s._id)?.orphans ?? 0), 0),
    },
    { name: 'one booking per person per slot', violations: pairs.length - new Set(pairs).size },
    {
      name: 'nobody both seated and waiting in a slot',
      violations: slots.filter((s) => s.queue.some((o) => pairs.includes(`${s._id}|${o}`))).length,
    },
    {
      name: "each person's active count matches their bookings and the bookings under way",
      violations: [...people].filter(
        (id) => (bookers.find((b) => b._id === id)?.active ?? 0) !== (activeOf.get(id) ?? 0) + (reserving.get(id) ?? 0),
      ).length,
    },
    intents.report,
    {
      name: `no book intent left past the grace period on the slots (in flight now: ${inFlight})`,
      violations: staleMarks,
    },
  ];
}
