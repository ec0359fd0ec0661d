/** The `admin` function over the local cloud's HTTP: scan-to-sign-in without a token, pictures and their limits. */
import { clock } from '../domain/core/clock';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LocalDatabase } from '../domain/db/local/engine';
import { LocalFileStore } from '../domain/files/local';
import { MAX_IMAGE_BYTES } from '../domain/files/image';
import { seedIfEmpty } from '../domain/seed/seed';
import { createLocalCloud } from './app';
import { TokenSigner } from './auth';

let db: LocalDatabase;
let server: http.Server;
let base: string;
let dataDir: string;
let files: LocalFileStore;

/** A tiny valid PNG header followed by `size - 8` filler bytes: enough for the type check. */
const png = (size: number) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(Math.max(0, size - 8), 7),
  ]);

async function listen(s: http.Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-admin-http-'));
  db = LocalDatabase.open(dataDir);
  await seedIfEmpty(db, clock.now());
  files = new LocalFileStore(path.join(dataDir, 'files'));
  server = createLocalCloud({ db, signer: TokenSigner.forDataDir(dataDir), files });
  base = await listen(server);
}, 60_000);
afterAll(async () => {
  server.close();
  await db.close();
});

const post = (url: string, body: unknown, token?: string) =>
  fetch(`${base}${url}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
async function login(openid: string): Promise<string> {
  const res = await post('/auth/dev-login', { openid });
  return ((await res.json()) as { data: { token: string } }).data.token;
}
async function json<T = { ok: boolean; data: Record<string, unknown>; error: { code: string; message: string } }>(
  res: Response,
): Promise<T> {
  return (await res.json()) as T;
}

// A one-character change that always differs: replacing the last character by a fixed one
// left the secret unchanged whenever it already ended in it (one run in 64).
const differentLastChar = (text: string): string => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;

describe('console scan-to-sign-in over HTTP', () => {
  test('start and poll need no token; the approved admin’s token works on every function; a second poll gets nothing', async () => {
    const start = await json(await post('/fn/admin', { action: 'startConsoleLogin' }));
    expect(start.ok).toBe(true);
    const { ticketId, pollSecret, qrText } = start.data as { ticketId: string; pollSecret: string; qrText: string };
    // The QR opens the H5 app on the address the console used.
    expect(qrText).toBe(`http://${new URL(base).host}/#/packages/console/pages/approve/index?ticket=${ticketId}`);
    expect((await json(await post('/fn/admin', { action: 'pollConsoleLogin', ticketId, pollSecret }))).data).toEqual({
      status: 'waiting',
    });

    const residentRes = await post(
      '/fn/admin',
      { action: 'approveConsoleLogin', ticketId },
      await login('demo-resident'),
    );
    expect(await json(residentRes)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await json(await post('/fn/admin', { action: 'approveConsoleLogin', ticketId }))).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(
      await json(await post('/fn/admin', { action: 'approveConsoleLogin', ticketId }, await login('demo-admin'))),
    ).toMatchObject({ ok: true });

    expect(
      await json(
        await post('/fn/admin', { action: 'pollConsoleLogin', ticketId, pollSecret: differentLastChar(pollSecret) }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const polled = await json(await post('/fn/admin', { action: 'pollConsoleLogin', ticketId, pollSecret }));
    expect(polled.data).toMatchObject({ status: 'approved', tokenKind: 'bearer', user: { openid: 'demo-admin' } });
    const me = await json(await post('/fn/user', { action: 'me' }, String(polled.data.token)));
    expect(me.data).toMatchObject({ openid: 'demo-admin', role: 'admin' });
    expect((await json(await post('/fn/admin', { action: 'pollConsoleLogin', ticketId, pollSecret }))).data).toEqual({
      status: 'expired',
    });
    // The approval is in the audit log, read with the console's new token.
    const log = await json(
      await post('/fn/admin', { action: 'audit', operation: 'approveConsoleLogin' }, String(polled.data.token)),
    );
    expect(log.data.items).toEqual([expect.objectContaining({ actor: 'demo-admin', targetId: ticketId })]);
    expect(JSON.stringify(log.data)).not.toContain('secretHash');
  });

  test('every other admin action, and every other function, still needs a token', async () => {
    for (const action of [
      'audit',
      'dashboard',
      'approveConsoleLogin',
      'consoleTicket',
      'uploadImage',
      'fileUrls',
      'nope',
    ]) {
      const res = await post('/fn/admin', { action });
      expect([action, res.status]).toEqual([action, action === 'nope' ? 404 : 401]);
    }
    const res = await post('/fn/stations', { action: 'list' });
    expect(res.status).toBe(401);
    // A bad token is refused even for the tokenless actions (no silent fall back to anonymous).
    const bad = await post('/fn/admin', { action: 'startConsoleLogin' }, 'x.y.z');
    expect(bad.status).toBe(401);
  });
});

describe('pictures', () => {
  test('an admin uploads a PNG; it is served at /files/<id> with its type and survives a restart of the store', async () => {
    const token = await login('demo-admin');
    const bytes = png(100 * 1024);
    const res = await post(
      '/fn/admin',
      { action: 'uploadImage', contentType: 'image/png', dataBase64: bytes.toString('base64') },
      token,
    );
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.ok).toBe(true);
    const { fileId, url } = body.data as { fileId: string; url: string };
    expect(url).toBe(`/files/${fileId}`);
    const got = await fetch(`${base}${url}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    const urls = await json(
      await post('/fn/admin', { action: 'fileUrls', fileIds: [fileId, '../auth.key'] }, await login('demo-member')),
    );
    expect(urls.data).toEqual({
      items: [
        { fileId, url },
        { fileId: '../auth.key', url: '' },
      ],
    });
    // A new store on the same folder (a restart) still has it.
    const again = await new LocalFileStore(path.join(dataDir, 'files')).read(fileId);
    expect(again?.contentType).toBe('image/png');
    expect(again?.bytes.equals(bytes)).toBe(true);
  });

  test('a body over 64 KB is refused with 413 for every other action and function', async () => {
    const token = await login('demo-admin');
    const big = 'x'.repeat(70 * 1024);
    const audit = await post('/fn/admin', { action: 'audit', pad: big }, token);
    expect(audit.status).toBe(413);
    expect(await json(audit)).toMatchObject({ ok: false, error: { message: '请求体过大' } });
    expect((await post('/fn/points', { action: 'rules', pad: big }, token)).status).toBe(413);
  });

  test('a picture over 2 MB is refused with a clear 413; just under the HTTP limit the domain says the same', async () => {
    const token = await login('demo-admin');
    const over = await post(
      '/fn/admin',
      {
        action: 'uploadImage',
        contentType: 'image/png',
        dataBase64: png(MAX_IMAGE_BYTES + 64 * 1024).toString('base64'),
      },
      token,
    );
    expect(over.status).toBe(413);
    expect(await json(over)).toMatchObject({ ok: false, error: { message: '图片不能超过 2 MB' } });
    const justOver = await post(
      '/fn/admin',
      { action: 'uploadImage', contentType: 'image/png', dataBase64: png(MAX_IMAGE_BYTES + 1).toString('base64') },
      token,
    );
    expect(await json(justOver)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '图片不能超过 2 MB' },
    });
    const exactly = await post(
      '/fn/admin',
      { action: 'uploadImage', contentType: 'image/png', dataBase64: png(MAX_IMAGE_BYTES).toString('base64') },
      token,
    );
    expect(await json(exactly)).toMatchObject({ ok: true });
  });

  test('no token: even a small upload is 401, and a large one is cut at 64 KB', async () => {
    expect(
      (
        await post('/fn/admin', {
          action: 'uploadImage',
          contentType: 'image/png',
          dataBase64: png(100).toString('base64'),
        })
      ).status,
    ).toBe(401);
    const big = await post('/fn/admin', {
      action: 'uploadImage',
      contentType: 'image/png',
      dataBase64: png(200 * 1024).toString('base64'),
    });
    expect(big.status).toBe(413);
  });

  test('wrong types are refused by their bytes, whatever they claim', async () => {
    const token = await login('demo-admin');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    const cases: [string, string, string][] = [
      ['image/png', gif.toString('base64'), '文件不是图片'],
      ['image/jpeg', png(200).toString('base64'), '图片格式与声明不符'],
      ['image/gif', gif.toString('base64'), '图片格式只能是'],
      ['image/png', '这不是base64', 'base64'],
      ['image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'), '文件不是图片'],
    ];
    for (const [contentType, dataBase64, message] of cases) {
      const res = await json(await post('/fn/admin', { action: 'uploadImage', contentType, dataBase64 }, token));
      expect([contentType, res.ok, res.error?.message]).toEqual([contentType, false, expect.stringContaining(message)]);
    }
    const staff = await json(
      await post(
        '/fn/admin',
        { action: 'uploadImage', contentType: 'image/png', dataBase64: png(100).toString('base64') },
        await login('demo-staff'),
      ),
    );
    expect(staff).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('/files never leaves its folder and never serves anything but a stored picture', async () => {
    fs.writeFileSync(path.join(dataDir, 'files', 'notes.txt'), 'secret');
    for (const target of [
      '/files/..%2Fauth.key',
      '/files/%2e%2e%2fauth.key',
      '/files/../auth.key',
      '/files/notes.txt',
      '/files/',
      '/files/a/b',
      `/files/${'0'.repeat(32)}.png`,
      `/files/${'0'.repeat(32)}.png%00.txt`,
      `/files/${'A'.repeat(32)}.png`,
    ]) {
      const res = await fetch(`${base}${target}`);
      expect([target, res.status]).toEqual([target, 404]);
      expect(await res.text()).not.toContain('secret');
    }
    expect(await files.read('../auth.key')).toBeNull();
    expect((await fetch(`${base}/files/${'0'.repeat(32)}.png`, { method: 'POST' })).status).toBe(405);
  });
});
