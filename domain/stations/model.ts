import { z } from 'zod';

import { STATION_KINDS, type StationKind } from './kinds';

export { STATION_KINDS, type StationKind };
export const stationKindSchema = z.enum(Object.keys(STATION_KINDS) as [StationKind, ...StationKind[]]);

export const geoPointSchema = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** One entry of the service catalogue that every station's `services` refers to. */
export interface ServiceKind {
  code: string;
  name: string;
  category: '便民' | '政务' | '法律' | '健康' | '文化' | '旅游' | '公益';
  bookable: boolean;
}

/** A station document as stored; read through `stationDocSchema` so a hand-edited one cannot break a list. */
export const stationDocSchema = z.object({
  _id: z.string().min(1),
  name: z.string().min(1),
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
});
export type StationDoc = z.input<typeof stationDocSchema>;
export type Station = z.output<typeof stationDocSchema>;
