/**
 * The map's stored documents. Places (红色地标, 先锋岗, 责任区, 诚信经营户) in GCJ-02, routes through them, and what
 * people did there: one check-in per person, place and Shanghai day (its `_id` derived from the three), a
 * traveller document per person (their last check-in, for the impossible-travel rule, and what they visited), and
 * one completion per person and route. Counts per place and route are the check-ins and completions themselves,
 * counted by index: no document is shared by everyone who checks in.
 */
import { z } from 'zod';
import { notClientWritten } from '../core/identity';
import { geoPointSchema, sourceSchema } from '../stations';
import {
  LANDMARK_KIND_CODES,
  POST_PLACE_TYPE_CODES,
  SHOP_BADGE_CODES,
  type LandmarkKind,
  type PostPlaceType,
  type ShopBadge,
} from './labels';

export const LANDMARKS = 'landmarks';
/** Poster scene code → landmark: what opening a poster's mini-program code carries. */
export const LANDMARK_SCENES = 'landmarkScenes';
export const LANDMARK_CHECKINS = 'landmarkCheckins';
export const TRAVELLERS = 'mapTravellers';
export const ROUTES = 'mapRoutes';
export const ROUTE_COMPLETIONS = 'routeCompletions';

export const landmarkKindSchema = z.enum(LANDMARK_KIND_CODES as [LandmarkKind, ...LandmarkKind[]]);

/** A poster's scene: what `wxacode.getUnlimited` carries (≤ 32 visible characters), here 8 letters and digits. */
export const sceneSchema = z
  .string({ error: '请扫描现场的打卡二维码' })
  .trim()
  .min(1, '请扫描现场的打卡二维码')
  .max(32, '打卡码无效，请扫描现场的二维码')
  .regex(/^[A-Za-z0-9]+$/, '打卡码无效，请扫描现场的二维码');

export const landmarkDocSchema = z.object({
  _id: z.string().min(1),
  _openid: notClientWritten,
  name: z.string().min(1),
  /** The English form an admin entered ('' when none: the Chinese name is shown). */
  nameEn: z.string().default(''),
  kind: landmarkKindSchema,
  /** GCJ-02. */
  location: geoPointSchema,
  /** Metres from `location` within which a check-in counts. */
  radius: z.number().int().min(10).max(5000),
  intro: z.string().default(''),
  introEn: z.string().default(''),
  hours: z.string().default(''),
  county: z.string().default(''),
  address: z.string().default(''),
  pictures: z.array(z.string()).default([]),
  /** New pictures waiting for their content check (domain/content/held.ts); residents see `pictures` meanwhile. */
  heldPictures: z.array(z.string()).catch([]).default([]),
  /** The branch a 先锋岗, 责任区 or 诚信经营户 belongs to (or vouches for it). */
  branchId: z.string().nullable().default(null),
  /** The poster's scene code (red landmarks); never sent to a client but an admin's poster. */
  scene: z.string().nullable().default(null),
  source: sourceSchema.nullable().default(null),
  illustrative: z.boolean().default(false),
  illustrativeNote: z.string().default(''),
  active: z.boolean().default(true),
  /**
   * 先锋岗 and 责任区: the member who holds it, by the name their branch gave (shown to others masked, 「王*华」;
   * never an openid or a phone), and what it is on.
   */
  holder: z
    .object({ name: z.string().min(1) })
    .nullable()
    .default(null),
  placeType: z
    .enum(POST_PLACE_TYPE_CODES as [PostPlaceType, ...PostPlaceType[]])
    .nullable()
    .default(null),
  /** 诚信经营户 / 共产党员经营户: the title, and whether its sign is up at the door (亮牌) and since when. */
  badge: z
    .enum(SHOP_BADGE_CODES as [ShopBadge, ...ShopBadge[]])
    .nullable()
    .default(null),
  lit: z.boolean().default(false),
  litAt: z.number().nullable().default(null),
  /** The last admin change (admin.ts); null for what the seed wrote. */
  updatedAt: z.number().nullable().default(null),
});
export type LandmarkDoc = z.input<typeof landmarkDocSchema>;
export type Landmark = z.output<typeof landmarkDocSchema>;

export const routeDocSchema = z.object({
  _id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().default(''),
  intro: z.string().default(''),
  introEn: z.string().default(''),
  county: z.string().default(''),
  /** In walking order; a route is complete once every one of them has a check-in, in any order. */
  landmarkIds: z.array(z.string().min(1)).min(1).max(30),
  source: sourceSchema.nullable().default(null),
  illustrative: z.boolean().default(false),
  illustrativeNote: z.string().default(''),
  active: z.boolean().default(true),
  updatedAt: z.number().nullable().default(null),
});
export type RouteDoc = z.input<typeof routeDocSchema>;
export type Route = z.output<typeof routeDocSchema>;

export const checkinDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  landmarkId: z.string(),
  /** The Shanghai day (YYYY-MM-DD): part of the `_id`, so a person checks in at a place once a day. */
  day: z.string(),
  at: z.number(),
  /** The person's nth check-in (paging their 足迹). */
  seq: z.number().int().min(1),
  /** Metres from the place's centre, and its radius then (the position itself is not kept). */
  distance: z.number().min(0),
  radius: z.number(),
  /** The datum the phone sent its position in (converted to GCJ-02 before the distance). */
  datum: z.enum(['gcj02', 'wgs84']),
  /** MAP_MAX_SPEED_KMH when it was accepted: the invariant judges the travel to it by the rule then in force. */
  speedKmh: z.number().positive(),
  /** Points it earned (0 for residents, tourists, and past the rule's cap) and the ledger entry that holds them. */
  points: z.number().int().min(0),
  entryId: z.string().nullable(),
  ruleId: z.string().nullable(),
});
export type Checkin = z.output<typeof checkinDocSchema>;

const visitSchema = z.object({ first: z.number(), last: z.number(), count: z.number().int().min(1) });

/** `mapTravellers/{openid}`: one person's check-ins at a glance. Only their own check-ins touch it. */
export const travellerDocSchema = z.object({
  _id: z.string(),
  checkins: z.number().int().min(0),
  /** The last check-in: where (centre and radius) and when, for the impossible-travel rule. */
  last: z
    .object({
      landmarkId: z.string(),
      at: z.number(),
      location: geoPointSchema,
      radius: z.number(),
    })
    .nullable(),
  /** Per landmark: first and last check-in and how many. */
  visits: z.record(z.string(), visitSchema).default({}),
  /** Per route: when it was completed. */
  routes: z.record(z.string(), z.number()).default({}),
});
export type Traveller = z.output<typeof travellerDocSchema>;

export const completionDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  routeId: z.string(),
  completedAt: z.number(),
  /** Each landmark of the route as it stood then, with the person's first check-in there. */
  landmarks: z.array(z.object({ landmarkId: z.string(), at: z.number() })),
});
export type Completion = z.output<typeof completionDocSchema>;
