/**
 * 党建地图's markers over a county holding 2,000 places of every kind (红色地标, 先锋岗, 责任区, 诚信经营户), on the
 * embedded engine through the local cloud's HTTP: `stations.mapMarkers` for the county's visible area at a few zoom
 * levels. Reports p50, p99 and the largest answer's bytes on the wire, against the goals p99 ≤ 200 ms and ≤ 50 KB.
 * `npx tsx bench/map.ts [--quick]` alone, or as part of `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDatabase } from '../domain/db/local/engine';
import { LANDMARKS } from '../domain/map';
import { devLogin, startLocalCloud } from '../test/support/local-cloud';

type Record = (measure: string, value: number, unit: string, note?: string) => void;

// 陆川县's box: no demo place lies in it (as in domain/map/markers.test.ts).
const COUNTY = { south: 22.15, west: 110.05, north: 22.5, east: 110.45 };
const ZOOMS = [9, 10, 11, 12, 13, 14, 16, 18];
const KINDS = ['red', 'post', 'area', 'shop'] as const;

/** A data folder holding `n` places spread deterministically over the county (no Math.random). */
async function seedPlaces(n: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-map-'));
  const db = LocalDatabase.open(dir);
  let seed = 20261123;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  await db.runTransaction(async (tx) => {
    for (let i = 0; i < n; i += 1) {
      await tx.collection(LANDMARKS).add({
        _id: `lm-bench-${String(i).padStart(5, '0')}`,
        name: `党员先锋岗${i + 1}号`,
        nameEn: `Post ${i + 1}`,
        kind: KINDS[i % KINDS.length]!,
        location: {
          lat: COUNTY.south + next() * (COUNTY.north - COUNTY.south),
          lng: COUNTY.west + next() * (COUNTY.east - COUNTY.west),
        },
        radius: 100,
        active: true,
        scene: null,
        illustrative: true,
      });
    }
  });
  await db.close();
  return dir;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function benchMap(record: Record, quick = false): Promise<void> {
  const places = 2000;
  const calls = quick ? 60 : 300;
  const dir = await seedPlaces(places);
  const cloud = await startLocalCloud({ dataDir: dir });
  try {
    const token = await devLogin(cloud.url, 'bench-reader');
    const latencies: number[] = [];
    let largest = 0;
    let largestZoom = 0;
    // One unmeasured call per zoom first: the cloud's first answer opens the collection and warms the code.
    for (let i = -ZOOMS.length; i < calls; i += 1) {
      const zoom = ZOOMS[(i + ZOOMS.length) % ZOOMS.length]!;
      const started = performance.now();
      const res = await fetch(`${cloud.url}/fn/stations`, {
        method: 'POST',
        body: JSON.stringify({ action: 'mapMarkers', bounds: COUNTY, zoom }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      const text = await res.text();
      if (i >= 0) latencies.push(performance.now() - started);
      const answer = JSON.parse(text) as { ok: boolean; data?: { total: number } };
      if (!answer.ok || answer.data?.total !== places)
        throw new Error(`map bench: zoom ${zoom} answered ${text.slice(0, 200)}`);
      const bytes = Buffer.byteLength(text);
      if (bytes > largest) {
        largest = bytes;
        largestZoom = zoom;
      }
    }
    latencies.sort((a, b) => a - b);
    const note = `${places.toLocaleString('en')} places, ${calls} calls at zooms ${ZOOMS.join('/')} after one unmeasured each`;
    record('map markers, a county holding 2,000 places: p50', percentile(latencies, 0.5), 'ms', note);
    record('map markers, a county holding 2,000 places: p99', percentile(latencies, 0.99), 'ms', 'goal ≤ 200');
    record('map markers: largest answer on the wire', largest / 1024, 'KB', `zoom ${largestZoom}; goal ≤ 50`);
  } finally {
    await cloud.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const rows: { measure: string; value: number; unit: string; note?: string }[] = [];
  benchMap(
    (measure, value, unit, note) => rows.push({ measure, value: Math.round(value * 10) / 10, unit, note }),
    process.argv.includes('--quick'),
  )
    .then(() => {
      for (const r of rows)
        console.log(`${r.measure.padEnd(56)} ${String(r.value).padStart(9)} ${r.unit.padEnd(3)} ${r.note ?? ''}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
