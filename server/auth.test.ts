/** Sign-in tokens: a finite lifetime, checked on every call; no expiry form outlives it. */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { LocalDatabase } from '../domain/db/local/engine';
import { readConfig } from './config';
import { createLocalCloud } from './app';
import { DAY_MS, TokenSigner } from './auth';

const KEY = Buffer.alloc(32, 7);
const NOW = Date.UTC(2026, 10, 23, 8, 0);

/** A token signed with the right key but carrying any expiry text: what a leaked key or an old build could mint. */
function signed(openid: string, expiry: string): string {
  const body = `${Buffer.from(openid).toString('base64url')}.${expiry}`;
  return `${body}.${createHmac('sha256', KEY).update(body).digest('base64url')}`;
}

test('a token lasts 7 days by default and not a millisecond longer', () => {
  const signer = new TokenSigner(KEY);
  const token = signer.issue('demo-member', NOW);
  expect(signer.verify(token, NOW)).toBe('demo-member');
  expect(signer.verify(token, NOW + 7 * DAY_MS - 1)).toBe('demo-member');
  expect(signer.verify(token, NOW + 7 * DAY_MS)).toBeNull();
});

test('the lifetime is configurable (TOKEN_TTL_DAYS)', () => {
  const signer = new TokenSigner(KEY, readConfig({ TOKEN_TTL_DAYS: '1' }).tokenTtlMs);
  const token = signer.issue('demo-member', NOW);
  expect(signer.verify(token, NOW + DAY_MS - 1)).toBe('demo-member');
  expect(signer.verify(token, NOW + DAY_MS)).toBeNull();
  expect(readConfig({}).tokenTtlMs).toBe(7 * DAY_MS);
  for (const bad of ['0', '-1', 'abc', 'Infinity', '366'])
    expect(() => readConfig({ TOKEN_TTL_DAYS: bad })).toThrow('TOKEN_TTL_DAYS');
});

test.each([
  ['infinite', 'Infinity'],
  ['missing', ''],
  ['not a number', 'soon'],
  ['exponent form', '1e20'],
  ['hexadecimal', `0x${(NOW + DAY_MS).toString(16)}`],
  ['negative', '-1'],
  ['fractional', `${NOW + DAY_MS}.5`],
  ['padded', ` ${NOW + DAY_MS}`],
  ['far future', String(NOW + 365 * DAY_MS)],
  ['one millisecond past the lifetime', String(NOW + 7 * DAY_MS + 1)],
  ['already expired', String(NOW - 1)],
  ['huge', '9'.repeat(40)],
])('a correctly signed token whose expiry is %s is refused', (_name, expiry) => {
  const signer = new TokenSigner(KEY);
  expect(signer.verify(signed('demo-admin', expiry), NOW)).toBeNull();
});

test('a correctly signed token with a plain in-range expiry is accepted (the forms above fail on their expiry alone)', () => {
  expect(new TokenSigner(KEY).verify(signed('demo-admin', String(NOW + DAY_MS)), NOW)).toBe('demo-admin');
});

test('a token without an expiry part or with an empty openid is refused', () => {
  const signer = new TokenSigner(KEY);
  const [id, , sig] = signer.issue('demo-member', NOW).split('.');
  expect(signer.verify(`${id}.${sig}`, NOW)).toBeNull();
  expect(signer.verify(signed('', String(NOW + DAY_MS)), NOW)).toBeNull();
});

test('over HTTP the expiry is checked on every call: the same token answers 200, then 401 once its time is up', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-auth-'));
  const db = LocalDatabase.open(dir);
  let now = NOW;
  const server = createLocalCloud({ db, signer: new TokenSigner(KEY), now: () => now });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = (token: string) =>
    fetch(`${base}/fn/user`, {
      method: 'POST',
      body: '{"action":"me"}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
  try {
    const login = await fetch(`${base}/auth/dev-login`, {
      method: 'POST',
      body: '{"openid":"expiring"}',
      headers: { 'content-type': 'application/json' },
    });
    const { data } = (await login.json()) as { data: { token: string } };
    expect((await call(data.token)).status).toBe(200);
    now = NOW + 7 * DAY_MS;
    const expired = await call(data.token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    now = NOW;
    for (const expiry of ['Infinity', String(NOW + 30 * DAY_MS), 'never'])
      expect((await call(signed('expiring', expiry))).status).toBe(401);
  } finally {
    server.close();
    await db.close();
  }
});
