import type { Database } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { BOOKERS, BOOKINGS, BOOKING_CODES, bookingDocSchema } from './model';

/** After a slot ends, a booking never checked in becomes a no-show and stops counting against the person's limit. */
export async function markNoShows(db: Database, now: number, batch = 200): Promise<{ marked: number }> {
  const _ = db.command;
  const ended = await db
    .collection(BOOKINGS)
    .where({ status: 'active', end: _.lt(now) })
    .orderBy('end', 'asc')
    .limit(batch)
    .get();
  let marked = 0;
  for (const doc of ended) {
    const done = await db.runTransaction(async (tx) => {
      const b = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(doc._id).get());
      if (!b.success || b.data.status !== 'active' || b.data.end >= now) return false;
      const booker = await tx.collection(BOOKERS).doc(b.data.openid).get();
      await tx.collection(BOOKINGS).doc(b.data._id).update({ status: 'noShow', closedAt: now });
      await tx
        .collection(BOOKERS)
        .doc(b.data.openid)
        .update({ active: Math.max(0, Number(booker?.active ?? 1) - 1) });
      await tx.collection(BOOKING_CODES).doc(b.data.code).remove();
      return true;
    }, TX_ATTEMPTS);
    if (done) marked += 1;
  }
  return { marked };
}
