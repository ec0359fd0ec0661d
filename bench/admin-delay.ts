/**
 * The event-loop delay while the most expensive admin requests that are still allowed run: the
 * largest exports (a year of a 20,000-entry ledger, 92 days of 1,000 appointments or bookings) and
 * the largest slot generations (62 days, up to 2,000 slots). The local cloud runs in this process so
 * that `monitorEventLoopDelay` sees its loop; goal: max under 100 ms (everyone else waits that long).
 * `npx tsx bench/admin-delay.ts` alone, or as part of `npm run bench`.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clock } from '../domain/core/clock';
import { LIMITS } from '../domain/core/limits';
import { dayOf } from '../domain/core/time';
import { LocalDatabase } from '../domain/db/local/engine';
import { encrypt, keyedHash, useLocalPiiKey } from '../domain/privacy/crypto';
import { makeIdNumber } from '../domain/privacy/idnumber';
import { seedIfEmpty } from '../domain/seed/seed';
import { createLocalCloud } from '../server/app';
import { handmadeXlsx, rosterOfSize } from '../test/support/xlsx';
import { TokenSigner } from '../server/auth';

type Record = (measure: string, value: number, unit: string, note?: string) => void;
const DAY = 86_400_000;

/** Adds `n` documents made by `make`, 500 to a transaction. */
async function fill(
  db: LocalDatabase,
  collection: string,
  n: number,
  make: (i: number) => { _id: string; [k: string]: unknown },
): Promise<void> {
  for (let from = 0; from < n; from += 500) {
    await db.runTransaction(async (tx) => {
      for (let i = from; i < Math.min(n, from + 500); i += 1) await tx.collection(collection).add(make(i) as never);
    });
  }
}

export async function benchAdminDelay(record: Record): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-admin-'));
  const db = LocalDatabase.open(dir);
  useLocalPiiKey(dir, () => undefined);
  const now = clock.now();
  await seedIfEmpty(db, now);
  // The largest exports the limits allow: 20,000 ledger entries in a year, 1,000 rows in 92 days.
  await fill(db, 'ledger', 20_000, (i) => ({
    _id: `bench-le-${i}`,
    openid: `bench-m${i % 200}`,
    branchId: 'br-yf-xiangyang',
    seq: i,
    amount: i % 7 === 0 ? -5 : 10,
    balanceAfter: i,
    kind: 'award',
    reason: '=基准测试',
    ruleId: null,
    activityId: null,
    orderId: null,
    adminId: 'demo-admin',
    at: now - (i % 300) * DAY,
  }));
  const id = makeIdNumber('450326', '1960-01-01', 1);
  await db.collection('vaccinePersons').add({
    _id: 'bench-ps',
    owner: 'bench-owner',
    nameSealed: encrypt('基准'),
    idSealed: encrypt(id),
    phoneSealed: encrypt('13800000000'),
    idHash: keyedHash(id),
    masked: { name: '基*', idNumber: '4503*************X', phone: '138****0000' },
    createdAt: now,
  });
  await fill(db, 'appointments', 1000, (i) => ({
    _id: `bench-ap-${i}`,
    owner: 'bench-owner',
    personId: 'bench-ps',
    idHash: `h${i}`,
    siteId: 'vs-yf-01',
    siteName: '基准接种点',
    slotId: `vs-yf-01@x${i}`,
    vaccine: 'v',
    vaccineName: '基准疫苗',
    dose: 1,
    status: 'completed',
    code: String(10_000_000 + i),
    requestId: `bench-ap-${i}`,
    seat: 'general',
    elder: false,
    maskedName: '基*',
    start: now + (i % 80) * DAY,
    end: now + (i % 80) * DAY + 1800_000,
    createdAt: now,
    completedAt: now,
    closedAt: null,
  }));
  await fill(db, 'bookings', 1000, (i) => ({
    _id: `bench-bk-${i}`,
    slotId: `it-yf-center-legal@x${i}`,
    itemId: 'it-yf-center-legal',
    itemName: '基准',
    stationId: 'st-yf-center',
    openid: 'demo-member',
    status: 'checkedIn',
    code: String(20_000_000 + i),
    requestId: `bench-bk-${i}`,
    seq: i,
    start: now + (i % 80) * DAY,
    end: now + (i % 80) * DAY + 3600_000,
    via: 'direct',
    createdAt: now,
  }));
  const server = createLocalCloud({ db, signer: TokenSigner.forDataDir(dir) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const json = { 'content-type': 'application/json' };
  const login = (await (
    await fetch(`${base}/auth/dev-login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ openid: 'demo-admin' }),
    })
  ).json()) as { data: { token: string } };
  const call = async (fn: string, event: object) => {
    const res = await fetch(`${base}/fn/${fn}`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${login.data.token}` },
      body: JSON.stringify(event),
    });
    return (await res.json()) as {
      ok: boolean;
      data?: { rows?: number; created?: number; added?: number };
      error?: { message: string };
    };
  };
  // 32 slots a day (08:00–16:00 every 15 minutes) × 62 days = 1,984: just under the 2,000 cap.
  const template = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '16:00', slotMinutes: 15, capacity: 30 };
  const from = dayOf(now + 30 * DAY);
  const to = dayOf(now + (30 + LIMITS.generateDays - 1) * DAY);
  const cases: [string, string, object][] = [
    [
      'points.export, 366 days, 20,000 entries',
      'points',
      { action: 'export', from: dayOf(now - 365 * DAY), to: dayOf(now) },
    ],
    [
      'vaccine.export, 92 days, 1,000 rows',
      'vaccine',
      { action: 'export', siteId: 'vs-yf-01', from: dayOf(now), to: dayOf(now + 91 * DAY) },
    ],
    [
      'stations.export, 92 days, 1,000 rows',
      'stations',
      { action: 'export', itemId: 'it-yf-center-legal', from: dayOf(now), to: dayOf(now + 91 * DAY) },
    ],
    [
      'vaccine.generateSlots, 62 days, 1,984 slots',
      'vaccine',
      {
        action: 'generateSlots',
        siteId: 'vs-yf-02',
        from,
        to,
        template: { ...template, green: { seats: 5, releaseTime: '18:00' } },
      },
    ],
    [
      'stations.generateSlots, 62 days, 1,984 slots',
      'stations',
      { action: 'generateSlots', itemId: 'it-yf-center-room', from, to, template },
    ],
    [
      'stations.export, 0001-01-01..9999-12-31 (refused)',
      'stations',
      { action: 'export', itemId: 'it-yf-center-legal', from: '0001-01-01', to: '9999-12-31' },
    ],
    // Roster imports: the largest the limits allow, a sheet inflating to just under the 4 MB limit, and the hostile ones.
    [
      'org.importRoster, 1,000 rows',
      'org',
      { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: await rosterOfSize(1000) },
    ],
    [
      'org.importRoster, 1 row in 3.9 MB of sheet XML',
      'org',
      {
        action: 'importRoster',
        branchId: 'br-yf-longquan',
        fileBase64: handmadeXlsx(
          [
            [1, ['姓名', '手机号']],
            [2, ['钱学文', '13700000001']],
          ],
          { padding: 3_900_000 },
        ),
      },
    ],
    [
      'org.importRoster, one row at 1,048,576 (refused)',
      'org',
      {
        action: 'importRoster',
        branchId: 'br-yf-longquan',
        fileBase64: handmadeXlsx([
          [1, ['姓名', '手机号']],
          [1_048_576, ['钱学文', '13700000002']],
        ]),
      },
    ],
    [
      'org.importRoster, 44 KB inflating to 14 MB (refused)',
      'org',
      {
        action: 'importRoster',
        branchId: 'br-yf-longquan',
        fileBase64: handmadeXlsx([[1, ['姓名', '手机号']]], { padding: 14 * 1024 * 1024 }),
      },
    ],
  ];
  try {
    for (const [name, fn, event] of cases) {
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      const started = performance.now();
      const res = await call(fn, event);
      const ms = performance.now() - started;
      // One more tick, so a block that lasted to the answer's end is counted too.
      await new Promise((resolve) => setTimeout(resolve, 30));
      histogram.disable();
      const size = res.ok
        ? `${res.data?.rows ?? res.data?.created ?? res.data?.added ?? ''}`
        : `refused: ${res.error?.message ?? ''}`;
      record(
        `admin delay: ${name}: event-loop delay max`,
        histogram.max / 1e6,
        'ms',
        `p99 ${(histogram.percentile(99) / 1e6).toFixed(1)} ms; request ${ms.toFixed(0)} ms; ${size}`,
      );
    }
  } finally {
    server.close();
    await db.close();
  }
}

if (process.argv[1]?.endsWith('admin-delay.ts')) {
  benchAdminDelay((measure, value, unit, note) =>
    console.log(`${measure}  ${value.toFixed(1)} ${unit}  ${note ?? ''}`),
  ).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
