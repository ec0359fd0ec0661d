/**
 * What every invariant checker shares: reading a whole collection, the report line, and what hot documents hold
 * for intents (domain/core/intents.ts). The checkers live in their modules (points, booking, vaccine, requests).
 */
import type { Database, Doc } from '../db';
import {
  INTENTS,
  intentDocSchema,
  intentGraceMs,
  isUnfinished,
  marksOf,
  type Intent,
  type IntentKind,
} from './intents';

const PAGE = 1000;

export async function readAll(db: Database, collection: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(PAGE).get();
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

export interface InvariantReport {
  name: string;
  violations: number;
}

/**
 * Documents of the older protocol's `intents` collection of `kind` (nothing writes them any more; see the
 * top of core/intents.ts): those still open (a reservation, maybe a take), and a report that counts the
 * ones past the grace period as violations (no job repairs them now).
 */
export async function readIntents(db: Database, kind: IntentKind, now: number) {
  const all = (await readAll(db, INTENTS)).flatMap((d) => {
    const i = intentDocSchema.safeParse(d);
    return i.success && i.data.kind === kind ? [i.data] : [];
  });
  const byId = new Map(all.map((i) => [i._id, i]));
  const open = all.filter(isUnfinished);
  const stale = all.filter((i) => i.createdAt < now - intentGraceMs()).length;
  const report: InvariantReport = {
    name: `no ${kind} intent left past the grace period (in flight now: ${all.length - stale})`,
    violations: stale,
  };
  return { byId, open, report };
}

/** What a hot document holds for the older protocol's marks: units held by open intents, and marks no intent explains. */
export function heldBy(doc: Doc, intents: Map<string, Intent>): { held: number; orphans: number } {
  let held = 0;
  let orphans = 0;
  for (const [intentId, mark] of Object.entries(marksOf(doc))) {
    const intent = intents.get(intentId);
    if (!intent) orphans += 1;
    else if (isUnfinished(intent)) held += typeof mark === 'number' ? mark : 1;
  }
  return { held, orphans };
}
