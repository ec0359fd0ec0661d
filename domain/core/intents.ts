/**
 * Hot documents (goods stock, a slot's seats and green seats) are written by many people at once.
 * On CloudBase a transaction that writes one conflicts with every other (first writer wins), so the
 * hot document is never written inside a transaction on the hot path.
 *
 * The hot path (`takeFirst`: redeem, book, appoint) is one transaction on the person's documents with
 * the take inside it:
 *
 * 1. the person's documents are read and written first (account and ledger entry, the person's
 *    booking counter, the appointment itself) and the code's document is added: a refusal (points,
 *    limits, one per person) comes before anything is taken, a second request of the same person
 *    waits on the first one's write, and a code clash draws again before the take;
 * 2. the resource is taken by one conditional single-document update outside the transaction, which
 *    marks the hot document with the intent itself (`holds.<intentId>`: kind, effect, person, units,
 *    seat, when, and this take's id) and counts it in `holding`;
 * 3. the effect (order, booking, appointment, recording the take's id) and its messages are written
 *    and the transaction commits; then the mark is removed (settled).
 *
 * A failure after the take repairs it (`repairMark`): it first writes, and never commits, the person's
 * document of step 1 — while the request's transaction is open this conflicts, so a repair can never
 * decide beside a completion that then commits — then settles the mark if the effect was recorded, or
 * gives the unit back (conditional on the take's id, so exactly once). A transaction attempt after the
 * take is never retried. A process that dies leaves only its mark: the `reconcile` job of each function
 * scans hot documents with `holding` > 0 and repairs marks older than the grace period.
 *
 * The older three-step protocol (`reserve`: an intents document and reservation, the take, a completing
 * transaction) is kept below with its roll-backs and job; no hot action uses it any more.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DbError, type Database, type JsonValue, type QueryDoc, type Transaction, type UpdateDoc } from '../db';
import { setting } from './config';
import { AppError } from './errors';
import { TX_ATTEMPTS, derivedId, withFreshCode } from './ids';

export const INTENTS = 'intents';

/** Longer than a function can run (CloudBase stops one at 60 s), so only dead requests' intents are repaired. */
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
 * Takes the resource for `intentId` when `condition` holds on the hot document: one atomic
 * conditional update, outside any transaction. `updated` > 0 can only mean the condition held and
 * the document changed (the mark is new), whether the database counts matched or modified documents.
 */
export async function take(
  db: Database,
  collection: string,
  id: string,
  intentId: string,
  condition: QueryDoc,
  change: UpdateDoc,
  mark: string | number,
): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db
    .collection(collection)
    .where({ ...condition, _id: id, [holdPath(intentId)]: _.exists(false) })
    .update({ ...change, [holdPath(intentId)]: mark });
  return updated > 0;
}

/** Gives back what `intentId` took, exactly once: conditional on the mark, which it removes. */
export async function giveBack(
  db: Database,
  collection: string,
  id: string,
  intentId: string,
  undo: (mark: JsonValue) => UpdateDoc,
): Promise<boolean> {
  const mark = markOf(await db.collection(collection).doc(id).get(), intentId);
  if (mark === undefined) return false;
  const _ = db.command;
  const { updated } = await db
    .collection(collection)
    .where({ _id: id, [holdPath(intentId)]: mark })
    .update({ ...undo(mark), [holdPath(intentId)]: _.remove() });
  return updated > 0;
}

/**
 * Inside step 3's transaction: refuses unless the intent is still open (a roll-back may have claimed
 * it meanwhile; the resource is then given back by the caller's roll-back).
 */
export async function assertStillOpen(tx: Transaction, intentId: string, expired: string): Promise<void> {
  const intent = intentDocSchema.safeParse(await tx.collection(INTENTS).doc(intentId).get());
  if (!intent.success || intent.data.state !== 'open') throw new AppError('CONFLICT', expired);
}

/** Removes the mark once the effect is recorded elsewhere; the resource stays taken. */
export async function settle(db: Database, collection: string, id: string, intentId: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(collection)
    .where({ _id: id, [holdPath(intentId)]: _.exists(true) })
    .update({ [holdPath(intentId)]: _.remove() });
}

/** Settles a completed intent: the mark goes, then the intent. */
export async function finish(db: Database, intent: Pick<Intent, '_id' | 'collection' | 'target'>): Promise<void> {
  await settle(db, intent.collection, intent.target, intent._id);
  await db.collection(INTENTS).doc(intent._id).remove();
}

/**
 * Undoes an intent that was not completed: gives back what it took (once, by its mark), then runs
 * `release` (the per-person reservation; it deletes the intent). An intent found done, because its
 * completing transaction did commit after all, is finished instead. Safe to repeat and to race.
 */
export async function rollBack(
  db: Database,
  intent: Pick<Intent, '_id' | 'collection' | 'target'>,
  undo: (mark: JsonValue) => UpdateDoc,
  release: () => Promise<void>,
): Promise<'finished' | 'rolledBack'> {
  // Claim it first: a completing transaction still under way (it writes the intent) then conflicts
  // and finds it no longer open, so it can never commit beside the give-back.
  await db.collection(INTENTS).where({ _id: intent._id, state: 'open' }).update({ state: 'aborting' });
  const current = intentDocSchema.safeParse(await db.collection(INTENTS).doc(intent._id).get());
  if (current.success && current.data.state === 'done') {
    await finish(db, current.data);
    return 'finished';
  }
  await giveBack(db, intent.collection, intent.target, intent._id, undo);
  await release();
  return 'rolledBack';
}

/**
 * The reconciliation job for one kind: every stale intent finished or rolled back. One that cannot
 * be repaired now (a dead request's transaction still holds a document until the database aborts
 * it) is counted as `left` and repaired by a later run.
 */
export async function reconcile(
  db: Database,
  kind: IntentKind,
  now: number,
  undo: (db: Database, intent: Intent) => (mark: JsonValue) => UpdateDoc,
  release: (db: Database, intent: Intent) => Promise<void>,
): Promise<{ finished: number; rolledBack: number; left: number }> {
  const counts = { finished: 0, rolledBack: 0, left: 0 };
  for (const intent of await staleIntents(db, kind, now)) {
    try {
      counts[await rollBack(db, intent, undo(db, intent), () => release(db, intent))] += 1;
    } catch {
      counts.left += 1;
    }
  }
  return counts;
}

/**
 * The same request is under way elsewhere (a double tap, a client retry): waits until its intent
 * is gone or done, so the caller can read the first answer.
 */
export async function waitForIntent(db: Database, intentId: string, timeoutMs = 15_000): Promise<void> {
  const started = performance.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 250)) {
    const doc = await db.collection(INTENTS).doc(intentId).get();
    if (!doc || doc.state === 'done') return;
    if (performance.now() - started > timeoutMs) throw new AppError('CONFLICT', '该请求正在处理中，请稍后查看结果');
    await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
  }
}

/** Intents of `kind` older than the grace period, oldest first: the reconciliation job's work. */
export async function staleIntents(db: Database, kind: IntentKind, now: number, batch = 200): Promise<Intent[]> {
  const _ = db.command;
  const docs = await db
    .collection(INTENTS)
    .where({ kind, createdAt: _.lt(now - intentGraceMs()) })
    .orderBy('createdAt', 'asc')
    .limit(batch)
    .get();
  return docs.flatMap((d) => {
    const parsed = intentDocSchema.safeParse(d);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * A module's hot resource: which kind of intent takes it, on which collection, how a unit goes back
 * and what the person's reservation was. One value per module serves requests, roll-backs and the
 * reconciliation job alike.
 */
export interface HotResource {
  kind: IntentKind;
  /** The collection of the hot documents. */
  collection: string;
  /** The update that gives back what a mark says was taken. */
  undo: (db: Database, mark: JsonValue) => UpdateDoc;
  /** Inside the releasing transaction, before the intent is deleted: undoes the per-person reservation. */
  unreserve?: (tx: Transaction, intent: Intent) => Promise<void>;
}

/**
 * Releases what an unfinished intent reserved and deletes it, in one transaction on the person's
 * documents. Nothing to do when it is gone or done, so a request and the job may both call it.
 */
export async function releaseIntent(db: Database, resource: HotResource, intentId: string): Promise<void> {
  await db.runTransaction(async (tx) => {
    const intent = intentDocSchema.safeParse(await tx.collection(INTENTS).doc(intentId).get());
    if (!intent.success || !isUnfinished(intent.data)) return;
    await resource.unreserve?.(tx, intent.data);
    await tx.collection(INTENTS).doc(intentId).remove();
  }, TX_ATTEMPTS);
}

/** Undoes an intent under way on `target`: what it took (by its mark), then its reservation (see rollBack). */
export const rollBackIntent = (
  db: Database,
  resource: HotResource,
  intentId: string,
  target: string,
): Promise<'finished' | 'rolledBack'> =>
  rollBack(
    db,
    { _id: intentId, collection: resource.collection, target },
    (mark) => resource.undo(db, mark),
    () => releaseIntent(db, resource, intentId),
  );

/** The timer job of one resource: repairs the intents whose process died half-way. */
export const reconcileResource = (db: Database, resource: HotResource, now: number) =>
  reconcile(
    db,
    resource.kind,
    now,
    (db) => (mark) => resource.undo(db, mark),
    (db, intent) => releaseIntent(db, resource, intent._id),
  );

/** What `reserve` runs for one request; everything else (the order of steps, every roll-back) is the protocol's. */
export interface Reservation<Plan, Taken, Answer> {
  openid: string;
  requestId: string;
  /** The effect's own id (order, booking, appointment): the intent's id derives from it. */
  effectId: string;
  /** The hot document. */
  target: string;
  now: number;
  /** What the intent records as reserved (units and points, default one unit), for the roll-back and the job. */
  holds?: (plan: Plan) => { qty: number; total: number };
  /** The answer this request stored, if any: read when the reserving transaction found it, or before a refusal. */
  storedAnswer: () => Promise<Answer | null>;
  /** Reads before anything is written: what the later steps need. A refusal throws. */
  prepare: () => Promise<Plan>;
  /**
   * Step 1, in the reserving transaction: whether the effect is already stored (then the loop reads it). May
   * refuse. Leave it out when completing finds a stored effect itself (a derived `_id` whose insert fails):
   * it then refuses with an AppError, and the stored answer is read.
   */
  storedIn?: (tx: Transaction, plan: Plan) => Promise<boolean>;
  /** Step 1: the per-person reservation (quota, held points, active bookings), written beside the intent. May refuse. */
  reserveIn?: (tx: Transaction, plan: Plan) => Promise<void>;
  /** Refusal when another request (not this one's twin) holds the intent. */
  underWayElsewhere: string;
  /** Step 2: the conditional take on the hot document; null when refused. */
  take: (plan: Plan, intentId: string) => Promise<Taken | null>;
  /** The refusal to answer when the take was refused (the reservation is already released). */
  refused: (plan: Plan) => Promise<AppError> | AppError;
  /** Step 3, in the completing transaction with a fresh code: the effect, its code document and messages. */
  completeIn: (tx: Transaction, plan: Plan, taken: Taken, code: string) => Promise<Answer>;
  /** The code people show (`draw` makes one, `name` says what it is in the clash error). */
  code: { draw: () => string; name: string };
  /** Refusal when a roll-back claimed the intent before the completing transaction committed. */
  expired: string;
}

/**
 * The three steps of the protocol (see the top of this file) for one request, with every roll-back:
 * a refused take releases the reservation; a take that throws, or a refused or failed completion,
 * gives back by the mark and releases. A twin request waits for the first and answers what it stored.
 * Crash points `<kind>-after-take` and `<kind>-after-complete` let crash tests stop it half-way.
 */
export async function reserve<Plan, Taken, Answer>(
  db: Database,
  resource: HotResource,
  r: Reservation<Plan, Taken, Answer>,
): Promise<Answer> {
  try {
    return await reserveSteps(db, resource, r);
  } catch (error) {
    // The same request again may be refused (sold out since, its quota used by itself): a first
    // request pays no read for a stored answer, a refusal reads it before answering.
    const stored = error instanceof AppError ? await r.storedAnswer() : null;
    if (stored !== null) return stored;
    throw error;
  }
}

async function reserveSteps<Plan, Taken, Answer>(
  db: Database,
  resource: HotResource,
  r: Reservation<Plan, Taken, Answer>,
): Promise<Answer> {
  const intentId = intentIdOf(resource.kind, r.effectId);
  for (;;) {
    const plan = await r.prepare();

    // 1. The intent and the person's reservation: one transaction on the person's documents. The
    // intent's derived `_id` tells a twin without a read: its insert fails and nothing is reserved.
    const reserved = await db
      .runTransaction(async (tx) => {
        if (r.storedIn && (await r.storedIn(tx, plan))) return 'stored' as const;
        await r.reserveIn?.(tx, plan);
        const { qty, total } = r.holds?.(plan) ?? { qty: 1, total: 0 };
        await tx.collection(INTENTS).add({
          _id: intentId,
          kind: resource.kind,
          openid: r.openid,
          requestId: r.requestId,
          collection: resource.collection,
          target: r.target,
          state: 'open',
          createdAt: r.now,
          qty,
          total,
        });
        return 'reserved' as const;
      }, TX_ATTEMPTS)
      .catch(async (error: unknown) => {
        if (!(error instanceof DbError && error.code === 'DUPLICATE_KEY')) throw error;
        const intent = await db.collection(INTENTS).doc(intentId).get();
        if (!intent) return 'gone' as const;
        if (intent.requestId === r.requestId && intent.openid === r.openid) return 'busy' as const;
        throw new AppError('CONFLICT', r.underWayElsewhere);
      });
    if (reserved === 'gone') continue;
    if (reserved === 'stored' || reserved === 'busy') {
      // The same request again: the first answer, and no second effect (a twin still under way is waited for).
      if (reserved === 'busy') await waitForIntent(db, intentId);
      const stored = await r.storedAnswer();
      if (stored !== null) return stored;
      continue;
    }

    // 2. The resource: one conditional update on the hot document, outside any transaction.
    const taken = await r.take(plan, intentId).catch(async (error: unknown) => {
      // The update may have landed before the error: give back by the mark, never just drop the intent.
      await rollBackIntent(db, resource, intentId, r.target);
      throw error;
    });
    if (taken === null) {
      await releaseIntent(db, resource, intentId);
      throw await r.refused(plan);
    }
    crashPoint(`${resource.kind}-after-take`);

    // 3. The effect: a transaction on the person's documents that commits only on an intent still open.
    let answer: Answer;
    try {
      answer = await withFreshCode(r.code.draw, r.code.name, (code) =>
        db.runTransaction(async (tx) => {
          await assertStillOpen(tx, intentId, r.expired);
          const completed = await r.completeIn(tx, plan, taken, code);
          await tx.collection(INTENTS).doc(intentId).update({ state: 'done' });
          return completed;
        }, TX_ATTEMPTS),
      );
    } catch (error) {
      // Not completed: the resource goes back once (the reconciliation job repairs a failure here).
      await rollBackIntent(db, resource, intentId, r.target);
      throw error;
    }
    crashPoint(`${resource.kind}-after-complete`);
    await finish(db, { _id: intentId, collection: resource.collection, target: r.target });
    return answer;
  }
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
// The mark as the intent (redemptions): one transaction on the person's documents, with the take
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

/** The marks of intents kept in the intents collection (the three-step protocol), without the others. */
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
