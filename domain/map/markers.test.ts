/**
 * The markers of a visible area stay small whatever the map holds: 2,000 places in one county's box answer at
 * most MAX_MARKERS markers (every place counted once) and under 50 KB on the wire, at every zoom; the timing
 * (p99 ≤ 200 ms) is measured on the embedded engine, where it means something.
 */
import { seededWorld } from '../../test/support/functions';
import { selectedEngine } from '../../test/support/engine';
import { cellDegrees, cluster, MAX_MARKERS, type Marker } from './markers';
import { LANDMARKS } from './model';

jest.setTimeout(180_000);

/** A deterministic spread of `n` places over a box (no Math.random: the same places every run). */
function spread(n: number, box: { south: number; west: number; north: number; east: number }) {
  let seed = 20261123;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const kinds = ['red', 'post', 'area', 'shop'] as const;
  return Array.from({ length: n }, (_, i) => ({
    _id: `lm-bench-${String(i).padStart(5, '0')}`,
    name: `党员先锋岗${i + 1}号`,
    nameEn: `Post ${i + 1}`,
    kind: kinds[i % 4]!,
    location: { lat: box.south + next() * (box.north - box.south), lng: box.west + next() * (box.east - box.west) },
  }));
}

// 陆川县's box: no demo place lies in it.
const COUNTY = { south: 22.15, west: 110.05, north: 22.5, east: 110.45 };
const counted = (markers: Marker[]) => markers.reduce((n, m) => n + (m.type === 'cluster' ? m.count : 1), 0);

test('grid clustering: every place once, at most MAX_MARKERS markers, a lone place is itself', () => {
  const places = spread(2000, COUNTY);
  for (const zoom of [3, 8, 10, 12, 14, 16, 18, 20]) {
    const markers = cluster(places, zoom);
    expect(markers.length).toBeLessThanOrEqual(MAX_MARKERS);
    expect(counted(markers)).toBe(2000);
  }
  expect(cluster(places.slice(0, 1), 10)).toEqual([
    expect.objectContaining({ type: 'place', landmarkId: 'lm-bench-00000', kind: 'red' }),
  ]);
  // Two places in one cell are a cluster whose box holds them both; far apart they are two places.
  const [a, b] = places;
  const near = cluster([a!, { ...b!, location: { lat: a!.location.lat + 1e-5, lng: a!.location.lng } }], 12);
  expect(near).toHaveLength(cellDegrees(12) > 1e-5 ? 1 : 2);
  expect(near[0]).toMatchObject({ type: 'cluster', count: 2 });
});

test("2,000 places in a county: the visible area's markers, under 50 KB at every zoom", async () => {
  const w = await seededWorld();
  try {
    const places = spread(2000, COUNTY);
    for (const p of places)
      await w.db.collection(LANDMARKS).add({ ...p, radius: 100, active: true, scene: null, illustrative: true });
    const latencies: number[] = [];
    for (const zoom of [9, 10, 11, 12, 13, 16, 18]) {
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        const res = await w.call('stations', { action: 'mapMarkers', bounds: COUNTY, zoom });
        latencies.push(performance.now() - started);
        if (!res.ok) throw new Error(res.error.message);
        const data = res.data as { total: number; markers: Marker[] };
        expect(data.total).toBe(2000);
        expect(data.markers.length).toBeLessThanOrEqual(MAX_MARKERS);
        expect(counted(data.markers)).toBe(2000);
        expect(Buffer.byteLength(JSON.stringify(res))).toBeLessThanOrEqual(50 * 1024);
      }
    }
    latencies.sort((x, y) => x - y);
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))]!;
    if (selectedEngine() === 'local') expect(p99).toBeLessThanOrEqual(200);
  } finally {
    await w.db.close();
  }
});
