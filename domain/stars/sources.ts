/**
 * Reading one branch's records for a quarter, page by page: its members, meetings, 点单 and points ledger. The
 * computation (compute.ts) never sees a document, only these records.
 */
import type { Database, Doc, Query } from '../db';
import { USERS } from '../core/identity';
import { LEDGER } from '../points';
import { REQUESTS } from '../requests';
import { MEETINGS } from '../meetings';
import type { BranchRecords, LedgerRecord, MeetingRecord, RequestRecord } from './compute';
import type { Quarter } from './quarter';

const PAGE = 1000;
/** A bound on what one branch's quarter reads from a collection (a branch of a few hundred members fits many times). */
const MAX_READ = 50_000;

/** Every document matching `conditions`, read in pages of 1,000 by keyset on `_id`. */
export async function readAll(db: Database, collection: string, conditions: Query[]): Promise<Doc[]> {
  const _ = db.command;
  const out: Doc[] = [];
  let after: string | null = null;
  while (out.length < MAX_READ) {
    const where: Query[] = after === null ? conditions : [...conditions, { _id: _.gt(after) }];
    const page = await db
      .collection(collection)
      .where(where.length === 1 ? where[0]! : _.and(where))
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    out.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!._id;
  }
  return out;
}

const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Meetings of a branch that started in the quarter (domain/meetings' documents). */
export interface MeetingReader {
  meetings(db: Database, branchId: string, q: Quarter): Promise<MeetingRecord[]>;
}

export const meetingsCollection: MeetingReader = {
  async meetings(db, branchId, q) {
    const _ = db.command;
    const docs = await readAll(db, MEETINGS, [{ branchId }, { startAt: _.gte(q.start) }, { startAt: _.lt(q.end) }]);
    return docs.map((d) => ({
      type: str(d.type),
      startAt: num(d.startAt),
      status: str(d.status),
      expectedCount: num(d.expectedCount),
      presentCount: num(d.presentCount),
      leaveCount: num(d.leaveCount),
      absentCount: num(d.absentCount),
    }));
  },
};

function requestRecord(d: Doc): RequestRecord {
  const awards = Array.isArray(d.awards) ? d.awards : [];
  return {
    status: str(d.status),
    createdAt: num(d.createdAt),
    confirmedAt: typeof d.confirmedAt === 'number' ? d.confirmedAt : null,
    rating: typeof d.rating === 'number' ? d.rating : null,
    hours: num(d.hours, 2),
    helpers: awards.length,
  };
}

export async function branchRecords(
  db: Database,
  branchId: string,
  q: Quarter,
  reader: MeetingReader = meetingsCollection,
): Promise<BranchRecords> {
  const _ = db.command;
  const members = (await readAll(db, USERS, [{ branchId }])).map((d) => d._id);
  const meetings = await reader.meetings(db, branchId, q);
  // 点单 asked in the quarter (办结率, 满意率) and those confirmed in it (service hours), each once.
  const asked = await readAll(db, REQUESTS, [
    { unitId: branchId },
    { createdAt: _.gte(q.start) },
    { createdAt: _.lt(q.end) },
  ]);
  const confirmed = await readAll(db, REQUESTS, [
    { unitId: branchId },
    { status: 'confirmed' },
    { confirmedAt: _.gte(q.start) },
    { confirmedAt: _.lt(q.end) },
  ]);
  const byId = new Map<string, Doc>();
  for (const d of [...asked, ...confirmed]) byId.set(d._id, d);
  const requests = [...byId.values()].map(requestRecord);
  const ledger: LedgerRecord[] = (
    await readAll(db, LEDGER, [{ branchId }, { at: _.gte(q.start) }, { at: _.lt(q.end) }])
  ).map((d) => ({ openid: str(d.openid), amount: num(d.amount), kind: str(d.kind), at: num(d.at) }));
  return { members, meetings, requests, ledger };
}
