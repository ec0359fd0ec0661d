import type { ImageType } from './image';

/**
 * The one file-storage port. Pictures (goods, stations) go through it; the domain checks type and size
 * before `put`, so a store only keeps bytes.
 * - Local cloud: a folder under DATA_DIR, served at `/files/<fileId>` (domain/files/local.ts).
 * - CloudBase: cloud storage through the node-sdk (domain/files/cloudbase.ts).
 */
export interface FileStore {
  /** Keeps the bytes; answers the new file's id (local: `<32 hex>.<ext>`; CloudBase: a `cloud://` fileID). */
  put(bytes: Buffer, contentType: ImageType): Promise<string>;
  /** Where a browser can fetch it (local: `/files/<id>`; CloudBase: a temporary HTTPS URL). */
  url(fileId: string): Promise<string>;
  /** Removes a stored file; one already gone (or an id that is no file of this store) is no error. */
  remove(fileId: string): Promise<void>;
  /** The stored bytes, where the store can give them (locally: for the local content checker); null when gone. */
  read?(fileId: string): Promise<{ bytes: Buffer } | null>;
}

declare module '../core/services' {
  interface HostServices {
    /** Where pictures go: a folder under DATA_DIR locally, CloudBase storage in the cloud. */
    files?: FileStore;
  }
}
