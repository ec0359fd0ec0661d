import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storageContract } from '../contract';
import { LocalDatabase } from './engine';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'localdb-'));
const CHILD = path.join(__dirname, 'crash-child.ts');
/** Node itself with tsx's loader, so that the pid we kill is the process holding the database. */
const NODE = process.execPath;
const TS = ['--import', 'tsx'];

describe('storage contract on the embedded engine', () => {
  storageContract({ prefix: '', open: async () => LocalDatabase.open(tmp()) });
});

describe('embedded engine durability', () => {
  test('data is intact after a clean restart, and a second process is refused the folder', async () => {
    const dir = tmp();
    const db = LocalDatabase.open(dir);
    await db.collection('users').add({ _id: 'u1', nickname: '党员王建国' });
    await db.runTransaction(async (tx) => {
      await tx.collection('accounts').add({ _id: 'u1', balance: 30 });
    });
    const other = spawnSync(
      NODE,
      [
        ...TS,
        '-e',
        `require(${JSON.stringify(path.join(__dirname, 'engine.ts'))}).LocalDatabase.open(${JSON.stringify(dir)})`,
      ],
      { encoding: 'utf8' },
    );
    expect(other.status).not.toBe(0);
    expect(other.stderr).toContain('正被进程');
    await db.close();
    const reopened = LocalDatabase.open(dir);
    expect(await reopened.collection('users').doc('u1').get()).toEqual({ _id: 'u1', nickname: '党员王建国' });
    expect(await reopened.collection('accounts').doc('u1').get()).toEqual({ _id: 'u1', balance: 30 });
    await reopened.close();
  });

  test('a process killed half way through writing a commit leaves no half-applied transaction', async () => {
    const dir = tmp();
    const child = spawnSync(NODE, [...TS, CHILD, dir, '20'], {
      encoding: 'utf8',
      env: { ...process.env, CRASH_AT: '12' },
    });
    expect(child.signal).toBe('SIGKILL');
    const db = LocalDatabase.open(dir, { warn: () => {} });
    const accounts = await db.collection('accounts').get();
    const transfers = await db.collection('transfers').count();
    // 11 whole transfers landed; the 12th was torn by the kill and is rolled back at start-up.
    expect(transfers).toBe(11);
    expect(accounts.reduce((sum, a) => sum + Number(a.balance), 0)).toBe(1000);
    expect((await db.collection('accounts').doc('a0').get())?.balance).toBe(100 - 11);
    await db.close();
  });

  test('kill -9 at random moments during a transfer storm: totals always balance, acknowledged commits survive', async () => {
    const dir = tmp();
    let acknowledged = 0;
    for (let round = 0; round < 4; round += 1) {
      const child = spawn(NODE, [...TS, CHILD, dir, '100000'], { stdio: ['ignore', 'pipe', 'inherit'] });
      // Killed relative to the child's own progress (after its Nth acknowledged commit), never at a
      // fixed time: a slow start on a loaded machine only delays the kill.
      const killAfter = 5 + Math.floor(Math.random() * 150);
      const acks = await new Promise<number[]>((resolve, reject) => {
        const seen: number[] = [];
        let buffered = '';
        let killed = false;
        child.stdout.on('data', (chunk: Buffer) => {
          buffered += chunk.toString();
          const parts = buffered.split('\n');
          buffered = parts.pop() ?? '';
          for (const line of parts) if (line.startsWith('ack ')) seen.push(Number(line.slice(4)));
          if (!killed && seen.length >= killAfter) {
            killed = true;
            child.kill('SIGKILL');
          }
        });
        // 'close' comes after the pipe is drained: every ack printed before the kill is counted.
        child.on('close', (code, signal) => {
          if (signal === 'SIGKILL') resolve(seen);
          else reject(new Error(`child exited (${code}) before ${killAfter} acknowledgements`));
        });
      });
      expect(acks.length).toBeGreaterThanOrEqual(killAfter);
      acknowledged = Math.max(acknowledged, ...acks);
      const db = LocalDatabase.open(dir, { warn: () => {} });
      const accounts = await db.collection('accounts').get();
      expect(accounts.reduce((sum, a) => sum + Number(a.balance), 0)).toBe(1000);
      const done = await db.collection('meta').doc('counter').get();
      expect(Number(done?.transfers)).toBeGreaterThanOrEqual(acknowledged);
      expect(await db.collection('transfers').count()).toBe(Number(done?.transfers));
      await db.close();
    }
  }, 120_000);
});
