/**
 * The markers of a visible area: every active place inside the box (GCJ-02), clustered on the server on a grid
 * whose cell is about 64 screen pixels at the map's zoom, so the answer stays small however many places there
 * are: cells are anchored to the globe (a cluster does not jump while the map pans), and when a box would still
 * hold more than MAX_MARKERS cells the cell grows until it does not. A cell holding one place is that place.
 */
import { z } from 'zod';
import type { Query } from '../db';
import { action } from '../core/router';
import { LANDMARK_KINDS, type LandmarkKind } from './labels';
import { LANDMARKS, landmarkDocSchema, landmarkKindSchema, type Landmark } from './model';

/** At most this many markers an answer (clusters and single places together). */
export const MAX_MARKERS = 150;
/** At most this many places are read for one answer (a county holds a few thousand at most). */
export const MAX_PLACES = 5000;
const PAGE = 1000;
const CELL_PX = 64;

const lat = z.number().min(-90).max(90);
const lng = z.number().min(-180).max(180);

export const boundsSchema = z
  .strictObject({ south: lat, west: lng, north: lat, east: lng })
  .refine((b) => b.south < b.north && b.west < b.east, '地图范围不正确，请移动地图后重试');

export type Marker =
  | {
      type: 'place';
      landmarkId: string;
      name: string;
      nameEn: string;
      kind: LandmarkKind;
      lat: number;
      lng: number;
      /** The branch that holds a 先锋岗 or 责任区 or vouches for a shop: the map shows its 达标创星 stars. */
      branchId?: string;
    }
  | {
      type: 'cluster';
      count: number;
      lat: number;
      lng: number;
      kinds: Partial<Record<LandmarkKind, number>>;
      /** The box of its places: zooming the map to it opens the cluster. */
      bounds: { south: number; west: number; north: number; east: number };
    };

/** The cell's size in degrees at `zoom` (a 256-pixel tile spans 360 / 2^zoom degrees of longitude). */
export const cellDegrees = (zoom: number): number => (CELL_PX * 360) / (256 * 2 ** zoom);

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Groups places on the grid; pure, so the bench and the tests call it directly. */
export function cluster(
  places: (Pick<Landmark, '_id' | 'name' | 'nameEn' | 'kind' | 'location'> & { branchId?: string | null })[],
  zoom: number,
  maxMarkers = MAX_MARKERS,
): Marker[] {
  let cell = cellDegrees(zoom);
  for (;;) {
    const cells = new Map<string, typeof places>();
    for (const p of places) {
      const key = `${Math.floor(p.location.lat / cell)}:${Math.floor(p.location.lng / cell)}`;
      const list = cells.get(key);
      if (list) list.push(p);
      else cells.set(key, [p]);
    }
    if (cells.size > maxMarkers) {
      cell *= 2;
      continue;
    }
    return [...cells.values()].map((group): Marker => {
      if (group.length === 1) {
        const p = group[0]!;
        return {
          type: 'place',
          landmarkId: p._id,
          name: p.name,
          nameEn: p.nameEn,
          kind: p.kind,
          lat: round6(p.location.lat),
          lng: round6(p.location.lng),
          ...(p.branchId ? { branchId: p.branchId } : {}),
        };
      }
      const kinds: Partial<Record<LandmarkKind, number>> = {};
      let sLat = 0;
      let sLng = 0;
      const box = { south: 90, west: 180, north: -90, east: -180 };
      for (const p of group) {
        kinds[p.kind] = (kinds[p.kind] ?? 0) + 1;
        sLat += p.location.lat;
        sLng += p.location.lng;
        box.south = Math.min(box.south, p.location.lat);
        box.north = Math.max(box.north, p.location.lat);
        box.west = Math.min(box.west, p.location.lng);
        box.east = Math.max(box.east, p.location.lng);
      }
      return {
        type: 'cluster',
        count: group.length,
        lat: round6(sLat / group.length),
        lng: round6(sLng / group.length),
        kinds,
        bounds: {
          south: round6(box.south),
          west: round6(box.west),
          north: round6(box.north),
          east: round6(box.east),
        },
      };
    });
  }
}

export const mapMarkers = action({
  input: z.strictObject({
    bounds: boundsSchema,
    zoom: z.number({ error: '请提供地图缩放级别' }).int().min(3).max(20),
    kinds: z.array(landmarkKindSchema).min(1).max(Object.keys(LANDMARK_KINDS).length).optional(),
  }),
  access: 'public',
  async run({ bounds, zoom, kinds }, ctx) {
    const _ = ctx.db.command;
    const parts: Query[] = [
      { active: true },
      { 'location.lat': _.gte(bounds.south) },
      { 'location.lat': _.lte(bounds.north) },
      { 'location.lng': _.gte(bounds.west) },
      { 'location.lng': _.lte(bounds.east) },
    ];
    if (kinds) parts.push({ kind: _.in(kinds) });
    const places: Landmark[] = [];
    let after = '';
    for (;;) {
      const page = await ctx.db
        .collection(LANDMARKS)
        .where(_.and(after ? [...parts, { _id: _.gt(after) }] : parts))
        .orderBy('_id', 'asc')
        .limit(PAGE)
        .get();
      for (const d of page) {
        const p = landmarkDocSchema.safeParse(d);
        if (p.success) places.push(p.data);
      }
      const last = page[page.length - 1];
      if (page.length < PAGE || !last || places.length >= MAX_PLACES) break;
      after = last._id;
    }
    return { datum: 'gcj02' as const, total: places.length, markers: cluster(places, zoom) };
  },
});
