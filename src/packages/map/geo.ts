/**
 * The map page's geometry on the device: a browser's WGS-84 position shown on a GCJ-02 map, distances for the
 * nearest-first list, and the box a zoom level shows. The conversion is the one in domain/map/datum.ts (the server
 * converts again when a check-in says `datum: 'wgs84'`); geo.test.ts holds the two together. The client may not
 * import the domain at run time, hence this copy.
 */
export type Point = { lat: number; lng: number };

const A = 6378245.0;
const EE = 0.006693421622965943;
const PI = Math.PI;

const outOfChina = ({ lat, lng }: Point) => lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  r += ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3;
  return r;
}

/** WGS-84 (a browser's position) → GCJ-02 (the map's). */
export function wgs84ToGcj02(p: Point): Point {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const radLat = (p.lat / 180) * PI;
  const s = Math.sin(radLat);
  const magic = 1 - EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(p.lng - 105, p.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  const dLng = (offsetLng(p.lng - 105, p.lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** Metres between two points (haversine), rounded. */
export function distanceMetres(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

/** 「850 米」, 「1.2 公里」. */
export const distanceText = (metres: number): string =>
  metres < 1000 ? `${Math.max(1, metres)} 米` : `${(Math.round(metres / 100) / 10).toString()} 公里`;

export type Bounds = { south: number; west: number; north: number; east: number };

const clampLat = (n: number) => Math.max(-89.9, Math.min(89.9, n));
const clampLng = (n: number) => Math.max(-179.9, Math.min(179.9, n));
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The box a map of `width`×`height` screen pixels shows around `center` at `zoom` (Web Mercator, 256-pixel tiles):
 * what weapp's map is asked for when its own region is not known yet.
 */
export function boundsAround(center: Point, zoom: number, width: number, height: number): Bounds {
  const degPerPx = 360 / (256 * 2 ** zoom);
  const halfLng = (width / 2) * degPerPx;
  const halfLat = (height / 2) * degPerPx * Math.cos((center.lat * Math.PI) / 180);
  return {
    south: round6(clampLat(center.lat - halfLat)),
    north: round6(clampLat(center.lat + halfLat)),
    west: round6(clampLng(center.lng - halfLng)),
    east: round6(clampLng(center.lng + halfLng)),
  };
}

/** The zoom (whole, 3–20) at which `bounds` fills `width` screen pixels: weapp's map reports its region, not a zoom. */
export function zoomFor(bounds: Bounds, width: number): number {
  const span = Math.max(1e-6, bounds.east - bounds.west);
  const zoom = Math.round(Math.log2((width * 360) / (256 * span)));
  return Math.max(3, Math.min(20, zoom));
}
