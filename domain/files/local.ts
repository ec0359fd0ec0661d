import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from './port';
import { EXTENSIONS, TYPE_OF_EXTENSION, type ImageType } from './image';
import { LOCAL_FILE_ID, pictureAddress } from './address';

/** Pictures in a folder (`DATA_DIR/files`), written whole (temporary file, fsync, rename) so a crash leaves none half-written. */
export class LocalFileStore implements FileStore {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  async put(bytes: Buffer, contentType: ImageType): Promise<string> {
    const fileId = `${randomBytes(16).toString('hex')}.${EXTENSIONS[contentType]}`;
    const final = path.join(this.dir, fileId);
    const temp = `${final}.tmp`;
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, final);
    return fileId;
  }

  /** Only a well-formed local id gets an address; anything else (a cloud:// id copied here) gets ''. */
  async url(fileId: string): Promise<string> {
    return LOCAL_FILE_ID.test(fileId) ? pictureAddress(fileId) : '';
  }

  async remove(fileId: string): Promise<void> {
    if (!LOCAL_FILE_ID.test(fileId)) return;
    await fs.promises.rm(path.join(this.dir, fileId), { force: true });
  }

  /** The bytes and type of a stored picture; null for anything that is not one (a bad id never reaches the disk). */
  async read(fileId: string): Promise<{ bytes: Buffer; contentType: ImageType } | null> {
    const match = LOCAL_FILE_ID.exec(fileId);
    if (!match) return null;
    try {
      return {
        bytes: await fs.promises.readFile(path.join(this.dir, fileId)),
        contentType: TYPE_OF_EXTENSION[match[1]!]!,
      };
    } catch {
      return null;
    }
  }
}
