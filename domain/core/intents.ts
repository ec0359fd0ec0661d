/**
 * Hot documents (goods stock, a slot's seats and green seats) are written by many people at once.
 * On CloudBase a transaction that writes one conflicts with every other (first writer wins), so the
 * hot document is never written inside a transaction on the hot path.
 *
 * The hot path (`takeFirst`: redeem, book, appoint) is one transaction on the person's documents with
 * the take inside it:
 *
 * 1. the person's documents are read and written first (account and ledger entry; the person's
 *    booking counter and the booking itself; the appointment itself) and the code's document is added:
 *    a refusal (points, limits, one per person) comes before anything is taken, a second request of
 *    the same person waits on the first one's write, and a code clash draws again before the take. A
 *    booking or an appointment is added, not read first: its `_id` taken (the same slot or dose again
 *    after a cancellation, or a repeat) aborts the attempt as a code clash does, and the next attempt
 *    reads it first;
 * 2. the resource is taken by one conditional single-document update outside the transaction, which
 *    marks the hot document with the intent itself (`holds.<intentId>`: kind, effect, person, units,
 *    seat, when, and this take's id) and counts it in `holding`;
 * 3. the effect (the order; the booking and the appointment were written in step 1, with the take's
 *    id) and its messages are written and the transaction commits; then the mark is removed (settled).
 *
 * On CloudBase each is at most 12 requests (test/node/round-trips.test.ts): the reads before it (the
 * hot document; a booking the item's name; an appointment the person, their hold and the site), start,
 * the person's documents, the code's, the take, the order (a redemption), two messages, commit, and
 * the mark's removal; the caller's user document is not read (router access 'caller').
 *
 * A failure after the take repairs it (`repairMark`): it first writes, and never commits, the person's
 * document of step 1 — while the request's transaction is open this conflicts, so a repair can never
 * decide beside a completion that then commits — then settles the mark if the effect was recorded, or
 * gives the unit back (conditional on the take's id, so exactly once). A transaction attempt after the
 * take is never retried. A process that dies leaves only its mark: the `reconcile` job of each function
 * scans hot documents with `holding` > 0 and repairs marks older than the grace period.
 *
 * An older protocol kept an `intents` document per request and marked the hot document with a bare
 * value (a number or a string). Its code is gone; only what reads what it may have left remains here
 * (`intentDocSchema`, `intentMarks`), for the invariant checks (core/invariants.ts `readIntents`,
 * `heldBy`), which still count them and report one left past the grace period. No job repairs them.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type Database, type JsonValue, type QueryDoc, type Transaction, type UpdateDoc } from '../db';
import { setting } from './config';
import { AppError } from './errors';
import { TX_ATTEMPTS, derivedId, withFreshCode } from './ids';

/** The older protocol's documents: nothing writes them any more; the invariant checks report any left. */
export const INTENTS = 'intents';

/** Longer than a function can run (CloudBase stops one at 60 s), so only dead requests' marks are repaired. */
export const intentGraceMs = (): number => setting('HOTSPOT_INTENT_GRACE_MS');

export const INTENT_KINDS = ['redeem', 'book', 'appoint'] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];

/** The intent of the effect `effectId` (an order, a booking, an appointment): a retry or a twin finds it. */
export const intentIdOf = (kind: IntentKind, effectId: string): string => derivedId('in', kind, effectId);

export const intentDocSchema = z.object({
  _id: z.string(),
  kind: z.enum(INTENT_KINDS),
  openid: z.string(),
  requestId: z.string(),
  /** The hot document. */
  collection: z.string(),
  target: z.string(),
  /** open → done (completed) or open → aborting (claimed by a roll-back, which then gives back). */
  state: z.enum(['open', 'done', 'aborting']),
  createdAt: z.number(),
  /** What the reservation holds: units and points (redemptions); 0 otherwise. */
  qty: z.number().int().min(0).default(0),
  total: z.number().int().min(0).default(0),
});
export type Intent = z.output<typeof intentDocSchema>;

/** Not completed: the resource it took (if any) is still to be given back. */
export const isUnfinished = (intent: Pick<Intent, 'state'>): boolean => intent.state !== 'done';

const holdPath = (intentId: string) => `holds.${intentId}`;

/** The mark an intent left on a hot document, if any. */
export function markOf(doc: Record<string, unknown> | null, intentId: string): JsonValue | undefined {
  const holds = doc?.holds;
  if (typeof holds !== 'object' || holds === null || Array.isArray(holds)) return undefined;
  return (holds as Record<string, JsonValue>)[intentId];
}

/** Every mark on a hot document: intent id → mark. */
export function marksOf(doc: Record<string, unknown>): Record<string, JsonValue> {
  const holds = doc.holds;
  return typeof holds === 'object' && holds !== null && !Array.isArray(holds)
    ? (holds as Record<string, JsonValue>)
    : {};
}

/**
 * Test hook: with `HOTSPOT_TEST_KILL_AT=<point>[:n]` the process kills itself (SIGKILL) the n-th time
 * (default the first) a request reaches this point, so a crash test stops requests exactly half-way,
 * relative to what they did, never at a time. Unset in production.
 */
const arrivals = new Map<string, number>();
export function crashPoint(name: string): void {
  const armed = setting('HOTSPOT_TEST_KILL_AT');
  if (!armed) return;
  const [point, nth] = armed.split(':');
  if (point !== name) return;
  const count = (arrivals.get(name) ?? 0) + 1;
  arrivals.set(name, count);
  if (count >= Number(nth ?? 1)) process.kill(process.pid, 'SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// The mark as the intent (redeem, book, appoint): one transaction on the person's documents, with the take
// inside it. See `takeFirst`.
// ---------------------------------------------------------------------------------------------

/**
 * A mark that is the intent itself: who took what for which effect, and when. `takeId` names this
 * one take, so a give-back or a settle can never act on a later take under the same key.
 */
export const markSchema = z.object({
  kind: z.enum(INTENT_KINDS),
  effectId: z.string(),
  openid: z.string(),
  takeId: z.string(),
  at: z.number(),
  qty: z.number().int().min(0),
  total: z.number().int().min(0),
  /** Which kind of seat was taken (appointments: general, green, released); null otherwise. */
  seat: z.string().nullable().default(null),
});
export type Mark = z.output<typeof markSchema>;

/** How many marks a hot document carries: the reconciliation job looks only at documents above 0. */
export const HOLDING = 'holding';

/** The marks on a hot document that are intents themselves (of `kind`, when given). */
export function takenMarks(doc: Record<string, unknown>, kind?: IntentKind): [string, Mark][] {
  return Object.entries(marksOf(doc)).flatMap(([intentId, value]) => {
    const mark = markSchema.safeParse(value);
    return mark.success && (!kind || mark.data.kind === kind) ? [[intentId, mark.data] as [string, Mark]] : [];
  });
}

/** The marks of the older protocol (bare values, not a `Mark`; see the top of this file), without the others. */
export function intentMarks(doc: Record<string, unknown>): Record<string, JsonValue> {
  const taken = new Set(takenMarks(doc).map(([id]) => id));
  return Object.fromEntries(Object.entries(marksOf(doc)).filter(([id]) => !taken.has(id)));
}

/** A resource taken first: how a unit goes back, where the person's lock is, and how a completed take is seen. */
export interface MarkedResource {
  kind: IntentKind;
  collection: string;
  /** The update that gives back what a mark took. */
  undo: (db: Database, mark: Mark) => UpdateDoc;
  /** The person's document the completing transaction writes before it takes. */
  lockOf: (mark: Mark) => { collection: string; id: string };
  /** Inside a transaction: whether the effect of the mark's take is recorded. */
  recorded: (tx: Transaction, mark: Mark) => Promise<boolean>;
}

const takeIdOf = () => randomBytes(9).toString('base64url');

/** Takes for `intentId` when `condition` holds, marking the hot document with the intent itself. */
export async function takeMarked(
  db: Database,
  collection: string,
  id: string,
  intentId: string,
  condition: QueryDoc,
  change: UpdateDoc,
  mark: Mark,
): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db
    .collection(collection)
    .where({ ...condition, _id: id, [holdPath(intentId)]: _.exists(false) })
    .update({ ...change, [holdPath(intentId)]: mark as unknown as JsonValue, [HOLDING]: _.inc(1) });
  return updated > 0;
}

/** Removes a completed take's mark (the resource stays taken), once. */
async function settleMark(db: Database, collection: string, id: string, intentId: string, mark: Mark) {
  const _ = db.command;
  await db
    .collection(collection)
    .where({ _id: id, [`${holdPath(intentId)}.takeId`]: mark.takeId })
    .update({ [holdPath(intentId)]: _.remove(), [HOLDING]: _.inc(-1) });
}

/** Gives back what a take took, exactly once: conditional on its mark, which it removes. */
async function giveBackMark(db: Database, resource: MarkedResource, id: string, intentId: string, mark: Mark) {
  const _ = db.command;
  await db
    .collection(resource.collection)
    .where({ _id: id, [`${holdPath(intentId)}.takeId`]: mark.takeId })
    .update({ ...resource.undo(db, mark), [holdPath(intentId)]: _.remove(), [HOLDING]: _.inc(-1) });
}

class Fenced extends Error {}
/** A transaction attempt after the take is never retried: the take is repaired instead. */
class AfterTake extends Error {}

/**
 * Repairs one take whose request failed or died: if its effect is recorded, settles the mark; else
 * gives back. First it writes (and never commits) the person's document the completing transaction
 * writes before it takes: while that transaction is still open this conflicts, so the repair waits
 * (or is left for the job's next run) and can never give back beside a completion that then commits.
 */
export async function repairMark(
  db: Database,
  resource: MarkedResource,
  target: string,
  intentId: string,
  mark: Mark,
): Promise<'finished' | 'rolledBack'> {
  const recorded = await db
    .runTransaction(async (tx) => {
      if (await resource.recorded(tx, mark)) return true;
      const lock = resource.lockOf(mark);
      const doc = await tx.collection(lock.collection).doc(lock.id).get();
      await tx
        .collection(lock.collection)
        .doc(lock.id)
        .set(doc ?? { _id: lock.id });
      throw new Fenced();
    }, TX_ATTEMPTS)
    .catch((error: unknown) => {
      if (error instanceof Fenced) return false;
      throw error;
    });
  if (recorded) {
    await settleMark(db, resource.collection, target, intentId, mark);
    return 'finished';
  }
  await giveBackMark(db, resource, target, intentId, mark);
  return 'rolledBack';
}

/** The timer job of a resource taken first: every mark older than the grace period repaired. */
export async function reconcileMarks(
  db: Database,
  resource: MarkedResource,
  now: number,
  batch = 200,
): Promise<{ finished: number; rolledBack: number; left: number }> {
  const counts = { finished: 0, rolledBack: 0, left: 0 };
  const _ = db.command;
  const docs = await db
    .collection(resource.collection)
    .where({ [HOLDING]: _.gt(0) })
    .limit(batch)
    .get();
  for (const doc of docs)
    for (const [intentId, mark] of takenMarks(doc, resource.kind)) {
      if (mark.at >= now - intentGraceMs()) continue;
      try {
        counts[await repairMark(db, resource, doc._id, intentId, mark)] += 1;
      } catch {
        counts.left += 1;
      }
    }
  return counts;
}

/** What `takeFirst` runs for one request. */
export interface TakeFirst<Plan, Answer> {
  openid: string;
  /** The effect's own id: the intent's (the mark's key) derives from it. */
  effectId: string;
  target: string;
  now: number;
  /** Reads before anything is written. A refusal throws. */
  prepare: () => Promise<Plan>;
  /** What the mark records as taken: units and points. */
  units: (plan: Plan) => { qty: number; total: number };
  /** The answer this request stored, if any: read before a refusal is answered. */
  storedAnswer: () => Promise<Answer | null>;
  /**
   * In the transaction, before the take: the person's documents, read and written (the first write holds
   * them against the person's other requests, so only a request that may complete takes), and the code's
   * document. A refusal throws; so does finding this request completed (its derived `_id` taken).
   */
  reserveIn: (tx: Transaction, plan: Plan, code: string, mark: Mark) => Promise<void>;
  /** The conditional take on the hot document (`takeMarked`, with the mark given or a seat added to it); false when refused. */
  take: (plan: Plan, intentId: string, mark: Mark) => Promise<boolean>;
  /** The refusal to answer when the take was refused. */
  refused: (plan: Plan) => Promise<AppError> | AppError;
  /** In the same transaction, after the take: the effect (recording the take's id) and its messages. */
  completeIn: (tx: Transaction, plan: Plan, code: string, mark: Mark) => Promise<Answer>;
  code: { draw: () => string; name: string };
  /** Refusal when the same request's earlier take is still marked (under way, or left by a failure). */
  underWay: string;
}

/**
 * The mark as the intent, in one transaction: the person's documents are read and written first (a
 * refusal for points, limits or a second request of the same person comes before anything is taken);
 * then the hot document is taken by one conditional update outside the transaction, marked with the
 * intent itself (`holds.<intentId>`: who, what, when); then the effect is written and the transaction
 * commits; then the mark is removed. A failure after the take repairs it (`repairMark`); a process
 * that dies leaves only its mark, which the `reconcile` job repairs after the grace period.
 * Crash points `<kind>-after-take` and `<kind>-after-complete`.
 */
export async function takeFirst<Plan, Answer>(
  db: Database,
  resource: MarkedResource,
  r: TakeFirst<Plan, Answer>,
): Promise<Answer> {
  try {
    return await takeFirstSteps(db, resource, r);
  } catch (error) {
    const stored = error instanceof AppError ? await r.storedAnswer() : null;
    if (stored !== null) return stored;
    throw error;
  }
}

async function takeFirstSteps<Plan, Answer>(
  db: Database,
  resource: MarkedResource,
  r: TakeFirst<Plan, Answer>,
): Promise<Answer> {
  const intentId = intentIdOf(resource.kind, r.effectId);
  const plan = await r.prepare();
  const mark: Mark = {
    kind: resource.kind,
    effectId: r.effectId,
    openid: r.openid,
    takeId: takeIdOf(),
    at: r.now,
    seat: null,
    ...r.units(plan),
  };
  let stage: 'before' | 'taking' | 'taken' | 'refused' = 'before';
  let answer: Answer;
  try {
    answer = await withFreshCode(r.code.draw, r.code.name, (code) =>
      db.runTransaction(async (tx) => {
        if (stage !== 'before') throw new AfterTake();
        await r.reserveIn(tx, plan, code, mark);
        stage = 'taking';
        const took = await r.take(plan, intentId, mark);
        stage = took ? 'taken' : 'refused';
        if (!took) throw new AfterTake();
        crashPoint(`${resource.kind}-after-take`);
        return r.completeIn(tx, plan, code, mark);
      }, TX_ATTEMPTS),
    );
  } catch (error) {
    if (stage === 'before') throw error;
    if (stage === 'refused') {
      const hot = await db.collection(resource.collection).doc(r.target).get();
      if (markOf(hot, intentId) !== undefined) throw new AppError('CONFLICT', r.underWay);
      throw await r.refused(plan);
    }
    // The take may have landed (or did): settled if its effect was recorded after all, else given back.
    const hot = await db.collection(resource.collection).doc(r.target).get();
    const landed = takenMarks(hot ?? {}).find(([id, m]) => id === intentId && m.takeId === mark.takeId);
    if (landed) await repairMark(db, resource, r.target, intentId, landed[1]);
    if (error instanceof AfterTake) throw new AppError('CONFLICT', '系统繁忙，请稍后重试');
    throw error;
  }
  crashPoint(`${resource.kind}-after-complete`);
  await settleMark(db, resource.collection, r.target, intentId, mark);
  return answer;
}
