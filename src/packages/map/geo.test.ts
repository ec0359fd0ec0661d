// A test may hold the client's copy of the conversion to the domain's own (the app itself may not import it).
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { wgs84ToGcj02 as domainConversion } from '../../../domain/map';
import { boundsAround, distanceMetres, wgs84ToGcj02, zoomFor } from './geo';
import { sceneFromScan } from './scene';

test('the map page converts a browser position exactly as the server does', () => {
  for (const p of [
    { lat: 22.8568, lng: 110.5592 },
    { lat: 25.2736, lng: 110.29 },
    { lat: 39.9, lng: 116.4 },
    { lat: 48.85, lng: 2.35 }, // outside China: unchanged
  ]) {
    expect(wgs84ToGcj02(p)).toEqual(domainConversion(p));
  }
  // In Guangxi the offset is a few hundred metres: enough to matter against a 200 m radius.
  const here = { lat: 22.8568, lng: 110.5592 };
  expect(distanceMetres(here, wgs84ToGcj02(here))).toBeGreaterThan(300);
});

test('the box a zoom shows, and the zoom a box fills, agree', () => {
  const box = boundsAround({ lat: 22.85, lng: 110.55 }, 14, 351, 260);
  expect(box.south).toBeLessThan(22.85);
  expect(box.north).toBeGreaterThan(22.85);
  expect(zoomFor(box, 351)).toBe(14);
  expect(zoomFor({ south: 0, west: -170, north: 1, east: 170 }, 351)).toBe(3);
});

test('a scanned poster gives its scene; anything else gives none', () => {
  expect(sceneFromScan({ path: 'packages/map/pages/landmark/index?scene=RXJQ2021' })).toBe('RXJQ2021');
  expect(sceneFromScan({ result: 'https://example.org/x?id=lm-rx-jiequ&scene=RXJD0001' })).toBe('RXJD0001');
  expect(sceneFromScan({ result: 'RXZG0002' })).toBe('RXZG0002');
  expect(sceneFromScan({ result: 'scene=%E4%B8%AD' })).toBe('');
  expect(sceneFromScan({ result: 'https://example.org/' })).toBe('');
  expect(sceneFromScan({})).toBe('');
});
