/**
 * The demo's history on the embedded engine in a temporary folder, over a shorter span than the 90 days of a
 * first start (the same plan, compressed): played through the functions, it leaves figures that are not zero,
 * every invariant holding, an audit log of what the admins did — and a second run changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { checkAll } from '../../scripts/check-invariants';
import { dayOf } from '../core/time';
import { LocalDatabase } from '../db/local/engine';
import { LocalFileStore } from '../files';
import { useLocalPiiKey } from '../privacy';
import { COLLECTIONS } from '../collections';
import { MESSAGES } from '../messages';
import { historyStart, seedHistory, seedIfEmpty } from '.';
import { demoWords } from './demo-words';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const DAYS = 28;
let dir: string;
let db: LocalDatabase;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-history-'));
  db = LocalDatabase.open(dir);
  useLocalPiiKey(dir);
  await seedIfEmpty(db, NOW, { openingAt: historyStart(NOW, DAYS) });
}, 60_000);
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const host = () => ({ functions: FUNCTIONS, services: { files: new LocalFileStore(path.join(dir, 'files')) } });
const call = async <T>(fn: string, event: object, openid: string): Promise<T> => {
  const res = await FUNCTIONS[fn]!.handle(event, { db, caller: { openid }, now: () => NOW });
  if (!res.ok) throw new Error(`${fn}.${JSON.stringify(event)}: ${res.error.message}`);
  return res.data as T;
};

test('a first run plays every step without a refusal; figures, rankings and the audit log are not empty', async () => {
  const report = await seedHistory(db, host(), { now: NOW, days: DAYS });
  expect(report).not.toBeNull();
  expect(report!.refused).toEqual({});
  const done = (key: string) => report!.actions[key] ?? 0;
  expect(done('org.review')).toBeGreaterThan(10);
  expect(done('points.checkin')).toBeGreaterThan(40);
  expect(done('stations.book')).toBeGreaterThan(30);
  expect(done('stations.verify')).toBeGreaterThan(20);
  expect(done('vaccine.verify')).toBeGreaterThan(3);
  expect(done('points.verifyOrder')).toBeGreaterThan(0);
  expect(done('requests.confirm')).toBeGreaterThan(2);

  // Nothing lands on or after the day of the first start.
  const today = Date.parse(`${dayOf(NOW)}T00:00:00+08:00`);
  for (const [collection, field] of [
    ['ledger', 'at'],
    ['bookings', 'createdAt'],
    ['auditLog', 'at'],
  ] as const) {
    const late = await db
      .collection(collection)
      .where({ [field]: db.command.gte(today) })
      .count();
    expect({ collection, late }).toEqual({ collection, late: 0 });
  }

  const from = dayOf(historyStart(NOW, DAYS));
  const to = dayOf(NOW - 86_400_000);
  const figures = await call<{
    servings: { bookingsCheckedIn: number; dosesGiven: number };
    pointsEarned: number;
    pointsSpent: number;
    activeMembers: number;
    topBranches: unknown[];
  }>('admin', { action: 'dashboard', from, to }, 'demo-admin');
  expect(figures.servings.bookingsCheckedIn).toBeGreaterThan(0);
  expect(figures.servings.dosesGiven).toBeGreaterThan(0);
  expect(figures.pointsEarned).toBeGreaterThan(0);
  expect(figures.activeMembers).toBeGreaterThan(10);
  expect(figures.topBranches.length).toBeGreaterThan(2);
  // The member ranking is the member's branch (向阳社区: six members); the branch ranking every branch with points.
  const members = await call<{ items: unknown[] }>('points', { action: 'leaderboard', scope: 'member' }, 'demo-member');
  expect(members.items.length).toBeGreaterThan(4);
  const branches = await call<{ items: unknown[] }>(
    'points',
    { action: 'leaderboard', scope: 'branch' },
    'demo-member',
  );
  expect(branches.items.length).toBeGreaterThan(3);
  const publicFigures = await call<Record<string, number>>('requests', { action: 'figures' }, 'demo-resident');
  expect(JSON.stringify(publicFigures)).not.toBe('{}');
  expect(await db.collection('auditLog').count()).toBeGreaterThan(50);

  const reports = await checkAll(db);
  expect(reports.filter((r) => r.violations > 0)).toEqual([]);
}, 120_000);

test('what the history wrote (messages, orders, bookings, the audit log) says no 示例, 原文 or 出处 to anyone', async () => {
  const found: string[] = [];
  for (const collection of Object.keys(COLLECTIONS)) {
    const total = await db.collection(collection).count();
    for (let skip = 0; skip < total; skip += 1000)
      for (const doc of await db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(1000).get())
        found.push(...demoWords(doc, `${collection}/${String(doc._id)}`));
  }
  expect(found).toEqual([]);
  expect(await db.collection(MESSAGES).count()).toBeGreaterThan(0);
}, 60_000);

test('a second run is refused by the mark and writes nothing', async () => {
  const count = async () => {
    const out: number[] = [];
    for (const c of ['ledger', 'bookings', 'appointments', 'orders', 'helpRequests', 'auditLog'])
      out.push(await db.collection(c).count());
    return out;
  };
  const before = await count();
  expect(await seedHistory(db, host(), { now: NOW + 3_600_000, days: DAYS })).toBeNull();
  expect(await count()).toEqual(before);
});
