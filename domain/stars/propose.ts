/**
 * Proposing a quarter's ratings: every branch (of a county, or all) in turn, its records read, its score computed
 * (compute.ts) and stored as a proposal unless already signed off. The event loop is handed back between branches,
 * so computing a thousand branches never holds other callers up for more than one branch's work.
 */
import type { Database, JsonValue } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { BRANCHES, branchDocSchema } from '../core/identity';
import { UNITS } from '../org';
import { rateBranch, type StarRules } from './compute';
import { STAR_RATINGS, STAR_RUNS, ratingDocSchema, ratingIdOf, runDocSchema, type RatingDoc } from './model';
import { quarterAt, quarterOf, previousQuarter, type Quarter } from './quarter';
import { starRules } from './rules';
import { branchRecords, meetingsCollection, type MeetingReader } from './sources';

const PAGE = 200;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ProposeOptions {
  /** Only this county's branches; all when absent. */
  county?: string | null;
  /** Start after this branch id (keyset); '' from the first. */
  after?: string;
  /** At most this many branches (the job's batch); all when absent. */
  max?: number;
  /** Who asked (the job: 'system'). */
  by?: { openid: string; name: string };
  rules?: StarRules;
  reader?: MeetingReader;
}

export interface ProposeResult {
  /** Proposals written or refreshed. */
  computed: number;
  /** Branches whose rating was already signed off (left as it was). */
  signedOff: number;
  /** The last branch id looked at; null when every branch was reached. */
  cursor: string | null;
}

/** Branch ids (with name and county) after `after`, a page at a time, archived units left out. */
async function branchPage(db: Database, county: string | null, after: string, limit: number) {
  const _ = db.command;
  const conditions = [...(county ? [{ county }] : []), ...(after ? [{ _id: _.gt(after) }] : [])];
  const query =
    conditions.length === 0
      ? db.collection(BRANCHES)
      : db.collection(BRANCHES).where(conditions.length === 1 ? conditions[0]! : _.and(conditions));
  const page = await query.orderBy('_id', 'asc').limit(limit).get();
  const ids = page.map((d) => d._id);
  const archived = new Set(
    ids.length === 0
      ? []
      : (
          await db
            .collection(UNITS)
            .where({ _id: _.in(ids) })
            .limit(ids.length)
            .get()
        )
          .filter((u) => typeof u.archivedAt === 'number')
          .map((u) => u._id),
  );
  return {
    branches: page.flatMap((d) => {
      const b = branchDocSchema.safeParse(d);
      return b.success && !archived.has(b.data._id) ? [b.data] : [];
    }),
    last: page.length > 0 ? page[page.length - 1]!._id : null,
    full: page.length === limit,
  };
}

/** Computes one branch's proposal and stores it (a signed-off rating stays as it was). */
export async function proposeBranch(
  db: Database,
  branch: { _id: string; name: string; county: string },
  q: Quarter,
  now: number,
  rules: StarRules,
  by: { openid: string; name: string },
  reader: MeetingReader = meetingsCollection,
): Promise<'computed' | 'signedOff'> {
  const records = await branchRecords(db, branch._id, q, reader);
  const proposal = rateBranch(records, q, rules);
  const stored = {
    score: proposal.score,
    stars: proposal.stars,
    figures: proposal.figures,
    facts: proposal.facts as unknown as Record<string, unknown>,
    rules: { ...rules },
    computedAt: now,
  };
  const id = ratingIdOf(q.quarter, branch._id);
  return db.runTransaction(async (tx) => {
    const current = ratingDocSchema.safeParse(await tx.collection(STAR_RATINGS).doc(id).get());
    if (current.success && current.data.status === 'signedOff') return 'signedOff' as const;
    const before: RatingDoc | null = current.success ? current.data : null;
    const entry = {
      at: now,
      by: by.openid,
      byName: by.name,
      kind: 'computed' as const,
      stars: proposal.stars,
      score: proposal.score,
      reason: '',
    };
    // The history keeps each step; a recomputation that changes nothing adds no line.
    const same =
      before !== null && before.proposed.score === proposal.score && before.proposed.stars === proposal.stars;
    const history = [...(before?.history ?? []), ...(same ? [] : [entry])].slice(-50);
    const doc = {
      quarter: q.quarter,
      branchId: branch._id,
      branchName: branch.name,
      county: branch.county,
      status: 'proposed',
      proposed: stored,
      adjusted: before?.adjusted ?? null,
      stars: before?.adjusted ? before.adjusted.stars : proposal.stars,
      signedOffBy: null,
      signedOffAt: null,
      history,
      updatedAt: now,
    };
    await tx
      .collection(STAR_RATINGS)
      .doc(id)
      .set(doc as unknown as Record<string, JsonValue>);
    return 'computed' as const;
  }, TX_ATTEMPTS);
}

/** Proposes the quarter's ratings for the branches of `options.county` (or all), yielding between branches. */
export async function proposeQuarter(
  db: Database,
  quarter: string,
  now: number,
  options: ProposeOptions = {},
): Promise<ProposeResult> {
  const q = quarterOf(quarter);
  const rules = options.rules ?? starRules();
  const by = options.by ?? { openid: 'system', name: '系统' };
  const max = options.max ?? Number.POSITIVE_INFINITY;
  const result: ProposeResult = { computed: 0, signedOff: 0, cursor: null };
  let after = options.after ?? '';
  let seen = 0;
  for (;;) {
    const page = await branchPage(db, options.county ?? null, after, Math.min(PAGE, max - seen));
    for (const branch of page.branches) {
      const outcome = await proposeBranch(db, branch, q, now, rules, by, options.reader);
      if (outcome === 'computed') result.computed += 1;
      else result.signedOff += 1;
      await yieldToLoop();
    }
    seen += page.branches.length;
    if (!page.full || page.last === null) return result;
    after = page.last;
    if (seen >= max) return { ...result, cursor: after };
  }
}

/** Branches the quarter's job proposes per run: a timer run stays well inside a function's time limit. */
export const JOB_BATCH = 200;

/**
 * The timer job: once a quarter has ended, proposes its ratings for every branch, JOB_BATCH branches a run, going on
 * where the last run stopped (`starRuns/{quarter}`); nothing to do once the quarter is done.
 */
export async function proposeStars(db: Database, now: number): Promise<{ quarter: string; computed: number }> {
  const quarter = previousQuarter(quarterAt(now));
  const runs = db.collection(STAR_RUNS);
  const run = runDocSchema.safeParse(await runs.doc(quarter).get());
  if (run.success && run.data.done) return { quarter, computed: 0 };
  const after = run.success ? run.data.cursor : '';
  const result = await proposeQuarter(db, quarter, now, { after, max: JOB_BATCH });
  const computed = (run.success ? run.data.computed : 0) + result.computed;
  await runs.doc(quarter).set({ cursor: result.cursor ?? '', done: result.cursor === null, computed, updatedAt: now });
  return { quarter, computed: result.computed };
}
