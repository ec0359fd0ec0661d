/**
 * The content check of the photos people upload for 点单 (domain/content): a photo is held — shown to its uploader
 * only, marked 审核中 — until its verdict arrives; then it joins what everyone sees (`photos`) or, refused, is removed
 * (file and every reference) and its uploader told by a 消息. A verdict that never comes is asked for again by the
 * hourly `purgePhotos` job (`recheckPictures`), at most PICTURE_RECHECKS times (a setting, default 3); one still without
 * a verdict after the last is treated as refused for want of a verdict: removed, and its uploader told it could not be
 * checked.
 *
 * A verdict is applied in two steps: (1) a transaction on the photo's record marks it passed or rejected (and, when
 * rejected, writes the message) — an ask, progress or finish attaching the photo reads that record in its own
 * transaction, so it sees either the verdict or nothing; (2) afterwards every request and timeline line that holds the
 * photo is moved on, and the record marked `settled`. A process that dies between the two leaves an unsettled record,
 * which the job settles.
 */
import type { Database } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { setting } from '../core/config';
import type { HostServices } from '../core/services';
import { enqueue } from '../messages';
import {
  REFUSAL_KINDS,
  pictureTargetOf,
  settleHeldPicture,
  type PictureTarget,
  type PictureVerdict,
  type RefusalKind,
} from '../content';
import {
  PHOTOS,
  PHOTO_QUOTAS,
  PICTURE_RECHECK_MS,
  REQUESTS,
  REQUEST_EVENTS,
  detailPage,
  eventDocSchema,
  photoDocSchema,
  type PhotoDoc,
} from './model';
import { quoteTitle, readRequest } from './present';

/** What a new upload's record holds about its check. */
export interface PhotoCheck {
  check: 'pending' | 'passed';
  traceId: string | null;
  checkAt: number | null;
  checks: number;
}

/**
 * Starts a photo's check with the host's checker (scene 论坛: a 点单 is a post others read). Without a checker (a host
 * that lends none: suites about something else) a photo counts as passed; the local cloud and CloudBase lend one.
 */
export async function submitPhoto(
  services: HostServices | undefined,
  photo: { fileId: string; bytes: Buffer; openid: string },
  now: number | null = null,
): Promise<PhotoCheck> {
  const checker = services?.content;
  if (!checker) return { check: 'passed', traceId: null, checkAt: null, checks: 0 };
  const url = (await services?.files?.url(photo.fileId)) ?? '';
  const { traceId } = await checker.submitPicture({
    fileId: photo.fileId,
    url,
    openid: photo.openid,
    scene: 'forum',
    bytes: photo.bytes,
  });
  return { check: 'pending', traceId, checkAt: now, checks: 1 };
}

/** An upload whose check could not start: its place in the day's count is given back. */
export async function giveBackPhoto(db: Database, quotaId: string): Promise<void> {
  await db.runTransaction(async (tx) => {
    const quota = await tx.collection(PHOTO_QUOTAS).doc(quotaId).get();
    const used = typeof quota?.count === 'number' ? quota.count : 0;
    // The day's first upload leaves no counter behind: a refused upload writes nothing.
    if (used > 1)
      await tx
        .collection(PHOTO_QUOTAS)
        .doc(quotaId)
        .update({ count: used - 1 });
    else if (quota) await tx.collection(PHOTO_QUOTAS).doc(quotaId).remove();
  }, TX_ATTEMPTS);
}

const kindOf = (kind: string | null | undefined): RefusalKind =>
  kind && Object.hasOwn(REFUSAL_KINDS, kind) ? (kind as RefusalKind) : 'other';

/** The records that use a photo: requests and timeline lines holding it (held or, defensively, shown). */
async function usersOf(db: Database, fileId: string) {
  const requests = new Set<string>();
  const events = new Set<string>();
  for (const field of ['heldPhotos', 'photos'] as const) {
    for (const d of await db
      .collection(REQUESTS)
      .where({ [field]: fileId })
      .limit(100)
      .get())
      requests.add(String(d._id));
    for (const d of await db
      .collection(REQUEST_EVENTS)
      .where({ [field]: fileId })
      .limit(100)
      .get())
      events.add(String(d._id));
  }
  return { requests: [...requests], events: [...events] };
}

const moved = (list: unknown, fileId: string): string[] =>
  (Array.isArray(list) ? list : []).filter((x): x is string => typeof x === 'string' && x !== fileId);

/** Step 2: carries a decided photo's verdict to everything that uses it; then the record is settled. */
async function settle(db: Database, photo: PhotoDoc, services: HostServices | undefined): Promise<void> {
  const { fileId } = photo;
  const pass = photo.check === 'passed';
  // An admin's picture for goods, a station or a site: moved on its own document, by collection name.
  const target = await pictureTargetOf(db, photo._id);
  // A picture replaced while it waited is used by nothing: its file goes, as a refused one's does.
  const used = target ? await settleHeldPicture(db, target, fileId, pass, TX_ATTEMPTS) : true;
  const users = target ? { requests: [], events: [] } : await usersOf(db, fileId);
  for (const id of users.requests)
    await db.runTransaction(async (tx) => {
      const req = await readRequest(tx, id);
      const heldPhotos = req?.heldPhotos ?? [];
      if (!req || (!heldPhotos.includes(fileId) && (pass || !req.photos.includes(fileId)))) return;
      const photos = moved(req.photos, fileId);
      await tx
        .collection(REQUESTS)
        .doc(id)
        .update({ photos: pass ? [...photos, fileId] : photos, heldPhotos: moved(heldPhotos, fileId) });
    }, TX_ATTEMPTS);
  for (const id of users.events)
    await db.runTransaction(async (tx) => {
      const e = eventDocSchema.safeParse(await tx.collection(REQUEST_EVENTS).doc(id).get());
      if (!e.success || (!e.data.heldPhotos.includes(fileId) && (pass || !e.data.photos.includes(fileId)))) return;
      const photos = moved(e.data.photos, fileId);
      const heldPhotos = moved(e.data.heldPhotos, fileId);
      await tx
        .collection(REQUEST_EVENTS)
        .doc(id)
        .update({
          photos: pass ? [...photos, fileId] : photos,
          heldPhotos,
          heldFor: heldPhotos.length ? e.data.heldFor : null,
        });
    }, TX_ATTEMPTS);
  if (!pass || !used) await services?.files?.remove(fileId);
  await db.collection(PHOTOS).doc(photo._id).update({ settled: true });
}

/**
 * A picture's verdict, from WeChat's pushed `wxa_media_check` (the `requests` function's entry) or the local checker
 * (the local cloud, after a request answered). Matched to the file by its trace id only: an unknown, stale or repeated
 * one changes nothing. Answers whether it matched.
 */
export async function applyPictureVerdict(
  db: Database,
  verdict: PictureVerdict,
  now: number,
  services?: HostServices,
): Promise<{ matched: boolean }> {
  const found = await db.collection(PHOTOS).where({ traceId: verdict.traceId }).limit(1).get();
  const first = photoDocSchema.safeParse(found[0]);
  if (!first.success) return { matched: false };
  // Which 点单 already holds it, if one does: the refusal's message opens it.
  const target = verdict.pass ? null : await pictureTargetOf(db, first.data._id);
  const holder =
    verdict.pass || target
      ? undefined
      : (await db.collection(REQUESTS).where({ heldPhotos: first.data.fileId }).limit(1).get())[0];
  const decided = await db.runTransaction(async (tx) => {
    const current = photoDocSchema.safeParse(await tx.collection(PHOTOS).doc(first.data._id).get());
    if (!current.success || current.data.check !== 'pending' || current.data.traceId !== verdict.traceId) return null;
    const kind = verdict.pass ? null : (verdict.kind ?? 'other');
    // A refused one goes back to `new`: nothing may attach it any more, and the purge job drops its record after a day.
    const check = verdict.pass ? ('passed' as const) : ('rejected' as const);
    const update: Record<string, string | boolean | null> = { check, kind, settled: false };
    if (!verdict.pass) update.state = 'new';
    await tx.collection(PHOTOS).doc(current.data._id).update(update);
    if (!verdict.pass && target)
      await enqueue(
        tx,
        adminNotice(
          target,
          current.data.openid,
          ['picture', verdict.traceId],
          `含有${REFUSAL_KINDS[kindOf(kind)]}内容`,
        ),
        now,
      );
    else if (!verdict.pass) {
      const req = holder ? await readRequest(tx, String(holder._id)) : null;
      await enqueue(
        tx,
        {
          cause: ['picture', verdict.traceId],
          openid: current.data.openid,
          module: 'requests',
          kind: 'request.photoRejected',
          title: '照片未通过审核',
          body: `你${req ? `为${quoteTitle(req)}` : ''}上传的一张照片含有${REFUSAL_KINDS[kindOf(kind)]}内容，已删除，其他人看不到`,
          page: req ? detailPage(req._id) : null,
          refId: req?._id ?? null,
        },
        now,
      );
    }
    return { ...current.data, check, kind, settled: false };
  }, TX_ATTEMPTS);
  if (decided) await settle(db, decided, services);
  return { matched: true };
}

/** The 消息 to the admin whose picture for goods, a station or a site was refused (or never checked). */
function adminNotice(target: PictureTarget, openid: string, cause: string[], why: string) {
  return {
    cause,
    openid,
    // Sent as residents' refused photos are (the same subscribe template).
    module: 'requests' as const,
    kind: 'request.photoRejected',
    title: '图片未通过审核',
    body: `你为${target.label}上传的一张图片${why}，已删除，居民看不到，请换一张重新上传`,
    page: null,
    refId: target.docId,
  };
}

/** The kind stored on a picture removed because no verdict ever came (not one of WeChat's kinds). */
export const UNCHECKED = 'unchecked';

/**
 * A picture asked about PICTURE_RECHECKS times after its first check, still without a verdict: refused for want of
 * one, as a refusal is (in a transaction on its record, which the late verdict of its last ask would also need, with
 * a 消息 to its uploader), then carried everywhere it is used. Answers whether it was this call that decided it.
 */
async function giveUp(db: Database, photo: PhotoDoc, now: number, services: HostServices | undefined) {
  const target = await pictureTargetOf(db, photo._id);
  const holder = target
    ? undefined
    : (await db.collection(REQUESTS).where({ heldPhotos: photo.fileId }).limit(1).get())[0];
  const decided = await db.runTransaction(async (tx) => {
    const current = photoDocSchema.safeParse(await tx.collection(PHOTOS).doc(photo._id).get());
    if (!current.success || current.data.check !== 'pending' || current.data.traceId !== photo.traceId) return null;
    const update = { check: 'rejected' as const, kind: UNCHECKED, settled: false, state: 'new' as const };
    await tx.collection(PHOTOS).doc(photo._id).update(update);
    if (target) {
      await enqueue(
        tx,
        adminNotice(target, current.data.openid, ['picture-unchecked', photo._id], '多次送审都没有得到结果'),
        now,
      );
      return { ...current.data, ...update };
    }
    const req = holder ? await readRequest(tx, String(holder._id)) : null;
    await enqueue(
      tx,
      {
        cause: ['picture-unchecked', photo._id],
        openid: current.data.openid,
        module: 'requests',
        kind: 'request.photoRejected',
        title: '照片未能完成审核',
        body: `你${req ? `为${quoteTitle(req)}` : ''}上传的一张照片多次送审都没有得到结果，已删除，其他人看不到，请换一张重新上传`,
        page: req ? detailPage(req._id) : null,
        refId: req?._id ?? null,
      },
      now,
    );
    return { ...current.data, ...update };
  }, TX_ATTEMPTS);
  if (decided) await settle(db, decided, services);
  return decided !== null;
}

/** Pictures looked at per run: bounded, the rest wait for the next tick. */
const RECHECK_BATCH = 50;

/**
 * Part of the hourly `purgePhotos`: a picture still pending PICTURE_RECHECK_MS after its check was asked for is asked
 * again (a new trace id; a late answer to the old one then changes nothing) — up to PICTURE_RECHECKS times; after
 * that it is removed as unchecked (`giveUp`) — and a decided one whose step 2 did not finish is settled. Without a
 * checker nothing is asked again.
 */
export async function recheckPictures(
  db: Database,
  now: number,
  services?: HostServices,
): Promise<{ rechecked: number; settled: number; unchecked: number }> {
  const _ = db.command;
  let rechecked = 0;
  let settledCount = 0;
  let unchecked = 0;
  const maxRechecks = setting('PICTURE_RECHECKS');
  const checker = services?.content;
  if (checker) {
    const stale = await db
      .collection(PHOTOS)
      .where({ check: 'pending', checkAt: _.lt(now - PICTURE_RECHECK_MS) })
      .orderBy('checkAt', 'asc')
      .limit(RECHECK_BATCH)
      .get();
    for (const doc of stale) {
      const photo = photoDocSchema.safeParse(doc);
      if (!photo.success) continue;
      // The first check and every re-ask count: past the allowance the picture is given up.
      if ((photo.data.checks ?? 1) - 1 >= maxRechecks) {
        try {
          if (await giveUp(db, photo.data, now, services)) unchecked += 1;
        } catch {
          // Looked at again on the next run.
        }
        continue;
      }
      try {
        const url = (await services?.files?.url(photo.data.fileId)) ?? '';
        const { traceId } = await checker.submitPicture({
          fileId: photo.data.fileId,
          url,
          openid: photo.data.openid,
          scene: 'forum',
        });
        const renewed = await db.runTransaction(async (tx) => {
          const current = photoDocSchema.safeParse(await tx.collection(PHOTOS).doc(photo.data._id).get());
          if (!current.success || current.data.check !== 'pending') return false;
          await tx
            .collection(PHOTOS)
            .doc(photo.data._id)
            .update({ traceId, checkAt: now, checks: (current.data.checks ?? 1) + 1 });
          return true;
        }, TX_ATTEMPTS);
        if (renewed) rechecked += 1;
      } catch {
        // WeChat unavailable: asked again on the next run; the picture stays held meanwhile.
      }
    }
  }
  const unsettled = await db.collection(PHOTOS).where({ settled: false }).limit(RECHECK_BATCH).get();
  for (const doc of unsettled) {
    const photo = photoDocSchema.safeParse(doc);
    if (!photo.success || photo.data.check === 'pending') continue;
    try {
      await settle(db, photo.data, services);
      settledCount += 1;
    } catch {
      // Looked at again on the next run.
    }
  }
  return { rechecked, settled: settledCount, unchecked };
}
