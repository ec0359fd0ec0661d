import { randomBytes } from 'node:crypto';
import tcb from '@cloudbase/node-sdk';
import type { FileStore } from './port';
import { EXTENSIONS, type ImageType } from './image';

/**
 * CloudBase storage through the node-sdk: `uploadFile` under `images/`, `getTempFileURL` for a browser.
 * Kept thin on purpose: the CloudBase double in test/support covers only the database, so this adapter
 * is not exercised by the test suites (see the report of issue 12 for what a real environment must check).
 * A mini-program <Image> shows a `cloud://` fileID directly; the console (a browser) needs the temporary URL.
 */
export class CloudBaseFileStore implements FileStore {
  private readonly app: ReturnType<typeof tcb.init>;

  constructor(options: { env?: string } = {}) {
    this.app = tcb.init({ env: options.env ?? tcb.SYMBOL_CURRENT_ENV });
  }

  async put(bytes: Buffer, contentType: ImageType): Promise<string> {
    const cloudPath = `images/${randomBytes(16).toString('hex')}.${EXTENSIONS[contentType]}`;
    const res = await this.app.uploadFile({ cloudPath, fileContent: bytes });
    return res.fileID;
  }

  async remove(fileId: string): Promise<void> {
    if (!fileId.startsWith('cloud://')) return;
    const res = await this.app.deleteFile({ fileList: [fileId] });
    const info = res.fileList[0];
    // A file already gone is no error (the job may run twice); anything else is tried again on the next run.
    if (info && info.code !== 'SUCCESS' && !/NOT_EXIST|NOTEXIST|not exist/i.test(`${info.code}`))
      throw new Error(`deleteFile: ${info.code}`);
  }

  async url(fileId: string): Promise<string> {
    const res = await this.app.getTempFileURL({ fileList: [fileId] });
    const info = res.fileList[0];
    return info && info.code === 'SUCCESS' ? info.tempFileURL : '';
  }
}
