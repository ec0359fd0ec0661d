import type { Database } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { BOOKERS, BOOKINGS, BOOKING_CODES, NOTIFICATIONS, bookingDocSchema, notificationDocSchema } from './model';


/**
 * Delivers due notifications. Locally a delivered message shows in 我的 → 消息; on weapp the same
 * step is where a subscribe message goes out when a template id is configured. A reminder for a
 * booking no longer active is dropped instead.
 */
export async function sendReminders(db: Database, now: number, batch = 200): Promise<{ sent: number; dropped: number }> {
  const _ = db.command;
  const due = await db.collection(NOTIFICATIONS).where({ sentAt: null, dueAt: _.lte(now) }).orderBy('dueAt', 'asc').limit(batch).get();
  let sent = 0;
  let dropped = 0;
  for (const doc of due) {
    const n = notificationDocSchema.safeParse(doc);
    if (!n.success) continue;
    const booking = n.data.bookingId ? bookingDocSchema.safeParse(await db.collection(BOOKINGS).doc(n.data.bookingId).get()) : null;
    if (n.data.kind === 'reminder' && !(booking?.success && booking.data.status === 'active')) {
      await db.collection(NOTIFICATIONS).doc(n.data._id).remove();
      dropped += 1;
      continue;
    }
    // Conditional: a second job running at once delivers nothing twice.
    const { updated } = await db.collection(NOTIFICATIONS).where({ _id: n.data._id, sentAt: null }).update({ sentAt: now });
    sent += updated;
  }
  return { sent, dropped };
}

/** After a slot ends, a booking never checked in becomes a no-show and stops counting against the person's limit. */
export async function markNoShows(db: Database, now: number, batch = 200): Promise<{ marked: number }> {
  const _ = db.command;
  const ended = await db.collection(BOOKINGS).where({ status: 'active', end: _.lt(now) }).orderBy('end', 'asc').limit(batch).get();
  let marked = 0;
  for (const doc of ended) {
    const done = await db.runTransaction(async (tx) => {
      const b = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(doc._id).get());
      if (!b.success || b.data.status !== 'active' || b.data.end >= now) return false;
      const booker = await tx.collection(BOOKERS).doc(b.data.openid).get();
      await tx.collection(BOOKINGS).doc(b.data._id).update({ status: 'noShow', closedAt: now });
      await tx.collection(BOOKERS).doc(b.data.openid).update({ active: Math.max(0, Number(booker?.active ?? 1) - 1) });
      await tx.collection(BOOKING_CODES).doc(b.data.code).remove();
      return true;
    }, TX_ATTEMPTS);
    if (done) marked += 1;
  }
  return { marked };
}
