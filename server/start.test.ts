/**
 * `npm run serve` started in the background (its own process group, no terminal) and stopped with a
 * signal sent to npm alone: the server behind it stops too, nothing listens, and the LOCK is released.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './config';

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test.each(['SIGTERM', 'SIGINT'] as const)(
  '%s to a background `npm run serve` stops its server and releases the LOCK',
  async (signal) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-npm-'));
    const npm = spawn('npm', ['run', 'serve'], {
      cwd: ROOT,
      // Without the demo's history: this is about signals, not the seed.
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DEMO_HISTORY: 'off' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // as `npm run serve &`: its own process group, so only npm gets the signal
    });
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
        if (match) resolve(Number(match[1]));
      };
      npm.stdout!.on('data', onData);
      npm.stderr!.on('data', onData);
      void exited.then(() => reject(new Error(`npm run serve exited early:\n${output}`)));
    });
    const lock = path.join(dataDir, 'LOCK');
    const serverPid = Number(fs.readFileSync(lock, 'utf8'));
    expect(serverPid).toBeGreaterThan(0);
    expect(serverPid).not.toBe(npm.pid);

    npm.kill(signal);
    await exited;
    // npm has exited only after its child did: nothing is left listening or holding the data folder.
    expect(isAlive(serverPid)).toBe(false);
    expect(await refusesConnections(port)).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
  },
  90_000,
);

/**
 * The demo's first start plays its history (a shorter span here); killed with SIGKILL half-way through it, the next
 * start finishes it, every invariant holds, and a start after that plays nothing again.
 */
test('a first start killed during the demo history is finished by the next start, once', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-history-start-'));
  const env = { DEMO: 'on', DEMO_HISTORY: 'on', DEMO_HISTORY_DAYS: '42' };
  const first = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/start.ts'), '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => first.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The demo is written and the history is under way: kill it a moment later.
      if (output.includes('已写入演示数据')) setTimeout(resolve, 1000);
    };
    first.stdout!.on('data', onData);
    first.stderr!.on('data', onData);
    void exited.then(() => reject(new Error(`start exited early:\n${output}`)));
  });
  first.kill('SIGKILL');
  await exited;
  expect(output).not.toContain('已写入演示历史');

  const { startLocalCloud } = await import('../test/support/local-cloud');
  const { LocalDatabase } = await import('../domain/db/local/engine');
  const { checkAll } = await import('../scripts/check-invariants');
  const read = async () => {
    const db = LocalDatabase.open(dataDir, { readOnly: true });
    try {
      const reports = await checkAll(db);
      return {
        broken: reports.filter((r) => r.violations > 0).map((r) => r.name),
        history: await db.collection('meta').doc('history').get(),
        audit: await db.collection('auditLog').count(),
        bookings: await db.collection('bookings').count(),
      };
    } finally {
      await db.close();
    }
  };

  const second = await startLocalCloud({ dataDir, env });
  await second.stop();
  const after = await read();
  expect(after.broken).toEqual([]);
  expect(after.history).not.toBeNull();
  expect(after.bookings).toBeGreaterThan(10);

  const third = await startLocalCloud({ dataDir, env });
  await third.stop();
  expect(await read()).toEqual(after);
}, 240_000);
