import { z } from 'zod';
import { command, type Query } from '../db';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { pageByDistance } from '../core/geo';
import { pageById } from '../core/paging';
import { fields } from '../core/validation';
import { SERVICE_CATALOGUE } from '../seed/data';
import { ITEMS, ITEM_KINDS, itemDocSchema } from '../booking/model';
import { STATION_KINDS, geoPointSchema, stationDocSchema, stationKindSchema, type Station } from './model';

export const STATIONS = 'stations';

export interface StationSummary {
  stationId: string;
  name: string;
  kind: Station['kind'];
  kindLabel: string;
  county: string;
  district: string;
  address: string;
  openHours: string;
  serviceCount: number;
}

const summary = (s: Station): StationSummary => ({
  stationId: s._id,
  name: s.name,
  kind: s.kind,
  kindLabel: STATION_KINDS[s.kind],
  county: s.county,
  district: s.district,
  address: s.address,
  openHours: s.openHours,
  serviceCount: s.services.length,
});

export const list = action({
  input: z.strictObject({ kind: stationKindSchema.optional(), keyword: fields.keyword, cursor: fields.cursor, limit: fields.limit, near: geoPointSchema.optional() }),
  access: 'public',
  async run({ kind, keyword, cursor, limit = 20, near }, ctx) {
    const parts: Query[] = [];
    if (kind) parts.push({ kind });
    if (keyword) {
      const match = command.contains(keyword);
      parts.push(command.or([{ name: match }, { district: match }, { address: match }]));
    }
    const query = parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : command.and(parts);
    if (!near) return pageById(STATIONS, ctx.db.collection(STATIONS), query, { cursor, limit }, stationDocSchema, summary);
    const places = (await ctx.db.collection(STATIONS).where(query).limit(1000).get()).flatMap((d) => {
      const st = stationDocSchema.safeParse(d);
      return st.success ? [{ item: summary(st.data), id: st.data._id, location: st.data.location }] : [];
    });
    return pageByDistance(places, near, { cursor, limit });
  },
});

export const detail = action({
  input: z.strictObject({ stationId: fields.id }),
  access: 'public',
  async run({ stationId }, ctx) {
    const parsed = stationDocSchema.safeParse(await ctx.db.collection(STATIONS).doc(stationId).get());
    if (!parsed.success) throw notFound('驿站');
    const station = parsed.data;
    const catalogue = new Map(SERVICE_CATALOGUE.map((s) => [s.code, s]));
    const items = (await ctx.db.collection(ITEMS).where({ stationId, active: true }).orderBy('_id', 'asc').limit(100).get()).flatMap((d) => {
      const it = itemDocSchema.safeParse(d);
      return it.success ? [{ itemId: it.data._id, name: it.data.name, kind: it.data.kind, kindLabel: ITEM_KINDS[it.data.kind], description: it.data.description }] : [];
    });
    return {
      items,
      station: {
        ...summary(station),
        phone: station.phone,
        intro: station.intro,
        location: station.location ?? null,
        pictures: station.pictures,
        services: station.services.flatMap((code) => {
          const kind = catalogue.get(code);
          return kind ? [{ code, name: kind.name, category: kind.category, bookable: kind.bookable }] : [];
        }),
      },
    };
  },
});
