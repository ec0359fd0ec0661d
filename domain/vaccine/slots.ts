/** A site's slots on a day, with the seats left (general and green channel). */
import { z } from 'zod';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { fields } from '../core/validation';
import { SLOTS, seatsLeft, slotDocSchema } from '../slots';
import { SITES, siteDocSchema } from './model';

export const slots = action({
  input: z.strictObject({ siteId: fields.id, date: fields.date }),
  access: 'signedIn',
  async run({ siteId, date }, ctx) {
    if (!siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get()).success) throw notFound('接种点');
    const now = ctx.now();
    const docs = await ctx.db
      .collection(SLOTS)
      .where({ resourceId: siteId, date })
      .orderBy('start', 'asc')
      .limit(200)
      .get();
    return {
      slots: docs.flatMap((d) => {
        const s = slotDocSchema.safeParse(d);
        if (!s.success) return [];
        const left = seatsLeft(s.data, now);
        return [
          {
            slotId: s.data._id,
            start: s.data.start,
            end: s.data.end,
            capacity: s.data.capacity,
            remaining: left.general,
            greenRemaining: left.green,
            greenReleased: s.data.green ? now >= s.data.green.releaseAt : true,
            bookable: !s.data.closed && s.data.start > now,
          },
        ];
      }),
    };
  },
});
