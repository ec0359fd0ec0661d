/** Cancelling a booking (by its owner, or an admin closing slots): the seat goes to the next waiter. */
import { z } from 'zod';
import { command, type Transaction } from '../db';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { fields } from '../core/validation';
import { TX_ATTEMPTS } from '../core/ids';
import { SLOTS } from '../slots';
import {
  BOOKERS,
  BOOKINGS,
  BOOKING_CODES,
  BOOKING_STATUS,
  bookingDocSchema,
  cancelBeforeMinutes,
  type Booking,
} from './model';
import { MINUTE, notify, readBooker, readSlot, when } from './seating';
import { promote } from './waitlist';

/** Closes an active booking (cancelled by its owner or an admin, or a no-show) and frees its seat. */
async function release(
  tx: Transaction,
  b: Booking,
  status: 'cancelled' | 'noShow',
  now: number,
  reason: string,
): Promise<void> {
  const booker = await readBooker(tx, b.openid);
  await tx.collection(BOOKINGS).doc(b._id).update({ status, closedAt: now });
  await tx
    .collection(BOOKERS)
    .doc(b.openid)
    .set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
  await tx.collection(BOOKING_CODES).doc(b.code).remove();
  if (status === 'cancelled') await notify(tx, b.openid, 'cancelled', b, now, reason);
}

export async function cancelBooking(
  tx: Transaction,
  b: Booking,
  now: number,
  reason: string,
  promoteWaiting: boolean,
): Promise<void> {
  const slot = await readSlot(tx, b.slotId);
  await release(tx, b, 'cancelled', now, reason);
  const freed = { ...slot, booked: Math.max(0, slot.booked - 1) };
  const waiting =
    promoteWaiting && !slot.closed && now < slot.start
      ? await promote(tx, freed, now, b.itemName)
      : { promoted: 0, queue: slot.queue };
  // An increment, not the value read: the slot is hot (this transaction still conflicts with any change to it).
  await tx
    .collection(SLOTS)
    .doc(slot._id)
    .update({ booked: command.inc(waiting.promoted - 1), queue: waiting.queue });
}

export const cancel = action({
  input: z.strictObject({ bookingId: fields.id }),
  access: 'signedIn',
  async run({ bookingId }, ctx) {
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const b = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingId).get());
      if (!b.success || b.data.openid !== ctx.user._id) throw notFound('预约');
      if (b.data.status !== 'active') throw new AppError('CONFLICT', `预约${BOOKING_STATUS[b.data.status]}，不能取消`);
      if (now > b.data.start - cancelBeforeMinutes() * MINUTE)
        throw new AppError('TOO_LATE', `开始前 ${cancelBeforeMinutes()} 分钟内不能取消`);
      await cancelBooking(tx, b.data, now, `你已取消 ${when(b.data)} 的预约`, true);
      return { bookingId, status: 'cancelled' as const };
    }, TX_ATTEMPTS);
  },
});
