import { distanceMetres } from '../core/geo';
import { outOfChina, toGcj02, wgs84ToGcj02 } from './datum';

/** WGS-84 → GCJ-02 pairs as the `gcoord` package (1.0.7) converts them. */
const REFERENCE: [wgs: [number, number], gcj: [number, number]][] = [
  [
    [110.5573, 22.8571],
    [110.56164182192923, 22.854136528155703],
  ],
  [
    [110.28, 25.28],
    [110.28457001809052, 25.277151894007687],
  ],
  [
    [116.397428, 39.90923],
    [116.40367162595768, 39.91063350638631],
  ],
  [
    [121.4737, 31.2304],
    [121.47822305927693, 31.22845773757727],
  ],
];

test('WGS-84 → GCJ-02 agrees with the reference converter to under a metre', () => {
  for (const [[lng, lat], [gLng, gLat]] of REFERENCE) {
    const out = wgs84ToGcj02({ lat, lng });
    expect(distanceMetres(out, { lat: gLat, lng: gLng })).toBeLessThanOrEqual(1);
    expect(Math.abs(out.lat - gLat)).toBeLessThan(1e-6);
    expect(Math.abs(out.lng - gLng)).toBeLessThan(1e-6);
  }
});

test('the offset in Guangxi is hundreds of metres, so an unconverted browser position would miss a 100 m radius', () => {
  const gps = { lat: 22.8571, lng: 110.5573 };
  expect(distanceMetres(gps, wgs84ToGcj02(gps))).toBeGreaterThan(300);
});

test('a GCJ-02 position is kept as sent; outside China nothing is offset', () => {
  const p = { lat: 22.8571, lng: 110.5573 };
  expect(toGcj02(p, 'gcj02')).toEqual(p);
  const paris = { lat: 48.8566, lng: 2.3522 };
  expect(outOfChina(paris)).toBe(true);
  expect(toGcj02(paris, 'wgs84')).toEqual(paris);
});
