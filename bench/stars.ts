/**
 * 达标创星 over a county-sized system: proposing one quarter's ratings for 1,000 branches of 15 members, each with a
 * quarter of records (12 meetings, 4 点单, about 90 ledger entries; 100 branches with --quick), on the embedded engine.
 * Measures the time and the longest event-loop stall meanwhile (perf_hooks monitorEventLoopDelay): the computation
 * hands the loop back between branches, so other callers wait at most one branch's work (goal: under 100 ms).
 * `npx tsx bench/stars.ts [--quick]` alone, or as part of `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clock } from '../domain/core/clock';
import { LocalDatabase } from '../domain/db/local/engine';
import { previousQuarter, proposeQuarter, quarterAt, quarterOf } from '../domain/stars';

type Record = (measure: string, value: number, unit: string, note?: string) => void;
const DAY = 86_400_000;
const TYPES = ['committee', 'committee', 'committee', 'themeDay', 'themeDay', 'themeDay', 'general', 'lecture'];

async function fill(db: LocalDatabase, collection: string, docs: Iterable<{ _id: string; [k: string]: unknown }>) {
  let batch: { _id: string; [k: string]: unknown }[] = [];
  const flush = async () => {
    const now = batch;
    batch = [];
    await db.runTransaction(async (tx) => {
      for (const d of now) await tx.collection(collection).add(d as never);
    });
  };
  for (const d of docs) {
    batch.push(d);
    if (batch.length === 1000) await flush();
  }
  if (batch.length > 0) await flush();
}

export async function benchStars(record: Record, quick = false): Promise<void> {
  const branches = quick ? 100 : 1000;
  const members = 15;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stars-'));
  const db = LocalDatabase.open(dir);
  const quarter = previousQuarter(quarterAt(clock.now()));
  const q = quarterOf(quarter);
  const span = q.end - q.start;
  const b = (i: number) => `bench-br-${String(i).padStart(4, '0')}`;
  const m = (i: number, j: number) => `bench-u-${i}-${j}`;
  try {
    await fill(
      db,
      'branches',
      (function* () {
        for (let i = 0; i < branches; i += 1)
          yield { _id: b(i), name: `基准社区党支部${i}`, county: `基准县${i % 10}` };
      })(),
    );
    await fill(
      db,
      'users',
      (function* () {
        for (let i = 0; i < branches; i += 1)
          for (let j = 0; j < members; j += 1)
            yield { _id: m(i, j), nickname: `党员${j}`, role: 'member', branchId: b(i), createdAt: q.start };
      })(),
    );
    await fill(
      db,
      'meetings',
      (function* () {
        for (let i = 0; i < branches; i += 1)
          for (let k = 0; k < 12; k += 1) {
            const present = 10 + ((i + k) % 6);
            yield {
              _id: `bench-mt-${i}-${k}`,
              type: TYPES[k % TYPES.length],
              title: '基准会议',
              branchId: b(i),
              countyId: `基准县${i % 10}`,
              startAt: q.start + Math.floor(((k + 0.5) / 12) * span),
              endAt: q.start + Math.floor(((k + 0.5) / 12) * span) + 7_200_000,
              expected: 'branch',
              members: [],
              status: (i + k) % 11 === 0 ? 'cancelled' : 'held',
              activityId: `bench-ac-${i}-${k}`,
              code: 'BENCH',
              expectedCount: members,
              presentCount: Math.min(members, present),
              leaveCount: members - Math.min(members, present) > 0 ? 1 : 0,
              absentCount: Math.max(0, members - Math.min(members, present) - 1),
              createdBy: m(i, 0),
              createdAt: q.start - DAY,
              requestId: `bench-rq-${i}-${k}`,
            };
          }
      })(),
    );
    const statuses = ['confirmed', 'confirmed', 'inProgress', 'declined'];
    await fill(
      db,
      'helpRequests',
      (function* () {
        for (let i = 0; i < branches; i += 1)
          for (let k = 0; k < 4; k += 1) {
            const createdAt = q.start + ((i * 7 + k * 13) % 80) * DAY;
            const status = statuses[k]!;
            yield {
              _id: `bench-hr-${i}-${k}`,
              unitId: b(i),
              status,
              createdAt,
              confirmedAt: status === 'confirmed' ? createdAt + 2 * DAY : null,
              rating: status === 'confirmed' ? 3 + ((i + k) % 3) : null,
              hours: 2,
              awards: status === 'confirmed' ? [{ openid: m(i, k), points: 5, hours: 0 }] : [],
            };
          }
      })(),
    );
    await fill(
      db,
      'ledger',
      (function* () {
        for (let i = 0; i < branches; i += 1)
          for (let j = 0; j < members; j += 1)
            for (let k = 0; k < 6; k += 1)
              yield {
                _id: `bench-le-${i}-${j}-${k}`,
                openid: m(i, j),
                branchId: b(i),
                seq: k + 1,
                amount: (i + j) % 4 === 0 ? -10 : 5,
                balanceAfter: 0,
                kind: (i + j) % 4 === 0 ? 'redeem' : 'checkin',
                reason: '基准',
                at: q.start + ((j * 5 + k * 14) % 88) * DAY,
              };
      })(),
    );

    const delay = monitorEventLoopDelay({ resolution: 5 });
    // Another caller meanwhile: a timer every 10 ms, and how late it fires.
    let worstLate = 0;
    let expected = performance.now() + 10;
    const probe = setInterval(() => {
      const now = performance.now();
      worstLate = Math.max(worstLate, now - expected);
      expected = now + 10;
    }, 10);
    delay.enable();
    const t = performance.now();
    const result = await proposeQuarter(db, quarter, clock.now());
    const ms = performance.now() - t;
    delay.disable();
    clearInterval(probe);
    if (result.computed !== branches) throw new Error(`stars bench: computed ${result.computed} of ${branches}`);
    const note = `${branches.toLocaleString('en')} branches × ${members} members, 12 meetings, 4 点单, 90 ledger entries each`;
    record(`stars: propose a quarter for ${branches.toLocaleString('en')} branches: time`, ms, 'ms', note);
    record('stars: per branch', ms / branches, 'ms');
    record('stars: event-loop max delay', delay.max / 1e6, 'ms', 'goal < 100');
    record('stars: a 10 ms timer meanwhile, latest', worstLate, 'ms', 'another caller waits at most this');
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const rows: { measure: string; value: number; unit: string; note?: string }[] = [];
  benchStars(
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
