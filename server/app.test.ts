/** The local cloud over HTTP: sign-in, the function endpoint, its transport errors, static files. */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { LocalDatabase } from '../domain/db/local/engine';
import { seedIfEmpty } from '../domain/seed/seed';
import { startLocalCloud } from '../test/support/local-cloud';
import { createLocalCloud } from './app';
import { TokenSigner } from './auth';

let db: LocalDatabase;
let server: http.Server;
let base: string;
let dataDir: string;

async function listen(s: http.Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-http-'));
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<title>先锋驿站</title>');
  db = LocalDatabase.open(dataDir);
  await seedIfEmpty(db, Date.now());
  server = createLocalCloud({ db, signer: TokenSigner.forDataDir(dataDir), staticDir });
  base = await listen(server);
});
afterAll(async () => {
  server.close();
  await db.close();
});

const post = (url: string, body: string, headers: Record<string, string> = {}) => fetch(`${base}${url}`, { method: 'POST', body, headers });
async function login(openid: string): Promise<string> {
  const res = await post('/auth/dev-login', JSON.stringify({ openid }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

test('dev-login answers a token that identifies the caller to every function', async () => {
  const token = await login('demo-staff');
  const res = await post('/fn/user', JSON.stringify({ action: 'me' }), { authorization: `Bearer ${token}` });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'demo-staff', role: 'staff' } });
});

test('an unknown openid signs in as a new resident', async () => {
  const token = await login('visitor-0001');
  const res = await post('/fn/user', JSON.stringify({ action: 'me' }), { authorization: `Bearer ${token}` });
  expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'visitor-0001', role: 'resident' } });
});

test('the stations list is served as in the README example', async () => {
  const token = await login('demo-resident');
  const res = await post('/fn/stations', '{"action":"list"}', { authorization: `Bearer ${token}` });
  const body = (await res.json()) as { ok: boolean; data: { items: { stationId: string }[] } };
  expect(body.ok).toBe(true);
  expect(body.data.items.length).toBe(20);
});

test.each([
  ['malformed JSON', '/fn/stations', '{"action":', true, 400, 'INVALID_ARGUMENT'],
  ['unknown function', '/fn/payments', '{"action":"list"}', true, 404, 'NOT_FOUND'],
  ['unknown action', '/fn/stations', '{"action":"drop"}', true, 404, 'NOT_FOUND'],
  ['missing token', '/fn/stations', '{"action":"list"}', false, 401, 'UNAUTHENTICATED'],
  ['malformed dev-login', '/auth/dev-login', '{"openid":""}', false, 400, 'INVALID_ARGUMENT'],
])('%s → the status and the envelope', async (_name, url, body, withToken, status, code) => {
  const headers: Record<string, string> = withToken ? { authorization: `Bearer ${await login('demo-member')}` } : {};
  const res = await post(url, body, headers);
  expect(res.status).toBe(status);
  const json = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
  expect(json.ok).toBe(false);
  expect(json.error.code).toBe(code);
  expect(json.error.message).toMatch(/[\u4e00-\u9fa5]/);
});

test('a forged or tampered token is refused with 401', async () => {
  const token = await login('demo-member');
  const [id, expiry, sig] = token.split('.');
  const forged = `${Buffer.from('demo-admin').toString('base64url')}.${expiry}.${sig}`;
  for (const bad of [forged, `${id}.${Number(expiry) + 1}.${sig}`, 'not-a-token']) {
    const res = await post('/fn/user', '{"action":"me"}', { authorization: `Bearer ${bad}` });
    expect(res.status).toBe(401);
  }
});

test('an oversized body is refused', async () => {
  const res = await post('/fn/stations', JSON.stringify({ action: 'list', keyword: 'x'.repeat(70_000) }), { authorization: `Bearer ${await login('demo-member')}` });
  expect(res.status).toBe(413);
});

test('the H5 app is served at /', async () => {
  const res = await fetch(`${base}/`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('先锋驿站');
});

test('in CloudBase mode there is no dev sign-in', async () => {
  const cloudMode = createLocalCloud({ db, signer: null });
  const url = await listen(cloudMode);
  const res = await fetch(`${url}/auth/dev-login`, { method: 'POST', body: '{"openid":"demo-admin"}' });
  expect(res.status).toBe(404);
  const fn = await fetch(`${url}/fn/user`, { method: 'POST', body: '{"action":"me"}', headers: { authorization: 'Bearer anything' } });
  expect(fn.status).toBe(401);
  cloudMode.close();
});

test('npm start stops cleanly on Ctrl-C and the data survives a restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-restart-'));
  const first = await startLocalCloud({ dataDir: dir });
  const res = await fetch(`${first.url}/auth/dev-login`, { method: 'POST', body: '{"openid":"returning-visitor"}' });
  const { data } = (await res.json()) as { data: { token: string } };
  expect(await first.stop('SIGINT')).toBe(0);
  const second = await startLocalCloud({ dataDir: dir });
  // The same token still works (the signing key lives in the data folder) and the user is still there.
  const me = await fetch(`${second.url}/fn/user`, { method: 'POST', body: '{"action":"me"}', headers: { authorization: `Bearer ${data.token}` } });
  expect(await me.json()).toMatchObject({ ok: true, data: { openid: 'returning-visitor', nickname: '新居民' } });
  expect(await second.stop('SIGTERM')).toBe(0);
}, 60_000);
