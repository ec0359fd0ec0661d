import fs from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers';
import zlib from 'node:zlib';
import type { Doc } from '../types';

/** One committed write: the full post-image of a document, or null when it was removed. */
export type Write = [collection: string, id: string, doc: Doc | null];

const SNAPSHOT = 'snapshot.jsonl';
const JOURNAL = 'journal.log';
const LOCK = 'LOCK';

function checksum(text: string): string {
  return zlib.crc32(text).toString(16).padStart(8, '0');
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The durable side of the local engine: a snapshot plus an append-only journal.
 * Each commit is one journal line `json<TAB>crc32` written and fdatasync'ed before the
 * commit is applied in memory, so after a `kill -9` a commit is either whole or absent:
 * a torn last line fails its checksum and is cut off (rolled back) at start-up.
 */
export class Journal {
  private fd: number | null = null;
  private bytes = 0;
  /** Appended but not yet fdatasync'ed. */
  private dirty = false;
  private waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    readonly dir: string,
    private readonly compactAtBytes = 32 * 1024 * 1024,
  ) {}

  /** Takes the folder's lock, then streams every stored write (snapshot, then journal) to `apply`. */
  open(apply: (write: Write) => void): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.lock();
    const snapshotPath = path.join(this.dir, SNAPSHOT);
    if (fs.existsSync(snapshotPath)) {
      for (const line of fs.readFileSync(snapshotPath, 'utf8').split('\n')) {
        if (line) apply(JSON.parse(line) as Write);
      }
    }
    const journalPath = path.join(this.dir, JOURNAL);
    let replayed = 0;
    if (fs.existsSync(journalPath)) {
      const text = fs.readFileSync(journalPath, 'utf8');
      let offset = 0;
      while (offset < text.length) {
        const end = text.indexOf('\n', offset);
        if (end < 0) break; // torn tail: never acknowledged
        const line = text.slice(offset, end);
        const tab = line.lastIndexOf('\t');
        const body = tab < 0 ? '' : line.slice(0, tab);
        if (tab < 0 || checksum(body) !== line.slice(tab + 1)) break;
        for (const write of JSON.parse(body) as Write[]) apply(write);
        offset = end + 1;
        replayed += 1;
      }
      if (offset < text.length) {
        fs.truncateSync(journalPath, Buffer.byteLength(text.slice(0, offset)));
      }
    }
    this.fd = fs.openSync(journalPath, 'a', 0o600);
    this.bytes = fs.fstatSync(this.fd).size;
    this.replayedAtOpen = replayed;
  }

  replayedAtOpen = 0;

  /**
   * Appends one commit (written, not yet synced). Throws, and nothing is applied, if the disk
   * refuses it. `sync()` makes it durable: callers answer no one before that resolves.
   */
  append(writes: Write[]): void {
    if (this.fd === null) throw new Error('journal closed');
    const body = JSON.stringify(writes);
    const line = `${body}\t${checksum(body)}\n`;
    const fault = process.env.LOCALDB_FAULT;
    if (fault === 'torn-commit' && writes.length > 1) {
      // Test hook: die half way through a multi-document commit, as a kill -9 would.
      fs.writeSync(this.fd, line.slice(0, Math.floor(line.length / 2)));
      fs.fdatasyncSync(this.fd);
      process.kill(process.pid, 'SIGKILL');
    }
    fs.writeSync(this.fd, line);
    this.dirty = true;
    this.bytes += Buffer.byteLength(line);
  }

  /**
   * Resolves once everything appended so far is on disk. Commits that arrive in the same turn of
   * the event loop share one fdatasync (group commit); the journal's order keeps it all-or-prefix.
   */
  sync(): Promise<void> {
    if (!this.dirty && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const waiting = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    if (this.dirty && this.fd !== null) {
      this.dirty = false;
      fs.fdatasyncSync(this.fd);
    }
    for (const resolve of waiting) resolve();
  }

  get needsCompaction(): boolean {
    return this.bytes > this.compactAtBytes;
  }

  /** Writes every live document to a new snapshot (atomically, by rename), then empties the journal. */
  compact(all: Iterable<Write>): void {
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      let chunk = '';
      for (const write of all) {
        chunk += JSON.stringify(write) + '\n';
        if (chunk.length > 1 << 20) {
          fs.writeSync(fd, chunk);
          chunk = '';
        }
      }
      if (chunk) fs.writeSync(fd, chunk);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
    fsyncDir(this.dir);
    // A crash here replays the journal over a snapshot that already holds it: same end state.
    if (this.fd !== null) fs.ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  close(): void {
    this.flush();
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
    const lockPath = path.join(this.dir, LOCK);
    if (fs.existsSync(lockPath) && fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.rmSync(lockPath);
  }

  /** One process per data folder: a live owner's pid in LOCK refuses a second opener. */
  private lock(): void {
    const lockPath = path.join(this.dir, LOCK);
    if (fs.existsSync(lockPath)) {
      const owner = Number(fs.readFileSync(lockPath, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(`数据目录 ${this.dir} 正被进程 ${owner} 使用`);
      }
    }
    fs.writeFileSync(lockPath, String(process.pid), { mode: 0o600 });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
