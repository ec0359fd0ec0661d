/**
 * `npm run bench [-- --quick]` (--quick: CI's smoke, smaller sizes, under 3 minutes here): measures the
 * points module through the local cloud's HTTP and the raw engine underneath, prints one table and writes the same figures to reports/bench.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { LocalDatabase } from '../domain/db/local/engine';
import { load } from './load';
import { clock } from '../domain/core/clock';
import { derivedId } from '../domain/core/ids';
import { dayOf } from '../domain/core/time';
import { makeIdNumber } from '../domain/privacy/idnumber';
import { packageSizes } from '../scripts/check-sizes';
import { benchBundles } from './bundles';
import { benchAdminDelay } from './admin-delay';
import { benchConsole } from './console';
import { devLogin, startLocalCloud, type RunningCloud } from '../test/support/local-cloud';
import { benchCloudBaseStorms } from './cloudbase-storms';
import { benchEmbeddedRedeem, rawConditionalUpdates } from './embedded';

const QUICK = process.argv.includes('--quick');
const REPORTS = path.resolve(__dirname, '..', 'reports');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Row {
  measure: string;
  value: number;
  unit: string;
  note?: string;
}
const rows: Row[] = [];
const record = (measure: string, value: number, unit: string, note?: string) =>
  rows.push({ measure, value: Math.round(value * 10) / 10, unit, note });

async function post(
  cloud: RunningCloud,
  token: string,
  fn: string,
  event: object,
): Promise<{ ok: boolean; data?: Record<string, unknown> }> {
  const res = await fetch(`${cloud.url}/fn/${fn}`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
}

/** The embedded redeem at 50 clients and the raw fsync'ed conditional update, each against its goal (bench/embedded.ts). */
async function benchRedeem(): Promise<void> {
  await benchEmbeddedRedeem(record, QUICK);
}

/** A data folder holding `total` ledger entries and orders, 200 of each belonging to `bench-reader`. */
async function seedHistory(total: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-history-${total}-`));
  const db = LocalDatabase.open(dir);
  const mine = 200;
  for (let start = 0; start < total; start += 1000) {
    await db.runTransaction(async (tx) => {
      for (let i = start; i < Math.min(total, start + 1000); i += 1) {
        const openid = i < mine ? 'bench-reader' : `bench-other-${i % 500}`;
        const seq = i < mine ? i + 1 : Math.floor(i / 500) + 1;
        await tx.collection('ledger').add({
          _id: derivedId('bl', String(i)),
          openid,
          branchId: null,
          seq,
          amount: 1,
          balanceAfter: seq,
          kind: 'award',
          reason: '历史',
          ruleId: null,
          activityId: null,
          orderId: null,
          adminId: 'demo-admin',
          at: 1_700_000_000_000 + i,
        });
        await tx.collection('orders').add({
          _id: derivedId('bo', String(i)),
          openid,
          seq,
          goodsId: 'g',
          goodsName: '历史订单',
          qty: 1,
          price: 1,
          total: 1,
          status: 'picked',
          pickupCode: String(10_000_000 + i),
          stationId: null,
          balanceAfter: 0,
          createdAt: 1_700_000_000_000 + i,
          expiresAt: 1_700_000_000_000 + i,
          pickedAt: null,
          pickedBy: null,
          closedAt: null,
        });
      }
    });
  }
  await db.close();
  return dir;
}

async function benchPaging(): Promise<void> {
  const sizes = QUICK ? [1_000, 10_000] : [1_000, 100_000];
  const results: Record<string, number[]> = { ledger: [], orders: [] };
  for (const size of sizes) {
    const cloud = await startLocalCloud({ dataDir: await seedHistory(size) });
    try {
      const token = await devLogin(cloud.url, 'bench-reader');
      for (const action of ['ledger', 'orders'] as const) {
        const r = await load(QUICK ? 100 : 300, 1, async () => (await post(cloud, token, 'points', { action })).ok);
        results[action]!.push(r.p50);
        record(`${action} page, ${size.toLocaleString('en')} in the database: p50`, r.p50, 'ms');
      }
    } finally {
      await cloud.stop();
    }
  }
  for (const action of ['ledger', 'orders'] as const) {
    const [small, large] = results[action]!;
    record(
      `${action} page: ${sizes[1]!.toLocaleString('en')} vs ${sizes[0]!.toLocaleString('en')}`,
      large! / small!,
      '×',
      'goal ≤ 1.5',
    );
  }
}

/** A data folder holding `total` past bookings spread over many people and slots. */
async function seedBookings(total: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-bookings-${total}-`));
  const db = LocalDatabase.open(dir);
  for (let start = 0; start < total; start += 1000) {
    await db.runTransaction(async (tx) => {
      for (let i = start; i < Math.min(total, start + 1000); i += 1) {
        const slotId = `it-history@2025-01-${String((i % 28) + 1).padStart(2, '0')}T${String(9 + (i % 8)).padStart(2, '0')}00`;
        await tx.collection('bookings').add({
          _id: derivedId('bb', String(i)),
          slotId,
          itemId: 'it-history',
          itemName: '历史预约',
          stationId: 'st-yf-center',
          openid: `bench-person-${i % 2000}`,
          status: 'checkedIn',
          code: String(20_000_000 + i),
          requestId: `h-${i}`,
          seq: Math.floor(i / 2000) + 1,
          start: 1_735_700_000_000 + i,
          end: 1_735_703_600_000 + i,
          via: 'direct',
          createdAt: 1_735_600_000_000,
          closedAt: null,
          checkedInAt: null,
          checkedInBy: null,
        });
      }
    });
  }
  await db.close();
  return dir;
}

async function benchBooking(): Promise<void> {
  const sizes = QUICK ? [1_000, 10_000] : [1_000, 100_000];
  const people = 50;
  const slotsPerDay = 10;
  const results: Record<string, number[]> = { slots: [], book: [] };
  for (const size of sizes) {
    const cloud = await startLocalCloud({ dataDir: await seedBookings(size), env: { BOOKING_ACTIVE_LIMIT: '1000' } });
    try {
      const admin = await devLogin(cloud.url, 'demo-admin');
      const tomorrow = dayOf(clock.now() + 86_400_000);
      await post(cloud, admin, 'stations', {
        action: 'saveItem',
        itemId: 'it-bench',
        stationId: 'st-yf-center',
        name: '基准测试项目',
        kind: 'service',
      });
      await post(cloud, admin, 'stations', {
        action: 'generateSlots',
        itemId: 'it-bench',
        from: tomorrow,
        to: tomorrow,
        template: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '18:00', slotMinutes: 60, capacity: 1000 },
      });
      const tokens: string[] = [];
      for (let i = 0; i < people; i += 1) tokens.push(await devLogin(cloud.url, `bench-booker-${i}`));
      const slotList = (
        await post(cloud, tokens[0]!, 'stations', { action: 'slots', itemId: 'it-bench', date: tomorrow })
      ).data?.slots as { slotId: string }[];
      const slotsLatency = await load(
        QUICK ? 100 : 300,
        1,
        async () =>
          (await post(cloud, tokens[0]!, 'stations', { action: 'slots', itemId: 'it-bench', date: tomorrow })).ok,
      );
      const total = people * slotsPerDay;
      const book = await load(total, 50, async (i) => {
        const person = i % people;
        const slot = slotList[Math.floor(i / people) % slotsPerDay]!;
        return (
          await post(cloud, tokens[person]!, 'stations', {
            action: 'book',
            slotId: slot.slotId,
            requestId: `bench-book-${i}`,
          })
        ).ok;
      });
      results.slots!.push(slotsLatency.p50);
      results.book!.push(book.perSecond);
      const label = `${size.toLocaleString('en')} bookings in the database`;
      record(`slots (one item, one day), ${label}: p50`, slotsLatency.p50, 'ms');
      record(
        `book over HTTP, 50 clients, ${label}: throughput`,
        book.perSecond,
        'req/s',
        `${total} requests, ${book.failures} refused`,
      );
      record(`book over HTTP, 50 clients, ${label}: p50`, book.p50, 'ms');
      record(`book over HTTP, 50 clients, ${label}: p99`, book.p99, 'ms');
    } finally {
      await cloud.stop();
    }
  }
  const [a, b] = sizes.map((n) => n.toLocaleString('en'));
  record(`slots latency: ${b} vs ${a}`, results.slots![1]! / results.slots![0]!, '×', 'goal ≤ 1.5');
  record(`book throughput: ${a} vs ${b}`, results.book![0]! / results.book![1]!, '×', 'goal ≤ 1.5');
}

/** A data folder holding `total` vaccination sites spread over 永福县. */
async function seedSites(total: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-sites-${total}-`));
  const db = LocalDatabase.open(dir);
  await db.runTransaction(async (tx) => {
    for (let i = 0; i < total; i += 1) {
      await tx.collection('vaccineSites').add({
        _id: `vs-bench-${String(i).padStart(5, '0')}`,
        name: `基准接种点${i}`,
        county: '桂林市永福县',
        town: '永福镇',
        address: `测试路 ${i} 号`,
        location: { lat: 24.9 + (i % 100) / 500, lng: 109.9 + Math.floor(i / 100) / 50 },
        openHours: '8:30-17:00',
        vaccines: [{ code: 'flu', name: '流感疫苗', maker: '华兰生物', doses: 1, intervalDays: 0 }],
        amenities: ['饮用水'],
        volunteerBranch: { name: '临时党支部', volunteers: 10 },
        contact: '0773-8000000',
        status: 'open',
        notice: '',
        dailyCapacity: 300,
      });
    }
  });
  await db.close();
  return dir;
}

async function benchVaccine(): Promise<void> {
  const cloud = await startLocalCloud({ dataDir: await seedSites(1000) });
  try {
    const admin = await devLogin(cloud.url, 'demo-admin');
    const reader = await devLogin(cloud.url, 'bench-reader');
    const near = { lat: 24.98, lng: 109.98 };
    const sites = await load(
      QUICK ? 50 : 200,
      1,
      async () => (await post(cloud, reader, 'vaccine', { action: 'sites', near })).ok,
    );
    record('vaccine sites nearest first over 1,009 sites: p50', sites.p50, 'ms');
    record('vaccine sites nearest first over 1,009 sites: p99', sites.p99, 'ms');

    const tomorrow = dayOf(clock.now() + 86_400_000);
    await post(cloud, admin, 'vaccine', {
      action: 'generateSlots',
      siteId: 'vs-bench-00000',
      from: tomorrow,
      to: tomorrow,
      template: {
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        start: '08:00',
        end: '18:00',
        slotMinutes: 30,
        capacity: 1000,
        green: { seats: 100, releaseTime: '18:00' },
      },
    });
    const slotList = (
      await post(cloud, reader, 'vaccine', { action: 'slots', siteId: 'vs-bench-00000', date: tomorrow })
    ).data?.slots as { slotId: string }[];
    const owners = QUICK ? 40 : 100;
    const people: { token: string; personId: string }[] = [];
    for (let i = 0; i < owners; i += 1) {
      const token = await devLogin(cloud.url, `bench-owner-${i}`);
      for (let k = 0; k < 5; k += 1) {
        const n = i * 5 + k;
        const birth = `19${String(40 + (n % 55)).padStart(2, '0')}-0${(n % 9) + 1}-1${n % 9}`;
        const res = await post(cloud, token, 'vaccine', {
          action: 'addPerson',
          name: '基准居民',
          idNumber: makeIdNumber('450326', birth, n % 1000),
          phone: `1380000${String(n).padStart(4, '0')}`,
        });
        if (res.ok) people.push({ token, personId: String(res.data?.personId) });
      }
    }
    const appoint = await load(people.length, 50, async (i) => {
      const p = people[i]!;
      return (
        await post(cloud, p.token, 'vaccine', {
          action: 'appoint',
          slotId: slotList[i % slotList.length]!.slotId,
          personId: p.personId,
          vaccine: 'flu',
          dose: 1,
          requestId: `bench-ap-${i}`,
        })
      ).ok;
    });
    record(
      'appoint over HTTP, 50 clients: throughput',
      appoint.perSecond,
      'req/s',
      `${people.length} requests, ${appoint.failures} refused`,
    );
    record('appoint over HTTP, 50 clients: p50', appoint.p50, 'ms');
    record('appoint over HTTP, 50 clients: p99', appoint.p99, 'ms');
  } finally {
    await cloud.stop();
  }
}

/** Peak resident memory (VmHWM) of a process, in MB, from /proc. */
function peakMemoryMb(pid: number | undefined): number {
  if (!pid) return 0;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function benchSizes(): void {
  try {
    for (const p of packageSizes())
      record(
        `weapp package ${p.name}`,
        p.bytes / 1024,
        'KB',
        `budget ${p.budget / 1024} KB${p.bytes > p.budget ? ' — OVER' : ''}`,
      );
  } catch (error) {
    record('weapp packages', 0, 'KB', error instanceof Error ? error.message : 'not built');
  }
}

/** The H5 first screen: gzipped JS the home page loads, and time until it is interactive in Chromium (median of 5). */
async function benchH5(): Promise<void> {
  const h5 = path.resolve(__dirname, '..', 'dist', 'h5');
  if (!fs.existsSync(path.join(h5, 'index.html')))
    return record('H5 first screen', 0, 'KB', 'dist/h5 missing: run npm run build:h5');
  const html = fs.readFileSync(path.join(h5, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = scripts.reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(h5, file))).length, 0);
  record('H5 first screen: JavaScript, gzipped', gz / 1024, 'KB', `${scripts.length} files`);
  if (!fs.existsSync(CHROMIUM)) return record('H5 home time to interactive', 0, 'ms', 'no Chromium');
  const cloud = await startLocalCloud();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${cloud.url}/`, { waitUntil: 'commit' });
      await page.locator('.home-services .xf-grid__item').first().waitFor();
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    record(
      'H5 home time to interactive (median of 5)',
      times[2]!,
      'ms',
      'navigation start → first service tile rendered',
    );
  } finally {
    await browser.close();
    await cloud.stop();
  }
}

async function rawReads(n: number): Promise<number> {
  const db = LocalDatabase.open(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-raw-read-')));
  await db.collection('goods').add({ _id: 'g', stock: 1 });
  const started = performance.now();
  for (let i = 0; i < n; i += 1) await db.collection('goods').doc('g').get();
  const perSecond = n / ((performance.now() - started) / 1000);
  await db.close();
  return perSecond;
}

/** One read and one write action of each function at 1, 10 and 50 clients, against the raw engine. */
async function benchFunctions(): Promise<void> {
  const perLevel = QUICK ? 60 : 200;
  const rawRead = await rawReads(5000);
  const rawWrite = await rawConditionalUpdates(QUICK ? 500 : 2000);
  record('raw engine: read one document by id', rawRead, 'ops/s');
  const cloud = await startLocalCloud({ env: { BOOKING_ACTIVE_LIMIT: '100000' } });
  try {
    const admin = await devLogin(cloud.url, 'demo-admin');
    const people = 50;
    const tokens: string[] = [];
    const personIds: string[][] = [];
    for (let i = 0; i < people; i += 1) {
      const openid = `fn-bench-${i}`;
      tokens.push(await devLogin(cloud.url, openid));
      await post(cloud, admin, 'points', {
        action: 'award',
        openid,
        points: 1000,
        reason: '基准测试积分',
        requestId: `fn-award-${i}`,
      });
      const ids: string[] = [];
      for (let k = 0; k < 5; k += 1) {
        const res = await post(cloud, tokens[i]!, 'vaccine', {
          action: 'addPerson',
          name: '基准居民',
          idNumber: makeIdNumber('450326', `1980-01-${String(k + 1).padStart(2, '0')}`, i * 5 + k),
          phone: '13800000000',
        });
        ids.push(String(res.data?.personId));
      }
      personIds.push(ids);
    }
    const goods = await post(cloud, admin, 'points', {
      action: 'saveGoods',
      name: '基准商品',
      price: 1,
      stock: 100_000,
      perUserLimit: 99,
    });
    const tomorrow = dayOf(clock.now() + 86_400_000);
    await post(cloud, admin, 'stations', {
      action: 'saveItem',
      itemId: 'it-fn-bench',
      stationId: 'st-yf-center',
      name: '基准项目',
      kind: 'service',
    });
    await post(cloud, admin, 'stations', {
      action: 'generateSlots',
      itemId: 'it-fn-bench',
      from: tomorrow,
      to: tomorrow,
      template: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '22:00', slotMinutes: 10, capacity: 1000 },
    });
    const bookSlots = (
      await post(cloud, tokens[0]!, 'stations', { action: 'slots', itemId: 'it-fn-bench', date: tomorrow })
    ).data?.slots as { slotId: string }[];
    await post(cloud, admin, 'vaccine', {
      action: 'generateSlots',
      siteId: 'vs-yf-03',
      from: tomorrow,
      to: tomorrow,
      template: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '22:00', slotMinutes: 30, capacity: 1000 },
    });
    const vaxSlots = (await post(cloud, tokens[0]!, 'vaccine', { action: 'slots', siteId: 'vs-yf-03', date: tomorrow }))
      .data?.slots as { slotId: string }[];
    const vaxCode = (
      (await post(cloud, tokens[0]!, 'vaccine', { action: 'siteDetail', siteId: 'vs-yf-03' })).data?.site as {
        offers: { code: string }[];
      }
    ).offers[0]!.code;

    let written = 0;
    const ops: [string, 'read' | 'write', (i: number) => Promise<boolean>][] = [
      ['user.me', 'read', async (i) => (await post(cloud, tokens[i % people]!, 'user', { action: 'me' })).ok],
      [
        'user.setRole',
        'write',
        async (i) =>
          (
            await post(cloud, admin, 'user', {
              action: 'setRole',
              openid: `fn-bench-${i % people}`,
              role: i % 2 ? 'member' : 'resident',
            })
          ).ok,
      ],
      ['points.goods', 'read', async (i) => (await post(cloud, tokens[i % people]!, 'points', { action: 'goods' })).ok],
      [
        'points.redeem',
        'write',
        async (i) =>
          (
            await post(cloud, tokens[i % people]!, 'points', {
              action: 'redeem',
              goodsId: String(goods.data?.goodsId),
              qty: 1,
              requestId: `fn-redeem-${written++}`,
            })
          ).ok,
      ],
      [
        'stations.list',
        'read',
        async (i) => (await post(cloud, tokens[i % people]!, 'stations', { action: 'list' })).ok,
      ],
      [
        'stations.book',
        'write',
        async () => {
          const n = written++;
          return (
            await post(cloud, tokens[n % people]!, 'stations', {
              action: 'book',
              slotId: bookSlots[Math.floor(n / people) % bookSlots.length]!.slotId,
              requestId: `fn-book-${n}`,
            })
          ).ok;
        },
      ],
      [
        'vaccine.sites',
        'read',
        async (i) => (await post(cloud, tokens[i % people]!, 'vaccine', { action: 'sites' })).ok,
      ],
      [
        'vaccine.appoint',
        'write',
        async () => {
          const n = written++;
          return (
            await post(cloud, tokens[n % people]!, 'vaccine', {
              action: 'appoint',
              slotId: vaxSlots[0]!.slotId,
              personId: personIds[n % people]![Math.floor(n / people) % 5]!,
              vaccine: vaxCode,
              dose: 1,
              requestId: `fn-ap-${n}`,
            })
          ).ok;
        },
      ],
    ];
    for (const [name, kind, op] of ops) {
      for (const clients of [1, 10, 50]) {
        // Appointments are one per person per dose: 250 people in all.
        const total = name === 'vaccine.appoint' ? Math.min(perLevel, 80) : perLevel;
        const r = await load(total, clients, op);
        const raw = kind === 'read' ? rawRead : rawWrite;
        record(
          `${name} (${kind}), ${clients} client${clients > 1 ? 's' : ''}`,
          r.perSecond,
          'req/s',
          `p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${(r.perSecond / raw).toFixed(2)}× raw ${kind}${r.failures ? `, ${r.failures} refused` : ''}`,
        );
      }
    }
    record('local cloud peak memory (after the function storms)', peakMemoryMb(cloud.child.pid), 'MB', 'VmHWM');
  } finally {
    await cloud.stop();
  }
}

/** First-page latency of the list actions with 1k, 10k and 100k documents in their collection. */
async function benchScaling(): Promise<void> {
  const sizes = QUICK ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  for (const size of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-scale-${size}-`));
    const db = LocalDatabase.open(dir);
    for (let start = 0; start < size; start += 1000) {
      await db.runTransaction(async (tx) => {
        for (let i = start; i < Math.min(size, start + 1000); i += 1) {
          const n = String(i).padStart(6, '0');
          await tx.collection('stations').add({
            _id: `st-scale-${n}`,
            name: `规模测试驿站${n}`,
            kind: 'warm',
            county: '桂林市永福县',
            district: '永福镇',
            address: `测试路 ${i} 号`,
            services: [],
          });
          await tx.collection('goods').add({
            _id: `g-scale-${n}`,
            name: `规模测试商品${n}`,
            price: 1,
            stock: 1,
            sold: 0,
            stocked: 1,
            perUserLimit: 1,
            stationId: null,
            saleStart: null,
            saleEnd: null,
            eventId: null,
            active: true,
          });
        }
      });
    }
    await db.close();
    const cloud = await startLocalCloud({ dataDir: dir });
    try {
      const token = await devLogin(cloud.url, 'demo-member');
      for (const [fn, event] of [
        ['stations', { action: 'list' }],
        ['stations', { action: 'list', keyword: '测试' }],
        ['points', { action: 'goods' }],
      ] as const) {
        const r = await load(QUICK ? 30 : 100, 1, async () => (await post(cloud, token, fn, event)).ok);
        record(
          `${fn}.${event.action}${'keyword' in event ? ' (keyword)' : ''} first page, ${size.toLocaleString('en')} documents: p50`,
          r.p50,
          'ms',
        );
      }
    } finally {
      await cloud.stop();
    }
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  benchSizes();
  await benchBundles(record);
  await benchH5();
  await benchConsole(record);
  await benchRedeem();
  await benchPaging();
  await benchBooking();
  await benchVaccine();
  await benchFunctions();
  await benchScaling();
  await benchAdminDelay(record);
  await benchCloudBaseStorms(record);
  await (await import('./round-trips')).benchRoundTrips(record);
  await (await import('./latency-storm')).benchLatencyStorm(record, QUICK);
  await (await import('./dashboard')).benchDashboard(record, QUICK);
  await (await import('./requests')).benchRequests(record, QUICK);
  await (await import('./stars')).benchStars(record, QUICK);
  await (await import('./map')).benchMap(record, QUICK);
  const width = Math.max(...rows.map((r) => r.measure.length));
  console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  unit   note`);
  for (const r of rows)
    console.log(`${r.measure.padEnd(width)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(5)}  ${r.note ?? ''}`);
  fs.mkdirSync(REPORTS, { recursive: true });
  const file = path.join(REPORTS, 'bench.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        at: new Date(clock.now()).toISOString(),
        quick: QUICK,
        machine: { cpus: os.cpus().length, node: process.version },
        rows,
      },
      null,
      2,
    ),
  );
  console.log(
    `\nwritten to ${path.relative(process.cwd(), file)}; the bench took ${Math.round((performance.now() - started) / 1000)} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
