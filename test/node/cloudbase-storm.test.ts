/**
 * The storms of the 积分兑换日 and the 任务大厅 (50 members claiming one wish) through the real @cloudbase/node-sdk against the CloudBase double
 * (snapshot isolation, first writer wins): the double runs in this process, the functions and their
 * load in another (test/support/cloudbase-storms.ts). Then a kill -9 of that process half-way through
 * redemptions, repaired by the reconciliation job, on the double and on the embedded engine.
 */
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { INTENTS, intentGraceMs, takenMarks } from '../../domain/core/intents';
import type { Database } from '../../domain/db';
import { CloudBaseDatabase } from '../../domain/db/cloudbase';
import { LocalDatabase } from '../../domain/db/local/engine';
import { checkBookingInvariants } from '../../domain/booking/invariants';
import { checkPointsInvariants, type InvariantReport } from '../../domain/points/invariants';
import { checkVaccineInvariants } from '../../domain/vaccine/invariants';
import { createProductCollections } from '../support/cloudbase-double/collections';
import { startCloudBaseDouble, type CloudBaseDouble } from '../support/cloudbase-double/server';
import {
  STORM_NOW,
  stormProcess as load,
  type StormProcessEnd as Ended,
  type StormResult,
} from '../support/cloudbase-storms';

/** This process as a cloud function pointed at the double (TENCENTCLOUD included: no metadata lookups). */
function cloudDb(double: CloudBaseDouble): CloudBaseDatabase {
  Object.assign(process.env, double.sdkEnv());
  return new CloudBaseDatabase();
}

async function storm(double: CloudBaseDouble, name: string): Promise<StormResult> {
  const ended = await load(['--storm', name], double.sdkEnv());
  if (!ended.result) throw new Error(`the ${name} storm did not finish:\n${ended.stderr}`);
  return ended.result;
}

/** No INTERNAL, only the refusals the storm can honestly give, and at most 1% CONFLICT. */
function expectHonest(result: StormResult, refusals: string[]): void {
  const unexpected = Object.keys(result.codes).filter((c) => c !== 'ok' && c !== 'CONFLICT' && !refusals.includes(c));
  expect(unexpected).toEqual([]);
  expect(result.codes.CONFLICT ?? 0).toBeLessThanOrEqual(Math.floor(result.requests / 100));
  expect(result.violations).toEqual([]);
}

describe.each(['matched', 'modified'] as const)(
  'storms through the real SDK against the CloudBase double (updated = %s)',
  (updated) => {
    let double: CloudBaseDouble;
    beforeAll(async () => {
      double = await startCloudBaseDouble({ updated });
      createProductCollections(double);
    });
    afterAll(() => double.close());

    test('500 redemptions by 100 members of goods with stock 50: exactly 50 sold, every refusal honest', async () => {
      const result = await storm(double, 'redeem');
      expect(result.codes.ok).toBe(50);
      expect(result.outcome).toEqual({ sold: 50, stock: 0 });
      expectHonest(result, ['SOLD_OUT', 'LIMIT_REACHED', 'INSUFFICIENT_POINTS']);
    }, 300_000);

    test('300 bookings by 300 people on a slot of 20: exactly 20 seated, the rest SLOT_FULL', async () => {
      const result = await storm(double, 'book');
      expect(result.codes.ok).toBe(20);
      expect(result.outcome).toEqual({ booked: 20 });
      expectHonest(result, ['SLOT_FULL']);
    }, 300_000);

    test('the green channel: every elder asking gets a green seat, nobody under 60 does, never above capacity', async () => {
      const result = await storm(double, 'green');
      expect(result.outcome).toEqual({
        booked: 30,
        greenUsed: 10,
        eldersAsking: 10,
        eldersSeated: 10,
        greenToUnder60: 0,
        under60Seated: 20,
      });
      expectHonest(result, ['SLOT_FULL']);
    }, 300_000);

    test('50 members claiming the same wish at once: exactly one holds it, the others hear 该心愿已被认领', async () => {
      const result = await storm(double, 'claim');
      expect(result.codes).toEqual({ ok: 1, CONFLICT: 49 });
      // Every refusal is the answer about the wish, none is the database being busy.
      expect(result.busy).toBe(0);
      expect(result.outcome).toEqual({ holders: 1, taken: 1, claimantIds: 1, winners: 1, inProgress: 1 });
      expect(result.violations).toEqual([]);
    }, 300_000);
  },
);

test('50 members claiming the same wish at once on the embedded engine: exactly one holds it', async () => {
  const ended = await load(['--storm', 'claim', '--engine', 'local']);
  if (!ended.result) throw new Error(`the claim storm did not finish:\n${ended.stderr}`);
  expect(ended.result.codes).toEqual({ ok: 1, CONFLICT: 49 });
  expect(ended.result.busy).toBe(0);
  expect(ended.result.outcome).toEqual({ holders: 1, taken: 1, claimantIds: 1, winners: 1, inProgress: 1 });
  expect(ended.result.violations).toEqual([]);
}, 120_000);

/**
 * Kills the load process (SIGKILL from inside, the n-th time a redemption reaches `point`: just
 * after taking stock, or just after completing but before settling), then proves: nothing is broken
 * while the intents are young, they are reported once past the grace period, and the reconciliation
 * job repairs every invariant: it rolls back what was not completed and finishes what was.
 */
/** The load process died by the kill hook (its stderr shown otherwise). */
const expectKilled = (ended: Ended) =>
  expect({ signal: ended.signal, stderr: ended.signal ? '' : ended.stderr.slice(-3000) }).toEqual({
    signal: 'SIGKILL',
    stderr: '',
  });

async function killAndRepair(db: Database, ended: Ended): Promise<void> {
  expectKilled(ended);
  expect(ended.result).toBeNull();
  const goodsId = ended.seeded!.seeded.redeem!.goodsId;
  const broken = async (now: number) =>
    (await checkPointsInvariants(db, now)).filter((r) => r.violations > 0).map((r) => r.name);

  // A redemption under way is a mark on the goods (the intent itself), not an intents document.
  const marks = async () => takenMarks((await db.collection('goods').doc(goodsId).get()) ?? {}, 'redeem').length;
  expect(await db.collection(INTENTS).count()).toBe(0);
  expect(await marks()).toBeGreaterThan(0);
  expect(await broken(STORM_NOW)).toEqual([]);
  const later = STORM_NOW + intentGraceMs() + 1;
  expect(await broken(later)).toEqual([expect.stringMatching(/^no redeem intent left past the grace period/)]);
  const ordersBefore = await db.collection('orders').where({ goodsId }).count();

  // The timer job, as CloudBase would run it; a dead request's transaction may hold the member's
  // account until the database aborts it, so the job leaves that mark for its next run.
  const job = FUNCTIONS.points!.jobs.reconcile!;
  for (let run = 0; run < 50 && (await marks()) > 0; run += 1) await job(db, later);
  expect(await marks()).toBe(0);
  expect(await broken(later)).toEqual([]);
  const goods = await db.collection('goods').doc(goodsId).get();
  const orders = await db.collection('orders').where({ goodsId }).count();
  // Completed redemptions stay sold; nothing else does.
  expect(orders).toBe(ordersBefore);
  expect(goods).toMatchObject({ sold: orders, stock: 50 - orders, stocked: 50, holding: 0 });
  expect(goods!.holds ?? {}).toEqual({});
}

describe.each([
  ['after taking stock', 'redeem-after-take:25'],
  ['after completing, before settling', 'redeem-after-complete:10'],
])('kill -9 of the function process %s', (_when, killAt) => {
  test('on CloudBase (real SDK, the double): the reconciliation job repairs every invariant', async () => {
    // The dead process's open transactions are aborted after 10 s here (CloudBase: about a minute).
    const double = await startCloudBaseDouble({ transactionLifetimeMs: 10_000 });
    createProductCollections(double);
    try {
      const ended = await load(['--storm', 'redeem', '--kill-at', killAt], double.sdkEnv());
      await killAndRepair(cloudDb(double), ended);
    } finally {
      await double.close();
    }
  }, 300_000);

  test('on the embedded engine: the reconciliation job repairs every invariant', async () => {
    const ended = await load(['--storm', 'redeem', '--engine', 'local', '--kill-at', killAt]);
    const db = LocalDatabase.open(ended.seeded!.dataDir!);
    try {
      await killAndRepair(db, ended);
    } finally {
      await db.close();
    }
  }, 120_000);
});

/** The same for a seat: a booking or an appointment killed right after taking it. */
describe.each([
  ['book', 'book-after-take:10', 'stations', 'book', checkBookingInvariants],
  ['green', 'appoint-after-take:10', 'vaccine', 'appoint', checkVaccineInvariants],
] as const)(
  'kill -9 of the function process during the %s storm, right after a seat is taken',
  (storm, killAt, fn, kind, check) => {
    async function repair(db: Database): Promise<void> {
      const broken = async (now: number) =>
        (await check(db, now)).filter((r: InvariantReport) => r.violations > 0).map((r: InvariantReport) => r.name);
      // A seat under way is a mark on its slot (the intent itself), not an intents document.
      const marks = async () =>
        (
          await db
            .collection('slots')
            .where({ holding: db.command.gt(0) })
            .get()
        ).reduce((n, slot) => n + takenMarks(slot, kind).length, 0);
      expect(await db.collection(INTENTS).count()).toBe(0);
      expect(await marks()).toBeGreaterThan(0);
      expect(await broken(STORM_NOW)).toEqual([]);
      const later = STORM_NOW + intentGraceMs() + 1;
      expect(await broken(later)).toEqual([
        expect.stringMatching(new RegExp(`^no ${kind} intent left past the grace period`)),
      ]);
      const job = FUNCTIONS[fn]!.jobs.reconcile!;
      for (let run = 0; run < 50 && (await marks()) > 0; run += 1) await job(db, later);
      expect(await marks()).toBe(0);
      expect(await broken(later)).toEqual([]);
    }

    test('on CloudBase (real SDK, the double)', async () => {
      const double = await startCloudBaseDouble({ transactionLifetimeMs: 10_000 });
      createProductCollections(double);
      try {
        const ended = await load(['--storm', storm, '--kill-at', killAt], double.sdkEnv());
        expectKilled(ended);
        await repair(cloudDb(double));
      } finally {
        await double.close();
      }
    }, 300_000);

    test('on the embedded engine', async () => {
      const ended = await load(['--storm', storm, '--engine', 'local', '--kill-at', killAt]);
      expectKilled(ended);
      const db = LocalDatabase.open(ended.seeded!.dataDir!);
      try {
        await repair(db);
      } finally {
        await db.close();
      }
    }, 120_000);
  },
);
