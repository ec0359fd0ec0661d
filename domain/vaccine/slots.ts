/** A site's slots on a day, with the seats left (general and green channel) and where each slot stands. */
import { z } from 'zod';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { dayOf } from '../core/time';
import { fields } from '../core/validation';
import { SLOTS, SLOT_STATES, seatsLeft, slotDocSchema, slotState, type Slot } from '../slots';
import { SITES, siteDocSchema } from './model';

/** How many days ahead the appointment page offers (and the first open day is looked for). */
export const BOOKING_DAYS = 14;
const DAY = 86_400_000;

/** A slot someone could still book at `now`: not closed, not begun, a seat left (general or green). */
const stillOpen = (s: Slot, now: number) => {
  if (s.closed || now >= s.start) return false;
  const left = seatsLeft(s, now);
  return left.general + left.green > 0;
};

/** The first day from today (within BOOKING_DAYS) with a slot still open, else today. */
async function firstOpenDay(db: import('../db').Database, siteId: string, now: number): Promise<string> {
  const today = dayOf(now);
  const last = dayOf(now + (BOOKING_DAYS - 1) * DAY);
  const _ = db.command;
  // Slots not yet begun, soonest first; a page of 200 covers two weeks of half-hour slots.
  const docs = await db
    .collection(SLOTS)
    .where({ resourceId: siteId, start: _.gt(now) })
    .orderBy('start', 'asc')
    .limit(200)
    .get();
  for (const d of docs) {
    const s = slotDocSchema.safeParse(d);
    if (!s.success) continue;
    if (s.data.date > last) break;
    if (stillOpen(s.data, now)) return s.data.date;
  }
  return today;
}

export const slots = action({
  /** Without `date`: today when today still has an open slot, else the first day that has one. */
  input: z.strictObject({ siteId: fields.id, date: fields.date.optional() }),
  access: 'signedIn',
  async run({ siteId, date: asked }, ctx) {
    if (!siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get()).success) throw notFound('接种点');
    const now = ctx.now();
    const date = asked ?? (await firstOpenDay(ctx.db, siteId, now));
    const docs = await ctx.db
      .collection(SLOTS)
      .where({ resourceId: siteId, date })
      .orderBy('start', 'asc')
      .limit(200)
      .get();
    return {
      date,
      slots: docs.flatMap((d) => {
        const s = slotDocSchema.safeParse(d);
        if (!s.success) return [];
        const left = seatsLeft(s.data, now);
        const state = slotState(s.data, now);
        return [
          {
            slotId: s.data._id,
            start: s.data.start,
            end: s.data.end,
            capacity: s.data.capacity,
            remaining: left.general,
            greenRemaining: left.green,
            greenReleased: s.data.green ? now >= s.data.green.releaseAt : true,
            closed: s.data.closed,
            state,
            stateLabel: SLOT_STATES[state],
            bookable: !s.data.closed && state === 'upcoming',
          },
        ];
      }),
    };
  },
});
