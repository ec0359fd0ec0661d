/**
 * The CloudBase double's semantics, seen through the real @cloudbase/node-sdk (its raw API where
 * the adapter would hide the point), and the adapter's behaviour on top of it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import tcb from '@cloudbase/node-sdk';
import { z } from 'zod';
import { withFreshCode } from '../../domain/core/ids';
import { action, BUSY_MESSAGE } from '../../domain/core/router';
import { defineFunction } from '../../cloudfunctions/define';
import type { Database } from '../../domain/db';
import { CloudBaseDatabase, conflictBackoffMs } from '../../domain/db/cloudbase';
import { startCloudBaseDouble, type CloudBaseDouble } from '../support/cloudbase-double/server';
import { PINNED, assertPinnedSdk } from '../support/cloudbase-double/version';
import { openTestDatabase } from '../support/engine';
import { seededWorld } from '../support/functions';

/** The SDK's raw database API, typed as far as these tests use it. */
interface RawDoc {
  get(): Promise<{ data: Record<string, unknown> | Record<string, unknown>[] | null }>;
  update(data: object): Promise<{ updated: number }>;
  set(data: object): Promise<unknown>;
}
interface RawCollection {
  doc(id: string): RawDoc;
  add(data: object): Promise<{ id: string }>;
  where(q: object): { update(data: object): Promise<{ updated: number }>; get(): Promise<{ data: unknown[] }> };
  limit(n: number): { get(): Promise<{ data: unknown[] }> };
  get(): Promise<{ data: unknown[] }>;
}
interface RawTx {
  collection(name: string): RawCollection;
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
interface RawDb {
  command: { inc(n: number): object };
  collection(name: string): RawCollection;
  createCollection(name: string): Promise<unknown>;
  startTransaction(): Promise<RawTx>;
  runTransaction<T>(fn: (tx: RawTx) => Promise<T>, times?: number): Promise<T>;
}

function rawDb(double: CloudBaseDouble): RawDb {
  return tcb
    .init({ env: double.envId, serviceUrl: double.url, secretId: 'raw-id', secretKey: 'raw-key' } as Parameters<
      typeof tcb.init
    >[0])
    .database() as unknown as RawDb;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: { code?: string }) => error.code,
  );

let double: CloudBaseDouble;
let raw: RawDb;
beforeAll(async () => {
  double = await startCloudBaseDouble();
  double.createCollections(['items', 'accounts', 'codes']);
  process.env.TENCENTCLOUD = 'true';
  raw = rawDb(double);
});
afterAll(() => double.close());

test('the double is pinned to the SDK version the project depends on', () => {
  const projectPackage = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  expect(projectPackage.dependencies['@cloudbase/node-sdk']).toBe(PINNED['@cloudbase/node-sdk']);
  expect(() => assertPinnedSdk()).not.toThrow();
});

test('collections must be created: DATABASE_COLLECTION_NOT_EXIST, then the SDK’s own createCollection', async () => {
  expect(await codeOf(raw.collection('fresh').add({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
  expect(await codeOf(raw.collection('fresh').get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
  await raw.createCollection('fresh');
  expect(await codeOf(raw.createCollection('fresh'))).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
  const { id } = await raw.collection('fresh').add({ a: 1 });
  expect(id).toMatch(/^[0-9a-f]{32}$/);
});

test('a taken _id answers DATABASE_DUPLICATE_WRITE, in and out of a transaction', async () => {
  await raw.collection('items').add({ _id: 'dup', n: 1 });
  expect(await codeOf(raw.collection('items').add({ _id: 'dup', n: 2 }))).toBe('DATABASE_DUPLICATE_WRITE');
  const tx = await raw.startTransaction();
  expect(await codeOf(tx.collection('items').add({ _id: 'dup', n: 3 }))).toBe('DATABASE_DUPLICATE_WRITE');
  expect((await raw.collection('items').doc('dup').get()).data).toEqual([{ _id: 'dup', n: 1 }]);
});

test('first writer wins: a second transaction writing the same document conflicts, the first commits', async () => {
  await raw.collection('accounts').add({ _id: 'fw', balance: 10 });
  const first = await raw.startTransaction();
  const second = await raw.startTransaction();
  await first
    .collection('accounts')
    .doc('fw')
    .update({ balance: raw.command.inc(-1) });
  expect(
    await codeOf(
      second
        .collection('accounts')
        .doc('fw')
        .update({ balance: raw.command.inc(-5) }),
    ),
  ).toBe('DATABASE_TRANSACTION_CONFLICT');
  // The conflict aborted the second transaction.
  expect(await codeOf(second.commit())).toBe('DATABASE_TRANSACTION_FAIL');
  await first.commit();
  expect((await raw.collection('accounts').doc('fw').get()).data).toEqual([{ _id: 'fw', balance: 9 }]);
  expect(double.store.openTransactions()).toBe(0);
});

test('reads see the snapshot; a transaction that only read a changed document commits (write-write conflicts only)', async () => {
  await raw.collection('accounts').add({ _id: 'snap', balance: 1 });
  await raw.collection('accounts').add({ _id: 'other', balance: 0 });
  const tx = await raw.startTransaction();
  expect((await tx.collection('accounts').doc('snap').get()).data).toEqual({ _id: 'snap', balance: 1 });
  await raw.collection('accounts').doc('snap').update({ balance: 2 });
  expect((await tx.collection('accounts').doc('snap').get()).data).toEqual({ _id: 'snap', balance: 1 });
  await tx.collection('accounts').doc('other').update({ balance: 1 });
  await tx.commit();
  expect((await raw.collection('accounts').doc('other').get()).data).toEqual([{ _id: 'other', balance: 1 }]);
});

test('a write outside any transaction waits for the transaction holding its document, then applies on top', async () => {
  await raw.collection('accounts').add({ _id: 'held', balance: 0 });
  const tx = await raw.startTransaction();
  await tx
    .collection('accounts')
    .doc('held')
    .update({ balance: raw.command.inc(1) });
  let outsideDone = false;
  const outside = raw
    .collection('accounts')
    .doc('held')
    .update({ balance: raw.command.inc(10) })
    .then(() => (outsideDone = true));
  // Another round trip through the double: the outside write still cannot have finished.
  expect((await tx.collection('accounts').doc('held').get()).data).toEqual({ _id: 'held', balance: 1 });
  expect(outsideDone).toBe(false);
  await tx.commit();
  await outside;
  expect((await raw.collection('accounts').doc('held').get()).data).toEqual([{ _id: 'held', balance: 11 }]);
});

test('an abandoned transaction is aborted after its lifetime, releasing what it held', async () => {
  const short = await startCloudBaseDouble({ transactionLifetimeMs: 50 });
  short.createCollections(['items']);
  const db = rawDb(short);
  await db.collection('items').add({ _id: 'a', n: 0 });
  const tx = await db.startTransaction();
  await tx.collection('items').doc('a').update({ n: 1 });
  await db
    .collection('items')
    .doc('a')
    .update({ n: raw.command.inc(5) });
  expect((await db.collection('items').doc('a').get()).data).toEqual([{ _id: 'a', n: 5 }]);
  expect(await codeOf(tx.commit())).toBe('DATABASE_TRANSACTION_FAIL');
  await short.close();
});

test('the SDK’s own runTransaction(fn, times) makes times + 1 attempts (why the adapter does not use it)', async () => {
  await raw.collection('accounts').add({ _id: 'trap', balance: 0 });
  let runs = 0;
  const attempt = raw.runTransaction(async (tx) => {
    runs += 1;
    await tx.collection('accounts').doc('trap').get();
    await raw
      .collection('accounts')
      .doc('trap')
      .update({ balance: raw.command.inc(1) });
    await tx
      .collection('accounts')
      .doc('trap')
      .update({ balance: raw.command.inc(100) });
  }, 2);
  expect(await codeOf(attempt)).toBe('DATABASE_TRANSACTION_CONFLICT');
  expect(runs).toBe(3);
});

test('get answers 100 documents by default and never more than 1,000, even when asked directly', async () => {
  await raw.createCollection('bulk');
  for (let i = 0; i < 1005; i += 1) await raw.collection('bulk').add({ _id: `b${i}`, i });
  expect((await raw.collection('bulk').get()).data).toHaveLength(100);
  expect((await raw.collection('bulk').limit(5000).get()).data).toHaveLength(1000);
  // The SDK caps the limit itself; the double caps too, for any other client.
  const body = JSON.stringify({
    action: 'database.getDocument',
    envName: double.envId,
    collectionName: 'bulk',
    queryType: 'WHERE',
    limit: 5000,
  });
  const answer = await new Promise<{ data: { list: string[] } }>((resolve, reject) => {
    const req = http.request(double.url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text) as { data: { list: string[] } }));
    });
    req.on('error', reject);
    req.end(body);
  });
  expect(answer.data.list).toHaveLength(1000);
}, 30_000);

describe.each(['matched', 'modified'] as const)('updated = %s', (mode) => {
  test('an update that changes nothing counts only in matched mode; one that changes counts in both', async () => {
    const own = await startCloudBaseDouble({ updated: mode });
    own.createCollections(['items']);
    const db = rawDb(own);
    await db.collection('items').add({ _id: 'x', tag: 't', v: 1 });
    await db.collection('items').add({ _id: 'y', tag: 't', v: 2 });
    expect((await db.collection('items').where({ tag: 't' }).update({ v: 2 })).updated).toBe(
      mode === 'matched' ? 2 : 1,
    );
    expect((await db.collection('items').doc('x').update({ v: 2 })).updated).toBe(mode === 'matched' ? 1 : 0);
    expect((await db.collection('items').doc('x').update({ v: 3 })).updated).toBe(1);
    expect((await db.collection('items').doc('nobody').update({ v: 3 })).updated).toBe(0);
    await own.close();
  });

  test('setting a role or a site status to what it already is still succeeds (existence is not read from updated)', async () => {
    const w = await seededWorld(
      Date.parse('2026-11-23T02:00:00Z'),
      mode === 'matched' ? 'cloudbase-matched' : 'cloudbase-modified',
    );
    for (let i = 0; i < 2; i += 1) {
      expect(
        await w.call('user', { action: 'setRole', openid: 'demo-resident', role: 'staff' }, 'demo-admin'),
      ).toMatchObject({ ok: true });
      expect(
        await w.call('vaccine', { action: 'setStatus', siteId: 'vs-yf-01', status: 'open' }, 'demo-admin'),
      ).toMatchObject({ ok: true });
    }
    expect(await w.call('user', { action: 'setRole', openid: 'nobody', role: 'staff' }, 'demo-admin')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await w.call('vaccine', { action: 'setStatus', siteId: 'nowhere', status: 'open' }, 'demo-admin'),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await w.db.close();
  });
});

describe('the adapter on the double', () => {
  let db: CloudBaseDatabase;
  beforeAll(() => {
    db = new CloudBaseDatabase({ env: double.envId, serviceUrl: double.url, secretId: 'a', secretKey: 'b' });
  });

  test('a taken _id added inside a transaction is DUPLICATE_KEY, so withFreshCode draws again', async () => {
    await db.collection('codes').add({ _id: '11111111', orderId: 'earlier' });
    const drawn = ['11111111', '22222222'];
    const code = await withFreshCode(
      () => drawn.shift()!,
      '取货码',
      (c) =>
        db.runTransaction(async (tx) => {
          await tx.collection('codes').add({ _id: c, orderId: 'o1' });
          return c;
        }),
    );
    expect(code).toBe('22222222');
    expect(await db.collection('codes').doc('11111111').get()).toEqual({ _id: '11111111', orderId: 'earlier' });
    expect(double.store.openTransactions()).toBe(0);
  });

  test('back-off grows exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4, 10].map((n) => conflictBackoffMs(n, () => 1))).toEqual([8, 16, 32, 64, 400]);
    expect(conflictBackoffMs(5, () => 0)).toBe(0);
    expect(conflictBackoffMs(3, () => 0.5)).toBe(16);
  });
});

describe.each(['local', 'cloudbase-modified'] as const)('a conflict that outlives its retries, on %s', (engine) => {
  test('answers CONFLICT 「系统繁忙，请稍后重试」, never INTERNAL, and the transaction wrote nothing', async () => {
    const tdb: Database = await openTestDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-conflict-')), engine);
    await tdb.collection('meta').add({ _id: 'hot', n: 0 });
    let runs = 0;
    const fn = defineFunction('probe', {
      collide: action({
        input: z.strictObject({}),
        access: 'public',
        run: async (_input, ctx) =>
          ctx.db.runTransaction(async (tx) => {
            runs += 1;
            await tx.collection('meta').doc('hot').get();
            await tx.collection('meta').doc('mark').set({ by: 'tx' });
            await ctx.db
              .collection('meta')
              .doc('hot')
              .update({ n: tdb.command.inc(1) });
            // CloudBase refuses this write; the embedded engine refuses the commit.
            await tx
              .collection('meta')
              .doc('hot')
              .update({ n: tdb.command.inc(100) });
          }, 3),
      }),
    });
    expect(await fn.handle({ action: 'collide' }, { db: tdb, caller: null, now: () => 0 })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: BUSY_MESSAGE },
    });
    expect(runs).toBe(3);
    expect(await tdb.collection('meta').doc('mark').get()).toBeNull();
    expect((await tdb.collection('meta').doc('hot').get())?.n).toBe(3);
    await tdb.close();
  });
});

test('runs as its own process: prints its URL and SDK environment when ready, stops on SIGTERM', async () => {
  const main = path.join(__dirname, '../support/cloudbase-double/main.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--updated', 'modified'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve) =>
    readline.createInterface({ input: child.stdout }).once('line', resolve),
  );
  const ready = z
    .object({ url: z.string().url(), updated: z.literal('modified'), env: z.record(z.string(), z.string()) })
    .parse(JSON.parse(line));
  expect(ready.env.TCB_CONTEXT_CNFG).toBe(JSON.stringify({ URL: ready.url }));
  const db = new CloudBaseDatabase({ env: ready.env.TCB_ENV, serviceUrl: ready.url, secretId: 'a', secretKey: 'b' });
  // Every product collection exists already.
  await db.collection('goods').add({ _id: 'g', stock: 1 });
  expect(await db.collection('goods').doc('g').update({ stock: 1 })).toEqual({ updated: 0 });
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}, 30_000);
