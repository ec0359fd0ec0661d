/** Cancelling appointments (by a holder of the person, or when the person is removed or released): each gives its seat back. */
import { z } from 'zod';
import { command, type Database, type Transaction } from '../db';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { fields } from '../core/validation';
import { TX_ATTEMPTS } from '../core/ids';
import { holds } from './persons';
import { SLOTS, slotDocSchema } from '../slots';
import { notifyCancelled, type CancelReason } from './messages';
import {
  APPOINTMENTS,
  APPOINTMENT_CODES,
  APPOINTMENT_STATUS,
  SITES,
  appointmentDocSchema,
  siteDocSchema,
  type Appointment,
} from './model';

async function releaseSeat(tx: Transaction, a: Appointment): Promise<void> {
  const slot = slotDocSchema.safeParse(await tx.collection(SLOTS).doc(a.slotId).get());
  if (!slot.success) return;
  const heldSeat = slot.data.green && a.seat !== 'general';
  // Increments: the slot is hot (this transaction still conflicts with any change to it).
  await tx
    .collection(SLOTS)
    .doc(a.slotId)
    .update({ booked: command.inc(-1), ...(heldSeat ? { 'green.used': command.inc(-1) } : {}) });
}

async function cancelAppointment(
  db: Database,
  appointmentId: string,
  now: number,
  reason: CancelReason,
  check: (a: Appointment) => void,
): Promise<void> {
  await db.runTransaction(async (tx) => {
    const a = appointmentDocSchema.safeParse(await tx.collection(APPOINTMENTS).doc(appointmentId).get());
    if (!a.success) throw notFound('预约');
    check(a.data);
    await releaseSeat(tx, a.data);
    await tx.collection(APPOINTMENTS).doc(appointmentId).update({ status: 'cancelled', closedAt: now });
    await tx.collection(APPOINTMENT_CODES).doc(a.data.code).remove();
    // The one who booked it is told, whoever cancelled it.
    const site = siteDocSchema.safeParse(await tx.collection(SITES).doc(a.data.siteId).get());
    await notifyCancelled(
      tx,
      { ...a.data, appointmentId, siteAddress: site.success ? site.data.address : undefined },
      reason,
      now,
    );
  }, TX_ATTEMPTS);
}

/** Cancels a person's future active appointments, each with its seat and its message; answers how many. */
export async function cancelFutureOf(
  db: Database,
  personId: string,
  now: number,
  reason: Exclude<CancelReason, 'self'>,
): Promise<number> {
  const future = await db.collection(APPOINTMENTS).where({ personId, status: 'active' }).limit(100).get();
  let cancelled = 0;
  for (const doc of future) {
    try {
      await cancelAppointment(db, doc._id, now, reason, (a) => {
        if (a.status !== 'active' || a.start <= now) throw new AppError('CONFLICT', 'skip');
      });
      cancelled += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return cancelled;
}

export const cancel = action({
  input: z.strictObject({ appointmentId: fields.id }),
  access: 'signedIn',
  async run({ appointmentId }, ctx) {
    const now = ctx.now();
    // A holder of the person may cancel what another holder (their family) booked.
    const found = appointmentDocSchema.safeParse(await ctx.db.collection(APPOINTMENTS).doc(appointmentId).get());
    const mine =
      found.success &&
      (found.data.owner === ctx.user._id || (await holds(ctx.db, found.data.idHash, ctx.user._id, now)));
    await cancelAppointment(ctx.db, appointmentId, now, 'self', (a) => {
      if (!mine) throw notFound('预约');
      if (a.status !== 'active') throw new AppError('CONFLICT', `预约${APPOINTMENT_STATUS[a.status]}，不能取消`);
      if (now >= a.start) throw new AppError('TOO_LATE', '接种时段已开始，不能取消');
    });
    return { appointmentId, status: 'cancelled' as const };
  },
});
