/** What people read: a bookable item's slots with their own status, their bookings, their booking messages. */
import { z } from 'zod';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { dayOf } from '../core/time';
import { pageByNewest } from '../core/paging';
import { inboxPage } from '../messages';
import { fields } from '../core/validation';
import { SLOTS, SLOT_STATES, presentSlot, slotDocSchema, slotState } from '../slots';
import { STATIONS } from '../stations';
import {
  BOOKINGS,
  BOOKING_STATUS,
  ITEMS,
  bookingDocSchema,
  bookingStatusSchema,
  itemDocSchema,
  type Booking,
} from './model';
import { bookingIdOf } from './seating';

/** How many days ahead the item page offers (and the first open day is looked for). */
const BOOKING_DAYS = 14;
const DAY = 86_400_000;

/** The first day from today (within BOOKING_DAYS) with a slot not begun and not closed, else today. */
async function firstOpenDay(db: import('../db').Database, itemId: string, now: number): Promise<string> {
  const last = dayOf(now + (BOOKING_DAYS - 1) * DAY);
  const docs = await db
    .collection(SLOTS)
    .where({ resourceId: itemId, start: db.command.gt(now) })
    .orderBy('start', 'asc')
    .limit(100)
    .get();
  for (const d of docs) {
    const s = slotDocSchema.safeParse(d);
    if (!s.success) continue;
    if (s.data.date > last) break;
    // A full slot counts: its waiting list is open.
    if (!s.data.closed) return s.data.date;
  }
  return dayOf(now);
}

export const slots = action({
  /** Without `date`: today while today has a slot still to come, else the first day that has one. */
  input: z.strictObject({ itemId: fields.id, date: fields.date.optional() }),
  access: 'signedIn',
  async run({ itemId, date: asked }, ctx) {
    const item = itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get());
    if (!item.success) throw notFound('预约项目');
    const date = asked ?? (await firstOpenDay(ctx.db, itemId, ctx.now()));
    const station = await ctx.db.collection(STATIONS).doc(item.data.stationId).get();
    const docs = await ctx.db
      .collection(SLOTS)
      .where({ resourceId: itemId, date })
      .orderBy('start', 'asc')
      .limit(200)
      .get();
    const now = ctx.now();
    const out = [];
    for (const doc of docs) {
      const s = slotDocSchema.safeParse(doc);
      if (!s.success) continue;
      const mine = bookingDocSchema.safeParse(
        await ctx.db.collection(BOOKINGS).doc(bookingIdOf(s.data._id, ctx.user._id)).get(),
      );
      const status: 'booked' | 'waiting' | null =
        mine.success && (mine.data.status === 'active' || mine.data.status === 'checkedIn')
          ? 'booked'
          : s.data.queue.includes(ctx.user._id)
            ? 'waiting'
            : null;
      const state = slotState(s.data, now);
      out.push({
        ...presentSlot(s.data),
        mine: status,
        state,
        stateLabel: SLOT_STATES[state],
        bookable: !s.data.closed && state === 'upcoming',
      });
    }
    // What the confirmation names: the station (where to go) and the item.
    const stationName = station && typeof station.name === 'string' ? station.name : '';
    const stationAddress = station && typeof station.address === 'string' ? station.address : '';
    return {
      date,
      slots: out,
      item: { itemId, name: item.data.name, stationId: item.data.stationId, stationName, stationAddress },
    };
  },
});

function presentBooking(b: Booking) {
  return {
    bookingId: b._id,
    slotId: b.slotId,
    itemId: b.itemId,
    itemName: b.itemName,
    stationId: b.stationId,
    status: b.status,
    statusLabel: BOOKING_STATUS[b.status],
    code: b.status === 'active' ? b.code : null,
    start: b.start,
    end: b.end,
    via: b.via,
  };
}

/** The name and address of each station, read once each (a page holds at most a few). */
async function placesOf(db: import('../db').Database, stationIds: (string | null)[]) {
  const places = new Map<string, { stationName: string; stationAddress: string }>();
  for (const id of new Set(stationIds)) {
    if (!id) continue;
    const doc = await db.collection(STATIONS).doc(id).get();
    places.set(id, {
      stationName: doc && typeof doc.name === 'string' ? doc.name : '',
      stationAddress: doc && typeof doc.address === 'string' ? doc.address : '',
    });
  }
  return places;
}

/** My bookings, newest first, each with its station's name and address (where to go). */
export const myBookings = action({
  input: z.strictObject({ status: bookingStatusSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ status, cursor, limit }, ctx) {
    const page = await pageByNewest(
      ctx.db.collection(BOOKINGS),
      { openid: ctx.user._id, status },
      'seq',
      { cursor, limit },
      bookingDocSchema,
      presentBooking,
    );
    const places = await placesOf(
      ctx.db,
      page.items.map((b) => b.stationId),
    );
    const none = { stationName: '', stationAddress: '' };
    return {
      ...page,
      items: page.items.map((b) => ({ ...b, ...((b.stationId && places.get(b.stationId)) || none) })),
    };
  },
});

/** The booking messages of the one inbox (kept for callers of `stations.messages`; the 消息 page uses `user.messages`). */
export const messages = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ cursor, limit }, ctx) => inboxPage(ctx.db, ctx.user._id, { module: 'booking', cursor, limit }),
});
