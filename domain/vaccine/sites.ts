import { z } from 'zod';
import { action } from '../core/router';
import type { Database } from '../db';
import { notFound } from '../core/errors';
import { dayOf } from '../core/time';
import { SLOTS, slotDocSchema } from '../slots';
import { pageByDistance } from '../core/geo';
import { geoPointSchema, plainText } from '../stations';
import { pageById } from '../core/paging';
import { fields } from '../core/validation';
import { waitingPictures } from '../content';
import { pictureAddress } from '../files';
import { SITES, siteDocSchema, type Site } from './model';

export { SITES };

export interface SiteSummary {
  siteId: string;
  name: string;
  town: string;
  address: string;
  openHours: string;
  status: Site['status'];
  statusLabel: string;
  notice: string;
  vaccines: string[];
  offers: { code: string; name: string; maker: string }[];
  amenities: string[];
  volunteerBranch: Site['volunteerBranch'];
  /** An illustrative site (「示例」, for the desk console): its name, hours and capacity are not from the article. */
  illustrative: boolean;
  /** The first uploaded picture, or null: the app then draws the vaccination sites' illustration. */
  picture: string | null;
}

/** A site as read for showing: the stored document and the pictures an admin uploaded (none on older documents). */
const shownSiteSchema = siteDocSchema.extend({
  pictures: z.array(z.string()).catch([]).default([]),
  heldPictures: z.array(z.string()).catch([]).default([]),
});
type ShownSite = Site & { pictures: string[]; heldPictures: string[] };

// Names, addresses, hours and notices read plainly: the demo's bracketed notes stay out (stations' plainText).
const summary = (s: ShownSite): SiteSummary => ({
  siteId: s._id,
  name: plainText(s.name),
  town: s.town,
  address: plainText(s.address),
  openHours: plainText(s.openHours),
  status: s.status,
  statusLabel: s.status === 'open' ? '正常接种' : '暂停接种',
  notice: plainText(s.notice),
  vaccines: [...new Set(s.vaccines.map((v) => v.name))],
  offers: s.vaccines.map((v) => ({ code: v.code, name: v.name, maker: v.maker })),
  amenities: s.amenities,
  volunteerBranch: { ...s.volunteerBranch, name: plainText(s.volunteerBranch.name) },
  illustrative: s.illustrative,
  picture: s.pictures[0] ? pictureAddress(s.pictures[0]) : null,
});

/** Seats still free today at each site (one query for the day's slots, summed per site), in Shanghai days. */
async function todayRemaining(db: Database, siteIds: string[], now: number): Promise<Map<string, number>> {
  const wanted = new Set(siteIds);
  const out = new Map(siteIds.map((id) => [id, 0]));
  for (let skip = 0; ; skip += 1000) {
    const docs = await db
      .collection(SLOTS)
      .where({ date: dayOf(now) })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(1000)
      .get();
    for (const d of docs) {
      const slot = slotDocSchema.safeParse(d);
      if (!slot.success || !wanted.has(slot.data.resourceId) || slot.data.closed || slot.data.start <= now) continue;
      out.set(
        slot.data.resourceId,
        (out.get(slot.data.resourceId) ?? 0) + Math.max(0, slot.data.capacity - slot.data.booked),
      );
    }
    if (docs.length < 1000) return out;
  }
}

export const sites = action({
  input: z.strictObject({
    cursor: fields.cursor,
    limit: fields.limit,
    near: geoPointSchema.optional(),
    vaccine: z.string().trim().min(1).max(40).optional(),
  }),
  access: 'public',
  async run({ cursor, limit = 20, near, vaccine }, ctx) {
    const query = vaccine ? { 'vaccines.code': vaccine } : {};
    const now = ctx.now();
    const withToday = async <T extends SiteSummary>(items: T[]) => {
      const left = await todayRemaining(
        ctx.db,
        items.map((i) => i.siteId),
        now,
      );
      return items.map((item) => ({ ...item, todayRemaining: left.get(item.siteId) ?? 0 }));
    };
    const shownTo = (s: ShownSite) => ({ ...summary(s), ...waitingPictures(ctx.user, s.heldPictures) });
    if (!near) {
      const page = await pageById(SITES, ctx.db.collection(SITES), query, { cursor, limit }, shownSiteSchema, shownTo);
      return { items: await withToday(page.items), nextCursor: page.nextCursor };
    }
    const places = (await ctx.db.collection(SITES).where(query).limit(1000).get()).flatMap((d) => {
      const site = shownSiteSchema.safeParse(d);
      return site.success ? [{ item: shownTo(site.data), id: site.data._id, location: site.data.location }] : [];
    });
    const page = pageByDistance(places, near, { cursor, limit });
    return { items: await withToday(page.items), nextCursor: page.nextCursor };
  },
});

export const siteDetail = action({
  input: z.strictObject({ siteId: fields.id }),
  access: 'public',
  async run({ siteId }, ctx) {
    const parsed = shownSiteSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get());
    if (!parsed.success) throw notFound('接种点');
    const site = parsed.data;
    return {
      site: {
        ...summary(site),
        ...waitingPictures(ctx.user, site.heldPictures),
        county: site.county,
        contact: site.contact,
        location: site.location ?? null,
        offers: site.vaccines,
        pictures: site.pictures.map(pictureAddress),
        dailyCapacity: site.dailyCapacity,
        source: site.source,
        illustrativeNote: site.illustrativeNote,
      },
    };
  },
});
