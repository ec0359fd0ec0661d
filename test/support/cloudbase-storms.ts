/**
 * The three storms of the 积分兑换日 and the booking pages, run through the function routers on any
 * Database: the embedded engine, or CloudBase through the real @cloudbase/node-sdk (pointed at the
 * CloudBase double by the environment it prints).
 *
 * As a process (the load comes from a different process than the double):
 *   tsx test/support/cloudbase-storms.ts --storm redeem|book|green --engine cloudbase|local [--kill-at point:n]
 * prints `{"seeded": …}` once the world is seeded, then one JSON line with the StormResult.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { checkBookingInvariants } from '../../domain/booking/invariants';
import type { Envelope } from '../../domain/core/errors';
import { BUSY_MESSAGE } from '../../domain/core/router';
import { dayOf } from '../../domain/core/time';
import type { Database } from '../../domain/db';
import { CloudBaseDatabase } from '../../domain/db/cloudbase';
import { LocalDatabase } from '../../domain/db/local/engine';
import { checkPointsInvariants, type InvariantReport } from '../../domain/points/invariants';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { VACCINE_SITES } from '../../domain/seed/data';
import { checkVaccineInvariants } from '../../domain/vaccine/invariants';
import { appointmentDocSchema, isElder } from '../../domain/vaccine/model';
import { REQUESTS, requestDocSchema } from '../../domain/requests/model';
import { checkRequestInvariants } from '../../domain/requests/invariants';
import { askEvent } from './requests-flow';

export const STORMS = ['redeem', 'book', 'green', 'claim'] as const;
export type StormName = (typeof STORMS)[number];

export interface StormResult {
  storm: StormName;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers by code ('ok' for success). */
  codes: Record<string, number>;
  /** Refusals that were the database being busy (BUSY_MESSAGE), not an answer about the request. */
  busy: number;
  /** What the storm left: units sold, seats taken, elders seated… */
  outcome: Record<string, number>;
  /** Invariants broken afterwards, as "name: n"; empty when all hold. */
  violations: string[];
}

/** The storms' clock: a fixed instant, so slots are "tomorrow" and nothing expires meanwhile. */
export const STORM_NOW = Date.parse('2026-11-23T02:00:00Z');
const DAY = 86_400_000;
const ADMIN = 'storm-admin';

type Call = <T = unknown>(fn: string, event: object, openid: string) => Promise<Envelope<T>>;
const caller =
  (db: Database, now: number): Call =>
  (fn, event, openid) =>
    FUNCTIONS[fn]!.handle(event, { db, caller: { openid }, now: () => now }) as never;

/** Runs every call at once; answers latencies and codes. */
async function fire(n: number, one: (i: number) => Promise<Envelope<unknown>>) {
  const latencies: number[] = [];
  const codes: Record<string, number> = {};
  let busy = 0;
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const t = performance.now();
      const answer = await one(i);
      latencies.push(performance.now() - t);
      const code = answer.ok ? 'ok' : answer.error.code;
      codes[code] = (codes[code] ?? 0) + 1;
      if (!answer.ok && answer.error.message === BUSY_MESSAGE) busy += 1;
      return answer;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0);
  return { answers, codes, busy, seconds, perSecond: n / seconds, p50: at(50), p99: at(99) };
}

async function addUsers(db: Database, ids: string[], role: string): Promise<void> {
  await Promise.all(
    ids.map((id) => db.collection('users').add({ _id: id, nickname: id, role, branchId: null, createdAt: STORM_NOW })),
  );
}

const broken = (reports: InvariantReport[]) =>
  reports.filter((r) => r.violations > 0).map((r) => `${r.name}: ${r.violations}`);
const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** 500 redemptions by 100 members of goods with stock 50 (limit 2 each; a fifth of them can pay for one). */
async function seedRedeem(db: Database) {
  const call = caller(db, STORM_NOW);
  const members = ids(100, 'storm-m');
  await addUsers(db, [ADMIN], 'admin');
  await addUsers(db, members, 'member');
  await Promise.all(
    members.map(async (openid, i) => {
      const award = await call(
        'points',
        {
          action: 'award',
          openid,
          points: i % 5 === 0 ? 15 : 25,
          reason: '抢兑测试积分',
          requestId: `storm-award-${i}`,
        },
        ADMIN,
      );
      if (!award.ok) throw new Error(award.error.message);
    }),
  );
  const goods = await call<{ goodsId: string }>(
    'points',
    { action: 'saveGoods', name: '秒杀大米', price: 10, stock: 50, perUserLimit: 2 },
    ADMIN,
  );
  if (!goods.ok) throw new Error(goods.error.message);
  return { members, goodsId: goods.data.goodsId };
}

async function stormRedeem(db: Database, seeded: Awaited<ReturnType<typeof seedRedeem>>) {
  const call = caller(db, STORM_NOW);
  const run = await fire(500, (i) =>
    call(
      'points',
      { action: 'redeem', goodsId: seeded.goodsId, qty: 1, requestId: `storm-${i}-req` },
      seeded.members[i % 100]!,
    ),
  );
  const g = await db.collection('goods').doc(seeded.goodsId).get();
  return {
    run,
    outcome: { sold: Number(g?.sold), stock: Number(g?.stock) },
    violations: broken(await checkPointsInvariants(db, STORM_NOW)),
  };
}

/** 300 bookings by 300 people on one slot of 20. */
async function seedBook(db: Database) {
  const people = ids(300, 'storm-r');
  await addUsers(db, people, 'resident');
  const date = dayOf(STORM_NOW + DAY);
  const start = Date.parse(`${date}T10:00:00+08:00`);
  await db.collection('serviceItems').add({
    _id: 'it-storm',
    stationId: 'st-storm',
    name: '抢约测试项目',
    kind: 'service',
    serviceCode: null,
    description: '',
    active: true,
  });
  await db.collection('slots').add({
    _id: 'it-storm@storm',
    resourceId: 'it-storm',
    stationId: 'st-storm',
    date,
    start,
    end: start + 3_600_000,
    capacity: 20,
    booked: 0,
    closed: false,
    queue: [],
    green: null,
  });
  return { people, slotId: 'it-storm@storm' };
}

async function stormBook(db: Database, seeded: Awaited<ReturnType<typeof seedBook>>) {
  const call = caller(db, STORM_NOW);
  const run = await fire(300, (i) =>
    call('stations', { action: 'book', slotId: seeded.slotId, requestId: `storm-${i}-req` }, seeded.people[i]!),
  );
  const slot = await db.collection('slots').doc(seeded.slotId).get();
  return {
    run,
    outcome: { booked: Number(slot?.booked) },
    violations: broken(await checkBookingInvariants(db, STORM_NOW)),
  };
}

/** The green channel: a slot of 30 with 10 green seats, stormed by 200 people under 60 and 10 over 60. */
async function seedGreen(db: Database) {
  const call = caller(db, STORM_NOW);
  const site = VACCINE_SITES.find((s) => s.status !== 'paused') ?? VACCINE_SITES[0]!;
  await db.collection('vaccineSites').add({ ...site, _id: 'vs-storm' });
  const date = dayOf(STORM_NOW + 2 * DAY);
  const start = Date.parse(`${date}T08:30:00+08:00`);
  await db.collection('slots').add({
    _id: 'vs-storm@storm',
    resourceId: 'vs-storm',
    stationId: null,
    date,
    start,
    end: start + 1_800_000,
    capacity: 30,
    booked: 0,
    closed: false,
    queue: [],
    green: { seats: 10, used: 0, releaseAt: Date.parse(`${dayOf(STORM_NOW + DAY)}T18:00:00+08:00`) },
  });
  const owners = ids(50, 'storm-o');
  await addUsers(db, owners, 'resident');
  const people: { owner: string; personId: string; elder: boolean }[] = [];
  await Promise.all(
    owners.map(async (owner, i) => {
      // Each owner adds their people one at a time (their own counter); owners run side by side.
      for (let k = 0; k < 5; k += 1) {
        const elder = k === 4 && i < 10;
        if (k === 4 && !elder) continue;
        const n = i * 5 + k;
        const born = `${elder ? 1950 + (i % 10) : 1980 + (n % 20)}-0${(n % 9) + 1}-1${n % 10}`;
        const added = await call<{ personId: string }>(
          'vaccine',
          {
            action: 'addPerson',
            name: `测试${'甲乙丙丁戊'[k]}${'子丑寅卯辰巳午未申酉'[i % 10]}`,
            idNumber: makeIdNumber('450326', born, n),
            phone: `139${String(n).padStart(8, '0')}`,
          },
          owner,
        );
        if (!added.ok) throw new Error(added.error.message);
        people.push({ owner, personId: added.data.personId, elder });
      }
    }),
  );
  const offer = site.vaccines![0]!;
  return { people, slotId: 'vs-storm@storm', vaccine: offer.code };
}

async function stormGreen(db: Database, seeded: Awaited<ReturnType<typeof seedGreen>>) {
  const call = caller(db, STORM_NOW);
  const run = await fire(seeded.people.length, (i) => {
    const p = seeded.people[i]!;
    return call(
      'vaccine',
      {
        action: 'appoint',
        slotId: seeded.slotId,
        personId: p.personId,
        vaccine: seeded.vaccine,
        dose: 1,
        requestId: `storm-${i}-req`,
      },
      p.owner,
    );
  });
  const slot = await db.collection('slots').doc(seeded.slotId).get();
  const seated = (await db.collection('appointments').where({ slotId: seeded.slotId }).limit(1000).get())
    .map((a) => appointmentDocSchema.parse(a))
    .filter((a) => a.status === 'active');
  const eldersAsking = seeded.people.filter((p) => p.elder).length;
  return {
    run,
    outcome: {
      booked: Number(slot?.booked),
      greenUsed: Number((slot?.green as { used?: number } | null)?.used),
      eldersAsking,
      eldersSeated: run.answers.filter((a, i) => a.ok && seeded.people[i]!.elder).length,
      greenToUnder60: seated.filter((a) => a.seat === 'green' && !isElder(a)).length,
      under60Seated: seated.filter((a) => !isElder(a)).length,
    },
    violations: broken(await checkVaccineInvariants(db, STORM_NOW)),
  };
}

/** 50 members of one branch claim the one wish its secretary published to the hall, all at once. */
async function seedClaim(db: Database) {
  const call = caller(db, STORM_NOW);
  const branchId = 'br-storm';
  await db.collection('orgUnits').add({
    _id: branchId,
    parentId: null,
    kind: 'branch',
    name: '压测社区党支部',
    county: '桂林市永福县',
    secretary: 'storm-secretary',
    createdAt: STORM_NOW,
  });
  const members = ids(50, 'storm-c');
  const people: [string, string, string | null][] = [
    ['storm-secretary', 'secretary', branchId],
    ['storm-resident', 'resident', null],
    ...members.map((m): [string, string, string | null] => [m, 'member', branchId]),
  ];
  await Promise.all(
    people.map(([id, role, branch]) =>
      db.collection('users').add({ _id: id, nickname: id, role, branchId: branch, createdAt: STORM_NOW }),
    ),
  );
  const asked = await call<{ id: string }>(
    'requests',
    askEvent({ kind: 'wish', unitId: branchId, requestId: 'storm-ask' }),
    'storm-resident',
  );
  if (!asked.ok) throw new Error(`ask: ${asked.error.message}`);
  const id = asked.data.id;
  for (const event of [
    { action: 'review', id, decision: 'accept' },
    { action: 'dispatch', id, mode: 'hall', hours: 2 },
  ]) {
    const res = await call('requests', event, 'storm-secretary');
    if (!res.ok) throw new Error(`${event.action}: ${res.error.message}`);
  }
  return { members, id };
}

async function stormClaim(db: Database, seeded: Awaited<ReturnType<typeof seedClaim>>) {
  const call = caller(db, STORM_NOW);
  const run = await fire(seeded.members.length, (i) =>
    call('requests', { action: 'claim', id: seeded.id }, seeded.members[i]!),
  );
  const doc = requestDocSchema.parse(await db.collection(REQUESTS).doc(seeded.id).get());
  const winners = run.answers.filter((a) => a.ok).length;
  return {
    run,
    outcome: {
      holders: Object.keys(doc.claims).length,
      taken: doc.taken,
      claimantIds: doc.claimantIds.length,
      winners,
      inProgress: doc.status === 'inProgress' ? 1 : 0,
    },
    violations: broken(await checkRequestInvariants(db, STORM_NOW)),
  };
}

export async function seedStorm(db: Database, storm: StormName) {
  if (storm === 'claim') return { claim: await seedClaim(db) };
  return storm === 'redeem'
    ? { redeem: await seedRedeem(db) }
    : storm === 'book'
      ? { book: await seedBook(db) }
      : { green: await seedGreen(db) };
}

export async function runStorm(
  db: Database,
  storm: StormName,
  seeded?: Awaited<ReturnType<typeof seedStorm>>,
): Promise<StormResult> {
  const world = seeded ?? (await seedStorm(db, storm));
  const result = world.redeem
    ? await stormRedeem(db, world.redeem)
    : world.book
      ? await stormBook(db, world.book)
      : world.claim
        ? await stormClaim(db, world.claim)
        : await stormGreen(db, world.green!);
  const { run } = result;
  return {
    storm,
    requests: run.answers.length,
    seconds: Math.round(run.seconds * 100) / 100,
    perSecond: Math.round(run.perSecond),
    p50: run.p50,
    p99: run.p99,
    codes: run.codes,
    busy: run.busy,
    outcome: result.outcome,
    violations: result.violations,
  };
}

/** A fresh embedded database in a temporary folder, with a PII key of its own. */
export function localStormDatabase(): LocalDatabase {
  process.env.PII_KEY ??= randomBytes(32).toString('base64');
  return LocalDatabase.open(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-storm-')));
}

export interface StormProcessEnd {
  seeded: { seeded: { redeem?: { goodsId: string } }; dataDir: string | null } | null;
  result: StormResult | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs this file as its own process (the load, apart from the double) to its end or its death. */
export function stormProcess(args: string[], env: Record<string, string> = {}): Promise<StormProcessEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename, ...args], {
      cwd: path.resolve(__dirname, '..', '..'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      const lines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({
        seeded: (lines.find((l) => 'seeded' in l) as StormProcessEnd['seeded'] | undefined) ?? null,
        result: (lines.find((l) => 'storm' in l) as StormResult | undefined) ?? null,
        signal,
        stderr,
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      storm: { type: 'string' },
      engine: { type: 'string', default: 'cloudbase' },
      'kill-at': { type: 'string' },
    },
  });
  const storm = STORMS.find((s) => s === values.storm);
  if (!storm) throw new Error(`--storm must be one of ${STORMS.join(', ')}`);
  process.env.PII_KEY ??= randomBytes(32).toString('base64');
  // Configured from the environment the double printed, as a cloud function is on CloudBase.
  const db = values.engine === 'local' ? localStormDatabase() : new CloudBaseDatabase();
  const seeded = await seedStorm(db, storm);
  process.stdout.write(`${JSON.stringify({ seeded, dataDir: db instanceof LocalDatabase ? db.dataDir : null })}\n`);
  // The kill point is armed only now, so seeding is never what gets killed.
  if (values['kill-at']) process.env.HOTSPOT_TEST_KILL_AT = values['kill-at'];
  const result = await runStorm(db, storm, seeded);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await db.close();
  // The SDK keeps its sockets alive: the answer is out, so this process is done.
  process.exit(0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
