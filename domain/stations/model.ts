import { z } from 'zod';

import { STATION_KINDS, type ServiceKind, type Source, type StationKind } from './labels';

export { STATION_KINDS, type StationKind };
export const stationKindSchema = z.enum(Object.keys(STATION_KINDS) as [StationKind, ...StationKind[]]);

export const geoPointSchema = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** Where a seeded fact comes from (domain/stations/labels.ts says more). */
export const sourceSchema = z.object({
  article: z.string().min(1),
  quote: z.string().min(1),
}) satisfies z.ZodType<Source>;
export type { ServiceKind, Source };

/** A station document as stored; read through `stationDocSchema` so a hand-edited one cannot break a list. */
export const stationDocSchema = z.object({
  _id: z.string().min(1),
  name: z.string().min(1),
  /** The name in English an admin entered (the English pages show the Chinese one without it). */
  nameEn: z.string().default(''),
  kind: stationKindSchema,
  county: z.string(),
  district: z.string(),
  address: z.string(),
  location: geoPointSchema.optional(),
  openHours: z.string().default(''),
  phone: z.string().default(''),
  intro: z.string().default(''),
  services: z.array(z.string()).default([]),
  pictures: z.array(z.string()).default([]),
  /** New pictures waiting for their content check (domain/content/held.ts); residents see `pictures` meanwhile. */
  heldPictures: z.array(z.string()).catch([]).default([]),
  /** The article the station is drawn from (null for one an admin added). */
  source: sourceSchema.nullable().default(null),
  /** The station itself is an illustration (the article names no such place). */
  illustrative: z.boolean().default(false),
  /** What of a sourced station is illustrative, e.g. 「地址、坐标、开放时间和电话为示例」. */
  illustrativeNote: z.string().default(''),
  /** Per service code, the article saying this station offers it; a seeded service without one is illustrative. */
  serviceSources: z.record(z.string(), sourceSchema).default({}),
});
export type StationDoc = z.input<typeof stationDocSchema>;
export type Station = z.output<typeof stationDocSchema>;

export const STATIONS = 'stations';

/** What a station offers to book (a service or a room); the booking module books its slots. */
export const ITEMS = 'serviceItems';
export const ITEM_KINDS = { service: '服务', room: '场地' } as const;

export const itemDocSchema = z.object({
  _id: z.string(),
  stationId: z.string(),
  name: z.string(),
  kind: z.enum(['service', 'room']),
  serviceCode: z.string().nullable().catch(null),
  description: z.string().default(''),
  active: z.boolean().default(true),
});
export type Item = z.output<typeof itemDocSchema>;
