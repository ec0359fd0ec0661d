/**
 * What every booking use case shares: the booking's ids, the person's counter (bookers), the
 * booking's messages, and giving someone a seat (the booking, its code, its messages).
 */
import type { Transaction } from '../db';
import { intentIdOf } from '../core/intents';
import { notFound } from '../core/errors';
import { enqueue } from '../messages';
import { derivedId } from '../core/ids';
import { SLOTS, slotDocSchema, slotWhen, templateTime, type Slot } from '../slots';
import {
  BOOKERS,
  BOOKINGS,
  BOOKING_CODES,
  NOTIFICATION_KINDS,
  bookerDocSchema,
  remindBeforeMinutes,
  type Booking,
  type NotificationKind,
} from './model';

export const MINUTE = 60_000;
export const bookingIdOf = (slotId: string, openid: string) => derivedId('bk', slotId, openid);
/** 「12月7日 周一 09:00–09:30」: the one way people read a slot's day and time (domain/slots/when.ts). */
export const when = slotWhen;

export async function readSlot(tx: Transaction, slotId: string): Promise<Slot> {
  const slot = slotDocSchema.safeParse(await tx.collection(SLOTS).doc(slotId).get());
  if (!slot.success) throw notFound('预约时段');
  return slot.data;
}

export async function readBooker(tx: Transaction, openid: string) {
  const b = bookerDocSchema.safeParse(await tx.collection(BOOKERS).doc(openid).get());
  return b.success ? b.data : { _id: openid, active: 0, seq: 0 };
}

export const MY_BOOKINGS_PAGE = '/packages/booking/pages/mine/index';

/** A booking's message, through the one outbox (module `booking`); a reminder is dropped once the booking is no longer active. */
export async function notify(
  tx: Transaction,
  openid: string,
  kind: NotificationKind,
  booking: Pick<Booking, '_id' | 'itemName' | 'start' | 'end' | 'seq'> & { code?: string },
  now: number,
  body: string,
): Promise<void> {
  const reminder = kind === 'reminder';
  await enqueue(
    tx,
    {
      // The ids older notifications had, so a change retried across the upgrade still writes one message.
      cause: [booking._id, kind, String(booking.seq)],
      openid,
      module: 'booking',
      kind,
      title: `${NOTIFICATION_KINDS[kind]}：${booking.itemName}`,
      body,
      page: MY_BOOKINGS_PAGE,
      refId: booking._id,
      dueAt: reminder ? Math.max(now, booking.start - remindBeforeMinutes() * MINUTE) : now,
      data: {
        time: templateTime(booking),
        item: booking.itemName,
        status: NOTIFICATION_KINDS[kind],
        code: kind === 'cancelled' ? '' : (booking.code ?? ''),
      },
      onlyIf: reminder
        ? { collection: BOOKINGS, docId: booking._id, fields: { status: ['active'], seq: [String(booking.seq)] } }
        : null,
    },
    now,
  );
}

/** The booking document of `openid` in `slot`: the `seq` is the person's counter after it, `takeId` a direct booking's take. */
export function bookingOf(
  slot: Slot,
  openid: string,
  requestId: string,
  via: Booking['via'],
  itemName: string,
  now: number,
  code: string,
  seq: number,
  takeId: string | null,
): Booking {
  return {
    _id: bookingIdOf(slot._id, openid),
    slotId: slot._id,
    itemId: slot.resourceId,
    itemName,
    stationId: slot.stationId,
    openid,
    status: 'active',
    code,
    requestId,
    seq,
    start: slot.start,
    end: slot.end,
    via,
    createdAt: now,
    closedAt: null,
    checkedInAt: null,
    checkedInBy: null,
    takeId,
  };
}

/** A seated booking's messages: booked (or promoted from the waiting list), and the reminder. */
export async function tellSeated(tx: Transaction, slot: Slot, booking: Booking, now: number): Promise<void> {
  await notify(
    tx,
    booking.openid,
    booking.via === 'waitlist' ? 'promoted' : 'booked',
    booking,
    now,
    `${when(slot)}，到场后向工作人员出示预约码 ${booking.code}`,
  );
  await notify(
    tx,
    booking.openid,
    'reminder',
    booking,
    now,
    `你预约的「${booking.itemName}」将于 ${when(slot)} 开始，请准时到场`,
  );
}

/**
 * Gives `openid` a seat in `slot` inside `tx` (the caller checked the seat): the person's counter, the
 * booking, its code and its messages; answers the booking. (A direct booking writes these parts itself,
 * around its take: see book.ts.)
 */
export async function seat(
  tx: Transaction,
  slot: Slot,
  openid: string,
  requestId: string,
  via: Booking['via'],
  itemName: string,
  now: number,
  code: string,
): Promise<Booking> {
  const current = await readBooker(tx, openid);
  const booker = { active: current.active + 1, seq: current.seq + 1 };
  await tx.collection(BOOKERS).doc(openid).set(booker);
  const booking = bookingOf(slot, openid, requestId, via, itemName, now, code, booker.seq, null);
  await tx.collection(BOOKINGS).doc(booking._id).set(booking);
  await tx.collection(BOOKING_CODES).add({ _id: code, bookingId: booking._id });
  await tellSeated(tx, slot, booking, now);
  return booking;
}

export const bookIntentOf = (bookingId: string) => intentIdOf('book', bookingId);
