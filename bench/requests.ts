/**
 * 群众点单 through the local cloud's HTTP: the claim storm (wishes in the 任务大厅, each claimed by 50
 * volunteers at once: exactly one holder per wish) and the hall's first page with 1k and 100k requests in
 * the database (seeded straight into the engine, as bench/run.ts does for its scaling figures), and the public
 * figure of the home page over the same data.
 * `npx tsx bench/requests.ts [--quick]` alone, or as part of `npm run bench`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalDatabase } from '../domain/db/local/engine';
import { sealIdentity } from '../domain/org/identity';
import { useLocalPiiKey } from '../domain/privacy/crypto';
import { CATEGORIES, REQUESTS, type RequestDoc, type RequestStatus } from '../domain/requests/model';
import { startLocalCloud } from '../test/support/local-cloud';
import { httpCall, must, requestAt, XIANGYANG, type Call } from '../test/support/requests-flow';

type Record = (measure: string, value: number, unit: string, note?: string) => void;

const CLAIMANTS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `total` calls with `concurrency` in flight; answers latencies (ms), throughput and answers by code. */
async function load(total: number, concurrency: number, one: (i: number) => Promise<string>) {
  const latencies: number[] = [];
  const codes: { [code: string]: number } = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const code = await one(i);
        latencies.push(performance.now() - t);
        codes[code] = (codes[code] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: total / seconds, codes };
}

const codesText = (codes: { [code: string]: number }) =>
  Object.entries(codes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');

/** `wishes` wishes published to the hall by 向阳社区's secretary, then each claimed by 50 volunteers at once. */
async function benchClaimStorm(record: Record, quick: boolean): Promise<void> {
  const wishes = quick ? 20 : 60;
  // The storm measures claims on hot wishes: ten residents ask 6 wishes each and every volunteer claims wish after
  // wish, beyond the day's caps (5 asks, 3 active claims a person), which are lifted for it.
  const cloud = await startLocalCloud({ env: { REQUEST_ASKS_PER_DAY: '100000', REQUEST_ACTIVE_CLAIMS: '100000' } });
  try {
    const call: Call = httpCall(cloud.url);
    const volunteers = Array.from({ length: CLAIMANTS }, (_, i) => `bench-volunteer-${i}`);
    for (const [i, openid] of volunteers.entries()) {
      await must(
        call(
          'requests',
          {
            action: 'registerVolunteer',
            realName: `志愿者${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 10) % 10]}`,
            phone: `1390773${String(i).padStart(4, '0')}`,
            inService: i % 3 === 0,
            unitId: XIANGYANG,
          },
          openid,
        ),
        'registerVolunteer',
      );
      await must(
        call('requests', { action: 'reviewVolunteer', openid, decision: 'approve' }, 'demo-secretary'),
        'reviewVolunteer',
      );
    }
    const ids: string[] = [];
    for (let w = 0; w < wishes; w += 1)
      ids.push(
        await requestAt(
          call,
          'open',
          { resident: `bench-resident-${w % 10}`, secretary: 'demo-secretary' },
          { kind: 'wish', requestId: `bench-wish-${w}` },
        ),
      );
    const total = wishes * CLAIMANTS;
    // Consecutive calls go to the same wish: the 50 in flight are the 50 volunteers on one wish.
    const storm = await load(total, CLAIMANTS, async (i) => {
      const res = await call(
        'requests',
        { action: 'claim', id: ids[Math.floor(i / CLAIMANTS)]! },
        volunteers[i % CLAIMANTS]!,
      );
      return res.ok ? 'ok' : res.error.code;
    });
    const note = `${wishes} wishes × ${CLAIMANTS} volunteers; ${codesText(storm.codes)}${storm.codes.ok === wishes ? '' : ` — EXPECTED ok ${wishes}`}`;
    record('requests.claim storm over HTTP, 50 clients: throughput', storm.perSecond, 'req/s', note);
    record('requests.claim storm over HTTP, 50 clients: p50', storm.p50, 'ms');
    record('requests.claim storm over HTTP, 50 clients: p99', storm.p99, 'ms');
  } finally {
    await cloud.stop();
  }
}

const COUNTIES = ['桂林市永福县', '桂林市秀峰区', '桂林市灵川县', '玉林市北流市', '三明市泰宁县'];
const STATUSES: RequestStatus[] = [
  'open',
  'open',
  'open',
  'inProgress',
  'submitted',
  'confirmed',
  'finished',
  'accepted',
  'declined',
  'cancelled',
];

/** A data folder holding `total` requests across five counties, a third of them open in the hall. */
async function seedRequests(total: number): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-requests-${total}-`));
  const db = LocalDatabase.open(dir);
  // The folder's own key, as the local cloud will use it; one sealed contact serves every request.
  useLocalPiiKey(dir, () => undefined);
  const contact = sealIdentity('李秀兰', '13907730001');
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let from = 0; from < total; from += 1000) {
    await db.runTransaction(async (tx) => {
      for (let i = from; i < Math.min(total, from + 1000); i += 1) {
        const kind = i % 3 === 0 ? 'issue' : 'wish';
        const status = STATUSES[i % STATUSES.length]!;
        const county = COUNTIES[i % COUNTIES.length]!;
        const at = start + i * 60_000;
        const places =
          status === 'submitted' || status === 'accepted' || status === 'declined' ? 0 : kind === 'wish' ? 1 : 3;
        const doc: RequestDoc = {
          _id: `rq-bench-${String(i).padStart(6, '0')}`,
          openid: `bench-resident-${i % 5000}`,
          requestId: `bench-${i}`,
          kind,
          category: CATEGORIES[kind][i % 5]!,
          title: `基准${kind === 'wish' ? '心愿' : '诉求'}${i}`,
          text: '基准测试的请求内容。',
          photos: [],
          unitId: county === '桂林市永福县' ? XIANGYANG : `br-bench-${i % 40}`,
          unitName: '基准社区党支部',
          county,
          place: null,
          contact,
          publicOnWall: i % 2 === 0,
          status,
          overdue: false,
          escalatedAt: null,
          createdAt: at,
          updatedAt: at,
          acceptedAt: places ? at : null,
          finishedAt: null,
          confirmedAt: null,
          closedAt: null,
          reason: null,
          mode: places ? 'hall' : null,
          places,
          taken: status === 'open' ? 0 : Math.min(places, 1),
          hours: 2,
          claims: {},
          claimantIds: [],
          rating: null,
          comment: null,
          awards: [],
        };
        await tx.collection(REQUESTS).add(doc as never);
      }
    });
  }
  await db.close();
  return dir;
}

/** The hall's first page (a member of 永福, so 永福 first) with `size` requests in the collection. */
async function benchHall(record: Record, quick: boolean): Promise<void> {
  for (const size of quick ? [1_000, 10_000] : [1_000, 100_000]) {
    const dir = await seedRequests(size);
    const cloud = await startLocalCloud({ dataDir: dir });
    try {
      const call = httpCall(cloud.url);
      // The first read also builds the engine's indexes: measured apart.
      const first = performance.now();
      const page = await must(call<{ items: unknown[] }>('requests', { action: 'hall' }, 'demo-member'), 'hall');
      const cold = performance.now() - first;
      const r = await load(quick ? 20 : 60, 1, async () => {
        const res = await call('requests', { action: 'hall' }, 'demo-member');
        return res.ok ? 'ok' : res.error.code;
      });
      const label = `requests.hall first page, ${size.toLocaleString('en')} requests`;
      record(`${label}: first call`, cold, 'ms', `${page.items.length} items`);
      record(`${label}: p50`, r.p50, 'ms', codesText(r.codes));
      record(`${label}: p99`, r.p99, 'ms');
      // The small public figure on the home page reads the same collection.
      const fig = await load(quick ? 10 : 30, 1, async () => {
        const res = await call('requests', { action: 'figures' }, 'demo-resident');
        return res.ok ? 'ok' : res.error.code;
      });
      record(
        `requests.figures (public), ${size.toLocaleString('en')} requests: p50`,
        fig.p50,
        'ms',
        codesText(fig.codes),
      );
    } finally {
      await cloud.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

export async function benchRequests(record: Record, quick = false): Promise<void> {
  await benchClaimStorm(record, quick);
  await benchHall(record, quick);
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const rows: { measure: string; value: number; unit: string; note?: string }[] = [];
  benchRequests(
    (measure, value, unit, note) => rows.push({ measure, value: Math.round(value * 10) / 10, unit, note }),
    process.argv.includes('--quick'),
  )
    .then(() => {
      for (const r of rows)
        console.log(`${r.measure.padEnd(60)} ${String(r.value).padStart(9)} ${r.unit.padEnd(5)} ${r.note ?? ''}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
