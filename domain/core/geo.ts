import { AppError } from './errors';
import type { Page } from './paging';

export type GeoPoint = { lat: number; lng: number };

/** Distance in metres between two points (haversine), for sorting by nearness. */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

/**
 * Nearest first: a county has hundreds of places at most, so every match is sorted (those without a
 * location last, then by id) and paged by offset.
 */
export function pageByDistance<T>(
  places: { item: T; id: string; location?: GeoPoint | null }[],
  near: GeoPoint,
  options: { cursor?: string; limit: number },
): Page<T & { distance: number | null }> {
  const offset = options.cursor === undefined ? 0 : Number(options.cursor);
  if (!(Number.isInteger(offset) && offset >= 0))
    throw new AppError('INVALID_ARGUMENT', '翻页位置不正确，请刷新后重试', 'cursor');
  const sorted = places
    .map((p) => ({ id: p.id, distance: p.location ? distanceMetres(near, p.location) : null, item: p.item }))
    .sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity) || a.id.localeCompare(b.id));
  return {
    items: sorted.slice(offset, offset + options.limit).map((p) => ({ ...p.item, distance: p.distance })),
    nextCursor: offset + options.limit < sorted.length ? String(offset + options.limit) : null,
  };
}
