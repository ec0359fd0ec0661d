/**
 * A file system for the disk-fault tests: node:fs underneath, with hooks that fail or shorten
 * writes, syncs, truncations and renames at chosen points.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import type { JournalFs } from './journal';

export type Errno = 'ENOSPC' | 'EIO' | 'EDQUOT';
export const errno = (code: Errno): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected`), { code });

/** The file a call is about: the basename of what was opened (a folder's fsync names the folder). */
export interface FaultHooks {
  /** Answer an Errno to fail the write, a number to write at most that many bytes, nothing to pass. */
  write?: (file: string, length: number) => Errno | number | undefined;
  /** fdatasync and fsync alike. */
  sync?: (file: string) => Errno | undefined;
  truncate?: (file: string) => Errno | undefined;
  rename?: (from: string) => Errno | undefined;
}

export function faultyFs(): { fs: JournalFs; hooks: FaultHooks; calls: Record<string, number> } {
  const hooks: FaultHooks = {};
  const names = new Map<number, string>();
  const calls: Record<string, number> = { write: 0, sync: 0, truncate: 0, rename: 0 };
  const name = (fd: number) => names.get(fd) ?? '?';
  const sync = (fd: number, real: (fd: number) => void) => {
    calls.sync! += 1;
    const fault = hooks.sync?.(name(fd));
    if (fault) throw errno(fault);
    real(fd);
  };
  const fs: JournalFs = {
    openSync(file, flags, mode) {
      const fd = nodeFs.openSync(file, flags, mode);
      names.set(fd, path.basename(file));
      return fd;
    },
    closeSync(fd) {
      names.delete(fd);
      nodeFs.closeSync(fd);
    },
    writeSync(fd, buffer, offset, length, position) {
      calls.write! += 1;
      const fault = hooks.write?.(name(fd), length);
      if (typeof fault === 'string') throw errno(fault);
      const n = fault === undefined ? length : Math.min(fault, length);
      return n <= 0 ? 0 : nodeFs.writeSync(fd, buffer, offset, n, position);
    },
    fdatasyncSync: (fd) => sync(fd, nodeFs.fdatasyncSync),
    fdatasync(fd, callback) {
      calls.sync! += 1;
      const fault = hooks.sync?.(name(fd));
      if (fault) setImmediate(() => callback(errno(fault)));
      else nodeFs.fdatasync(fd, callback);
    },
    fsyncSync: (fd) => sync(fd, nodeFs.fsyncSync),
    ftruncateSync(fd, length) {
      calls.truncate! += 1;
      const fault = hooks.truncate?.(name(fd));
      if (fault) throw errno(fault);
      nodeFs.ftruncateSync(fd, length);
    },
    renameSync(from, to) {
      calls.rename! += 1;
      const fault = hooks.rename?.(path.basename(from));
      if (fault) throw errno(fault);
      nodeFs.renameSync(from, to);
    },
    readFileSync: (file) => nodeFs.readFileSync(file),
    writeFileSync: (file, data, options) => nodeFs.writeFileSync(file, data, options),
    existsSync: (file) => nodeFs.existsSync(file),
    unlinkSync: (file) => nodeFs.unlinkSync(file),
    mkdirSync: (dir, options) => nodeFs.mkdirSync(dir, options),
  };
  return { fs, hooks, calls };
}
