import { z } from 'zod';
import { command, type Database, type Transaction } from '../db';
import { intentIdOf, markOf, reconcileResource, reserve, rollBackIntent, take, type HotResource } from '../core/intents';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { inZone } from '../core/time';
import { pageByNewest } from '../core/paging';
import { verifyAction, type CodeBook } from '../core/verify';
import { enqueue } from '../messages/outbox';
import { inboxPage } from '../messages/inbox';
import { fields } from '../core/validation';
import { TX_ATTEMPTS, derivedId, eightDigits as newCode } from '../core/ids';
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

const bookIntentOf = (bookingId: string) => intentIdOf('book', bookingId);

/** A slot's seats are the hot resource (see core/intents.ts); a booking's reservation is one more active booking. */
const SEATS: HotResource = {
  kind: 'book',
  collection: SLOTS,
  undo: (db) => ({ booked: db.command.inc(-1) }),
  async unreserve(tx, { openid }) {
    const booker = await readBooker(tx, openid);
    await tx.collection(BOOKERS).doc(openid).set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
  },
};

/** Undoes a booking under way on `slotId` (its seat by the mark, then the reservation); used by closeSlots too. */
export const rollBackBooking = (db: Database, intentId: string, slotId: string) => rollBackIntent(db, SEATS, intentId, slotId);

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
      openid, requestId, effectId: bookingId, target: slotId, now,
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
      storedIn: async (tx) => stored(await tx.collection(BOOKINGS).doc(bookingId).get()) !== null,
      underWayElsewhere: '你正在预约该时段',
      async reserveIn(tx) {
        const booker = await readBooker(tx, openid);
        if (booker.active >= activeLimit()) throw new AppError('LIMIT_REACHED', `每人最多同时持有 ${activeLimit()} 个有效预约`);
        await tx.collection(BOOKERS).doc(openid).set({ active: booker.active + 1, seq: booker.seq });
      },
      take: async (slot, intentId) =>
        (await take(db, SLOTS, slotId, intentId, { closed: db.command.neq(true), capacity: slot.capacity, booked: db.command.lt(slot.capacity) }, { booked: db.command.inc(1), queue: db.command.pull(openid) }, 1)) ? 1 : null,
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
        const booking = await seat(tx, slot, openid, requestId, 'direct', await itemName(tx, slot.resourceId), now, code);
        return { bookingId: booking._id, code: booking.code };
      },
    });
  },
});

/** The timer job: repairs bookings whose process died half-way (see core/intents.ts). */
export const reconcileBookings = (db: Database, now: number) => reconcileResource(db, SEATS, now);

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

/** Booking codes open bookings. */
const BOOKING_CODE: CodeBook<Booking> = { codes: BOOKING_CODES, linkField: 'bookingId', collection: BOOKINGS, schema: bookingDocSchema, codeOf: (b) => b.code, invalid: '预约码无效或已使用' };

// Staff check people in at their own stations only.
export const verify = verifyAction({
  field: 'code',
  book: BOOKING_CODE,
  format: '预约码是 8 位数字',
  scope: (b) => ({ itemId: b.itemId }),
  async use(tx, b, ctx) {
    const now = ctx.now();
    if (b.status !== 'active') throw new AppError('CONFLICT', `预约${BOOKING_STATUS[b.status]}`);
    const opens = b.start - checkinEarlyMinutes() * MINUTE;
    if (now < opens) throw new AppError('TOO_EARLY', `请在 ${inZone(opens).format('M月D日 HH:mm')} 后签到`);
    if (now > b.end) throw new AppError('TOO_LATE', '该时段已结束');
    const booker = await readBooker(tx, b.openid);
    await tx.collection(BOOKINGS).doc(b._id).update({ status: 'checkedIn', checkedInAt: now, checkedInBy: ctx.user._id });
    await tx.collection(BOOKERS).doc(b.openid).set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
    return { bookingId: b._id, itemName: b.itemName, start: b.start, end: b.end, status: 'checkedIn' as const };
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
