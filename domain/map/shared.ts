/** What the map's actions share: reading a landmark, a route and a traveller, and the words for distances. */
import type { Database, Transaction } from '../db';
import { notFound } from '../core/errors';
import { setting } from '../core/config';
import {
  LANDMARKS,
  ROUTES,
  TRAVELLERS,
  landmarkDocSchema,
  routeDocSchema,
  travellerDocSchema,
  type Landmark,
  type Route,
  type Traveller,
} from './model';

/** Roles whose check-ins earn points (as the points module's activity check-in: party members and cadres). */
export const EARNERS = ['member', 'secretary', 'staff', 'admin'] as const;

/** The fastest believable travel between two check-ins, km/h (`MAP_MAX_SPEED_KMH`, default 200). */
export const maxSpeedKmh = (): number => setting('MAP_MAX_SPEED_KMH');

export async function readLandmark(db: Pick<Database, 'collection'>, landmarkId: string): Promise<Landmark> {
  const parsed = landmarkDocSchema.safeParse(await db.collection(LANDMARKS).doc(landmarkId).get());
  if (!parsed.success || !parsed.data.active) throw notFound('该地点');
  return parsed.data;
}

export async function readRoute(db: Pick<Database, 'collection'>, routeId: string): Promise<Route> {
  const parsed = routeDocSchema.safeParse(await db.collection(ROUTES).doc(routeId).get());
  if (!parsed.success || !parsed.data.active) throw notFound('该路线');
  return parsed.data;
}

export const emptyTraveller = (openid: string): Traveller => ({
  _id: openid,
  checkins: 0,
  last: null,
  visits: {},
  routes: {},
});

export async function readTraveller(
  tx: Transaction | Pick<Database, 'collection'>,
  openid: string,
): Promise<Traveller> {
  const parsed = travellerDocSchema.safeParse(await tx.collection(TRAVELLERS).doc(openid).get());
  return parsed.success ? parsed.data : emptyTraveller(openid);
}

/** 「850 米」, 「1.2 公里」, 「36 公里」. */
export function distanceText(metres: number): string {
  if (metres < 1000) return `${Math.max(1, Math.round(metres))} 米`;
  if (metres < 10_000) return `${(Math.round(metres / 100) / 10).toString()} 公里`;
  return `${Math.round(metres / 1000)} 公里`;
}

/** The gap two check-ins must cross: centre to centre, less both radii (someone at either edge), never below 0. */
export const travelGap = (distance: number, radiusA: number, radiusB: number): number =>
  Math.max(0, distance - radiusA - radiusB);

/** The least time (ms) crossing `gap` metres takes at `kmh`. */
export const leastTravelMs = (gap: number, kmh: number): number => (gap / (kmh * 1000)) * 3_600_000;
