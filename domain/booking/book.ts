/** Booking a seat directly: the hot-resource protocol of core/intents.ts on the slot's seats. */
import { z } from 'zod';
import { DbError, type Database } from '../db';
import { reconcileMarks, repairMark, takeFirst, takeMarked, takenMarks, type MarkedResource } from '../core/intents';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { fields } from '../core/validation';
import { eightDigits as newCode } from '../core/ids';
import { SLOTS, slotDocSchema } from '../slots';
import {
  BOOKERS,
  BOOKINGS,
  BOOKING_CODES,
  ITEMS,
  activeLimit,
  bookingDocSchema,
  itemDocSchema,
  type Booking,
} from './model';
import { bookingIdOf, bookingOf, readBooker, tellSeated } from './seating';

/** The item's name, as the booking and its messages carry it: read once, outside the transaction (it only names). */
async function itemName(db: Database, itemId: string): Promise<string> {
  const item = itemDocSchema.safeParse(await db.collection(ITEMS).doc(itemId).get());
  return item.success ? item.data.name : '预约服务';
}

/**
 * A slot's seats are the hot resource, taken first (see `takeFirst` in core/intents.ts): the mark on the
 * slot is the booking's intent; the person's counter (bookers) is what the completing transaction
 * writes before it takes, and a booking carrying the take's id is what a completed take left.
 */
export const SEATS: MarkedResource = {
  kind: 'book',
  collection: SLOTS,
  undo: (db) => ({ booked: db.command.inc(-1) }),
  lockOf: (mark) => ({ collection: BOOKERS, id: mark.openid }),
  recorded: async (tx, mark) => {
    const booking = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(mark.effectId).get());
    return booking.success && booking.data.takeId === mark.takeId;
  },
};

/** Undoes a booking under way on `slotId` (closeSlots): settled if it completed, else its seat goes back. */
export async function rollBackBooking(db: Database, slotId: string): Promise<void> {
  const slot = await db.collection(SLOTS).doc(slotId).get();
  for (const [intentId, mark] of takenMarks(slot ?? {}, 'book')) await repairMark(db, SEATS, slotId, intentId, mark);
}

const holdsSlot = (b: Booking) => b.status === 'active' || b.status === 'checkedIn';

export const book = action({
  input: z.strictObject({ slotId: fields.id.max(80), requestId: fields.requestId }),
  access: 'caller',
  async run({ slotId, requestId }, ctx) {
    const db = ctx.db;
    const openid = ctx.openid;
    const now = ctx.now();
    const bookingId = bookingIdOf(slotId, openid);
    /** This request's booking when it is stored; a refusal when another request's booking holds the slot. */
    const stored = (doc: Record<string, unknown> | null) => {
      const existing = bookingDocSchema.safeParse(doc);
      if (existing.success && existing.data.requestId === requestId) return existing.data;
      if (existing.success && holdsSlot(existing.data)) throw new AppError('CONFLICT', '你已预约该时段');
      return null;
    };
    /** The booking this attempt's transaction wrote before the take. */
    let written: Booking | null = null;
    /**
     * Whether the booking's document is there already (a booking of this person in this slot, cancelled or
     * not): a first booking adds it, one request; when that finds it taken, the next attempt reads it first.
     */
    let reuse = false;
    return takeFirst(db, SEATS, {
      openid,
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
        return { slot: slot.data, itemName: await itemName(db, slot.data.resourceId) };
      },
      units: () => ({ qty: 1, total: 0 }),
      underWay: '你正在预约该时段',
      // The person's counter first (it holds them against their own other requests), then the booking
      // (one per person per slot, or this request's again) with the take's id, and the code, before anything
      // is taken.
      async reserveIn(tx, { slot, itemName: name }, code, mark) {
        const booker = await readBooker(tx, openid);
        if (booker.active >= activeLimit())
          throw new AppError('LIMIT_REACHED', `每人最多同时持有 ${activeLimit()} 个有效预约`);
        await tx
          .collection(BOOKERS)
          .doc(openid)
          .set({ active: booker.active + 1, seq: booker.seq + 1 });
        // The waiting list may have seated them meanwhile: one booking per person per slot.
        if (reuse && stored(await tx.collection(BOOKINGS).doc(bookingId).get()))
          throw new AppError('CONFLICT', '该预约已完成');
        const booking = bookingOf(slot, openid, requestId, 'direct', name, now, code, booker.seq + 1, mark.takeId);
        if (reuse) await tx.collection(BOOKINGS).doc(bookingId).set(booking);
        else
          await tx
            .collection(BOOKINGS)
            .add(booking)
            .catch((error: unknown) => {
              // Taken: the transaction is aborted; the next attempt (with a code drawn afresh) reads it first.
              if (error instanceof DbError && error.code === 'DUPLICATE_KEY') reuse = true;
              throw error;
            });
        await tx.collection(BOOKING_CODES).add({ _id: code, bookingId });
        written = booking;
      },
      take: ({ slot }, intentId, mark) =>
        takeMarked(
          db,
          SLOTS,
          slotId,
          intentId,
          { closed: db.command.neq(true), capacity: slot.capacity, booked: db.command.lt(slot.capacity) },
          { booked: db.command.inc(1), queue: db.command.pull(openid) },
          mark,
        ),
      async refused() {
        const latest = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
        if (latest.success && latest.data.closed) return new AppError('TOO_LATE', '该时段已关闭预约');
        return new AppError('SLOT_FULL', '该时段已约满，可加入候补');
      },
      code: { draw: newCode, name: '预约码' },
      // The booking's messages.
      async completeIn(tx, { slot }) {
        if (!written) throw new Error('completing before the booking was written');
        await tellSeated(tx, slot, written, now);
        return { bookingId: written._id, code: written.code };
      },
    });
  },
});

/** The timer job: repairs bookings whose process died half-way (see core/intents.ts). */
export const reconcileBookings = (db: Database, now: number) => reconcileMarks(db, SEATS, now);
