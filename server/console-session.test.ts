/**
 * Console sign-in over the local cloud's HTTP (issue 19, items 5 and 6): the console is named by the socket's
 * address (never X-Forwarded-For) and its User-Agent; its token names a session record that the mini-program
 * can end, refused on the very next call; ticket creation is limited per address.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { platformCaller, platformClient } from '../domain/core/cloud';
import { LocalDatabase } from '../domain/db/local/engine';
import { seedIfEmpty } from '../domain/seed/seed';
import { createLocalCloud } from './app';
import { TokenSigner } from './auth';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-23T02:00:00Z');
const CHROME_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
let at = T0;
let db: LocalDatabase;
let server: http.Server;
let base: string;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-console-session-'));
  db = LocalDatabase.open(dir);
  await seedIfEmpty(db, T0);
  server = createLocalCloud({ db, signer: TokenSigner.forDataDir(dir), now: () => at });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);
afterAll(async () => {
  server.close();
  await db.close();
});

type Body = { ok: boolean; data: Record<string, unknown>; error: { code: string; message: string } };
async function post(
  url: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  return { status: res.status, body: (await res.json()) as Body };
}
async function login(openid: string): Promise<string> {
  return String((await post('/auth/dev-login', { openid })).body.data.token);
}

test('the approve page sees the socket’s address and the browser, whatever X-Forwarded-For says', async () => {
  at = T0 + HOUR;
  const start = await post('/fn/admin', { action: 'startConsoleLogin' }, undefined, {
    'x-forwarded-for': '8.8.8.8',
    'x-real-ip': '8.8.4.4',
    'user-agent': CHROME_WIN,
  });
  const { ticketId } = start.body.data as { ticketId: string };
  const check = await post('/fn/admin', { action: 'consoleTicket', ticketId }, await login('demo-admin'));
  expect(check.body.data).toMatchObject({
    console: { address: '127.0.0.1', browser: 'Chrome 131 · Windows', startedAt: at },
  });
  expect(JSON.stringify(check.body.data)).not.toContain('8.8.');
});

test('the console’s token names its session: it lasts 8 hours, and ended in the mini-program the next call is 401', async () => {
  at = T0 + 2 * HOUR;
  const start = await post('/fn/admin', { action: 'startConsoleLogin' }, undefined, { 'user-agent': CHROME_WIN });
  const { ticketId, pollSecret } = start.body.data as { ticketId: string; pollSecret: string };
  const phone = await login('demo-admin');
  expect((await post('/fn/admin', { action: 'approveConsoleLogin', ticketId }, phone)).body.ok).toBe(true);
  const polled = (await post('/fn/admin', { action: 'pollConsoleLogin', ticketId, pollSecret })).body.data as {
    token: string;
    session: { sessionId: string; expiresAt: number };
  };
  expect(polled.session.expiresAt).toBe(at + 8 * HOUR);
  const consoleToken = polled.token;
  expect((await post('/fn/user', { action: 'me' }, consoleToken)).body.data).toMatchObject({ openid: 'demo-admin' });
  // The mini-program lists it and ends it; the console's next call is refused with a plain message.
  const list = (await post('/fn/admin', { action: 'consoleSessions' }, phone)).body.data as {
    items: { sessionId: string; address: string; browser: string }[];
  };
  expect(list.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        sessionId: polled.session.sessionId,
        address: '127.0.0.1',
        browser: 'Chrome 131 · Windows',
      }),
    ]),
  );
  expect(
    (await post('/fn/admin', { action: 'revokeConsoleSession', sessionId: polled.session.sessionId }, phone)).body.ok,
  ).toBe(true);
  const refused = await post('/fn/admin', { action: 'dashboard' }, consoleToken);
  expect(refused).toMatchObject({
    status: 401,
    body: { ok: false, error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('退出') } },
  });
  // The mini-program's own sign-in is untouched.
  expect((await post('/fn/user', { action: 'me' }, phone)).body.ok).toBe(true);

  // A second console: fine for 8 hours, then refused as expired (a 7-day token is no longer what the scan gives).
  const again = await post('/fn/admin', { action: 'startConsoleLogin' }, undefined, { 'user-agent': CHROME_WIN });
  const second = again.body.data as { ticketId: string; pollSecret: string };
  await post('/fn/admin', { action: 'approveConsoleLogin', ticketId: second.ticketId }, phone);
  const token2 = String(
    (await post('/fn/admin', { action: 'pollConsoleLogin', ticketId: second.ticketId, pollSecret: second.pollSecret }))
      .body.data.token,
  );
  at += 8 * HOUR - 1;
  expect((await post('/fn/user', { action: 'me' }, token2)).status).toBe(200);
  at += 1;
  expect(await post('/fn/user', { action: 'me' }, token2)).toMatchObject({
    status: 401,
    body: { error: { code: 'UNAUTHENTICATED' } },
  });
});

test('one address gets 10 tickets a minute; the 11th is refused in Chinese', async () => {
  at = T0 + 30 * HOUR;
  for (let i = 0; i < 10; i += 1) expect((await post('/fn/admin', { action: 'startConsoleLogin' })).body.ok).toBe(true);
  const refused = await post('/fn/admin', { action: 'startConsoleLogin' }, undefined, {
    'x-forwarded-for': '10.0.0.9',
  });
  expect(refused.body).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  at += 60_000;
  expect((await post('/fn/admin', { action: 'startConsoleLogin' })).body.ok).toBe(true);
});

describe('the credential names the session, on both hosts', () => {
  const signer = new TokenSigner(Buffer.alloc(32, 7));
  const SID = `cs${'c3'.repeat(12)}`;

  test('local: a console token carries its session; it is no ordinary token, and neither its session nor its end can be changed', () => {
    const token = signer.issueSession('demo-admin', SID, T0 + 8 * HOUR);
    expect(signer.verifyCaller(token, T0)).toEqual({ openid: 'demo-admin', consoleSession: SID });
    expect(signer.verify(token, T0)).toBeNull();
    const [id, expiry, , sig] = token.split('.') as [string, string, string, string];
    expect(signer.verifyCaller(`${id}.${expiry}.cs${'d4'.repeat(12)}.${sig}`, T0)).toBeNull();
    expect(signer.verifyCaller(`${id}.${expiry}.${sig}`, T0)).toBeNull();
    expect(signer.verifyCaller(token, T0 + 8 * HOUR)).toBeNull();
    // A correctly signed session token further away than one session's 8 hours is refused.
    expect(signer.verifyCaller(signer.issueSession('demo-admin', SID, T0 + 9 * HOUR), T0)).toBeNull();
    // Ordinary tokens read as before.
    expect(signer.verifyCaller(signer.issue('demo-member', T0), T0)).toEqual({ openid: 'demo-member' });
  });

  test('CloudBase: a custom-login uid is a console session, a WeChat openid an ordinary caller; the address is the platform’s', () => {
    const context = (env: Record<string, string>) => ({
      environment: JSON.stringify({ TCB_CONTEXT_KEYS: Object.keys(env).join(','), ...env }),
    });
    expect(platformCaller(context({ TCB_CUSTOM_USER_ID: SID, TCB_SOURCE_IP: '203.0.113.7' }))).toEqual({
      openid: '',
      consoleSession: SID,
    });
    expect(platformCaller(context({ WX_OPENID: 'o-abc', TCB_SOURCE_IP: '203.0.113.7' }))).toEqual({ openid: 'o-abc' });
    expect(platformClient(context({ TCB_CUSTOM_USER_ID: SID, TCB_SOURCE_IP: '203.0.113.7' }))).toMatchObject({
      address: '203.0.113.7',
    });
  });
});
