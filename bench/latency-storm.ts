/**
 * The redemption storm with CloudBase's own latency: the CloudBase double answers each database request 10 ms late
 * (about what a request takes inside Tencent Cloud), and 500 redemptions by 100 members run through the points
 * function and the real @cloudbase/node-sdk, 100 in flight at a time. The world is the storms' (bench/cloudbase-storms.ts):
 * goods with stock 50, a limit of 2 each, a fifth of the members able to pay for one — 180 wanted, so all 50 sell.
 * Reports p50, p99 and sold against expected, with the points invariants. The load runs in its own process, apart
 * from the double (this one); everything on 127.0.0.1.
 * Alone: `tsx bench/latency-storm.ts [--quick]` (quick: 200 redemptions).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { FUNCTIONS } from '../cloudfunctions/registry';
import type { Envelope } from '../domain/core/errors';
import { CloudBaseDatabase } from '../domain/db/cloudbase';
import { checkPointsInvariants } from '../domain/points/invariants';
import { createProductCollections } from '../test/support/cloudbase-double/collections';
import { startCloudBaseDouble } from '../test/support/cloudbase-double/server';
import { STORM_NOW, seedStorm } from '../test/support/cloudbase-storms';

type Record = (measure: string, value: number, unit: string, note?: string) => void;

export const LATENCY_MS = 10;
const MEMBERS = 100;
const IN_FLIGHT = 100;
/** What the seeded members want in all: 20 can pay for one, 80 for two (the limit). */
const WANTED = 20 * 1 + 80 * 2;
/** No run may take longer than this (the load process is killed). */
const TIME_LIMIT_MS = 120_000;

interface LatencyStormResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  codes: { [code: string]: number };
  stockBefore: number;
  sold: number;
  violations: string[];
}

/** The load process: seeds the storms' redemption world through the SDK, then runs `requests` redemptions. */
async function load(requests: number): Promise<LatencyStormResult> {
  process.env.PII_KEY ??= randomBytes(32).toString('base64');
  // Configured from the environment the double printed, as a cloud function is on CloudBase.
  const db = new CloudBaseDatabase();
  const { redeem } = await seedStorm(db, 'redeem');
  const { members, goodsId } = redeem!;
  if (members.length !== MEMBERS) throw new Error(`the storm world has ${members.length} members, not ${MEMBERS}`);
  const stockBefore = Number((await db.collection('goods').doc(goodsId).get())?.stock);
  const call = (i: number) =>
    FUNCTIONS.points!.handle(
      { action: 'redeem', goodsId, qty: 1, requestId: `latency-${i}-req` },
      { db, caller: { openid: members[i % MEMBERS]! }, now: () => STORM_NOW },
    ) as Promise<Envelope<unknown>>;

  const latencies: number[] = [];
  const codes: { [code: string]: number } = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, requests) }, async () => {
      while (next < requests) {
        const i = next++;
        const t = performance.now();
        const answer = await call(i);
        latencies.push(performance.now() - t);
        const code = answer.ok ? 'ok' : answer.error.code;
        codes[code] = (codes[code] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const sold = Number((await db.collection('goods').doc(goodsId).get())?.sold);
  const violations = (await checkPointsInvariants(db, STORM_NOW))
    .filter((r) => r.violations > 0)
    .map((r) => `${r.name}: ${r.violations}`);
  await db.close();
  return { requests, seconds, p50: at(50), p99: at(99), codes, stockBefore, sold, violations };
}

/** Runs the load in its own process against a double with 10 ms per request; answers its result. */
export async function runLatencyStorm(requests: number): Promise<LatencyStormResult> {
  const double = await startCloudBaseDouble({ latencyMs: LATENCY_MS });
  createProductCollections(double);
  try {
    return await new Promise<LatencyStormResult>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', __filename, '--load', String(requests)], {
        cwd: path.resolve(__dirname, '..'),
        env: { ...process.env, ...double.sdkEnv() },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        const line = stdout.split('\n').find((l) => l.startsWith('{"requests"'));
        if (line) resolve(JSON.parse(line) as LatencyStormResult);
        else reject(new Error(`the latency storm's load ended (${signal ?? code}) without a result:\n${stderr}`));
      });
    });
  } finally {
    await double.close();
  }
}

export async function benchLatencyStorm(record: Record, quick = false): Promise<LatencyStormResult> {
  const requests = quick ? 200 : 500;
  const r = await runLatencyStorm(requests);
  const expected = Math.min(r.stockBefore, WANTED);
  const label = `redeem storm, CloudBase double at ${LATENCY_MS} ms a request (real SDK), ${MEMBERS} members, ${IN_FLIGHT} at once`;
  const codes = Object.entries(r.codes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  record(`${label}: p50`, r.p50, 'ms', `${r.requests} redemptions in ${r.seconds.toFixed(1)} s; ${codes}`);
  record(`${label}: p99`, r.p99, 'ms');
  record(
    `${label}: sold`,
    r.sold,
    'units',
    `expected ${expected}${r.sold === expected ? '' : ' — WRONG'}${r.violations.length ? `; BROKEN: ${r.violations.join('; ')}` : '; invariants hold'}`,
  );
  return r;
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const { values } = parseArgs({ options: { load: { type: 'string' }, quick: { type: 'boolean' } } });
  const run = values.load
    ? load(Number(values.load)).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
    : benchLatencyStorm(
        (measure, value, unit, note) =>
          console.log(`${measure}  ${(Math.round(value * 10) / 10).toString().padStart(7)} ${unit} ${note ?? ''}`),
        values.quick,
      );
  run
    // The SDK keeps its sockets alive: the answer is out, so this process is done.
    .then(() => process.exit(0))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
