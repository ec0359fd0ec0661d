/**
 * Corruption: start-up never destroys data. A bad line with lines after it, or a damaged snapshot,
 * stops the open with the file and line named and every file byte-for-byte as it was; only a torn
 * last line is cut (and kept aside). `db:repair` moves a bad tail aside on request;
 * `check:invariants` reads a folder without changing it and refuses a corrupt one.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { repairFolder } from '../../../scripts/db-repair';
import { LocalDatabase } from './engine';
import { CorruptDataError, JOURNAL, LOCK, SNAPSHOT } from './journal';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const NODE = process.execPath;
const quiet = { warn: () => {} };
const crc = (text: string) => zlib.crc32(text).toString(16).padStart(8, '0');

/** A folder with five documents in its snapshot and ten one-document commits (j01..j10) in its journal. */
async function folder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corrupt-'));
  let db = LocalDatabase.open(dir, quiet);
  for (let i = 1; i <= 5; i += 1) await db.collection('docs').add({ _id: `s${i}`, text: `快照文档 ${i}` });
  await db.close();
  db = LocalDatabase.open(dir, quiet); // replays the journal into a new snapshot
  for (let i = 1; i <= 10; i += 1)
    await db.collection('docs').add({ _id: `j${String(i).padStart(2, '0')}`, text: `日志文档 ${i}` });
  await db.close();
  return dir;
}

/** Every file in the folder with the sha-256 of its bytes. */
function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

/** Byte offset where 1-based `line` starts. */
function lineStart(buf: Buffer, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i += 1) offset = buf.indexOf(0x0a, offset) + 1;
  return offset;
}

function edit(dir: string, file: string, change: (buf: Buffer) => Buffer): void {
  const p = path.join(dir, file);
  fs.writeFileSync(p, change(fs.readFileSync(p)));
}

function flipByte(buf: Buffer, line: number, at = 5): Buffer {
  const copy = Buffer.from(buf);
  const i = lineStart(buf, line) + at;
  copy[i] = copy[i]! ^ 0x01;
  return copy;
}

async function ids(dir: string): Promise<string[]> {
  const db = LocalDatabase.open(dir, quiet);
  const docs = await db.collection('docs').orderBy('_id', 'asc').limit(1000).get();
  await db.close();
  return docs.map((d) => d._id);
}

const journalIds = (n: number) => Array.from({ length: n }, (_x, i) => `j${String(i + 1).padStart(2, '0')}`);
const snapshotIds = ['s1', 's2', 's3', 's4', 's5'];

function expectRefusedUnchanged(dir: string, file: string, line: number, reason: string): CorruptDataError {
  const before = hashes(dir);
  let error: unknown;
  try {
    LocalDatabase.open(dir, quiet);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CorruptDataError);
  expect((error as Error).message).toContain(`${file} 第 ${line} 行`);
  expect((error as Error).message).toContain(reason);
  expect(hashes(dir)).toEqual(before); // nothing written, not even a LOCK
  expect(fs.existsSync(path.join(dir, LOCK))).toBe(false);
  return error as CorruptDataError;
}

describe('start-up refuses damage it cannot explain, and changes nothing', () => {
  test('a bad byte in the middle of the journal', async () => {
    const dir = await folder();
    edit(dir, JOURNAL, (b) => flipByte(b, 4));
    expectRefusedUnchanged(dir, JOURNAL, 4, '校验和不符');
  });

  test('a bad checksum mid-file', async () => {
    const dir = await folder();
    edit(dir, JOURNAL, (b) => {
      const copy = Buffer.from(b);
      const end = copy.indexOf(0x0a, lineStart(b, 6));
      copy[end - 1] = copy[end - 1] === 0x30 ? 0x31 : 0x30; // last hex digit of line 6's crc
      return copy;
    });
    expectRefusedUnchanged(dir, JOURNAL, 6, '校验和不符');
  });

  test('a line whose checksum holds but which is not JSON, even as the last line', async () => {
    const dir = await folder();
    edit(dir, JOURNAL, (b) => Buffer.concat([b, Buffer.from(`{not json\t${crc('{not json')}\n`)]));
    expectRefusedUnchanged(dir, JOURNAL, 11, '不是有效的 JSON');
    const mid = await folder();
    edit(mid, JOURNAL, (b) =>
      Buffer.concat([
        b.subarray(0, lineStart(b, 3)),
        Buffer.from(`[1,2]\t${crc('[1,2]')}\n`),
        b.subarray(lineStart(b, 3)),
      ]),
    );
    expectRefusedUnchanged(mid, JOURNAL, 3, '内容不是一次提交');
  });

  test('a snapshot with a bad byte, cut short at a line boundary, or cut mid-line', async () => {
    const flipped = await folder();
    edit(flipped, SNAPSHOT, (b) => flipByte(b, 2));
    expectRefusedUnchanged(flipped, SNAPSHOT, 2, '校验和不符');

    const short = await folder();
    edit(short, SNAPSHOT, (b) => b.subarray(0, lineStart(b, 4))); // three whole lines, no end marker
    expectRefusedUnchanged(short, SNAPSHOT, 3, '缺少结尾标记');

    const torn = await folder();
    edit(torn, SNAPSHOT, (b) => b.subarray(0, lineStart(b, 3) + 10));
    expectRefusedUnchanged(torn, SNAPSHOT, 3, '最后一行不完整');

    const recount = await folder();
    edit(recount, SNAPSHOT, (b) => Buffer.concat([b.subarray(0, lineStart(b, 2)), b.subarray(lineStart(b, 3))])); // a whole line gone
    expectRefusedUnchanged(recount, SNAPSHOT, 5, '结尾标记记录 5 个文档，实际 4 个');
  });

  test('a snapshot in the older format (plain JSON lines) is still read', async () => {
    const dir = await folder();
    edit(dir, SNAPSHOT, (b) =>
      Buffer.from(
        b
          .toString('utf8')
          .split('\n')
          .filter((l) => l && !l.startsWith('#end'))
          .map((l) => `${l.slice(0, l.lastIndexOf('\t'))}\n`)
          .join(''),
      ),
    );
    expect(await ids(dir)).toEqual([...journalIds(10), ...snapshotIds]);
  });
});

describe('a torn last line is an unacknowledged tail: cut at start-up, kept aside', () => {
  test.each([
    ['half a line without its newline', (b: Buffer) => Buffer.concat([b, Buffer.from('[["docs","j11",{"_id":"j1')])],
    ['a final line that fails its checksum', (b: Buffer) => flipByte(b, 10)],
    ['zeros where the last line should be', (b: Buffer) => Buffer.concat([b, Buffer.alloc(300)])],
  ])('%s', async (_name, damage) => {
    const dir = await folder();
    const journal = fs.readFileSync(path.join(dir, JOURNAL));
    edit(dir, JOURNAL, damage);
    const damaged = fs.readFileSync(path.join(dir, JOURNAL));
    const expected = damaged.length > journal.length ? journalIds(10) : journalIds(9);
    expect(await ids(dir)).toEqual([...expected, ...snapshotIds]);
    const aside = fs.readdirSync(dir).filter((f) => /^journal\.torn-.*\.log$/.test(f));
    expect(aside).toHaveLength(1);
    const tail = damaged.subarray(damaged.length > journal.length ? journal.length : lineStart(journal, 10));
    expect(fs.readFileSync(path.join(dir, aside[0]!)).equals(tail)).toBe(true);
  });
});

describe('npm run db:repair', () => {
  test('moves everything from the bad line on into journal.bad-<time>.log and says what it moved', async () => {
    const dir = await folder();
    edit(dir, JOURNAL, (b) => flipByte(b, 4));
    const damaged = fs.readFileSync(path.join(dir, JOURNAL));
    const before = hashes(dir);
    const dry = repairFolder(dir, { dryRun: true });
    expect(dry.status).toBe('would-repair');
    expect(hashes(dir)).toEqual(before);

    const report = repairFolder(dir, { now: new Date('2026-11-23T08:30:00Z') });
    expect(report).toMatchObject({ status: 'repaired', movedTo: 'journal.bad-2026-11-23T08-30-00-000Z.log' });
    expect(report.message).toContain('第 4 行');
    expect(report.message).toContain('其后 6 行校验完好');
    const moved = fs.readFileSync(path.join(dir, report.movedTo!));
    expect(Buffer.concat([fs.readFileSync(path.join(dir, JOURNAL)), moved]).equals(damaged)).toBe(true);
    expect(await ids(dir)).toEqual([...journalIds(3), ...snapshotIds]);
    expect(repairFolder(dir).status).toBe('clean');
  });

  test('refuses a corrupt snapshot and a folder in use, changing nothing', async () => {
    const dir = await folder();
    edit(dir, SNAPSHOT, (b) => flipByte(b, 3));
    const before = hashes(dir);
    const report = repairFolder(dir);
    expect(report.status).toBe('refused');
    expect(report.message).toContain(`${SNAPSHOT} 第 3 行`);
    expect(hashes(dir)).toEqual(before);

    const busy = await folder();
    edit(busy, JOURNAL, (b) => flipByte(b, 2));
    fs.writeFileSync(path.join(busy, LOCK), String(process.ppid)); // a live process that is not us
    const held = hashes(busy);
    expect(repairFolder(busy)).toMatchObject({ status: 'refused', message: expect.stringContaining('正被进程') });
    expect(hashes(busy)).toEqual(held);
  });

  test('the command line: exit 0 with the report on stdout', async () => {
    const dir = await folder();
    edit(dir, JOURNAL, (b) => flipByte(b, 8));
    const run = spawnSync(NODE, ['--import', 'tsx', path.join(ROOT, 'scripts', 'db-repair.ts'), dir], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/已把 journal\.log 第 8 行起的 \d+ 字节.*移到 journal\.bad-.*\.log/);
    expect(await ids(dir)).toEqual([...journalIds(7), ...snapshotIds]);
  });
});

describe('npm run check:invariants opens the folder read-only', () => {
  const check = (dir: string) =>
    spawnSync(NODE, ['--import', 'tsx', path.join(ROOT, 'scripts', 'check-invariants.ts'), dir], {
      encoding: 'utf8',
      cwd: ROOT,
    });

  test('a healthy folder with a torn tail and a stale LOCK: checked, and every file unchanged byte-for-byte', async () => {
    const dir = await folder();
    edit(dir, JOURNAL, (b) => Buffer.concat([b, Buffer.from('[["docs","torn"')]));
    fs.writeFileSync(path.join(dir, LOCK), '999999999'); // a process long gone
    const before = hashes(dir);
    const run = check(dir);
    expect(run.stdout).toContain('0 violations');
    expect(run.status).toBe(0);
    expect(hashes(dir)).toEqual(before);
  });

  test('a corrupt folder is refused with the file and line, not reported as 0 violations', async () => {
    const dir = await folder();
    edit(dir, JOURNAL, (b) => flipByte(b, 4));
    const before = hashes(dir);
    const run = check(dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${JOURNAL} 第 4 行`);
    expect(run.stdout).not.toContain('violations');
    expect(hashes(dir)).toEqual(before);
  });
});
