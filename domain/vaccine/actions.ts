import { z } from 'zod';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { pageById } from '../core/paging';
import { fields } from '../core/validation';
import { siteDocSchema, type Site } from './model';

export const SITES = 'vaccineSites';

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
  amenities: string[];
  volunteerBranch: Site['volunteerBranch'];
}

const summary = (s: Site): SiteSummary => ({
  siteId: s._id,
  name: s.name,
  town: s.town,
  address: s.address,
  openHours: s.openHours,
  status: s.status,
  statusLabel: s.status === 'open' ? '正常接种' : '暂停接种',
  notice: s.notice,
  vaccines: [...new Set(s.vaccines.map((v) => v.name))],
  amenities: s.amenities,
  volunteerBranch: s.volunteerBranch,
});

export const sites = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'public',
  async run({ cursor, limit }, ctx) {
    return pageById(SITES, ctx.db.collection(SITES), {}, { cursor, limit }, siteDocSchema, summary);
  },
});

export const siteDetail = action({
  input: z.strictObject({ siteId: fields.id }),
  access: 'public',
  async run({ siteId }, ctx) {
    const parsed = siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get());
    if (!parsed.success) throw notFound('接种点');
    const site = parsed.data;
    return {
      site: {
        ...summary(site),
        county: site.county,
        contact: site.contact,
        location: site.location ?? null,
        offers: site.vaccines,
        dailyCapacity: site.dailyCapacity,
      },
    };
  },
});
