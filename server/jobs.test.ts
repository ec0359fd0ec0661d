/** The local cloud's timer: every function's jobs on an interval, lent the host's file store as the functions are. */
import path from 'node:path';
import { LocalFileStore } from '../domain/files/local';
import { seededWorld } from '../test/support/functions';
import { uploadPhoto, type Call } from '../test/support/requests-flow';
import { startJobs } from './jobs';

test("the jobs get the data folder's file store: an upload nobody used is removed a day later", async () => {
  const w = await seededWorld();
  const files = new LocalFileStore(path.join(w.dir, 'files'));
  try {
    const fileId = await uploadPhoto(
      ((fn: string, event: object, openid: string | null) => w.call(fn, event, openid)) as Call,
      'demo-resident',
    );
    expect(await files.read(fileId)).not.toBeNull();
    // Two days on, on a short interval; the job's own batches are bounded, one run is enough.
    const stop = startJobs(w.db, 20, () => w.now + 2 * 86_400_000, { files });
    for (let i = 0; i < 200 && (await files.read(fileId)) !== null; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await stop();
    expect(await files.read(fileId)).toBeNull();
  } finally {
    await w.db.close();
  }
});
