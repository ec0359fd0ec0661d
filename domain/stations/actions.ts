import { z } from 'zod';
import { command, type Query } from '../db';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
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
    // Nearest first: a county has hundreds of stations at most, so sort the matches and page by offset.
    const offset = cursor === undefined ? 0 : Number(cursor);
    if (!(Number.isInteger(offset) && offset >= 0)) throw new AppError('INVALID_ARGUMENT', '参数 cursor：格式不正确');
    const all = (await ctx.db.collection(STATIONS).where(query).limit(1000).get()).flatMap((d) => {
      const st = stationDocSchema.safeParse(d);
      return st.success ? [{ ...summary(st.data), distance: st.data.location ? distanceMetres(near, st.data.location) : null }] : [];
    });
    all.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || a.stationId.localeCompare(b.stationId));
    return { items: all.slice(offset, offset + limit), nextCursor: offset + limit < all.length ? String(offset + limit) : null };
  },
});

/** Distance in metres between two points (haversine), for sorting by nearness. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

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
