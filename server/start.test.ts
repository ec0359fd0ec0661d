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
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
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
