/**
 * The two first starts: production (DEMO=off, what a deployment holds) writes reference data and the admin only;
 * the demo writes the article-derived places, the demo users and its `meta/deployment` mark.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDatabase } from '../db/local/engine';
import { COLLECTIONS } from '../collections';
import { DEMO_USERS, STATIONS, VACCINE_SITES } from './data';
import { DEMO_GOODS, POINT_RULES } from './points-data';
import { seedIfEmpty } from './seed';

const NOW = Date.parse('2026-11-23T02:00:00Z');
let dir: string;
let db: LocalDatabase;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-seed-'));
  db = LocalDatabase.open(dir);
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('production writes the point rules and the admin, and no station, site, goods, demo user or activity', async () => {
  expect(await seedIfEmpty(db, NOW, { mode: 'production', adminOpenid: 'o-county-admin' })).toBe(true);

  expect(await db.collection('pointRules').count()).toBe(POINT_RULES.length);
  expect(await db.collection('users').get()).toEqual([
    {
      _id: 'o-county-admin',
      nickname: '管理员',
      role: 'admin',
      branchId: null,
      scopeUnitId: null,
      stationIds: [],
      siteIds: [],
      createdAt: NOW,
    },
  ]);
  for (const demo of DEMO_USERS) expect(await db.collection('users').doc(demo._id).get()).toBeNull();
  // Everything else is empty: what a county has, an admin enters.
  const filled = [];
  for (const collection of Object.keys(COLLECTIONS)) {
    if (['pointRules', 'users', 'meta'].includes(collection)) continue;
    if ((await db.collection(collection).count()) > 0) filled.push(collection);
  }
  expect(filled).toEqual([]);
  expect(await db.collection('meta').doc('deployment').get()).toMatchObject({ demo: false });
  // Once: a second start (or one with the demo switched on afterwards) leaves the data alone.
  expect(await seedIfEmpty(db, NOW + 1000)).toBe(false);
  expect(await db.collection('stations').count()).toBe(0);
});

test('the demo writes its places, goods and users, and marks the deployment as a demo', async () => {
  expect(await seedIfEmpty(db, NOW)).toBe(true);
  expect(await db.collection('stations').count()).toBe(STATIONS.length);
  expect(await db.collection('vaccineSites').count()).toBe(VACCINE_SITES.length);
  expect(await db.collection('goods').count()).toBe(DEMO_GOODS.length);
  for (const demo of DEMO_USERS) expect(await db.collection('users').doc(demo._id).get()).not.toBeNull();
  expect(await db.collection('meta').doc('deployment').get()).toMatchObject({ _id: 'deployment', demo: true });
  expect(await db.collection('meta').doc('seed').get()).toMatchObject({ mode: 'demo' });
});
