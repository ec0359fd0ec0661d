import type { Database, Transaction } from '../db';
import { AppError } from '../core/errors';
import { derivedId } from '../core/ids';
import { enqueue } from '../messages/outbox';
import { adminCounty } from '../org/scope';
import { decrypt } from '../privacy/crypto';
import type { HostServices } from '../core/services';
import type { UserDoc } from '../user/model';
import {
  CLOSED, KIND_LABELS, PHOTOS, REQUESTS, REQUEST_EVENTS, STATUS_LABELS, VOLUNTEERS, detailPage, requestDocSchema,
  type RequestDoc, type RequestStatus,
} from './model';

/** The key of a person's claim in `claims`: a field name whatever the openid holds. */
export const claimKey = (openid: string): string => derivedId('c', openid);

export async function readRequest(db: Pick<Database, 'collection'> | Transaction, id: string): Promise<RequestDoc | null> {
  const parsed = requestDocSchema.safeParse(await db.collection(REQUESTS).doc(id).get());
  return parsed.success ? parsed.data : null;
}

export const notFoundRequest = () => new AppError('NOT_FOUND', '该请求不存在或你无权查看');

/** Photos must be the caller's own uploads (uploadPhoto), never someone else's file id. */
export async function assertOwnPhotos(db: Database, openid: string, fileIds: readonly string[]): Promise<void> {
  for (const fileId of fileIds) {
    const doc = await db.collection(PHOTOS).doc(derivedId('ph', fileId)).get();
    if (!doc || doc.openid !== openid) throw new AppError('INVALID_ARGUMENT', '照片无效，请重新上传', 'photos');
  }
}

export const isParty = (user: UserDoc): boolean => user.role === 'member' || user.role === 'secretary';
export const isResidentOf = (req: RequestDoc, user: UserDoc): boolean => req.openid === user._id;
export const isSecretaryOf = (req: RequestDoc, user: UserDoc): boolean => user.role === 'secretary' && user.branchId === req.unitId;
export const isClaimantOf = (req: RequestDoc, openid: string): boolean => req.claimantIds.includes(openid);

export async function isAdminOver(db: Database, req: RequestDoc, user: UserDoc): Promise<boolean> {
  if (user.role !== 'admin') return false;
  const county = await adminCounty(db, user);
  return county === null || county === req.county;
}

export async function isVolunteer(db: Database, openid: string): Promise<boolean> {
  return (await db.collection(VOLUNTEERS).doc(openid).get()) !== null;
}

/** On the public 心愿墙: a wish its resident let be shown, once the branch has accepted it. */
export const WALL_STATUSES: readonly RequestStatus[] = ['accepted', 'open', 'inProgress', 'finished', 'confirmed'];
export const onWall = (req: RequestDoc): boolean => req.kind === 'wish' && req.publicOnWall && WALL_STATUSES.includes(req.status);

export interface Viewer {
  resident: boolean;
  secretary: boolean;
  admin: boolean;
  claimant: boolean;
  /** A party member or registered volunteer who may claim from the hall. */
  taker: boolean;
}

export async function viewerOf(db: Database, req: RequestDoc, user: UserDoc): Promise<Viewer> {
  return {
    resident: isResidentOf(req, user),
    secretary: isSecretaryOf(req, user),
    admin: await isAdminOver(db, req, user),
    claimant: isClaimantOf(req, user._id),
    taker: isParty(user) || (await isVolunteer(db, user._id)),
  };
}

export const maySee = (req: RequestDoc, v: Viewer): boolean =>
  v.resident || v.secretary || v.admin || v.claimant || (v.taker && req.status === 'open') || onWall(req);

/**
 * The resident's name and phone in clear: to the resident; to the branch's secretary until the request
 * closes; to its claimants while they work on it (open, in progress, awaiting confirmation). Masked for
 * everyone else, county admins included.
 */
export function contactFor(req: RequestDoc, v: Viewer): { name: string; phone: string; masked: boolean } {
  const working = req.status === 'open' || req.status === 'inProgress' || req.status === 'finished';
  const clear = v.resident || (v.secretary && !CLOSED.includes(req.status)) || (v.claimant && working);
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
    places: req.places,
    taken: req.taken,
    hours: req.hours,
    photos: await photoUrls(services, req.photos),
  };
}
export type RequestCard = Awaited<ReturnType<typeof card>>;

/** Adds one line to the request's timeline, inside the change's transaction (its id from the cause, so once). */
export async function addEvent(tx: Transaction, req: Pick<RequestDoc, '_id'>, e: { status: RequestStatus; text: string; by: string; photos?: string[] }, now: number, ...cause: string[]): Promise<void> {
  await tx.collection(REQUEST_EVENTS).doc(derivedId('re', req._id, ...cause)).set({ requestId: req._id, at: now, status: e.status, text: e.text, by: e.by, photos: e.photos ?? [] });
}

/** A message about the request to one person, inside the change's transaction. */
export async function tell(tx: Transaction, req: Pick<RequestDoc, '_id' | 'title'>, openid: string, kind: string, title: string, body: string, now: number, ...cause: string[]): Promise<void> {
  await enqueue(tx, { cause: ['request', req._id, kind, openid, ...cause], openid, module: 'requests', kind: `request.${kind}`, title, body, page: detailPage(req._id), refId: req._id }, now);
}

export const quoteTitle = (req: Pick<RequestDoc, 'title'>) => `「${req.title.length > 20 ? `${req.title.slice(0, 20)}…` : req.title}」`;
