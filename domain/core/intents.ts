/**
 * Hot documents (goods stock, a slot's seats and green seats) are written by many people at once.
 * On CloudBase a transaction that writes one conflicts with every other (first writer wins), so the
 * hot document is never written inside a transaction on the hot path. Instead:
 *
 * 1. an intent is added (its `_id` derived from the request, so a retry or a twin finds it) together
 *    with the per-person reservation (points held, quota, active bookings) in one transaction on
 *    that person's documents, which are not hot;
 * 2. the resource is taken by one conditional single-document update that also marks the hot
 *    document with the intent (`holds.<intentId>`): atomic, conflict-free, and it says whether it
 *    was this intent that took it;
 * 3. a transaction on the person's documents completes the effect (order, booking, appointment) and
 *    marks the intent done; then the mark is removed and the intent deleted.
 *
 * Any refusal after step 2 gives the resource back exactly once: the give-back is conditional on the
 * mark and removes it. A process that dies half-way leaves an intent behind; the `reconcile` timer
 * job finds intents older than the grace period and finishes (done) or rolls them back (open).
 */
import { z } from 'zod';
import type { Database, JsonValue, QueryDoc, Transaction, UpdateDoc } from '../db';
import { AppError } from './errors';

export const INTENTS = 'intents';

/** Longer than a function can run (CloudBase stops one at 60 s), so only dead requests' intents are repaired. */
export const intentGraceMs = (): number => {
  const ms = Number(process.env.HOTSPOT_INTENT_GRACE_MS ?? 120_000);
  return Number.isFinite(ms) && ms >= 0 ? ms : 120_000;
};

export const INTENT_KINDS = ['redeem', 'book', 'appoint'] as const;
export type IntentKind = (typeof INTENT_KINDS)[number];

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
  return typeof holds === 'object' && holds !== null && !Array.isArray(holds) ? (holds as Record<string, JsonValue>) : {};
}

/**
 * Takes the resource for `intentId` when `condition` holds on the hot document: one atomic
 * conditional update, outside any transaction. `updated` > 0 can only mean the condition held and
 * the document changed (the mark is new), whether the database counts matched or modified documents.
 */
export async function take(db: Database, collection: string, id: string, intentId: string, condition: QueryDoc, change: UpdateDoc, mark: string | number): Promise<boolean> {
  const _ = db.command;
  const { updated } = await db.collection(collection).where({ ...condition, _id: id, [holdPath(intentId)]: _.exists(false) }).update({ ...change, [holdPath(intentId)]: mark });
  return updated > 0;
}

/** Gives back what `intentId` took, exactly once: conditional on the mark, which it removes. */
export async function giveBack(db: Database, collection: string, id: string, intentId: string, undo: (mark: JsonValue) => UpdateDoc): Promise<boolean> {
  const mark = markOf(await db.collection(collection).doc(id).get(), intentId);
  if (mark === undefined) return false;
  const _ = db.command;
  const { updated } = await db.collection(collection).where({ _id: id, [holdPath(intentId)]: mark }).update({ ...undo(mark), [holdPath(intentId)]: _.remove() });
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
  await db.collection(collection).where({ _id: id, [holdPath(intentId)]: _.exists(true) }).update({ [holdPath(intentId)]: _.remove() });
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
export async function rollBack(db: Database, intent: Pick<Intent, '_id' | 'collection' | 'target'>, undo: (mark: JsonValue) => UpdateDoc, release: () => Promise<void>): Promise<'finished' | 'rolledBack'> {
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
export async function reconcile(db: Database, kind: IntentKind, now: number, undo: (db: Database, intent: Intent) => (mark: JsonValue) => UpdateDoc, release: (db: Database, intent: Intent) => Promise<void>): Promise<{ finished: number; rolledBack: number; left: number }> {
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
  const docs = await db.collection(INTENTS).where({ kind, createdAt: _.lt(now - intentGraceMs()) }).orderBy('createdAt', 'asc').limit(batch).get();
  return docs.flatMap((d) => {
    const parsed = intentDocSchema.safeParse(d);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Test hook: with `HOTSPOT_TEST_KILL_AT=<point>[:n]` the process kills itself (SIGKILL) the n-th time
 * (default the first) a request reaches this point, so a crash test stops requests exactly half-way,
 * relative to what they did, never at a time. Unset in production.
 */
const arrivals = new Map<string, number>();
export function crashPoint(name: string): void {
  const armed = process.env.HOTSPOT_TEST_KILL_AT;
  if (!armed) return;
  const [point, nth] = armed.split(':');
  if (point !== name) return;
  const count = (arrivals.get(name) ?? 0) + 1;
  arrivals.set(name, count);
  if (count >= Number(nth ?? 1)) process.kill(process.pid, 'SIGKILL');
}
