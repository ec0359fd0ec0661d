import { z } from 'zod';

/** Kinds of station, as the articles name them. */
export const STATION_KINDS = {
  tourism: '旅游驿站',
  center: '党群服务中心',
  warm: '暖心驿站',
  hut: '党群服务小屋',
  neighbour: '红色邻里之家',
  love: '爱心驿站',
  pioneer: '先锋联盟工作站',
} as const;
export type StationKind = keyof typeof STATION_KINDS;
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
