import { withRole } from '../core/labels';
import type { Database, Transaction } from '../db';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS, derivedId } from '../core/ids';
import { enqueue } from '../messages';
import { REFUSAL_KINDS, pictureRefusal, type RefusalKind } from '../content';
import { adminCounty } from '../org';
import { decrypt } from '../privacy';
import type { HostServices } from '../core/services';
import type { UserDoc } from '../core/identity';
import { intentGraceMs } from '../core/intents';
import {
  CLOSED,
  KIND_LABELS,
  PHOTOS,
  QUOTAS,
  REQUESTS,
  REQUEST_EVENTS,
  STATUS_LABELS,
  VOLUNTEERS,
  WORKING,
  activeClaims,
  detailPage,
  photoDocSchema,
  requestDocSchema,
  volunteerDocSchema,
  type RequestDoc,
  type RequestStatus,
  type VolunteerDoc,
} from './model';

/** The key of a person's claim in `claims`: a field name whatever the openid holds. */
export const claimKey = (openid: string): string => derivedId('c', openid);

export async function readRequest(
  db: Pick<Database, 'collection'> | Transaction,
  id: string,
): Promise<RequestDoc | null> {
  const parsed = requestDocSchema.safeParse(await db.collection(REQUESTS).doc(id).get());
  return parsed.success ? parsed.data : null;
}

export const notFoundRequest = () => new AppError('NOT_FOUND', '该请求不存在或你无权查看');

export const photoDocId = (fileId: string): string => derivedId('ph', fileId);
const badPhoto = () => new AppError('INVALID_ARGUMENT', '照片无效，请重新上传', 'photos');

/** Photos must be the caller's own uploads (uploadPhoto), never someone else's file id, nor one refused by its check. */
export async function assertOwnPhotos(db: Database, openid: string, fileIds: readonly string[]): Promise<void> {
  for (const fileId of fileIds) {
    const photo = photoDocSchema.safeParse(await db.collection(PHOTOS).doc(photoDocId(fileId)).get());
    if (!photo.success || photo.data.openid !== openid) throw badPhoto();
    if (photo.data.check === 'rejected') throw rejectedPhoto(photo.data.kind);
  }
}

const rejectedPhoto = (kind: string | null | undefined) =>
  new AppError(
    'INVALID_ARGUMENT',
    pictureRefusal(kind && Object.hasOwn(REFUSAL_KINDS, kind) ? (kind as RefusalKind) : 'other'),
    'photos',
  );

/**
 * Inside the change that attaches them: the caller's photos, still there, are marked used (the purge job then
 * leaves them). A photo the job is removing is refused; the job's own transaction on the photo makes the two exclusive.
 * Answers them split by their content check: `shown` passed it, `held` still wait for it (shown only to the caller);
 * a rejected one is refused. The verdict's own transaction on the photo makes the split and the verdict exclusive.
 */
export async function usePhotos(
  tx: Transaction,
  openid: string,
  fileIds: readonly string[],
): Promise<{ shown: string[]; held: string[] }> {
  const shown: string[] = [];
  const held: string[] = [];
  for (const fileId of fileIds) {
    const photo = photoDocSchema.safeParse(await tx.collection(PHOTOS).doc(photoDocId(fileId)).get());
    if (!photo.success || photo.data.openid !== openid || photo.data.state === 'removing') throw badPhoto();
    if (photo.data.check === 'rejected') throw rejectedPhoto(photo.data.kind);
    if (photo.data.state !== 'used') await tx.collection(PHOTOS).doc(photoDocId(fileId)).update({ state: 'used' });
    (photo.data.check === 'pending' ? held : shown).push(fileId);
  }
  return { shown, held };
}

/**
 * One more of a person's daily allowance (`key` names what and when, e.g. `ask:<openid>:<day>`), inside the change's
 * transaction: the counter document is read and written in it, so people racing each other cannot pass the cap.
 */
export async function takeQuota(tx: Transaction, key: string, max: number, message: string): Promise<void> {
  const doc = await tx.collection(QUOTAS).doc(key).get();
  const used = typeof doc?.count === 'number' ? doc.count : 0;
  if (used >= max) throw new AppError('LIMIT_REACHED', message);
  await tx
    .collection(QUOTAS)
    .doc(key)
    .set({ key, count: used + 1 });
}

// ---- the claims a person holds (at most activeClaims()) ----

interface Hold {
  id: string;
  at: number;
}
const holdsId = (openid: string) => `claims:${openid}`;
async function readHolds(tx: Transaction, openid: string): Promise<Hold[]> {
  const doc = await tx.collection(QUOTAS).doc(holdsId(openid)).get();
  const raw = Array.isArray(doc?.holds) ? doc.holds : [];
  return raw.flatMap((h) =>
    h && typeof h === 'object' && !Array.isArray(h) && typeof h.id === 'string' && typeof h.at === 'number'
      ? [{ id: h.id, at: h.at }]
      : [],
  );
}
async function writeHolds(tx: Transaction, openid: string, holds: Hold[]): Promise<void> {
  await tx
    .collection(QUOTAS)
    .doc(holdsId(openid))
    .set({ openid, holds: holds.map((h) => ({ id: h.id, at: h.at })) });
}
const holding = (req: RequestDoc | null, openid: string) =>
  !!req && req.claimantIds.includes(openid) && WORKING.includes(req.status);

/**
 * Before a claim takes its place: a transaction on the person's own document, which lists the claims they hold or
 * are making. Entries whose request they no longer hold (finished, released, withdrawn, cancelled) are dropped; one of
 * an open request being claimed right now stays for the grace period of a claim in flight. With activeClaims() held,
 * LIMIT_REACHED. Two claims of one person at once serialise here.
 */
export async function reserveClaim(db: Database, openid: string, requestId: string, now: number): Promise<void> {
  await db.runTransaction(async (tx) => {
    const kept: Hold[] = [];
    for (const h of await readHolds(tx, openid)) {
      if (h.id === requestId) continue;
      const req = await readRequest(tx, h.id);
      // Held, or a claim of an open request still in flight (younger than a claim's grace period).
      const inFlight =
        !!req && req.status === 'open' && !req.claimantIds.includes(openid) && h.at > now - intentGraceMs();
      if (holding(req, openid) || inFlight) kept.push(h);
    }
    const max = activeClaims();
    if (kept.length >= max)
      throw new AppError('LIMIT_REACHED', `每人最多同时认领 ${max} 个任务，请先办完或放弃已认领的任务`);
    await writeHolds(tx, openid, [...kept, { id: requestId, at: now }]);
  }, TX_ATTEMPTS);
}

/** A reservation whose claim did not take a place (or a claim released): off the person's list, unless they hold it. */
export async function dropHold(tx: Transaction, openid: string, requestId: string, stillHeld = false): Promise<void> {
  const holds = await readHolds(tx, openid);
  if (stillHeld || !holds.some((h) => h.id === requestId)) return;
  const rest = holds.filter((h) => h.id !== requestId);
  if (rest.length === 0) await tx.collection(QUOTAS).doc(holdsId(openid)).remove();
  else await writeHolds(tx, openid, rest);
}

export async function readVolunteer(
  db: Pick<Database, 'collection'> | Transaction,
  openid: string,
): Promise<VolunteerDoc | null> {
  const v = volunteerDocSchema.safeParse(await db.collection(VOLUNTEERS).doc(openid).get());
  return v.success ? v.data : null;
}

/** Why someone who is no party member may not take tasks, in their words. */
export function volunteerRefusal(v: VolunteerDoc | null): AppError {
  if (!v) return new AppError('FORBIDDEN', '请先登记为志愿者');
  if (v.status === 'rejected') return new AppError('FORBIDDEN', `志愿者登记未通过审核：${v.reason ?? ''}`);
  if (!v.unitId) return new AppError('FORBIDDEN', '请重新登记志愿者并选择所在社区的党支部，等待支部审核');
  return new AppError('FORBIDDEN', '志愿者登记正在等待支部审核');
}

export const isParty = (user: UserDoc): boolean => user.role === 'member' || user.role === 'secretary';
export const isResidentOf = (req: RequestDoc, user: UserDoc): boolean => req.openid === user._id;
export const isSecretaryOf = (req: RequestDoc, user: UserDoc): boolean =>
  user.role === 'secretary' && user.branchId === req.unitId;
export const isClaimantOf = (req: RequestDoc, openid: string): boolean => req.claimantIds.includes(openid);

export async function isAdminOver(db: Database, req: RequestDoc, user: UserDoc): Promise<boolean> {
  if (user.role !== 'admin') return false;
  const county = await adminCounty(db, user);
  return county === null || county === req.county;
}

/**
 * What a secretary's or an admin's list is narrowed to, beside `filter`: the secretary's branch, a county admin's
 * county, or everything for a system admin. `null`: a secretary without a branch sees nothing.
 */
export async function managedScope<F extends Record<string, unknown>>(
  db: Database,
  user: UserDoc,
  filter: F,
): Promise<(F & { unitId?: string; county?: string }) | null> {
  if (user.role === 'secretary') return user.branchId ? { ...filter, unitId: user.branchId } : null;
  const county = await adminCounty(db, user);
  return county === null ? filter : { ...filter, county };
}

/** A volunteer the branch's secretary approved. */
export async function isVolunteer(db: Database, openid: string): Promise<boolean> {
  return (await readVolunteer(db, openid))?.status === 'approved';
}

/** On the public 心愿墙: a wish its resident let be shown, once the branch has accepted it. */
export const WALL_STATUSES: readonly RequestStatus[] = ['accepted', 'open', 'inProgress', 'finished', 'confirmed'];
export const onWall = (req: RequestDoc): boolean =>
  req.kind === 'wish' && req.publicOnWall && WALL_STATUSES.includes(req.status);

export interface Viewer {
  resident: boolean;
  secretary: boolean;
  admin: boolean;
  claimant: boolean;
  /**
   * A claimant the branch has confirmed: assigned by it, a party member of the branch, or a volunteer its secretary
   * approved. Only they see the resident's contact in clear.
   */
  confirmed: boolean;
  /** A party member or approved volunteer who may claim from the hall. */
  taker: boolean;
}

export async function viewerOf(db: Database, req: RequestDoc, user: UserDoc): Promise<Viewer> {
  const volunteer = await readVolunteer(db, user._id);
  const approved = volunteer?.status === 'approved';
  const claim = req.claims[claimKey(user._id)];
  return {
    resident: isResidentOf(req, user),
    secretary: isSecretaryOf(req, user),
    admin: await isAdminOver(db, req, user),
    claimant: isClaimantOf(req, user._id),
    confirmed:
      !!claim &&
      (claim.via === 'assign' ||
        (isParty(user) && user.branchId === req.unitId) ||
        (approved && volunteer.unitId === req.unitId)),
    taker: isParty(user) || approved,
  };
}

export const maySee = (req: RequestDoc, v: Viewer): boolean =>
  v.resident || v.secretary || v.admin || v.claimant || (v.taker && req.status === 'open') || onWall(req);

/**
 * The resident's name and phone in clear: to the resident; to the branch's secretary until the request
 * closes; to its confirmed claimants (assigned, of the branch, or volunteers it approved) while they work on it
 * (open, in progress, awaiting confirmation). Masked for everyone else: claimants from elsewhere, county admins.
 */
export function contactFor(req: RequestDoc, v: Viewer): { name: string; phone: string; masked: boolean } {
  const working = req.status === 'open' || req.status === 'inProgress' || req.status === 'finished';
  const clear = v.resident || (v.secretary && !CLOSED.includes(req.status)) || (v.confirmed && working);
  return clear
    ? { name: decrypt(req.contact.name), phone: decrypt(req.contact.phone), masked: false }
    : { name: req.contact.maskedName, phone: req.contact.maskedPhone, masked: true };
}

export async function photoUrls(services: HostServices | undefined, fileIds: readonly string[]): Promise<string[]> {
  const store = services?.files;
  if (!store) return [...fileIds];
  const out: string[] = [];
  for (const id of fileIds) out.push(await store.url(id).catch(() => id));
  return out;
}

export async function card(req: RequestDoc, services: HostServices | undefined) {
  return {
    id: req._id,
    kind: req.kind,
    kindLabel: KIND_LABELS[req.kind],
    category: req.category,
    title: req.title,
    status: req.status,
    statusLabel: STATUS_LABELS[req.status],
    overdue: req.overdue,
    createdAt: req.createdAt,
    unitName: req.unitName,
    county: req.county,
    /** The 先锋岗 it was asked from (「找他办事」), else null. */
    postName: req.post?.name ?? null,
    places: req.places,
    taken: req.taken,
    hours: req.hours,
    photos: await photoUrls(services, req.photos),
  };
}
export type RequestCard = Awaited<ReturnType<typeof card>>;

/** Adds one line to the request's timeline, inside the change's transaction (its id from the cause, so once). */
export async function addEvent(
  tx: Transaction,
  req: Pick<RequestDoc, '_id'>,
  e: { status: RequestStatus; text: string; by: string; photos?: string[]; held?: string[]; heldFor?: string },
  now: number,
  ...cause: string[]
): Promise<void> {
  await tx
    .collection(REQUEST_EVENTS)
    .doc(derivedId('re', req._id, ...cause))
    .set({
      requestId: req._id,
      at: now,
      status: e.status,
      text: e.text,
      by: e.by,
      photos: e.photos ?? [],
      heldPhotos: e.held ?? [],
      heldFor: e.held?.length ? (e.heldFor ?? null) : null,
    });
}

/** A message about the request to one person, inside the change's transaction. */
export async function tell(
  tx: Transaction,
  req: Pick<RequestDoc, '_id' | 'title'>,
  openid: string,
  kind: string,
  title: string,
  body: string,
  now: number,
  ...cause: string[]
): Promise<void> {
  await enqueue(
    tx,
    {
      cause: ['request', req._id, kind, openid, ...cause],
      openid,
      module: 'requests',
      kind: `request.${kind}`,
      title,
      body,
      page: detailPage(req._id),
      refId: req._id,
    },
    now,
  );
}

export const quoteTitle = (req: Pick<RequestDoc, 'title'>) =>
  `「${req.title.length > 20 ? `${req.title.slice(0, 20)}…` : req.title}」`;

/** 「点单「楼道灯坏了」已办结」: a message's title says what happened to which request. */
export const aboutRequest = (req: Pick<RequestDoc, 'title'>, what: string) => `点单${quoteTitle(req)}${what}`;

export { withRole };

/** A claimant as the timeline and messages name them: 「党员王建国」, 「志愿者小张」. */
export const claimantName = (c: { kind: 'member' | 'volunteer'; nickname: string }): string =>
  withRole(c.kind === 'member' ? '党员' : '志愿者', c.nickname);
