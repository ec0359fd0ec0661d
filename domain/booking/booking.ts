import { z } from 'zod';
import { command, type Database, type Transaction } from '../db';
import { INTENTS, assertStillOpen, crashPoint, finish, intentDocSchema, isUnfinished, markOf, reconcile, rollBack, take, waitForIntent } from '../core/intents';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { inZone } from '../core/time';
import { pageByNewest } from '../core/paging';
import { enqueue } from '../messages/outbox';
import { inboxPage } from '../messages/inbox';
import { fields } from '../core/validation';
import { TX_ATTEMPTS, derivedId, eightDigits as newCode, withFreshCode } from '../core/ids';
import { SLOTS, MAX_QUEUE, SLOT_STATES, presentSlot, slotDocSchema, slotState, type Slot } from '../slots/model';
import { STATIONS } from '../stations/actions';
import {
  BOOKERS, BOOKINGS, BOOKING_CODES, BOOKING_STATUS, ITEMS, NOTIFICATION_KINDS,
  activeLimit, bookerDocSchema, checkinEarlyMinutes, bookingDocSchema, bookingStatusSchema, cancelBeforeMinutes, itemDocSchema,
  remindBeforeMinutes, type Booking, type NotificationKind,
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

const MY_BOOKINGS_PAGE = '/packages/booking/pages/mine/index';

/** A booking's message, through the one outbox (module `booking`); a reminder is dropped once the booking is no longer active. */
async function notify(tx: Transaction, openid: string, kind: NotificationKind, booking: Pick<Booking, '_id' | 'itemName' | 'start' | 'end' | 'seq'> & { code?: string }, now: number, body: string): Promise<void> {
  const reminder = kind === 'reminder';
  await enqueue(tx, {
    // The ids older notifications had, so a change retried across the upgrade still writes one message.
    cause: [booking._id, kind, String(booking.seq)],
    openid, module: 'booking', kind, title: `${NOTIFICATION_KINDS[kind]}：${booking.itemName}`, body, page: MY_BOOKINGS_PAGE, refId: booking._id,
    dueAt: reminder ? Math.max(now, booking.start - remindBeforeMinutes() * MINUTE) : now,
    data: { time: when(booking), item: booking.itemName, status: NOTIFICATION_KINDS[kind], code: kind === 'cancelled' ? '' : (booking.code ?? '') },
    onlyIf: reminder ? { collection: BOOKINGS, docId: booking._id, fields: { status: ['active'], seq: [String(booking.seq)] } } : null,
  }, now);
}

/**
 * Gives `openid` a seat in `slot` inside `tx` (the caller took or checked the seat); answers the
 * booking. A direct booking's reservation already counts in the person's active bookings.
 */
async function seat(tx: Transaction, slot: Slot, openid: string, requestId: string, via: Booking['via'], itemName: string, now: number, code: string): Promise<Booking> {
  const reserved = await readBooker(tx, openid);
  const booker = via === 'direct' ? { ...reserved, active: Math.max(0, reserved.active - 1) } : reserved;
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

const bookIntentOf = (bookingId: string) => derivedId('in', 'book', bookingId);

/** The slot is the hot document: a seat is taken by one conditional update that marks it. */
const takeSeat = (db: Database, slot: Slot, openid: string, intentId: string) =>
  take(db, SLOTS, slot._id, intentId, { closed: db.command.neq(true), capacity: slot.capacity, booked: db.command.lt(slot.capacity) }, { booked: db.command.inc(1), queue: db.command.pull(openid) }, 1);

/** Releases a booking's reservation (one active booking) and deletes its intent, unless it is gone or done. */
async function releaseBooking(db: Database, intentId: string): Promise<void> {
  await db.runTransaction(async (tx) => {
    const intent = intentDocSchema.safeParse(await tx.collection(INTENTS).doc(intentId).get());
    if (!intent.success || !isUnfinished(intent.data)) return;
    const booker = await readBooker(tx, intent.data.openid);
    await tx.collection(BOOKERS).doc(intent.data.openid).set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
    await tx.collection(INTENTS).doc(intentId).remove();
  }, TX_ATTEMPTS);
}

const seatUndo = (db: Database) => () => ({ booked: db.command.inc(-1) });
/** Undoes a booking under way on `slotId` (its seat by the mark, then the reservation); used by closeSlots too. */
export const rollBackBooking = (db: Database, intentId: string, slotId: string) =>
  rollBack(db, { _id: intentId, collection: SLOTS, target: slotId }, seatUndo(db), () => releaseBooking(db, intentId));

export const book = action({
  input: z.strictObject({ slotId: fields.id.max(80), requestId: fields.requestId }),
  access: 'signedIn',
  async run({ slotId, requestId }, ctx) {
    const db = ctx.db;
    const openid = ctx.user._id;
    const now = ctx.now();
    const bookingId = bookingIdOf(slotId, openid);
    const intentId = bookIntentOf(bookingId);
    for (;;) {
      const existing = bookingDocSchema.safeParse(await db.collection(BOOKINGS).doc(bookingId).get());
      if (existing.success && existing.data.requestId === requestId) return { bookingId, code: existing.data.code };
      if (existing.success && (existing.data.status === 'active' || existing.data.status === 'checkedIn')) throw new AppError('CONFLICT', '你已预约该时段');
      const slot = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
      if (!slot.success) throw notFound('预约时段');
      if (slot.data.closed) throw new AppError('TOO_LATE', '该时段已关闭预约');
      if (now >= slot.data.start) throw new AppError('TOO_LATE', '该时段已开始，无法预约');
      // Full refuses before anything is written; the seat is rechecked atomically when taken.
      if (slot.data.booked >= slot.data.capacity) throw new AppError('SLOT_FULL', '该时段已约满，可加入候补');

      // 1. The intent and the reservation (one more active booking): the person's documents only.
      const reserved = await db.runTransaction(async (tx) => {
        const again = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingId).get());
        if (again.success && again.data.requestId === requestId) return 'answered' as const;
        if (again.success && (again.data.status === 'active' || again.data.status === 'checkedIn')) throw new AppError('CONFLICT', '你已预约该时段');
        const intent = intentDocSchema.safeParse(await tx.collection(INTENTS).doc(intentId).get());
        if (intent.success) {
          if (intent.data.requestId === requestId) return 'busy' as const;
          throw new AppError('CONFLICT', '你正在预约该时段');
        }
        const booker = await readBooker(tx, openid);
        if (booker.active >= activeLimit()) throw new AppError('LIMIT_REACHED', `每人最多同时持有 ${activeLimit()} 个有效预约`);
        await tx.collection(BOOKERS).doc(openid).set({ active: booker.active + 1, seq: booker.seq });
        await tx.collection(INTENTS).add({ _id: intentId, kind: 'book', openid, requestId, collection: SLOTS, target: slotId, state: 'open', createdAt: now, qty: 1, total: 0 });
        return 'reserved' as const;
      }, TX_ATTEMPTS);
      if (reserved === 'answered') continue;
      if (reserved === 'busy') {
        await waitForIntent(db, intentId);
        continue;
      }

      // 2. The seat: one conditional update on the slot, outside any transaction.
      if (!(await takeSeat(db, slot.data, openid, intentId))) {
        await releaseBooking(db, intentId);
        const latest = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
        if (latest.success && latest.data.closed) throw new AppError('TOO_LATE', '该时段已关闭预约');
        throw new AppError('SLOT_FULL', '该时段已约满，可加入候补');
      }
      crashPoint('book-after-take');

      // 3. The booking, its code and messages: the person's documents again.
      let booking: Booking;
      try {
        booking = await withFreshCode(newCode, '预约码', (code) =>
          db.runTransaction(async (tx) => {
            await assertStillOpen(tx, intentId, '预约超时，请重试');
            // The waiting list may have seated them meanwhile: one booking per person per slot, so this seat goes back.
            const promoted = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingId).get());
            if (promoted.success && (promoted.data.status === 'active' || promoted.data.status === 'checkedIn')) throw new AppError('CONFLICT', '你已预约该时段');
            const b = await seat(tx, slot.data, openid, requestId, 'direct', await itemName(tx, slot.data.resourceId), now, code);
            await tx.collection(INTENTS).doc(intentId).update({ state: 'done' });
            return b;
          }, TX_ATTEMPTS),
        );
      } catch (error) {
        await rollBackBooking(db, intentId, slotId);
        throw error;
      }
      await finish(db, { _id: intentId, collection: SLOTS, target: slotId });
      return { bookingId: booking._id, code: booking.code };
    }
  },
});

/** The timer job: repairs bookings whose process died half-way (see core/intents.ts). */
export const reconcileBookings = (db: Database, now: number) =>
  reconcile(db, 'book', now, seatUndo, (db, intent) => releaseBooking(db, intent._id));

/**
 * Gives freed seats to the people waiting, in order, inside `tx`. Someone at their booking limit
 * keeps their place and is told why (消息); the seat goes to the next eligible waiter. Someone
 * already holding this slot leaves the queue. Answers how many were promoted.
 */
async function promote(tx: Transaction, slot: Slot, now: number, name: string): Promise<{ promoted: number; queue: string[] }> {
  let booked = slot.booked;
  const queue: string[] = [];
  let promoted = 0;
  for (const openid of slot.queue) {
    if (booked >= slot.capacity) {
      queue.push(openid);
      continue;
    }
    const held = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(bookingIdOf(slot._id, openid)).get());
    if (held.success && (held.data.status === 'active' || held.data.status === 'checkedIn')) continue;
    const booker = await readBooker(tx, openid);
    if (booker.active >= activeLimit()) {
      queue.push(openid);
      // One message per state of their bookings: a second freed seat while nothing changed says nothing new.
      await enqueue(tx, {
        cause: [slot._id, openid, 'waitlistHeld', String(booker.seq), String(booker.active)],
        openid, module: 'booking', kind: 'waitlistHeld', title: `${NOTIFICATION_KINDS.waitlistHeld}：${name}`,
        body: `${when(slot)} 有空位，但你已有 ${booker.active} 个有效预约（上限 ${activeLimit()} 个），暂不能候补成功。你的候补位置已保留，取消或完成一个预约后，下一个空位将按顺序给你。`,
        page: MY_BOOKINGS_PAGE, refId: slot._id, data: { time: when(slot), item: name, status: NOTIFICATION_KINDS.waitlistHeld },
      }, now);
      continue;
    }
    let code = newCode();
    while (await tx.collection(BOOKING_CODES).doc(code).get()) code = newCode();
    await seat(tx, slot, openid, `waitlist-${slot._id}-${now}`, 'waitlist', name, now, code);
    booked += 1;
    promoted += 1;
  }
  return { promoted, queue };
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
  const waiting = promoteWaiting && !slot.closed && now < slot.start ? await promote(tx, freed, now, b.itemName) : { promoted: 0, queue: slot.queue };
  // An increment, not the value read: the slot is hot (this transaction still conflicts with any change to it).
  await tx.collection(SLOTS).doc(slot._id).update({ booked: command.inc(waiting.promoted - 1), queue: waiting.queue });
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
      // A seat this person is taking right now is marked on the slot, which this transaction writes.
      const taking = markOf(await tx.collection(SLOTS).doc(slotId).get(), bookIntentOf(bookingIdOf(slotId, openid))) !== undefined;
      if ((held.success && held.data.status === 'active') || taking) throw new AppError('CONFLICT', '你已预约该时段');
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

/** How many waiting-list places `myWaitlist` lists (a person rarely holds more than a few). */
const MAX_WAITING_PLACES = 50;

export interface WaitingPlace {
  slotId: string;
  itemId: string;
  itemName: string;
  stationId: string | null;
  stationName: string | null;
  start: number;
  end: number;
  /** 1 = next to be seated. */
  position: number;
  waiting: number;
}

/** The caller's places on the waiting lists of slots not yet started, soonest first, with their position. */
export const myWaitlist = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx): Promise<{ items: WaitingPlace[] }> {
    const openid = ctx.user._id;
    const docs = await ctx.db.collection(SLOTS).where({ queue: openid, start: ctx.db.command.gt(ctx.now()) }).orderBy('start', 'asc').limit(MAX_WAITING_PLACES).get();
    const names = new Map<string, string | null>();
    const nameOf = async (collection: string, id: string | null) => {
      if (!id) return null;
      const key = `${collection}/${id}`;
      if (!names.has(key)) {
        const doc = await ctx.db.collection(collection).doc(id).get();
        names.set(key, typeof doc?.name === 'string' ? doc.name : null);
      }
      return names.get(key) ?? null;
    };
    const items: WaitingPlace[] = [];
    for (const doc of docs) {
      const s = slotDocSchema.safeParse(doc);
      if (!s.success || s.data.closed) continue;
      const at = s.data.queue.indexOf(openid);
      if (at < 0) continue;
      items.push({
        slotId: s.data._id, itemId: s.data.resourceId, itemName: (await nameOf(ITEMS, s.data.resourceId)) ?? '预约项目',
        stationId: s.data.stationId, stationName: await nameOf(STATIONS, s.data.stationId),
        start: s.data.start, end: s.data.end, position: at + 1, waiting: s.data.queue.length,
      });
    }
    return { items };
  },
});

export const verify = action({
  input: z.strictObject({ code: z.string().trim().regex(/^\d{8}$/, '预约码是 8 位数字') }),
  access: ['staff', 'admin'],
  // Staff check people in at their own stations only.
  async scope({ code }, ctx) {
    const link = await ctx.db.collection(BOOKING_CODES).doc(code).get();
    const b = bookingDocSchema.safeParse(link ? await ctx.db.collection(BOOKINGS).doc(String(link.bookingId)).get() : null);
    return b.success ? { itemId: b.data.itemId } : null;
  },
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
    const item = itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get());
    if (!item.success) throw notFound('预约项目');
    const station = await ctx.db.collection(STATIONS).doc(item.data.stationId).get();
    const docs = await ctx.db.collection(SLOTS).where({ resourceId: itemId, date }).orderBy('start', 'asc').limit(200).get();
    const now = ctx.now();
    const out = [];
    for (const doc of docs) {
      const s = slotDocSchema.safeParse(doc);
      if (!s.success) continue;
      const mine = bookingDocSchema.safeParse(await ctx.db.collection(BOOKINGS).doc(bookingIdOf(s.data._id, ctx.user._id)).get());
      const status = mine.success && (mine.data.status === 'active' || mine.data.status === 'checkedIn') ? 'booked' : s.data.queue.includes(ctx.user._id) ? 'waiting' : null;
      const state = slotState(s.data, now);
      out.push({ ...presentSlot(s.data), mine: status, state, stateLabel: SLOT_STATES[state], bookable: !s.data.closed && state === 'upcoming' });
    }
    // What the confirmation names: the station and the item.
    const stationName = station && typeof station.name === 'string' ? station.name : '';
    return { slots: out, item: { itemId, name: item.data.name, stationId: item.data.stationId, stationName } };
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

/** The booking messages of the one inbox (kept for callers of `stations.messages`; the 消息 page uses `user.messages`). */
export const messages = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ cursor, limit }, ctx) => inboxPage(ctx.db, ctx.user._id, { module: 'booking', cursor, limit }),
});
