/**
 * A real full disk: a 256 KB tmpfs mounted for this file (the machine must allow `mount`; where it
 * does not, the test is skipped and says why). The disk fills up, space is freed, the engine restarts
 * on a nearly full disk: every acknowledged write is there each time, no refused one is.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DbError } from '../types';
import { LocalDatabase } from './engine';
import { JOURNAL } from './journal';

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'smalldisk-'));
const attempt = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint], { encoding: 'utf8' });
const mounted = attempt.status === 0;
if (!mounted) {
  console.log(
    `small-disk test skipped: mounting a tmpfs is not permitted here (${(attempt.stderr || attempt.error?.message || `status ${attempt.status}`).trim()})`,
  );
}

afterAll(() => {
  if (mounted && spawnSync('umount', [mountPoint]).status !== 0) spawnSync('umount', ['-l', mountPoint]);
  fs.rmSync(mountPoint, { recursive: true, force: true });
});

const quiet = { warn: () => {} };
const payload = 'x'.repeat(1000);

(mounted ? test : test.skip)(
  'on a full 256 KB disk: writes are refused, not lost; they resume once space is freed; restarts keep everything',
  async () => {
    const filler = path.join(mountPoint, 'filler');
    fs.writeFileSync(filler, Buffer.alloc(96 * 1024));
    const dir = path.join(mountPoint, 'data');
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const write = async (db: LocalDatabase, id: string) => {
      try {
        await db.collection('docs').add({ _id: id, payload });
        acknowledged.push(id);
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(DbError);
        expect(error).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringContaining('存储空间不足') });
        refused.push(id);
        return false;
      }
    };

    // Fill the disk (a compaction is attempted along the way and fails for want of space: tolerated).
    let db = LocalDatabase.open(dir, { ...quiet, compactAtBytes: 64 * 1024 });
    for (let i = 0; i < 1000 && refused.length < 5; i += 1) await write(db, `fill-${i}`);
    expect(refused.length).toBe(5);
    expect(acknowledged.length).toBeGreaterThan(50);
    // Reads go on; the journal ends on a whole line.
    expect(await db.collection('docs').count()).toBe(acknowledged.length);
    expect(fs.readFileSync(path.join(dir, JOURNAL)).at(-1)).toBe(0x0a);

    // Space returns: the next 50 writes are all acknowledged.
    fs.rmSync(filler);
    for (let i = 0; i < 50; i += 1) expect(await write(db, `after-${i}`)).toBe(true);
    await db.close();

    // Fill it up again, then restart twice on the nearly full disk.
    db = LocalDatabase.open(dir, { ...quiet, compactAtBytes: 64 * 1024 });
    for (let i = 0; i < 1000 && refused.length < 10; i += 1) await write(db, `again-${i}`);
    await db.close();
    for (let restart = 0; restart < 2; restart += 1) {
      db = LocalDatabase.open(dir, quiet);
      const ids = (await db.collection('docs').orderBy('_id', 'asc').limit(1000).get()).map((d) => d._id);
      expect(ids).toEqual([...acknowledged].sort());
      await db.close();
    }
  },
);
