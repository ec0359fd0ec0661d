/** The waiting list of a full slot: joining, leaving, my places, and seating waiters when a seat frees. */
import { z } from 'zod';
import type { Transaction } from '../db';
import { markOf } from '../core/intents';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { enqueue } from '../messages';
import { fields } from '../core/validation';
import { TX_ATTEMPTS, eightDigits as newCode } from '../core/ids';
import { SLOTS, MAX_QUEUE, slotDocSchema, templateTime, type Slot } from '../slots';
import { STATIONS } from '../stations';
import { BOOKINGS, BOOKING_CODES, ITEMS, NOTIFICATION_KINDS, activeLimit, bookingDocSchema } from './model';
import { MY_BOOKINGS_PAGE, bookIntentOf, bookingIdOf, readBooker, readSlot, seat, when } from './seating';

/**
 * Gives freed seats to the people waiting, in order, inside `tx`. Someone at their booking limit
 * keeps their place and is told why (消息); the seat goes to the next eligible waiter. Someone
 * already holding this slot leaves the queue. Answers how many were promoted.
 */
export async function promote(
  tx: Transaction,
  slot: Slot,
  now: number,
  name: string,
): Promise<{ promoted: number; queue: string[] }> {
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
      await enqueue(
        tx,
        {
          cause: [slot._id, openid, 'waitlistHeld', String(booker.seq), String(booker.active)],
          openid,
          module: 'booking',
          kind: 'waitlistHeld',
          title: `${NOTIFICATION_KINDS.waitlistHeld}：${name}`,
          body: `${when(slot)} 有空位，但你已有 ${booker.active} 个有效预约（上限 ${activeLimit()} 个），暂不能候补成功。你的候补位置已保留，取消或完成一个预约后，下一个空位将按顺序给你。`,
          page: MY_BOOKINGS_PAGE,
          refId: slot._id,
          data: { time: templateTime(slot), item: name, status: NOTIFICATION_KINDS.waitlistHeld },
        },
        now,
      );
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
      const taking =
        markOf(await tx.collection(SLOTS).doc(slotId).get(), bookIntentOf(bookingIdOf(slotId, openid))) !== undefined;
      if ((held.success && held.data.status === 'active') || taking) throw new AppError('CONFLICT', '你已预约该时段');
      const at = slot.queue.indexOf(openid);
      if (at >= 0) return { slotId, position: at + 1 };
      if (slot.booked < slot.capacity) throw new AppError('CONFLICT', '该时段还有空位，请直接预约');
      if (slot.queue.length >= MAX_QUEUE) throw new AppError('LIMIT_REACHED', '候补人数已满');
      await tx
        .collection(SLOTS)
        .doc(slotId)
        .update({ queue: [...slot.queue, openid] });
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
      await tx
        .collection(SLOTS)
        .doc(slotId)
        .update({ queue: slot.queue.filter((o) => o !== ctx.user._id) });
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
    const docs = await ctx.db
      .collection(SLOTS)
      .where({ queue: openid, start: ctx.db.command.gt(ctx.now()) })
      .orderBy('start', 'asc')
      .limit(MAX_WAITING_PLACES)
      .get();
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
        slotId: s.data._id,
        itemId: s.data.resourceId,
        itemName: (await nameOf(ITEMS, s.data.resourceId)) ?? '预约项目',
        stationId: s.data.stationId,
        stationName: await nameOf(STATIONS, s.data.stationId),
        start: s.data.start,
        end: s.data.end,
        position: at + 1,
        waiting: s.data.queue.length,
      });
    }
    return { items };
  },
});
