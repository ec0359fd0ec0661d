/**
 * The embedded engine's hot path: redeem over HTTP at 50 clients against the raw engine's fsync'ed conditional
 * update, each against the goal (ratio ≥ 0.5, p99 ≤ 100 ms). Part of `npm run bench`; on its own:
 * `npx tsx bench/embedded.ts [--quick] [--runs N]` prints each run and the median of N (default 1).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { LocalDatabase } from '../domain/db/local/engine';
import { load } from './load';
import { seededWorld } from '../test/support/functions';
import { devLogin, startLocalCloud, type RunningCloud } from '../test/support/local-cloud';

type Record = (measure: string, value: number, unit: string, note?: string) => void;

export const REDEEM_RATIO_GOAL = 0.5;
export const REDEEM_P99_GOAL_MS = 100;

async function post(cloud: RunningCloud, token: string, fn: string, event: object) {
  const res = await fetch(`${cloud.url}/fn/${fn}`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { ok: boolean; data?: { [key: string]: unknown } };
}

/**
 * The storm's client: node:http on 50 kept-alive sockets. It costs the shared cores about a third of what
 * `fetch` (undici) does per request (`--fetch` measures with fetch, as the bench did before).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
function postHttp(cloud: RunningCloud, token: string, fn: string, event: object) {
  const body = Buffer.from(JSON.stringify(event));
  return new Promise<{ ok: boolean }>((resolve, reject) => {
    const req = http.request(
      `${cloud.url}/fn/${fn}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean });
          } catch (error) {
            reject(error as Error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `n` conditional updates of one document, one after another, each answered only once fsync'ed. */
export async function rawConditionalUpdates(n: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-raw-'));
  const db = LocalDatabase.open(dir);
  const _ = db.command;
  await db.collection('goods').add({ _id: 'g', stock: n });
  const started = performance.now();
  for (let i = 0; i < n; i += 1)
    await db
      .collection('goods')
      .where({ _id: 'g', stock: _.gte(1) })
      .update({ stock: _.inc(-1) });
  const perSecond = n / ((performance.now() - started) / 1000);
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return perSecond;
}

/** CPU time (ms) a process has used so far, from /proc (utime + stime, in clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function peakMemoryMb(pid: number | undefined): number {
  if (!pid) return 0;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

export interface RedeemFigures {
  perSecond: number;
  p50: number;
  p99: number;
  refused: number;
  raw: number;
  ratio: number;
  memoryMb: number;
  /** CPU per redemption: the local cloud's, and the load generator's (they share the machine's cores). */
  serverCpuMs: number;
  clientCpuMs: number;
}

/** One run: 50 members redeem `total` times at 50 clients over HTTP, then the raw engine runs as many updates. */
export async function measureRedeem(quick: boolean, client: 'http' | 'fetch' = 'http'): Promise<RedeemFigures> {
  const send = client === 'fetch' ? post : postHttp;
  const members = 50;
  const total = quick ? 500 : 2000;
  const cloud = await startLocalCloud();
  try {
    const admin = await devLogin(cloud.url, 'demo-admin');
    const tokens: string[] = [];
    for (let i = 0; i < members; i += 1) {
      const openid = `bench-m${i}`;
      tokens.push(await devLogin(cloud.url, openid));
      await post(cloud, admin, 'points', {
        action: 'award',
        openid,
        points: 1000,
        reason: '基准测试积分',
        requestId: `bench-award-${i}`,
      });
    }
    const goods = await post(cloud, admin, 'points', {
      action: 'saveGoods',
      name: '基准测试商品',
      price: 1,
      stock: total,
      perUserLimit: 99,
    });
    const goodsId = String(goods.data?.goodsId);
    const serverBefore = cpuMs(cloud.child.pid);
    const clientBefore = process.cpuUsage();
    const redeem = await load(
      total,
      50,
      async (i) =>
        (
          await send(cloud, tokens[i % members]!, 'points', {
            action: 'redeem',
            goodsId,
            qty: 1,
            requestId: `bench-${i}-req`,
          })
        ).ok,
    );
    const serverCpuMs = (cpuMs(cloud.child.pid) - serverBefore) / total;
    const client = process.cpuUsage(clientBefore);
    const clientCpuMs = (client.user + client.system) / 1000 / total;
    const memoryMb = peakMemoryMb(cloud.child.pid);
    const raw = await rawConditionalUpdates(total);
    return {
      ...redeem,
      refused: redeem.failures,
      raw,
      ratio: redeem.perSecond / raw,
      memoryMb,
      serverCpuMs,
      clientCpuMs,
    };
  } finally {
    agent.destroy();
    await cloud.stop();
    fs.rmSync(cloud.dataDir, { recursive: true, force: true });
  }
}

/**
 * Commits and fdatasyncs per redemption, in process on a seeded world (the journal's own counts): the
 * protocol's steps each commit, and the group commit shares each fdatasync among requests.
 */
export async function durabilityPerRedemption(
  quick: boolean,
): Promise<{ commits: number; syncs: number; ok: number; total: number }> {
  const { db, dir, call } = await seededWorld(Date.parse('2026-11-23T02:00:00Z'), 'local');
  const total = quick ? 300 : 1000;
  try {
    // Signed in once (the user document), then given points.
    for (let i = 0; i < 50; i += 1) await call('user', { action: 'me' }, `dur-m${i}`);
    for (let i = 0; i < 50; i += 1)
      await call(
        'points',
        { action: 'award', openid: `dur-m${i}`, points: 1000, reason: '基准测试积分', requestId: `dur-award-${i}` },
        'demo-admin',
      );
    const goods = await call<{ goodsId: string }>(
      'points',
      { action: 'saveGoods', name: '基准测试商品', price: 1, stock: total, perUserLimit: 99 },
      'demo-admin',
    );
    const goodsId = goods.ok ? goods.data.goodsId : '';
    const local = db as LocalDatabase;
    const before = local.durability;
    let ok = 0;
    await load(total, 50, async (i) => {
      const r = await call(
        'points',
        { action: 'redeem', goodsId, qty: 1, requestId: `dur-${i}-req` },
        `dur-m${i % 50}`,
      );
      if (r.ok) ok += 1;
      return r.ok;
    });
    const after = local.durability;
    return {
      commits: (after.commits - before.commits) / total,
      syncs: (after.syncs - before.syncs) / total,
      ok,
      total,
    };
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's rows for the embedded redeem, each against its goal. */
export async function benchEmbeddedRedeem(record: Record, quick: boolean): Promise<void> {
  const f = await measureRedeem(quick);
  const total = quick ? 500 : 2000;
  record('redeem over HTTP, 50 clients: throughput', f.perSecond, 'req/s', `${total} requests, ${f.refused} refused`);
  record('redeem over HTTP, 50 clients: p50', f.p50, 'ms');
  record('redeem over HTTP, 50 clients: p99', f.p99, 'ms', `goal ≤ ${REDEEM_P99_GOAL_MS}`);
  record('raw engine conditional update (fsync each)', f.raw, 'ops/s');
  record('redeem throughput / raw conditional update', f.perSecond / f.raw, '×', `goal ≥ ${REDEEM_RATIO_GOAL}`);
  record('local cloud peak memory (after the redeem storm)', f.memoryMb, 'MB', 'VmHWM');
  const d = await durabilityPerRedemption(quick);
  record('redeem, 50 at once in process: journal commits per redemption', d.commits, '/op', `${d.ok} of ${d.total} ok`);
  record('redeem, 50 at once in process: fdatasyncs per redemption', d.syncs, '/op', 'group commit: shared');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 1;
  const client = process.argv.includes('--fetch') ? 'fetch' : 'http';
  const all: RedeemFigures[] = [];
  for (let i = 0; i < runs; i += 1) {
    const f = await measureRedeem(quick, client);
    all.push(f);
    console.log(
      `run ${i + 1}: redeem ${f.perSecond.toFixed(0)} req/s (${f.refused} refused), p50 ${f.p50.toFixed(1)} ms, ` +
        `p99 ${f.p99.toFixed(1)} ms; raw ${f.raw.toFixed(0)} ops/s; ratio ${f.ratio.toFixed(2)}×; ` +
        `CPU per redemption: server ${f.serverCpuMs.toFixed(2)} ms, load generator ${f.clientCpuMs.toFixed(2)} ms`,
    );
  }
  const d = await durabilityPerRedemption(quick);
  console.log(
    `in process, 50 at once: ${d.commits.toFixed(2)} journal commits and ${d.syncs.toFixed(2)} fdatasyncs per redemption (${d.ok} of ${d.total} ok)`,
  );
  const median = (pick: (f: RedeemFigures) => number) => {
    const sorted = all.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  console.log(
    `median of ${runs} (${client} client): redeem ${median((f) => f.perSecond).toFixed(0)} req/s, p50 ${median((f) => f.p50).toFixed(1)} ms, ` +
      `p99 ${median((f) => f.p99).toFixed(1)} ms (goal ≤ ${REDEEM_P99_GOAL_MS}); raw ${median((f) => f.raw).toFixed(0)} ops/s; ` +
      `ratio ${median((f) => f.ratio).toFixed(2)}× (goal ≥ ${REDEEM_RATIO_GOAL})`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
