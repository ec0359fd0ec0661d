/** Booking a seat directly: the hot-resource protocol of core/intents.ts on the slot's seats. */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { reconcileResource, reserve, rollBackIntent, take, type HotResource } from '../core/intents';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { fields } from '../core/validation';
import { eightDigits as newCode } from '../core/ids';
import { SLOTS, slotDocSchema } from '../slots';
import { BOOKERS, BOOKINGS, ITEMS, activeLimit, bookingDocSchema, itemDocSchema, type Booking } from './model';
import { bookingIdOf, readBooker, seat } from './seating';

async function itemName(tx: Transaction, itemId: string): Promise<string> {
  const item = itemDocSchema.safeParse(await tx.collection(ITEMS).doc(itemId).get());
  return item.success ? item.data.name : '预约服务';
}

/** A slot's seats are the hot resource (see core/intents.ts); a booking's reservation is one more active booking. */
const SEATS: HotResource = {
  kind: 'book',
  collection: SLOTS,
  undo: (db) => ({ booked: db.command.inc(-1) }),
  async unreserve(tx, { openid }) {
    const booker = await readBooker(tx, openid);
    await tx
      .collection(BOOKERS)
      .doc(openid)
      .set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
  },
};

/** Undoes a booking under way on `slotId` (its seat by the mark, then the reservation); used by closeSlots too. */
export const rollBackBooking = (db: Database, intentId: string, slotId: string) =>
  rollBackIntent(db, SEATS, intentId, slotId);

const holdsSlot = (b: Booking) => b.status === 'active' || b.status === 'checkedIn';

export const book = action({
  input: z.strictObject({ slotId: fields.id.max(80), requestId: fields.requestId }),
  access: 'signedIn',
  async run({ slotId, requestId }, ctx) {
    const db = ctx.db;
    const openid = ctx.user._id;
    const now = ctx.now();
    const bookingId = bookingIdOf(slotId, openid);
    /** This request's booking when it is stored; a refusal when another request's booking holds the slot. */
    const stored = (doc: Record<string, unknown> | null) => {
      const existing = bookingDocSchema.safeParse(doc);
      if (existing.success && existing.data.requestId === requestId) return existing.data;
      if (existing.success && holdsSlot(existing.data)) throw new AppError('CONFLICT', '你已预约该时段');
      return null;
    };
    return reserve(db, SEATS, {
      openid,
      requestId,
      effectId: bookingId,
      target: slotId,
      now,
      async storedAnswer() {
        const existing = stored(await db.collection(BOOKINGS).doc(bookingId).get());
        return existing ? { bookingId, code: existing.code } : null;
      },
      async prepare() {
        const slot = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
        if (!slot.success) throw notFound('预约时段');
        if (slot.data.closed) throw new AppError('TOO_LATE', '该时段已关闭预约');
        if (now >= slot.data.start) throw new AppError('TOO_LATE', '该时段已开始，无法预约');
        // Full refuses before anything is written; the seat is rechecked atomically when taken.
        if (slot.data.booked >= slot.data.capacity) throw new AppError('SLOT_FULL', '该时段已约满，可加入候补');
        return slot.data;
      },
      // No storedIn: completing reads the booking anyway, and refuses when one holds the slot (then the stored answer is read).
      underWayElsewhere: '你正在预约该时段',
      async reserveIn(tx) {
        const booker = await readBooker(tx, openid);
        if (booker.active >= activeLimit())
          throw new AppError('LIMIT_REACHED', `每人最多同时持有 ${activeLimit()} 个有效预约`);
        await tx
          .collection(BOOKERS)
          .doc(openid)
          .set({ active: booker.active + 1, seq: booker.seq });
      },
      take: async (slot, intentId) =>
        (await take(
          db,
          SLOTS,
          slotId,
          intentId,
          { closed: db.command.neq(true), capacity: slot.capacity, booked: db.command.lt(slot.capacity) },
          { booked: db.command.inc(1), queue: db.command.pull(openid) },
          1,
        ))
          ? 1
          : null,
      async refused() {
        const latest = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
        if (latest.success && latest.data.closed) return new AppError('TOO_LATE', '该时段已关闭预约');
        return new AppError('SLOT_FULL', '该时段已约满，可加入候补');
      },
      code: { draw: newCode, name: '预约码' },
      expired: '预约超时，请重试',
      // The booking, its code and messages: the person's documents again.
      async completeIn(tx, slot, _seat, code) {
        // The waiting list may have seated them meanwhile: one booking per person per slot, so this seat goes back.
        const promoted = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingId).get());
        if (promoted.success && holdsSlot(promoted.data)) throw new AppError('CONFLICT', '你已预约该时段');
        const booking = await seat(
          tx,
          slot,
          openid,
          requestId,
          'direct',
          await itemName(tx, slot.resourceId),
          now,
          code,
        );
        return { bookingId: booking._id, code: booking.code };
      },
    });
  },
});

/** The timer job: repairs bookings whose process died half-way (see core/intents.ts). */
export const reconcileBookings = (db: Database, now: number) => reconcileResource(db, SEATS, now);
