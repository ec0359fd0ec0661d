/**
 * `markOverdue` (every 10 minutes): a request not accepted within REQUEST_ACCEPT_HOURS of being asked,
 * or not finished within REQUEST_FINISH_DAYS of being accepted, is marked overdue and escalated to the
 * county's admins. Only `overdue` and `escalatedAt` change, never the status: a job racing a
 * confirmation can never undo it, and each request is escalated once (the transaction re-reads it).
 */
import type { Database } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { readUnit } from '../org/scope';
import { USERS, userDocSchema } from '../user/model';
import { REQUESTS, acceptHours, finishDays, requestDocSchema, type RequestDoc } from './model';
import { addEvent, quoteTitle, readRequest, tell } from './present';
import { reconcileClaims } from './claims';

const BATCH = 200;
const FINISH_PENDING = ['accepted', 'open', 'inProgress'] as const;

/** Why a request is late now, or null. */
export function lateness(req: RequestDoc, now: number): 'accept' | 'finish' | null {
  if (req.overdue) return null;
  if (req.status === 'submitted' && req.createdAt < now - acceptHours() * 3_600_000) return 'accept';
  if ((FINISH_PENDING as readonly string[]).includes(req.status) && req.acceptedAt !== null && req.acceptedAt < now - finishDays() * 86_400_000) return 'finish';
  return null;
}

/** The admins over a county: those scoped to it, or (where it has none) the system-wide ones. */
async function adminsOf(db: Database, county: string, cache: Map<string, string[]>): Promise<string[]> {
  const known = cache.get(county);
  if (known) return known;
  const admins = (await db.collection(USERS).where({ role: 'admin' }).limit(1000).get()).flatMap((d) => {
    const u = userDocSchema.safeParse(d);
    return u.success ? [u.data] : [];
  });
  const scoped: string[] = [];
  const system: string[] = [];
  for (const a of admins) {
    if (!a.scopeUnitId) system.push(a._id);
    else if ((await readUnit(db, a.scopeUnitId))?.county === county) scoped.push(a._id);
  }
  const out = scoped.length ? scoped : system;
  cache.set(county, out);
  return out;
}

export async function markOverdue(db: Database, now: number): Promise<{ marked: number; claimsRepaired: number }> {
  const _ = db.command;
  const candidates = [
    ...(await db.collection(REQUESTS).where({ status: 'submitted', overdue: false, createdAt: _.lt(now - acceptHours() * 3_600_000) }).orderBy('createdAt', 'asc').limit(BATCH).get()),
    ...(await db.collection(REQUESTS).where({ status: _.in([...FINISH_PENDING]), overdue: false, acceptedAt: _.lt(now - finishDays() * 86_400_000) }).orderBy('acceptedAt', 'asc').limit(BATCH).get()),
  ];
  const cache = new Map<string, string[]>();
  let marked = 0;
  for (const doc of candidates) {
    const parsed = requestDocSchema.safeParse(doc);
    if (!parsed.success) continue;
    const admins = await adminsOf(db, parsed.data.county, cache);
    try {
      const done = await db.runTransaction(async (tx) => {
        const req = await readRequest(tx, parsed.data._id);
        const why = req && lateness(req, now);
        if (!req || !why) return false;
        await tx.collection(REQUESTS).doc(req._id).update({ overdue: true, escalatedAt: now });
        const text = why === 'accept' ? `超过 ${acceptHours()} 小时未受理，已上报县级管理员` : `受理后超过 ${finishDays()} 天未办结，已上报县级管理员`;
        await addEvent(tx, req, { status: req.status, text, by: '系统' }, now, 'overdue');
        for (const admin of admins) await tell(tx, req, admin, 'overdue', '群众点单超时', `${req.unitName}的${quoteTitle(req)}${why === 'accept' ? '超时未受理' : '超时未办结'}，请督办`, now);
        return true;
      }, TX_ATTEMPTS);
      if (done) marked += 1;
    } catch {
      // A request busy in another change is looked at again on the next tick.
    }
  }
  const { repaired } = await reconcileClaims(db, now);
  return { marked, claimsRepaired: repaired };
}
