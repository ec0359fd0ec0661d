import { z } from 'zod';
import type { Database } from '../db';
import { derivedId } from '../core/ids';
import type { HostServices } from '../core/services';
import { pictureIdOf } from '../files';

/**
 * Pictures admins upload for what residents read (goods, stations, vaccination sites) are held until their content
 * check passes: the document keeps showing what it showed (or the default artwork) and holds the new picture in
 * `heldPicture` (one picture) or `heldPictures` (a list). Each held picture has a record in the picture records
 * (`helpPhotos`, the same records as residents' photos — domain/requests' PHOTOS) pointing at its collection,
 * document and field, so the verdict's settlement moves it into place by collection name, without importing the
 * module that owns the document.
 */
export const PICTURE_RECORDS = 'helpPhotos';
/** A picture record's id (the same as domain/requests' photoDocId). */
export const pictureRecordId = (fileId: string): string => derivedId('ph', fileId);

export const pictureTargetSchema = z.object({
  collection: z.string(),
  docId: z.string(),
  field: z.enum(['picture', 'pictures']),
  /** How the admin is told about a refusal: 商品「…」, 驿站「…」, 接种点「…」. */
  label: z.string(),
});
export type PictureTarget = z.infer<typeof pictureTargetSchema>;

const heldField = (field: PictureTarget['field']) => (field === 'picture' ? 'heldPicture' : 'heldPictures');

/** The target a picture record points at, or null (a resident's photo). */
export async function pictureTargetOf(db: Database, recordId: string): Promise<PictureTarget | null> {
  const raw = (await db.collection(PICTURE_RECORDS).doc(recordId).get()) as { target?: unknown } | null;
  const t = pictureTargetSchema.safeParse(raw?.target);
  return t.success ? t.data : null;
}

/**
 * Splits the pictures an admin saves: those the document already shows stay shown, the rest are new and go to the
 * checker. A picture already held stays held until its verdict, whatever the save says (a form that does not know
 * about it sends only what is shown), and is not asked again.
 */
export function sortPictures(wanted: string[], shown: string[], held: string[]) {
  const kept = wanted.filter((f) => shown.includes(f));
  const fresh = wanted.filter((f) => !shown.includes(f) && !held.includes(f));
  return { shown: kept, held: held.filter((f) => !kept.includes(f)), fresh };
}

/**
 * Sends new pictures to the checker (scene 资料) and records each as held for the target. Without a checker (a host
 * that lends none) they count as passed: answered in `passed`, for the caller to show at once.
 */
export async function submitHeldPictures(
  db: Database,
  services: HostServices | undefined,
  fileIds: string[],
  who: { openid: string; target: PictureTarget },
  now: number,
): Promise<{ passed: string[] }> {
  const checker = services?.content;
  if (!checker) return { passed: fileIds };
  for (const fileId of fileIds) {
    const url = (await services?.files?.url(fileId)) ?? '';
    const bytes = (await services?.files?.read?.(fileId))?.bytes;
    const { traceId } = await checker.submitPicture({ fileId, url, openid: who.openid, scene: 'profile', bytes });
    await db.collection(PICTURE_RECORDS).doc(pictureRecordId(fileId)).set({
      openid: who.openid,
      fileId,
      at: now,
      state: 'used',
      check: 'pending',
      traceId,
      checkAt: now,
      checks: 1,
      target: who.target,
    });
  }
  return { passed: [] };
}

/**
 * Moves a decided held picture on its target: into the shown field when it passed, out of the held one either way.
 * Answers whether the target uses the picture afterwards: false when it was replaced while it waited (or the document
 * is gone), so the caller removes the file rather than leave it unreferenced.
 */
export async function settleHeldPicture(
  db: Database,
  target: PictureTarget,
  fileId: string,
  pass: boolean,
  attempts: number,
): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const doc = (await tx.collection(target.collection).doc(target.docId).get()) as Record<string, unknown> | null;
    if (!doc) return false;
    const held = heldField(target.field);
    if (target.field === 'picture') {
      if (doc[held] !== fileId) return doc.picture === fileId;
      await tx
        .collection(target.collection)
        .doc(target.docId)
        .update(pass ? { picture: fileId, [held]: null } : { [held]: null });
      return pass;
    }
    const heldList = picturesOf({ pictures: doc[held] });
    const shownList = picturesOf(doc);
    if (!heldList.includes(fileId)) return shownList.includes(fileId);
    const shown = shownList.filter((f) => f !== fileId);
    await tx
      .collection(target.collection)
      .doc(target.docId)
      .update({ pictures: pass ? [...shown, fileId] : shown, [held]: heldList.filter((f) => f !== fileId) });
    return pass;
  }, attempts);
}

/** The pictures a document shows now (its `pictures` list), for a save that leaves them as they are. */
export const picturesOf = (doc: { pictures?: unknown } | null): string[] =>
  Array.isArray(doc?.pictures) ? doc.pictures.filter((x): x is string => typeof x === 'string') : [];

/**
 * How many new pictures of a station or site wait for their check, for an admin reading it (the console marks the
 * row); nothing for anyone else.
 */
export const waitingPictures = (user: { role: string } | null, held: unknown): { picturesWaiting?: number } =>
  user?.role === 'admin' ? { picturesWaiting: picturesOf({ pictures: held }).length } : {};

/**
 * Where the pictures an admin saves go: shown (already passed), held (new, or still waiting) and which of them are
 * new, to submit after the document is written. Without a checker every picture is shown as given.
 */
export function placePictures(
  services: HostServices | undefined,
  given: string[],
  before: { pictures?: unknown; heldPictures?: unknown } | null,
) {
  // Stored by file id, whatever the form sent back (the address it was shown, or the id).
  const wanted = [...new Set(given.map(pictureIdOf))];
  if (!services?.content) return { pictures: wanted, heldPictures: [] as string[], fresh: [] as string[] };
  const sorted = sortPictures(
    wanted,
    picturesOf(before).map(pictureIdOf),
    picturesOf({ pictures: before?.heldPictures }).map(pictureIdOf),
  );
  return { pictures: sorted.shown, heldPictures: [...sorted.held, ...sorted.fresh], fresh: sorted.fresh };
}
