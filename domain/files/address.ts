/**
 * A picture is stored by its file id (local: `<32 hex>.<ext>`; CloudBase: a `cloud://` fileID) and shown by an
 * address. Stored ids last; an address may not (CloudBase's HTTPS ones expire), and the content check, its verdict
 * and the removal of a refused picture all work on the id.
 */

/** A local file id: 32 hex digits and the type's extension, nothing else (so no path can be smuggled in). */
export const LOCAL_FILE_ID = /^[0-9a-f]{32}\.(jpg|png|webp)$/;
const LOCAL_ADDRESS = /^\/files\/([0-9a-f]{32}\.(?:jpg|png|webp))$/;

/**
 * Where a client fetches a stored picture: a local file at `/files/<id>`; a `cloud://` fileID as it is (a
 * mini-program <Image> shows it; the console asks `admin.fileUrls`); anything else (an address an older document
 * kept) as it is.
 */
export const pictureAddress = (stored: string): string => (LOCAL_FILE_ID.test(stored) ? `/files/${stored}` : stored);

/** The file id behind what a form sends back: the address `pictureAddress` gave for a local file, or the id itself. */
export const pictureIdOf = (given: string): string => LOCAL_ADDRESS.exec(given)?.[1] ?? given;

/** A file id of the cloud store: `cloud://<env>.<bucket>/<path>`. */
const CLOUD_FILE_ID = /^cloud:\/\/[^\s/]+\/\S+$/;

/**
 * A picture a form saves: a file this host stored (its id, or the address it was shown by). Anything else — a link
 * to elsewhere — is refused: it would reach residents past the content check.
 */
export const isStoredPicture = (given: string): boolean => {
  const id = pictureIdOf(given);
  return LOCAL_FILE_ID.test(id) || CLOUD_FILE_ID.test(id);
};
