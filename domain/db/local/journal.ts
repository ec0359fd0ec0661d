import nodeFs from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers';
import zlib from 'node:zlib';
import { clock } from '../../core/clock';
import { setting } from '../../core/config';
import { DbError, type Doc } from '../types';

/** One committed write: the full post-image of a document, or null when it was removed. */
export type Write = [collection: string, id: string, doc: Doc | null];

export const SNAPSHOT = 'snapshot.jsonl';
export const JOURNAL = 'journal.log';
export const LOCK = 'LOCK';
/** The snapshot's last line: without it (and the right count) a snapshot is incomplete. */
const SNAPSHOT_END = '#end';

/**
 * Every file call the journal makes. node:fs by default; the disk-fault tests pass a stand-in
 * that fails or shortens writes and syncs at chosen points.
 */
export interface JournalFs {
  openSync(file: string, flags: string | number, mode?: number): number;
  closeSync(fd: number): void;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  fdatasyncSync(fd: number): void;
  /** The group commit's fdatasync, on libuv's thread pool: the event loop serves requests meanwhile. */
  fdatasync(fd: number, callback: (error: NodeJS.ErrnoException | null) => void): void;
  fsyncSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  readFileSync(file: string): Buffer;
  writeFileSync(file: string, data: string, options: { mode: number }): void;
  existsSync(file: string): boolean;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  mkdirSync(dir: string, options: { recursive: true; mode: number }): unknown;
}

export interface JournalOptions {
  fs?: JournalFs;
  /** Reads the folder without taking its LOCK, cutting anything or writing anything. */
  readOnly?: boolean;
  compactAtBytes?: number;
  /** Where a tolerated failure (a compaction that could not be written) is reported. */
  warn?: (message: string) => void;
}

function checksum(data: string | Uint8Array): string {
  return zlib.crc32(data).toString(16).padStart(8, '0');
}

/** A stored file that start-up will not interpret: names the file and the 1-based line. */
export class CorruptDataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    hint: string,
    dir?: string,
  ) {
    super(
      `数据文件损坏：${dir ? path.join(dir, file) : file} 第 ${line} 行（${reason}）。已停止，所有文件保持原样。${hint}`,
    );
    this.name = 'CorruptDataError';
  }
}

const JOURNAL_HINT = '请先备份整个数据目录，再用 npm run db:repair -- <目录> 把损坏处及其后的内容移到一旁。';
const SNAPSHOT_HINT = '快照无法自动修复，请从备份恢复该目录。';

/** An errno-like failure for a write that made no progress: on a disk, that means it is full. */
function shortWrite(): NodeJS.ErrnoException {
  return Object.assign(new Error('short write made no progress'), { code: 'ENOSPC' });
}

/** Writes all of `data` at `position`, looping on short writes; throws if the disk stops taking bytes. */
export function writeFully(fs: JournalFs, fd: number, data: Uint8Array, position: number): void {
  let done = 0;
  while (done < data.length) {
    const n = fs.writeSync(fd, data, done, data.length - done, position + done);
    if (!(n > 0)) throw shortWrite();
    done += n;
  }
}

/** The engine-level error a failed write or sync becomes: the router answers its message as is. */
export function storageError(error: unknown): DbError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new DbError('STORAGE_FULL', '存储空间不足，本次操作未保存，请稍后再试');
  }
  return new DbError('STORAGE_FAILED', '存储写入失败，本次操作未保存，请稍后再试');
}

export function fsyncDir(fs: JournalFs, dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A stored write's shape, checked by hand rather than with a schema: it runs once per stored document
 * at every start-up, and a zod parse per document doubled the start-up time at 100,000 documents.
 */
function asWrite(value: unknown): Write | null {
  if (!Array.isArray(value) || value.length !== 3) return null;
  const [collection, id, doc] = value as unknown[];
  if (typeof collection !== 'string' || collection === '' || typeof id !== 'string' || id === '') return null;
  if (doc === null) return [collection, id, null];
  if (typeof doc !== 'object' || Array.isArray(doc) || (doc as { _id?: unknown })._id !== id) return null;
  return value as Write;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Splits a buffer into lines with their byte offsets; `complete` is false for a last line without '\n'. */
function* lines(buf: Buffer): Generator<{ start: number; end: number; complete: boolean; number: number }> {
  let start = 0;
  let number = 1;
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start);
    if (nl < 0) {
      yield { start, end: buf.length, complete: false, number };
      return;
    }
    yield { start, end: nl, complete: true, number };
    start = nl + 1;
    number += 1;
  }
}

/** Splits `body<TAB>crc` and checks the crc over the body's bytes (without a string per check: start-up speed). */
function checkedBody(line: Buffer): string | null {
  const tab = line.lastIndexOf(0x09);
  if (tab < 0 || line.length - tab - 1 !== 8) return null;
  let stored = 0;
  for (let i = tab + 1; i < line.length; i += 1) {
    const c = line[i]!;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) return null;
    stored = stored * 16 + digit;
  }
  return zlib.crc32(line.subarray(0, tab)) === stored ? line.toString('utf8', 0, tab) : null;
}

/**
 * Reads a snapshot, throwing CorruptDataError at the first line it cannot trust. A snapshot is
 * only ever put in place whole (written aside, fsync'ed, renamed), so anything wrong in it is damage.
 * Format: `json<TAB>crc` per document, then `#end<TAB>count`. Older snapshots (plain JSON lines,
 * no footer) are still read.
 */
export function readSnapshot(buf: Buffer, apply: (write: Write) => void, dir?: string): number {
  const bad = (line: number, reason: string) => new CorruptDataError(SNAPSHOT, line, reason, SNAPSHOT_HINT, dir);
  if (buf.length === 0) return 0;
  const firstLine = buf.subarray(0, Math.max(0, buf.indexOf(0x0a)));
  const legacy = !firstLine.includes(0x09);
  let count = 0;
  let ended = false;
  let lastLine = 0;
  for (const { start, end, complete, number } of lines(buf)) {
    lastLine = number;
    if (!complete) throw bad(number, '最后一行不完整');
    if (ended) throw bad(number, '结尾标记之后还有内容');
    const raw = buf.subarray(start, end);
    // Only the footer starts with '#' (a document line starts with '['): no string per line to find it.
    if (!legacy && raw[0] === 0x23 && raw.toString('latin1').startsWith(`${SNAPSHOT_END}\t`)) {
      const declared = Number(raw.toString('latin1').slice(SNAPSHOT_END.length + 1));
      if (declared !== count) throw bad(number, `结尾标记记录 ${declared} 个文档，实际 ${count} 个`);
      ended = true;
      continue;
    }
    const body = legacy ? raw.toString('utf8') : checkedBody(raw);
    if (body === null) throw bad(number, '校验和不符');
    const json = parseJson(body);
    const write = json.ok ? asWrite(json.value) : null;
    if (!write) throw bad(number, json.ok ? '内容不是一条文档记录' : '不是有效的 JSON');
    apply(write);
    count += 1;
  }
  if (!legacy && !ended) throw bad(lastLine, '快照不完整：缺少结尾标记');
  return count;
}

/** What a journal holds: its whole, valid lines, and what follows them if anything. */
export interface JournalScan {
  /** Byte length of the valid lines at the start. */
  goodBytes: number;
  goodLines: number;
  commits: Write[][];
  tail: null | {
    /** 1-based number of the first line that is not valid. */
    line: number;
    offset: number;
    bytes: number;
    reason: string;
    /**
     * True when only the last line is bad and it fails its checksum (or has no newline): that is
     * the one place a crash can leave damage, because nothing is acknowledged before the fdatasync
     * that covers it and everything before it. False means damage somewhere a crash cannot explain.
     */
    torn: boolean;
    /** How many lines after the bad one still pass their checksum (they would be lost by a repair). */
    validAfter: number;
  };
}

/**
 * Reads a journal line by line without changing it.
 *
 * Why only the last line may be cut: every commit is one line appended at the end, and it is
 * acknowledged only after an fdatasync covering it and every line before it. A `kill -9` mid-write
 * leaves a last line without its newline (the newline is its last byte); a power cut can also leave
 * the last line's newline on disk with some earlier bytes of it missing, so it fails its checksum with
 * nothing after it. Neither was ever acknowledged. A bad line with lines after it, or a line whose
 * checksum holds but whose content is not a commit, is not something our writer and a crash produce
 * together with an acknowledgement we can rule out, so start-up refuses it and leaves the decision
 * to `db:repair` and a person.
 */
export function scanJournal(buf: Buffer): JournalScan {
  const scan: JournalScan = { goodBytes: 0, goodLines: 0, commits: [], tail: null };
  for (const { start, end, complete, number } of lines(buf)) {
    const last = !complete || end + 1 === buf.length;
    const body = complete ? checkedBody(buf.subarray(start, end)) : null;
    let reason: string | null = null;
    let writes: Write[] | null = null;
    if (!complete) reason = '最后一行不完整';
    else if (body === null) reason = '校验和不符';
    else {
      const json = parseJson(body);
      if (!json.ok) reason = '不是有效的 JSON';
      else if (!Array.isArray(json.value) || json.value.length === 0) reason = '内容不是一次提交';
      else {
        const list = (json.value as unknown[]).map(asWrite);
        if (list.some((w) => w === null)) reason = '内容不是一次提交';
        else writes = list as Write[];
      }
    }
    if (writes) {
      scan.commits.push(writes);
      scan.goodBytes = end + 1;
      scan.goodLines = number;
      continue;
    }
    const torn = last && (reason === '最后一行不完整' || reason === '校验和不符');
    let validAfter = 0;
    if (!last) {
      for (const after of lines(buf.subarray(end + 1))) {
        if (after.complete && checkedBody(buf.subarray(end + 1 + after.start, end + 1 + after.end)) !== null)
          validAfter += 1;
      }
    }
    scan.tail = { line: number, offset: start, bytes: buf.length - start, reason: reason ?? '未知', torn, validAfter };
    return scan;
  }
  return scan;
}

/** A file name for bytes moved aside: `journal.<kind>-2026-11-23T08-30-00-000Z.log`. */
export function asideName(kind: string, now = new Date(clock.now())): string {
  return `journal.${kind}-${now.toISOString().replace(/[:.]/g, '-')}.log`;
}

/** Writes `data` to a new file in `dir`, checked and fsync'ed, with the folder fsync'ed after. */
export function writeNewFile(fs: JournalFs, dir: string, name: string, data: Uint8Array): void {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    writeFully(fs, fd, data, 0);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    try {
      fs.unlinkSync(file); // a partial copy would only mislead
    } catch {
      // nothing more to do: the caller reports the first error
    }
    throw error;
  }
  fs.closeSync(fd);
  fsyncDir(fs, dir);
}

/** The pid in a folder's LOCK if that process is alive, else null. */
export function liveOwner(fs: JournalFs, dir: string): number | null {
  const lockPath = path.join(dir, LOCK);
  if (!fs.existsSync(lockPath)) return null;
  const owner = Number(fs.readFileSync(lockPath).toString('utf8'));
  return owner && owner !== process.pid && isAlive(owner) ? owner : null;
}

interface Waiter {
  /** Answered once the journal is durable up to this byte. */
  target: number;
  resolve: () => void;
  reject: (error: DbError) => void;
}

/** How to undo in memory one commit not yet durable, and where its line ends. */
interface Undo {
  end: number;
  undo: () => void;
}

/** What the group commit has done since opening: commits written, and the fdatasyncs that made them durable. */
export interface JournalStats {
  commits: number;
  syncs: number;
}

/**
 * The durable side of the local engine: a snapshot plus an append-only journal.
 * Each commit is one journal line `json<TAB>crc32`, written (every byte checked) before the commit is
 * applied in memory, and fdatasync'ed before anyone who could have seen it is answered.
 *
 * Failures: a write the disk refuses or shortens fails its commit, is cut back to the last whole
 * line, and nothing is applied. A failed fdatasync fails every commit waiting on it: those lines are
 * cut back to what the last good fdatasync covered and their effects are undone in memory, so memory
 * matches the disk and nothing unacknowledged survives a restart. If even the cut fails, the journal
 * is `broken` and the next write first retries the cut (refused until it works).
 *
 * Group commit: one fdatasync at a time runs on libuv's thread pool while the event loop goes on
 * serving requests; their commits are written to the journal meanwhile and made durable together by
 * the next fdatasync, which starts as soon as the one under way is done. Each waiter is answered only
 * once an fdatasync that started after its commit was written has succeeded; none ever before.
 *
 * A read that saw a commit still on its way to disk is answered only after `sync()`: a request that
 * reads and then calls `sync()` before the event loop turns (as the router does) waits for the
 * fdatasync that covers that commit and is refused with it. One that lets the loop turn in between
 * could answer data undone meanwhile. The router's handlers await only the engine, whose reads take
 * no turn and whose writes wait on the fdatasync covering them (and are refused with it).
 */
export class Journal {
  private fd: number | null = null;
  /** End of the last whole line written. */
  private bytes = 0;
  /** End of what the last successful fdatasync covered: acknowledged. */
  private durable = 0;
  /** Undoes each commit written since `durable`, in order. */
  private undo: Undo[] = [];
  /** The file may hold bytes past `bytes` (a cut failed): repair before writing again. */
  private broken = false;
  private waiting: Waiter[] = [];
  /** An fdatasync is about to start (at the end of this turn of the event loop). */
  private scheduled = false;
  /** An fdatasync is under way on the thread pool. */
  private syncing = false;
  /** Bumped at close: an fdatasync still under way then reports to nobody. */
  private generation = 0;
  readonly stats: JournalStats = { commits: 0, syncs: 0 };
  /** Failed fdatasyncs so far (each undid every commit not yet durable), and the last one's error. */
  failures = 0;
  lastFailure: DbError = storageError(null);
  private compactAt: number;
  private everything: () => Iterable<Write> = () => [];
  private readonly fs: JournalFs;
  private readonly warn: (message: string) => void;
  readonly readOnly: boolean;
  replayedAtOpen = 0;

  constructor(
    readonly dir: string,
    private readonly options: JournalOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.readOnly = options.readOnly ?? false;
    this.compactAt = this.compactAtBytes;
    this.warn = options.warn ?? ((message) => console.error(message));
  }

  private get compactAtBytes(): number {
    return this.options.compactAtBytes ?? 32 * 1024 * 1024;
  }

  /**
   * Checks nobody else holds the folder, reads and checks every stored write (snapshot, then journal)
   * and streams them to `apply`; only then takes the LOCK. A corrupt file throws CorruptDataError with
   * nothing written. `everything` yields the live documents for a compaction.
   */
  open(apply: (write: Write) => void, everything: () => Iterable<Write>): void {
    const fs = this.fs;
    this.everything = everything;
    if (this.readOnly) {
      if (!fs.existsSync(this.dir)) throw new Error(`数据目录不存在：${this.dir}`);
    } else {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const owner = liveOwner(fs, this.dir);
      if (owner) throw new Error(`数据目录 ${this.dir} 正被进程 ${owner} 使用`);
    }
    const snapshotPath = path.join(this.dir, SNAPSHOT);
    if (fs.existsSync(snapshotPath)) readSnapshot(fs.readFileSync(snapshotPath), apply, this.dir);
    const journalPath = path.join(this.dir, JOURNAL);
    const text = fs.existsSync(journalPath) ? fs.readFileSync(journalPath) : Buffer.alloc(0);
    const scan = scanJournal(text);
    if (scan.tail && !scan.tail.torn)
      throw new CorruptDataError(JOURNAL, scan.tail.line, scan.tail.reason, JOURNAL_HINT, this.dir);
    for (const commit of scan.commits) for (const write of commit) apply(write);
    this.replayedAtOpen = scan.goodLines;
    if (this.readOnly) {
      if (scan.tail)
        this.warn(
          `${JOURNAL} 第 ${scan.tail.line} 行是未确认的残缺尾部（${scan.tail.bytes} 字节），未计入；只读打开，未做改动`,
        );
      return;
    }

    try {
      fs.writeFileSync(path.join(this.dir, LOCK), String(process.pid), { mode: 0o600 });
    } catch (error) {
      throw new Error(
        `无法写入 ${path.join(this.dir, LOCK)}（${(error as NodeJS.ErrnoException).code ?? String(error)}）：磁盘可能已满，数据未做改动`,
      );
    }
    const existed = fs.existsSync(journalPath);
    this.fd = fs.openSync(journalPath, nodeFs.constants.O_RDWR | nodeFs.constants.O_CREAT, 0o600);
    if (!existed) {
      // A new file's name is durable only once its folder (and a new folder's parent) is fsync'ed.
      fsyncDir(fs, this.dir);
      fsyncDir(fs, path.dirname(this.dir));
    }
    if (scan.tail) {
      // Never acknowledged (see scanJournal); kept aside anyway, if the disk lets us, then cut.
      const name = asideName('torn');
      try {
        writeNewFile(fs, this.dir, name, text.subarray(scan.goodBytes));
        this.warn(`${JOURNAL} 第 ${scan.tail.line} 行是未确认的残缺尾部（${scan.tail.bytes} 字节），已移到 ${name}`);
      } catch (error) {
        this.warn(
          `${JOURNAL} 第 ${scan.tail.line} 行是未确认的残缺尾部（${scan.tail.bytes} 字节），无法另存（${String(error)}），已截去`,
        );
      }
      fs.ftruncateSync(this.fd, scan.goodBytes);
      fs.fdatasyncSync(this.fd);
    }
    this.bytes = scan.goodBytes;
    this.durable = scan.goodBytes;
  }

  /**
   * Writes one commit (not yet synced) and remembers how to undo it in memory. Throws a DbError,
   * with the journal cut back to its last whole line and nothing to undo, if the disk refuses it.
   * `sync()` makes it durable: callers answer no one before that resolves.
   */
  append(writes: Write[], undo: () => void): void {
    if (this.readOnly) throw new DbError('READ_ONLY', '数据库以只读方式打开，不能写入');
    if (this.fd === null) throw new DbError('CLOSED', '数据库已关闭');
    if (this.broken) this.repair();
    const body = JSON.stringify(writes);
    const line = Buffer.from(`${body}\t${checksum(body)}\n`);
    if (writes.length > 1 && setting('LOCALDB_FAULT') === 'torn-commit') {
      // Test hook: die half way through a multi-document commit, as a kill -9 would.
      writeFully(this.fs, this.fd, line.subarray(0, Math.floor(line.length / 2)), this.bytes);
      this.fs.fdatasyncSync(this.fd);
      process.kill(process.pid, 'SIGKILL');
    }
    try {
      writeFully(this.fs, this.fd, line, this.bytes);
    } catch (error) {
      this.cut(this.bytes, false);
      throw storageError(error);
    }
    this.bytes += line.length;
    this.undo.push({ end: this.bytes, undo });
    this.stats.commits += 1;
  }

  /**
   * Resolves once everything written so far is on disk; rejects (a DbError) if the disk would not
   * take it, in which case it has been undone. Group commit: commits written while an fdatasync is
   * under way, or in the same turn of the event loop, share the next one; the journal's order keeps
   * what is durable all-or-prefix.
   */
  sync(): Promise<void> {
    const target = this.bytes;
    if (target <= this.durable) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ target, resolve, reject });
      this.kick();
    });
  }

  /** Starts an fdatasync at the end of this turn, unless one is under way (its end starts the next). */
  private kick(): void {
    if (this.scheduled || this.syncing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.startSync();
    });
  }

  private startSync(): void {
    if (this.syncing || this.fd === null) return;
    if (this.bytes <= this.durable) {
      this.answer(null);
      return;
    }
    const covered = this.bytes;
    const generation = this.generation;
    this.syncing = true;
    this.stats.syncs += 1;
    this.fs.fdatasync(this.fd, (error) => {
      if (generation !== this.generation) return;
      this.syncing = false;
      this.synced(covered, error);
    });
  }

  /** An fdatasync that started when the journal ended at `covered` is done. */
  private synced(covered: number, error: NodeJS.ErrnoException | null): void {
    if (error) {
      // Everything after `durable` goes, including commits written while it ran: they may build on it.
      this.lastFailure = storageError(error);
      this.rollBack();
      this.answer(this.lastFailure);
      return;
    }
    this.durable = covered;
    this.undo = this.undo.filter((u) => u.end > covered);
    // A snapshot holds only what is durable: under steady load, make the rest durable now, once overdue.
    if (this.bytes > this.durable && this.bytes > this.compactAt + this.compactAtBytes) {
      this.flushNow();
      return;
    }
    // Answered first (their code runs after this turn), then compacted: a compaction moves every offset to 0.
    this.answer(null);
    if (this.bytes === this.durable && this.bytes > this.compactAt) this.compact();
    if (this.waiting.length > 0) this.kick();
  }

  /** Answers the waiters: all of them with `failure`, else those whose commits are durable. */
  private answer(failure: DbError | null): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const waiter of waiting) {
      if (failure) waiter.reject(failure);
      else if (waiter.target <= this.durable) waiter.resolve();
      else this.waiting.push(waiter);
    }
  }

  /** Makes everything written durable now, on this thread (closing, or a compaction overdue). */
  private flushNow(): void {
    let failure: DbError | null = null;
    if (this.fd !== null && this.bytes > this.durable) {
      try {
        this.stats.syncs += 1;
        this.fs.fdatasyncSync(this.fd);
        this.durable = this.bytes;
        this.undo = [];
      } catch (error) {
        failure = storageError(error);
        this.lastFailure = failure;
        this.rollBack();
      }
    }
    this.answer(failure);
    if (!failure && this.bytes > this.compactAt) this.compact();
  }

  /** Undoes in memory, newest first, every commit the disk did not confirm, and cuts them from the file. */
  private rollBack(): void {
    this.failures += 1;
    const undo = this.undo;
    this.undo = [];
    for (let i = undo.length - 1; i >= 0; i -= 1) undo[i]!.undo();
    this.bytes = this.durable;
    this.cut(this.durable, true);
  }

  /** Cuts the file back to `length`; on failure marks it broken so the next write retries first. */
  private cut(length: number, sync: boolean): void {
    try {
      this.fs.ftruncateSync(this.fd!, length);
      if (sync) this.fs.fdatasyncSync(this.fd!);
      this.broken = false;
    } catch {
      this.broken = true;
    }
  }

  private repair(): void {
    try {
      this.fs.ftruncateSync(this.fd!, this.bytes);
      this.fs.fdatasyncSync(this.fd!);
      this.broken = false;
    } catch (error) {
      throw storageError(error);
    }
  }

  /**
   * Writes every live document to a new snapshot beside the old one (every write checked), fsyncs it,
   * renames it over the old one and fsyncs the folder; only then empties the journal. Any failure
   * leaves snapshot and journal as they were (a journal replayed over either snapshot gives the same
   * state) and is retried once the journal has grown by as much again. Runs only when everything in
   * memory is durable, so a snapshot never holds an unacknowledged commit.
   */
  compact(): boolean {
    if (this.readOnly || this.fd === null || this.broken || this.bytes !== this.durable) return false;
    const fs = this.fs;
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    let fd: number | null = null;
    try {
      fd = fs.openSync(tmp, 'w', 0o600);
      let position = 0;
      let chunk = '';
      let count = 0;
      const put = (text: string) => {
        const data = Buffer.from(text);
        writeFully(fs, fd!, data, position);
        position += data.length;
      };
      for (const write of this.everything()) {
        const body = JSON.stringify(write);
        chunk += `${body}\t${checksum(body)}\n`;
        count += 1;
        if (chunk.length > 1 << 20) {
          put(chunk);
          chunk = '';
        }
      }
      put(`${chunk}${SNAPSHOT_END}\t${count}\n`);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      fd = null;
      fs.renameSync(tmp, path.join(this.dir, SNAPSHOT));
      fsyncDir(fs, this.dir);
    } catch (error) {
      if (fd !== null) {
        try {
          fs.closeSync(fd);
        } catch {
          // already failing; the close error adds nothing
        }
      }
      try {
        fs.unlinkSync(tmp);
      } catch {
        // not there (renamed) or not removable: the next compaction overwrites it
      }
      this.compactAt = this.bytes + this.compactAtBytes;
      this.warn(
        `写快照失败（${(error as NodeJS.ErrnoException).code ?? String(error)}），快照和日志保持原样，稍后重试`,
      );
      return false;
    }
    try {
      // A crash before this replays the journal over a snapshot that already holds it: same end state.
      fs.ftruncateSync(this.fd, 0);
      fs.fdatasyncSync(this.fd);
      this.bytes = 0;
      this.durable = 0;
      this.compactAt = this.compactAtBytes;
    } catch {
      // The journal keeps what it had, which the new snapshot already holds; the next write must start
      // after whatever length the file has now, so cut back (or mark broken) to the known end.
      this.cut(this.bytes, true);
      this.compactAt = this.bytes + this.compactAtBytes;
    }
    return true;
  }

  close(): void {
    // An fdatasync still under way answers nobody: this one covers all it would have, and more.
    this.generation += 1;
    this.syncing = false;
    this.flushNow();
    if (this.fd !== null) {
      if (this.broken) {
        try {
          this.repair();
        } catch {
          // left for the next start-up: a torn or unacknowledged tail is what it cuts
        }
      }
      this.fs.closeSync(this.fd);
      this.fd = null;
    }
    if (this.readOnly) return;
    const lockPath = path.join(this.dir, LOCK);
    if (this.fs.existsSync(lockPath) && this.fs.readFileSync(lockPath).toString('utf8') === String(process.pid))
      this.fs.unlinkSync(lockPath);
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
