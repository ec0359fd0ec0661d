/** My appointments, and those of every person I hold (a family shares them). */
import { z } from 'zod';
import { action } from '../core/router';
import { DEFAULT_PAGE, pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { heldPersons } from './persons';
import { APPOINTMENTS, APPOINTMENT_STATUS, SITES, appointmentDocSchema, siteDocSchema } from './model';

export const myAppointments = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ cursor, limit = DEFAULT_PAGE }, ctx) {
    // The caller's own bookings, and every booking of a person they hold (a family shares them):
    // the newest of each source, merged.
    const held = await heldPersons(ctx.db, ctx.user._id, ctx.now());
    const sources = [{ owner: ctx.user._id }, ...[...held.keys()].map((idHash) => ({ idHash }))];
    const pages = await Promise.all(
      sources.map((q) =>
        pageByNewest(
          ctx.db.collection(APPOINTMENTS),
          q,
          'createdAt',
          { cursor, limit },
          appointmentDocSchema,
          (x) => x,
        ),
      ),
    );
    const merged = [...new Map(pages.flatMap((p) => p.items).map((x) => [x._id, x])).values()].sort(
      (a, b) => b.createdAt - a.createdAt || a._id.localeCompare(b._id),
    );
    const items = merged.slice(0, limit);
    // Where to go: each site's address, read once a site.
    const addresses = new Map<string, string>();
    for (const siteId of new Set(items.map((x) => x.siteId))) {
      const site = siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get());
      addresses.set(siteId, site.success ? site.data.address : '');
    }
    const more = merged.length > limit || pages.some((p) => p.nextCursor !== null);
    return {
      items: items.map((x) => ({
        appointmentId: x._id,
        personId: held.get(x.idHash) ?? x.personId,
        name: x.maskedName,
        siteName: x.siteName,
        siteAddress: addresses.get(x.siteId) ?? '',
        vaccineName: x.vaccineName,
        dose: x.dose,
        status: x.status,
        statusLabel: APPOINTMENT_STATUS[x.status],
        code: x.status === 'active' ? x.code : null,
        green: x.seat === 'green',
        start: x.start,
        end: x.end,
      })),
      nextCursor: more && items.length > 0 ? String(items[items.length - 1]!.createdAt) : null,
    };
  },
});
