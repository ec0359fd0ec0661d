import { z } from 'zod';
import type { Transaction } from '../db';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { inZone } from '../core/time';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { TX_ATTEMPTS, derivedId, eightDigits as newCode, withFreshCode } from '../core/ids';
import { SLOTS, MAX_QUEUE, presentSlot, slotDocSchema, type Slot } from '../slots/model';
import {
  BOOKERS, BOOKINGS, BOOKING_CODES, BOOKING_STATUS, ITEMS, NOTIFICATIONS, NOTIFICATION_KINDS,
  activeLimit, bookerDocSchema, checkinEarlyMinutes, bookingDocSchema, bookingStatusSchema, cancelBeforeMinutes, itemDocSchema,
  notificationDocSchema, remindBeforeMinutes, type Booking, type NotificationKind,
} from './model';

const MINUTE = 60_000;
export const bookingIdOf = (slotId: string, openid: string) => derivedId('bk', slotId, openid);
const when = (s: { start: number; end: number }) => `${inZone(s.start).format('M月D日 HH:mm')}-${inZone(s.end).format('HH:mm')}`;

async function readSlot(tx: Transaction, slotId: string): Promise<Slot> {
  const slot = slotDocSchema.safeParse(await tx.collection(SLOTS).doc(slotId).get());
  if (!slot.success) throw notFound('预约时段');
  return slot.data;
}

async function readBooker(tx: Transaction, openid: string) {
  const b = bookerDocSchema.safeParse(await tx.collection(BOOKERS).doc(openid).get());
  return b.success ? b.data : { _id: openid, active: 0, seq: 0 };
}

async function notify(tx: Transaction, openid: string, kind: NotificationKind, booking: Pick<Booking, '_id' | 'itemName' | 'start' | 'end' | 'seq'>, now: number, body: string): Promise<void> {
  const reminder = kind === 'reminder';
  await tx.collection(NOTIFICATIONS).doc(derivedId('nt', booking._id, kind, String(booking.seq))).set({
    openid, kind, title: `${NOTIFICATION_KINDS[kind]}：${booking.itemName}`, body, bookingId: booking._id, createdAt: now,
    dueAt: reminder ? Math.max(now, booking.start - remindBeforeMinutes() * MINUTE) : now,
    // Everything but a reminder is in the inbox at once; reminders wait for the timer job.
    sentAt: reminder ? null : now,
  });
}

/** Gives `openid` a seat in `slot` inside `tx` (the caller checked capacity); answers the booking. */
async function seat(tx: Transaction, slot: Slot, openid: string, requestId: string, via: Booking['via'], itemName: string, now: number, code: string): Promise<Booking> {
  const booker = await readBooker(tx, openid);
  const booking: Booking = {
    _id: bookingIdOf(slot._id, openid), slotId: slot._id, itemId: slot.resourceId, itemName, stationId: slot.stationId, openid,
    status: 'active', code, requestId, seq: booker.seq + 1, start: slot.start, end: slot.end, via, createdAt: now,
    closedAt: null, checkedInAt: null, checkedInBy: null,
  };
  await tx.collection(BOOKERS).doc(openid).set({ active: booker.active + 1, seq: booker.seq + 1 });
  await tx.collection(BOOKINGS).doc(booking._id).set(booking);
  await tx.collection(BOOKING_CODES).add({ _id: code, bookingId: booking._id });
  await notify(tx, openid, via === 'waitlist' ? 'promoted' : 'booked', booking, now, `${when(slot)}，到场后向工作人员出示预约码 ${code}`);
  await notify(tx, openid, 'reminder', booking, now, `你预约的「${itemName}」将于 ${when(slot)} 开始，请准时到场`);
  return booking;
}

async function itemName(tx: Transaction, itemId: string): Promise<string> {
  const item = itemDocSchema.safeParse(await tx.collection(ITEMS).doc(itemId).get());
  return item.success ? item.data.name : '预约服务';
}

export const book = action({
  input: z.strictObject({ slotId: fields.id.max(80), requestId: fields.requestId }),
  access: 'signedIn',
  async run({ slotId, requestId }, ctx) {
    const openid = ctx.user._id;
    const now = ctx.now();
    return withFreshCode(newCode, '预约码', (code) =>
      ctx.db.runTransaction(async (tx) => {
        const slot = await readSlot(tx, slotId);
        const existing = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingIdOf(slotId, openid)).get());
        if (existing.success && existing.data.requestId === requestId) return { bookingId: existing.data._id, code: existing.data.code };
        if (existing.success && (existing.data.status === 'active' || existing.data.status === 'checkedIn')) throw new AppError('CONFLICT', '你已预约该时段');
        if (slot.closed) throw new AppError('TOO_LATE', '该时段已关闭预约');
        if (now >= slot.start) throw new AppError('TOO_LATE', '该时段已开始，无法预约');
        const booker = await readBooker(tx, openid);
        if (booker.active >= activeLimit()) throw new AppError('LIMIT_REACHED', `每人最多同时持有 ${activeLimit()} 个有效预约`);
        if (slot.booked >= slot.capacity) throw new AppError('SLOT_FULL', '该时段已约满，可加入候补');
        await tx.collection(SLOTS).doc(slotId).update({ booked: slot.booked + 1, queue: slot.queue.filter((o) => o !== openid) });
        const booking = await seat(tx, slot, openid, requestId, 'direct', await itemName(tx, slot.resourceId), now, code);
        return { bookingId: booking._id, code: booking.code };
      }, TX_ATTEMPTS),
    );
  },
});

/**
 * Gives freed seats to the people waiting, in order, inside `tx`: someone at their booking limit,
 * or already holding this slot, is passed over. Answers how many were promoted.
 */
async function promote(tx: Transaction, slot: Slot, now: number, name: string): Promise<number> {
  let booked = slot.booked;
  const queue = [...slot.queue];
  let promoted = 0;
  while (queue.length > 0 && booked < slot.capacity) {
    const openid = queue.shift()!;
    const booker = await readBooker(tx, openid);
    const held = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingIdOf(slot._id, openid)).get());
    if (booker.active >= activeLimit() || (held.success && (held.data.status === 'active' || held.data.status === 'checkedIn'))) continue;
    let code = newCode();
    while (await tx.collection(BOOKING_CODES).doc(code).get()) code = newCode();
    await seat(tx, slot, openid, `waitlist-${slot._id}-${now}`, 'waitlist', name, now, code);
    booked += 1;
    promoted += 1;
  }
  await tx.collection(SLOTS).doc(slot._id).update({ booked, queue });
  return promoted;
}

/** Closes an active booking (cancelled by its owner or an admin, or a no-show) and frees its seat. */
async function release(tx: Transaction, b: Booking, status: 'cancelled' | 'noShow', now: number, reason: string): Promise<void> {
  const booker = await readBooker(tx, b.openid);
  await tx.collection(BOOKINGS).doc(b._id).update({ status, closedAt: now });
  await tx.collection(BOOKERS).doc(b.openid).set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
  await tx.collection(BOOKING_CODES).doc(b.code).remove();
  if (status === 'cancelled') await notify(tx, b.openid, 'cancelled', b, now, reason);
}

export async function cancelBooking(tx: Transaction, b: Booking, now: number, reason: string, promoteWaiting: boolean): Promise<void> {
  const slot = await readSlot(tx, b.slotId);
  await release(tx, b, 'cancelled', now, reason);
  const freed = { ...slot, booked: Math.max(0, slot.booked - 1) };
  if (promoteWaiting && !slot.closed && now < slot.start) await promote(tx, freed, now, b.itemName);
  else await tx.collection(SLOTS).doc(slot._id).update({ booked: freed.booked });
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
      if (now > b.data.start - cancelBeforeMinutes() * MINUTE) throw new AppError('TOO_LATE', `开始前 ${cancelBeforeMinutes()} 分钟内不能取消`);
      await cancelBooking(tx, b.data, now, `你已取消 ${when(b.data)} 的预约`, true);
      return { bookingId, status: 'cancelled' as const };
    }, TX_ATTEMPTS);
  },
});

export const joinWaitlist = action({
  input: z.strictObject({ slotId: fields.id.max(80) }),
  access: 'signedIn',
  async run({ slotId }, ctx) {
    const openid = ctx.user._id;
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const slot = await readSlot(tx, slotId);
      if (slot.closed || now >= slot.start) throw new AppError('TOO_LATE', '该时段已不可预约');
      const held = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingIdOf(slotId, openid)).get());
      if (held.success && held.data.status === 'active') throw new AppError('CONFLICT', '你已预约该时段');
      const at = slot.queue.indexOf(openid);
      if (at >= 0) return { slotId, position: at + 1 };
      if (slot.booked < slot.capacity) throw new AppError('CONFLICT', '该时段还有空位，请直接预约');
      if (slot.queue.length >= MAX_QUEUE) throw new AppError('LIMIT_REACHED', '候补人数已满');
      await tx.collection(SLOTS).doc(slotId).update({ queue: [...slot.queue, openid] });
      return { slotId, position: slot.queue.length + 1 };
    }, TX_ATTEMPTS);
  },
});

export const leaveWaitlist = action({
  input: z.strictObject({ slotId: fields.id.max(80) }),
  access: 'signedIn',
  async run({ slotId }, ctx) {
    return ctx.db.runTransaction(async (tx) => {
      const slot = await readSlot(tx, slotId);
      if (!slot.queue.includes(ctx.user._id)) throw new AppError('NOT_FOUND', '你不在该时段的候补名单中');
      await tx.collection(SLOTS).doc(slotId).update({ queue: slot.queue.filter((o) => o !== ctx.user._id) });
      return { slotId };
    }, TX_ATTEMPTS);
  },
});

export const verify = action({
  input: z.strictObject({ code: z.string().trim().regex(/^\d{8}$/, '预约码是 8 位数字') }),
  access: ['staff', 'admin'],
  async run({ code }, ctx) {
    const link = await ctx.db.collection(BOOKING_CODES).doc(code).get();
    if (!link) throw new AppError('NOT_FOUND', '预约码无效或已使用');
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const b = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(String(link.bookingId)).get());
      if (!b.success || b.data.code !== code) throw new AppError('NOT_FOUND', '预约码无效或已使用');
      if (b.data.status !== 'active') throw new AppError('CONFLICT', `预约${BOOKING_STATUS[b.data.status]}`);
      const opens = b.data.start - checkinEarlyMinutes() * MINUTE;
      if (now < opens) throw new AppError('TOO_EARLY', `请在 ${inZone(opens).format('M月D日 HH:mm')} 后签到`);
      if (now > b.data.end) throw new AppError('TOO_LATE', '该时段已结束');
      const booker = await readBooker(tx, b.data.openid);
      await tx.collection(BOOKINGS).doc(b.data._id).update({ status: 'checkedIn', checkedInAt: now, checkedInBy: ctx.user._id });
      await tx.collection(BOOKERS).doc(b.data.openid).set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
      await tx.collection(BOOKING_CODES).doc(code).remove();
      return { bookingId: b.data._id, itemName: b.data.itemName, start: b.data.start, end: b.data.end, status: 'checkedIn' as const };
    }, TX_ATTEMPTS);
  },
});

export const slots = action({
  input: z.strictObject({ itemId: fields.id, date: fields.date }),
  access: 'signedIn',
  async run({ itemId, date }, ctx) {
    if (!itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get()).success) throw notFound('预约项目');
    const docs = await ctx.db.collection(SLOTS).where({ resourceId: itemId, date }).orderBy('start', 'asc').limit(200).get();
    const out = [];
    for (const doc of docs) {
      const s = slotDocSchema.safeParse(doc);
      if (!s.success) continue;
      const mine = bookingDocSchema.safeParse(await ctx.db.collection(BOOKINGS).doc(bookingIdOf(s.data._id, ctx.user._id)).get());
      const status = mine.success && (mine.data.status === 'active' || mine.data.status === 'checkedIn') ? 'booked' : s.data.queue.includes(ctx.user._id) ? 'waiting' : null;
      out.push({ ...presentSlot(s.data), mine: status, bookable: !s.data.closed && s.data.start > ctx.now() });
    }
    return { slots: out };
  },
});

function presentBooking(b: Booking) {
  return {
    bookingId: b._id, slotId: b.slotId, itemId: b.itemId, itemName: b.itemName, stationId: b.stationId, status: b.status,
    statusLabel: BOOKING_STATUS[b.status], code: b.status === 'active' ? b.code : null, start: b.start, end: b.end, via: b.via,
  };
}

export const myBookings = action({
  input: z.strictObject({ status: bookingStatusSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ status, cursor, limit }, ctx) =>
    pageByNewest(ctx.db.collection(BOOKINGS), { openid: ctx.user._id, status }, 'seq', { cursor, limit }, bookingDocSchema, presentBooking),
});

export const messages = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ cursor, limit }, ctx) =>
    pageByNewest(ctx.db.collection(NOTIFICATIONS), { openid: ctx.user._id, sentAt: ctx.db.command.gt(0) }, 'dueAt', { cursor, limit }, notificationDocSchema, (n) => ({
      messageId: n._id, kind: n.kind, title: n.title, body: n.body, at: n.dueAt,
    })),
});
