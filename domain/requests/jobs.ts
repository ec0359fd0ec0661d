/**
 * `markOverdue` (every 10 minutes): a request not accepted within REQUEST_ACCEPT_HOURS of being asked,
 * or not finished within REQUEST_FINISH_DAYS of being accepted, is marked overdue and escalated to the
 * county's admins. Only `overdue` and `escalatedAt` change, never the status: a job racing a
 * confirmation can never undo it, and each request is escalated once (the transaction re-reads it).
 */
import type { Database } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { readUnit } from '../org';
import { USERS, userDocSchema } from '../core/identity';
import type { HostServices } from '../core/services';
import {
  PHOTOS,
  REQUESTS,
  REQUEST_EVENTS,
  UNUSED_PHOTO_MS,
  acceptHours,
  finishDays,
  photoDocSchema,
  requestDocSchema,
  type RequestDoc,
} from './model';
import { aboutRequest, addEvent, quoteTitle, readRequest, tell } from './present';
import { reconcileClaims } from './claims';
import { recheckPictures } from './pictures';

const BATCH = 200;
const FINISH_PENDING = ['accepted', 'open', 'inProgress'] as const;

/** Why a request is late now, or null. */
export function lateness(req: RequestDoc, now: number): 'accept' | 'finish' | null {
  if (req.overdue) return null;
  if (req.status === 'submitted' && req.createdAt < now - acceptHours() * 3_600_000) return 'accept';
  if (
    (FINISH_PENDING as readonly string[]).includes(req.status) &&
    req.acceptedAt !== null &&
    req.acceptedAt < now - finishDays() * 86_400_000
  )
    return 'finish';
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
    ...(await db
      .collection(REQUESTS)
      .where({ status: 'submitted', overdue: false, createdAt: _.lt(now - acceptHours() * 3_600_000) })
      .orderBy('createdAt', 'asc')
      .limit(BATCH)
      .get()),
    ...(await db
      .collection(REQUESTS)
      .where({ status: _.in([...FINISH_PENDING]), overdue: false, acceptedAt: _.lt(now - finishDays() * 86_400_000) })
      .orderBy('acceptedAt', 'asc')
      .limit(BATCH)
      .get()),
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
        const text =
          why === 'accept'
            ? `超过 ${acceptHours()} 小时未受理，已上报县级管理员`
            : `受理后超过 ${finishDays()} 天未办结，已上报县级管理员`;
        await addEvent(tx, req, { status: req.status, text, by: '系统' }, now, 'overdue');
        for (const admin of admins)
          await tell(
            tx,
            req,
            admin,
            'overdue',
            aboutRequest(req, why === 'accept' ? '超时未受理' : '超时未办结'),
            `${req.unitName}的${quoteTitle(req)}${why === 'accept' ? '超时未受理' : '超时未办结'}，请督办`,
            now,
          );
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

/** Photos looked at per run of `purgePhotos`: bounded, the rest wait for the next tick. */
export const PURGE_BATCH = 100;

/**
 * `purgePhotos` (hourly): uploads nobody attached to a request, a progress report or a finish within
 * UNUSED_PHOTO_MS (a day) are removed through the file-storage port, then their record. Each photo is first
 * marked `removing` in a transaction on its record, which an ask, progress or finish attaching it also reads and
 * writes, so the two cannot both win; its use is then looked up (for uploads from before the states) and a used one
 * kept. Without a file store (a host that lends none) nothing is removed.
 */
export async function purgePhotos(
  db: Database,
  now: number,
  services?: HostServices,
): Promise<{ removed: number; kept: number; rechecked?: number; settled?: number }> {
  const store = services?.files;
  if (!store) return { removed: 0, kept: 0 };
  // Pictures whose content check never answered are asked again; decided ones not yet carried everywhere are.
  const { rechecked, settled } = await recheckPictures(db, now, services);
  const _ = db.command;
  const cutoff = now - UNUSED_PHOTO_MS;
  const candidates = [
    ...(await db
      .collection(PHOTOS)
      .where({ state: _.in(['new', 'removing']), at: _.lt(cutoff) })
      .orderBy('at', 'asc')
      .limit(PURGE_BATCH)
      .get()),
    ...(await db
      .collection(PHOTOS)
      .where({ state: _.exists(false), at: _.lt(cutoff) })
      .orderBy('at', 'asc')
      .limit(PURGE_BATCH)
      .get()),
  ];
  let removed = 0;
  let kept = 0;
  for (const doc of candidates.slice(0, PURGE_BATCH)) {
    const photo = photoDocSchema.safeParse(doc);
    if (!photo.success) continue;
    const { _id: id, fileId } = photo.data;
    try {
      const marked = await db.runTransaction(async (tx) => {
        const current = photoDocSchema.safeParse(await tx.collection(PHOTOS).doc(id).get());
        if (!current.success || current.data.state === 'used') return false;
        await tx.collection(PHOTOS).doc(id).update({ state: 'removing' });
        return true;
      }, TX_ATTEMPTS);
      if (!marked) continue;
      const used =
        (await db.collection(REQUESTS).where({ photos: fileId }).limit(1).get()).length > 0 ||
        (await db.collection(REQUEST_EVENTS).where({ photos: fileId }).limit(1).get()).length > 0;
      if (used) {
        await db.collection(PHOTOS).doc(id).update({ state: 'used' });
        kept += 1;
        continue;
      }
      await store.remove(fileId);
      await db.collection(PHOTOS).doc(id).remove();
      removed += 1;
    } catch {
      // A photo busy in an ask at this moment, or a store that failed: looked at again on the next run.
    }
  }
  return { removed, kept, rechecked, settled };
}
