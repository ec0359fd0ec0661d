/** The local cloud over HTTP: sign-in, the function endpoint, its transport errors, static files. */
import { clock } from '../domain/core/clock';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { LocalDatabase } from '../domain/db/local/engine';
import { seedIfEmpty } from '../domain/seed/seed';
import { devLogin, postJson, startLocalCloud } from '../test/support/local-cloud';
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
  await seedIfEmpty(db, clock.now());
  server = createLocalCloud({ db, signer: TokenSigner.forDataDir(dataDir), staticDir });
  base = await listen(server);
}, 60_000);
afterAll(async () => {
  server.close();
  await db.close();
});

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${url}`, { method: 'POST', body, headers: { ...JSON_TYPE, ...headers } });
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

/** A request with a chosen Host header (fetch would set its own). */
function withHost(
  host: string | null,
  pathname: string,
  body = '',
  headers: Record<string, string> = {},
): Promise<{ status: number; json: { ok: boolean; error?: { code: string } } }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: 'POST',
        setHost: false,
        headers: { ...JSON_TYPE, ...(host === null ? {} : { host }), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as { ok: boolean; error?: { code: string } } }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test.each(['127.0.0.1', '127.0.0.1:8080', 'localhost', 'LOCALHOST:3000'])('Host %s is accepted', async (host) => {
  const res = await withHost(host, '/auth/dev-login', '{"openid":"demo-member"}');
  expect(res).toMatchObject({ status: 200, json: { ok: true } });
});

test.each([
  'evil.example',
  'evil.example:8080',
  '127.0.0.1.evil.example',
  'localhost.evil.example',
  '127.0.0.2',
  '[::1]',
  '127.0.0.1:99999',
  'a b',
  '',
])('Host %j is refused with 403 and the envelope, before anything is written', async (host) => {
  const res = await withHost(host, '/auth/dev-login', '{"openid":"host-intruder"}');
  expect(res).toMatchObject({ status: 403, json: { ok: false, error: { code: 'FORBIDDEN' } } });
  expect(await db.collection('users').doc('host-intruder').get()).toBeNull();
});

test('ALLOWED_HOSTS names are accepted, by name or by name and port', async () => {
  const extra = createLocalCloud({
    db,
    signer: TokenSigner.forDataDir(dataDir),
    allowedHosts: ['station.example', 'lan.example:8443'],
  });
  const url = await listen(extra);
  const { port } = extra.address() as AddressInfo;
  const ask = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/auth/dev-login',
          method: 'POST',
          setHost: false,
          headers: { ...JSON_TYPE, host },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{"openid":"demo-member"}');
    });
  expect(await ask('station.example')).toBe(200);
  expect(await ask('Station.Example:9000')).toBe(200);
  expect(await ask('lan.example:8443')).toBe(200);
  expect(await ask('lan.example:8444')).toBe(403);
  expect(await ask('other.example')).toBe(403);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  extra.close();
});

test.each([
  ['no content type', undefined],
  ['text/plain', 'text/plain'],
  ['form', 'application/x-www-form-urlencoded'],
  ['multipart', 'multipart/form-data; boundary=x'],
  ['json with a foreign charset', 'application/json; charset=latin1'],
  ['json lookalike', 'application/jsonp'],
])('a POST with %s is refused 415 (dev-login too) and signs no one in', async (_name, type) => {
  const headers: Record<string, string> = type === undefined ? {} : { 'content-type': type };
  const refused = await fetch(`${base}/auth/dev-login`, { method: 'POST', body: '{"openid":"cross-site"}', headers });
  expect(refused.status).toBe(415);
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  expect(await db.collection('users').doc('cross-site').get()).toBeNull();
  const token = await login('demo-member');
  const fn = await fetch(`${base}/fn/user`, {
    method: 'POST',
    body: '{"action":"me"}',
    headers: { ...headers, authorization: `Bearer ${token}` },
  });
  expect(fn.status).toBe(415);
});

test.each([
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON;charset="UTF-8"',
  'application/json ; charset=utf8',
])('content type %j is accepted', async (type) => {
  const res = await fetch(`${base}/auth/dev-login`, {
    method: 'POST',
    body: '{"openid":"demo-member"}',
    headers: { 'content-type': type },
  });
  expect(res.status).toBe(200);
});

test('a compressed body is refused 415 rather than parsed as text', async () => {
  const res = await post('/fn/user', 'x', {
    authorization: `Bearer ${await login('demo-member')}`,
    'content-encoding': 'gzip',
  });
  expect(res.status).toBe(415);
});

test('a body that is not UTF-8 is refused 400', async () => {
  const res = await fetch(`${base}/auth/dev-login`, {
    method: 'POST',
    body: Buffer.from([0x7b, 0x22, 0x6f, 0xff, 0xfe, 0x22, 0x7d]),
    headers: JSON_TYPE,
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});

test.each([
  ['/fn/%', 404, 'NOT_FOUND'],
  ['/fn/%E0%A4%A', 404, 'NOT_FOUND'],
  ['/fn/%00', 404, 'NOT_FOUND'],
  ['/fn/__proto__', 404, 'NOT_FOUND'],
  ['/fn/constructor', 404, 'NOT_FOUND'],
  ['/fn/user/extra', 404, 'NOT_FOUND'],
  ['/auth/other', 405, 'INVALID_ARGUMENT'],
])('POST %s → %i %s, never 500', async (target, status, code) => {
  const res = await withHost('127.0.0.1', target, '{"action":"me"}', {
    authorization: `Bearer ${await login('demo-member')}`,
  });
  expect(res).toMatchObject({ status, json: { ok: false, error: { code } } });
});

test('a GET to a function answers 405 with Allow: POST', async () => {
  const res = await fetch(`${base}/fn/user`);
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('POST');
  expect(await res.json()).toMatchObject({ ok: false });
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
  const res = await post('/fn/stations', JSON.stringify({ action: 'list', keyword: 'x'.repeat(70_000) }), {
    authorization: `Bearer ${await login('demo-member')}`,
  });
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
  const res = await fetch(`${url}/auth/dev-login`, {
    method: 'POST',
    body: '{"openid":"demo-admin"}',
    headers: JSON_TYPE,
  });
  expect(res.status).toBe(404);
  const fn = await fetch(`${url}/fn/user`, {
    method: 'POST',
    body: '{"action":"me"}',
    headers: { ...JSON_TYPE, authorization: 'Bearer anything' },
  });
  expect(fn.status).toBe(401);
  cloudMode.close();
});

test('npm start stops cleanly on Ctrl-C and the data survives a restart', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-restart-'));
  const first = await startLocalCloud({ dataDir: dir });
  const token = await devLogin(first.url, 'returning-visitor');
  expect(await first.stop('SIGINT')).toBe(0);
  const second = await startLocalCloud({ dataDir: dir });
  // The same token still works (the signing key lives in the data folder) and the user is still there.
  const me = await postJson(`${second.url}/fn/user`, { action: 'me' }, token);
  expect(await me.json()).toMatchObject({ ok: true, data: { openid: 'returning-visitor', nickname: '新居民' } });
  expect(await second.stop('SIGTERM')).toBe(0);
}, 60_000);
