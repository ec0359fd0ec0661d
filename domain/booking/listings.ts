/** What people read: a bookable item's slots with their own status, their bookings, their booking messages. */
import { z } from 'zod';
import { action } from '../core/router';
import { notFound } from '../core/errors';
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

export const slots = action({
  input: z.strictObject({ itemId: fields.id, date: fields.date }),
  access: 'signedIn',
  async run({ itemId, date }, ctx) {
    const item = itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get());
    if (!item.success) throw notFound('预约项目');
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
      const status =
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
    // What the confirmation names: the station and the item.
    const stationName = station && typeof station.name === 'string' ? station.name : '';
    return { slots: out, item: { itemId, name: item.data.name, stationId: item.data.stationId, stationName } };
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

export const myBookings = action({
  input: z.strictObject({ status: bookingStatusSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ status, cursor, limit }, ctx) =>
    pageByNewest(
      ctx.db.collection(BOOKINGS),
      { openid: ctx.user._id, status },
      'seq',
      { cursor, limit },
      bookingDocSchema,
      presentBooking,
    ),
});

/** The booking messages of the one inbox (kept for callers of `stations.messages`; the 消息 page uses `user.messages`). */
export const messages = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ cursor, limit }, ctx) => inboxPage(ctx.db, ctx.user._id, { module: 'booking', cursor, limit }),
});
