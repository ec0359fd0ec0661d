import { z } from 'zod';
import { setting } from '../core/config';

export const BOOKINGS = 'bookings';
export const BOOKING_CODES = 'bookingCodes';
export const BOOKERS = 'bookers';

/** How many active bookings one person may hold at once (`BOOKING_ACTIVE_LIMIT`). */
export const activeLimit = () => setting('BOOKING_ACTIVE_LIMIT');
/** Cancelling closes this many minutes before the start (`BOOKING_CANCEL_BEFORE_MIN`). */
export const cancelBeforeMinutes = () => setting('BOOKING_CANCEL_BEFORE_MIN');
/** A reminder goes out this many minutes before the start (`BOOKING_REMIND_BEFORE_MIN`). */
export const remindBeforeMinutes = () => setting('BOOKING_REMIND_BEFORE_MIN');
/** Staff may check a booking in from this many minutes before its start until its end (`BOOKING_CHECKIN_EARLY_MIN`). */
export const checkinEarlyMinutes = () => setting('BOOKING_CHECKIN_EARLY_MIN');

export { ITEMS, ITEM_KINDS, itemDocSchema, type Item } from '../stations';

export const BOOKING_STATUS = { active: '待使用', checkedIn: '已签到', cancelled: '已取消', noShow: '未到场' } as const;
export type BookingStatus = keyof typeof BOOKING_STATUS;
export const bookingStatusSchema = z.enum(Object.keys(BOOKING_STATUS) as [BookingStatus, ...BookingStatus[]]);

/** `bookings/{derived from slot and person}`: one document per person per slot, reused on rebooking. */
export const bookingDocSchema = z.object({
  _id: z.string(),
  slotId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  stationId: z.string().nullable(),
  openid: z.string(),
  status: bookingStatusSchema,
  code: z.string(),
  requestId: z.string(),
  seq: z.number().int(),
  start: z.number(),
  end: z.number(),
  /** 'direct' when booked, 'waitlist' when promoted from the waiting list. */
  via: z.enum(['direct', 'waitlist']),
  createdAt: z.number(),
  closedAt: z.number().nullable().default(null),
  checkedInAt: z.number().nullable().default(null),
  checkedInBy: z.string().nullable().default(null),
  /** The take that seated a direct booking (see core/intents.ts `takeFirst`); null otherwise. */
  takeId: z.string().nullable().default(null),
});
export type Booking = z.output<typeof bookingDocSchema>;

/** `bookers/{openid}`: the person's active-booking count (the limit) and booking sequence (paging). */
export const bookerDocSchema = z.object({
  _id: z.string(),
  active: z.number().int().min(0),
  seq: z.number().int().min(0),
});

export const NOTIFICATION_KINDS = {
  booked: '预约成功',
  promoted: '候补成功',
  reminder: '预约提醒',
  cancelled: '预约已取消',
  waitlistHeld: '候补保留',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
