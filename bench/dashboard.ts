/**
 * The dashboard over a busy year: how long `admin.dashboard` (366 days, everything and one county) and
 * `admin.dashboardExport` take through the local cloud, and the longest event-loop stall meanwhile (the
 * scan hands the loop back between pages of 1,000; goal: max under 100 ms, as for the other admin requests).
 * `npx tsx bench/dashboard.ts [--quick]` alone, or as part of `npm run bench`.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clock } from '../domain/core/clock';
import { atShanghai, dayOf } from '../domain/core/time';
import { LocalDatabase } from '../domain/db/local/engine';
import { seedIfEmpty } from '../domain/seed/seed';
import { BRANCHES } from '../domain/seed/data';
import { createLocalCloud } from '../server/app';
import { TokenSigner } from '../server/auth';

type Record = (measure: string, value: number, unit: string, note?: string) => void;
const DAY = 86_400_000;

async function fill(
  db: LocalDatabase,
  collection: string,
  n: number,
  make: (i: number) => { _id: string; [k: string]: unknown },
): Promise<void> {
  for (let from = 0; from < n; from += 1000) {
    await db.runTransaction(async (tx) => {
      for (let i = from; i < Math.min(n, from + 1000); i += 1) await tx.collection(collection).add(make(i) as never);
    });
  }
}

export async function benchDashboard(record: Record, quick = false): Promise<void> {
  const sizes = quick
    ? { ledger: 20_000, bookings: 5_000, doses: 5_000, orders: 2_000 }
    : { ledger: 100_000, bookings: 20_000, doses: 20_000, orders: 10_000 };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dashboard-'));
  const db = LocalDatabase.open(dir);
  const to = dayOf(clock.now());
  const from = dayOf(clock.now() - 365 * DAY);
  const start = atShanghai(`${from} 00:00`);
  await seedIfEmpty(db, start);
  const at = (i: number) => start + ((i * 7919) % 365) * DAY + (i % 600) * 60_000;
  const branchOf = (i: number) => BRANCHES[i % BRANCHES.length]!._id;
  await fill(db, 'ledger', sizes.ledger, (i) => ({
    _id: `bench-le-${i}`,
    openid: `bench-m${i % 2000}`,
    branchId: branchOf(i % 2000),
    seq: i,
    amount: i % 5 === 0 ? -20 : 5,
    balanceAfter: 0,
    kind: i % 5 === 0 ? 'redeem' : 'checkin',
    reason: '基准',
    ruleId: null,
    activityId: null,
    orderId: null,
    adminId: null,
    at: at(i),
  }));
  await fill(db, 'bookings', sizes.bookings, (i) => ({
    _id: `bench-bk-${i}`,
    slotId: `s${i}`,
    itemId: 'it-bench',
    itemName: '基准',
    stationId: i % 2 ? 'st-yf-center' : 'st-lc-center',
    openid: `bench-m${i % 2000}`,
    status: 'checkedIn',
    code: String(20_000_000 + i),
    requestId: `r${i}`,
    seq: i,
    start: at(i),
    end: at(i) + 3_600_000,
    via: 'direct',
    createdAt: at(i),
    closedAt: null,
    checkedInAt: at(i),
    checkedInBy: 'demo-staff',
  }));
  await fill(db, 'appointments', sizes.doses, (i) => ({
    _id: `bench-ap-${i}`,
    owner: `bench-m${i % 2000}`,
    personId: `p${i}`,
    idHash: `h${i}`,
    siteId: `vs-yf-0${(i % 9) + 1}`,
    siteName: '基准',
    slotId: `s${i}`,
    vaccine: 'v',
    vaccineName: '基准',
    dose: 1,
    status: 'completed',
    code: String(30_000_000 + i),
    requestId: `a${i}`,
    seat: 'general',
    elder: false,
    maskedName: '基*',
    start: at(i),
    end: at(i) + 1_800_000,
    createdAt: at(i),
    completedAt: at(i),
    closedAt: null,
  }));
  await fill(db, 'orders', sizes.orders, (i) => ({
    _id: `bench-or-${i}`,
    openid: `bench-m${i % 2000}`,
    seq: i,
    goodsId: 'g-towel',
    goodsName: '毛巾',
    qty: 1,
    price: 20,
    total: 20,
    status: 'picked',
    pickupCode: String(40_000_000 + i),
    stationId: 'st-yf-center',
    balanceAfter: 0,
    createdAt: at(i),
    expiresAt: at(i) + 7 * DAY,
    pickedAt: at(i),
    pickedBy: 'demo-staff',
    closedAt: null,
  }));
  for (let i = 0; i < 2000; i += 1)
    await db
      .collection('users')
      .add({ _id: `bench-m${i}`, nickname: `党员${i}`, role: 'member', branchId: branchOf(i), createdAt: start });

  const server = createLocalCloud({ db, signer: TokenSigner.forDataDir(dir) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { 'content-type': 'application/json' };
  try {
    const login = (await (
      await fetch(`${base}/auth/dev-login`, { method: 'POST', headers, body: JSON.stringify({ openid: 'demo-admin' }) })
    ).json()) as { data: { token: string } };
    const call = async (event: object) => {
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const t = performance.now();
      const res = (await (
        await fetch(`${base}/fn/admin`, {
          method: 'POST',
          headers: { ...headers, authorization: `Bearer ${login.data.token}` },
          body: JSON.stringify(event),
        })
      ).json()) as { ok: boolean; data?: { pointsEarned?: number } };
      const ms = performance.now() - t;
      delay.disable();
      if (!res.ok) throw new Error(`dashboard bench failed: ${JSON.stringify(res)}`);
      return { ms, maxDelay: delay.max / 1e6 };
    };
    const note = `${sizes.ledger.toLocaleString('en')} ledger, ${sizes.bookings.toLocaleString('en')} bookings, ${sizes.doses.toLocaleString('en')} doses, ${sizes.orders.toLocaleString('en')} orders in 366 days`;
    // The first read after start-up also builds the embedded engine's id order and equality indexes.
    const cold = await call({ action: 'dashboard', from, to });
    record('dashboard, 366 days, everything, first call: time', cold.ms, 'ms', note);
    record(
      'dashboard, 366 days, everything, first call: event-loop max delay',
      cold.maxDelay,
      'ms',
      "builds the engine's id order once",
    );
    const all = await call({ action: 'dashboard', from, to });
    record('dashboard, 366 days, everything: time', all.ms, 'ms');
    record('dashboard, 366 days, everything: event-loop max delay', all.maxDelay, 'ms', 'goal < 100');
    const county = await call({ action: 'dashboard', from, to, unitId: '桂林市永福县' });
    record('dashboard, 366 days, one county: time', county.ms, 'ms');
    const exported = await call({ action: 'dashboardExport', from, to });
    record('dashboardExport (xlsx), 366 days: time', exported.ms, 'ms');
    record('dashboardExport: event-loop max delay', exported.maxDelay, 'ms', 'goal < 100');
  } finally {
    server.close();
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const rows: { measure: string; value: number; unit: string; note?: string }[] = [];
  benchDashboard(
    (measure, value, unit, note) => rows.push({ measure, value: Math.round(value * 10) / 10, unit, note }),
    process.argv.includes('--quick'),
  )
    .then(() => {
      for (const r of rows)
        console.log(`${r.measure.padEnd(68)} ${String(r.value).padStart(9)} ${r.unit.padEnd(3)} ${r.note ?? ''}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
