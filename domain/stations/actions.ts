import { z } from 'zod';
import { command, type Query } from '../db';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { pageById } from '../core/paging';
import { fields } from '../core/validation';
import { SERVICE_CATALOGUE } from '../seed/data';
import { STATION_KINDS, stationDocSchema, stationKindSchema, type Station } from './model';

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
  input: z.strictObject({ kind: stationKindSchema.optional(), keyword: fields.keyword, cursor: fields.cursor, limit: fields.limit }),
  access: 'public',
  async run({ kind, keyword, cursor, limit }, ctx) {
    const parts: Query[] = [];
    if (kind) parts.push({ kind });
    if (keyword) {
      const match = command.contains(keyword);
      parts.push(command.or([{ name: match }, { district: match }, { address: match }]));
    }
    const query = parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : command.and(parts);
    return pageById(STATIONS, ctx.db.collection(STATIONS), query, { cursor, limit }, stationDocSchema, summary);
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
    return {
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
