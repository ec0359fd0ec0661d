/**
 * Map datums. Everything on the map is stored in GCJ-02 (what WeChat's `getLocation({ type: 'gcj02' })`, its map
 * component and China's map tiles use); a browser only knows WGS-84 (GPS), some 300–600 m off in Guangxi. A
 * position is converted here before any distance is computed.
 *
 * The conversion is the published GCJ-02 approximation (Krasovsky 1940 ellipsoid with the well-known offset
 * polynomials), the same one the common open-source converters carry; outside China there is no offset. It agrees
 * with the `gcoord` package to well under a metre (datum.test.ts).
 */
import type { GeoPoint } from '../core/geo';

export const DATUMS = ['gcj02', 'wgs84'] as const;
export type Datum = (typeof DATUMS)[number];

const A = 6378245.0;
const EE = 0.006693421622965943;
const PI = Math.PI;

/** Outside mainland China's rough box the offset is not applied (as every converter does). */
export const outOfChina = ({ lat, lng }: GeoPoint): boolean =>
  lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;

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

/** WGS-84 (GPS, a browser's position) → GCJ-02. */
export function wgs84ToGcj02(p: GeoPoint): GeoPoint {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const radLat = (p.lat / 180) * PI;
  const s = Math.sin(radLat);
  const magic = 1 - EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = (offsetLat(p.lng - 105, p.lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  const dLng = (offsetLng(p.lng - 105, p.lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/** A position as the client sent it, in GCJ-02: the one datum distances are computed in. */
export const toGcj02 = (p: GeoPoint, datum: Datum): GeoPoint => (datum === 'wgs84' ? wgs84ToGcj02(p) : p);
