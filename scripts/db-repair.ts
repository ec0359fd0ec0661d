/**
 * `npm run db:repair -- <DATA_DIR> [--dry-run]`: the explicit, separate step for a journal that
 * start-up refused. Moves everything from the first bad line to the end of journal.log aside into
 * `journal.bad-<time>.log` (written and fsync'ed before the journal is cut), then reports what it
 * moved, including how many later lines still passed their checksum: they are commits the folder no
 * longer has, kept in that file for a person to judge. A corrupt snapshot is reported, never touched.
 * The local cloud must be stopped (a live LOCK refuses). Exit 0: nothing to do or repaired;
 * 1: refused (corrupt snapshot, folder in use); 2: usage or I/O error.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import {
  CorruptDataError,
  JOURNAL,
  SNAPSHOT,
  asideName,
  fsyncDir,
  liveOwner,
  readSnapshot,
  scanJournal,
  writeNewFile,
  type JournalFs,
} from '../domain/db/local/journal';

export interface RepairReport {
  status: 'clean' | 'repaired' | 'would-repair' | 'refused';
  message: string;
  /** The file the bad tail was moved into, when it was. */
  movedTo?: string;
}

export function repairFolder(
  dir: string,
  options: { dryRun?: boolean; fs?: JournalFs; now?: Date } = {},
): RepairReport {
  const fs = options.fs ?? nodeFs;
  if (!fs.existsSync(dir)) throw new Error(`数据目录不存在：${dir}`);
  const owner = liveOwner(fs, dir);
  if (owner) return { status: 'refused', message: `数据目录 ${dir} 正被进程 ${owner} 使用：请先停止本地云` };
  const snapshotPath = path.join(dir, SNAPSHOT);
  let documents = 0;
  if (fs.existsSync(snapshotPath)) {
    try {
      documents = readSnapshot(fs.readFileSync(snapshotPath), () => {}, dir);
    } catch (error) {
      if (error instanceof CorruptDataError)
        return { status: 'refused', message: `${error.message}（db:repair 不改动快照）` };
      throw error;
    }
  }
  const journalPath = path.join(dir, JOURNAL);
  const text = fs.existsSync(journalPath) ? fs.readFileSync(journalPath) : Buffer.alloc(0);
  const scan = scanJournal(text);
  if (!scan.tail) {
    return {
      status: 'clean',
      message: `数据完好：${SNAPSHOT} ${documents} 个文档，${JOURNAL} ${scan.goodLines} 行，未做改动`,
    };
  }
  const { line, bytes, reason, validAfter } = scan.tail;
  const name = asideName('bad', options.now);
  const what =
    `${JOURNAL} 第 ${line} 行起的 ${bytes} 字节（第 ${line} 行${reason}` +
    (validAfter > 0 ? `；其后 ${validAfter} 行校验完好，是已确认的提交，随之移出，请人工核对` : '') +
    '）';
  if (options.dryRun)
    return {
      status: 'would-repair',
      message: `将把 ${what} 移到 ${name}；保留前 ${scan.goodLines} 行（--dry-run，未做改动）`,
    };
  // The bad bytes are safe in their own file before the journal loses them.
  writeNewFile(fs, dir, name, text.subarray(scan.goodBytes));
  const fd = fs.openSync(journalPath, 'r+');
  try {
    fs.ftruncateSync(fd, scan.goodBytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncDir(fs, dir);
  return { status: 'repaired', message: `已把 ${what} 移到 ${name}；保留前 ${scan.goodLines} 行`, movedTo: name };
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const args = process.argv.slice(2);
  const dirArg = args.find((a) => !a.startsWith('--'));
  if (!dirArg) {
    console.error('用法：npm run db:repair -- <数据目录> [--dry-run]');
    process.exit(2);
  }
  try {
    const report = repairFolder(path.resolve(dirArg), { dryRun: args.includes('--dry-run') });
    (report.status === 'refused' ? console.error : console.log)(report.message);
    process.exit(report.status === 'refused' ? 1 : 0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
