/** Scan-to-sign-in for the console, on either engine: one ticket, one approval, one credential. */
import { adminWorld, data, type AdminWorld } from '../../test/support/admin-world';
import { CONSOLE_LOGINS, TICKET_TTL_MS } from './model';
import { purgeConsoleLogins } from './sign-in';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { JOB_EVERY_MINUTES } from '../core/jobs';
import type { Envelope } from '../core/errors';
import type { HostServices } from '../core/services';

jest.setTimeout(120_000);

interface Started {
  ticketId: string;
  pollSecret: string;
  qrText: string;
  path: string;
  expiresAt: number;
}
interface Polled {
  status: string;
  token?: string;
  user?: { openid: string; roleLabel: string };
}

let w: AdminWorld;
beforeAll(async () => {
  w = await adminWorld();
});
afterAll(() => w.db.close());

const start = async () => data(await w.call<Started>('admin', { action: 'startConsoleLogin' }, null));
const poll = (t: Started, at = w.now, secret = t.pollSecret) =>
  w.call.at(at)<Polled>('admin', { action: 'pollConsoleLogin', ticketId: t.ticketId, pollSecret: secret }, null);
const approve = (t: Started, who: string, at = w.now) =>
  w.call.at(at)('admin', { action: 'approveConsoleLogin', ticketId: t.ticketId }, who);

test('start needs no sign-in, keeps only a hash of the poll secret, and points the QR at the approve page', async () => {
  const t = await start();
  expect(t.qrText).toBe(`http://127.0.0.1:8080/#/packages/console/pages/approve/index?ticket=${t.ticketId}`);
  expect(t.path).toBe(`/packages/console/pages/approve/index?ticket=${t.ticketId}`);
  expect(t.expiresAt).toBe(w.now + TICKET_TTL_MS);
  const stored = JSON.stringify(await w.db.collection(CONSOLE_LOGINS).doc(t.ticketId).get());
  expect(stored).not.toContain(t.pollSecret);
  expect(stored).toContain('secretHash');
});

test('waiting, then approved by an admin: the first poll gets the credential for that admin, the second nothing', async () => {
  const t = await start();
  expect(data(await poll(t))).toEqual({ status: 'waiting' });
  const check = data(
    await w.call<{ status: string; canApprove: boolean; as: { roleLabel: string; nickname: string } }>('admin', {
      action: 'consoleTicket',
      ticketId: t.ticketId,
    }),
  );
  expect(check).toMatchObject({
    status: 'waiting',
    canApprove: true,
    as: { roleLabel: '管理员', nickname: '管理员赵书记' },
  });
  expect(await approve(t, 'demo-admin', w.now + 1000)).toMatchObject({
    ok: true,
    data: { as: { roleLabel: '管理员' } },
  });
  const first = data(await poll(t, w.now + 2000));
  expect(first).toMatchObject({
    status: 'approved',
    token: `test-token:demo-admin:${w.now + 2000}`,
    user: { openid: 'demo-admin', roleLabel: '管理员' },
  });
  const second = data(await poll(t, w.now + 3000));
  expect(second).toEqual({ status: 'expired' });
  // Approving again is refused: the ticket was used.
  expect(await approve(t, 'demo-admin', w.now + 4000)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
});

test('a wrong poll secret learns nothing, not even that the ticket exists', async () => {
  const t = await start();
  await approve(t, 'demo-admin');
  const wrong = await poll(t, w.now, 'x'.repeat(43));
  expect(wrong).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  // The right secret still collects it afterwards.
  expect(data(await poll(t))).toMatchObject({ status: 'approved' });
});

test('an expired ticket cannot be approved and polls as expired', async () => {
  const t = await start();
  const late = w.now + TICKET_TTL_MS;
  expect(await approve(t, 'demo-admin', late)).toMatchObject({
    ok: false,
    error: { code: 'TOO_LATE', message: expect.stringContaining('过期') },
  });
  expect(data(await poll(t, late))).toEqual({ status: 'expired' });
});

test('a resident or a member cannot approve; the page is told so before the tap', async () => {
  const t = await start();
  for (const who of ['demo-resident', 'demo-member']) {
    expect(await approve(t, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      data(await w.call<{ canApprove: boolean }>('admin', { action: 'consoleTicket', ticketId: t.ticketId }, who)),
    ).toMatchObject({ canApprove: false });
  }
  expect(await approve(t, null as unknown as string)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(data(await poll(t))).toEqual({ status: 'waiting' });
});

test('staff may use the console; a role taken away before the poll gets no credential', async () => {
  const t = await start();
  expect(await approve(t, 'demo-staff')).toMatchObject({ ok: true });
  await w.db.collection('users').doc('demo-staff').update({ role: 'member' });
  expect(await poll(t)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await w.db.collection('users').doc('demo-staff').update({ role: 'staff' });
});

test('bad ticket ids are refused in Chinese; unknown ones are NOT_FOUND', async () => {
  expect(await w.call('admin', { action: 'approveConsoleLogin', ticketId: '../x' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('登录二维码') },
  });
  expect(await w.call('admin', { action: 'approveConsoleLogin', ticketId: `cl${'0'.repeat(24)}` })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
});

test('the purge job removes spent tickets and keeps fresh ones', async () => {
  const fresh = await start();
  const removed = await purgeConsoleLogins(w.db, w.now + TICKET_TTL_MS + 61 * 60_000);
  expect(removed.removed).toBeGreaterThan(0);
  expect(await w.db.collection(CONSOLE_LOGINS).doc(fresh.ticketId).get()).toBeNull();
  const newer = await start();
  await purgeConsoleLogins(w.db, w.now);
  expect(await w.db.collection(CONSOLE_LOGINS).doc(newer.ticketId).get()).not.toBeNull();
});

// ---------------------------------------------------------------------------------------------
// Issue 19, items 5 and 6: the console that asked is named, a sign-in is a revocable session record of a few
// hours, and tickets are limited per address, capped overall and removed within minutes.

const CHROME_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const HOUR = 3_600_000;
interface Session {
  sessionId: string;
  address: string | null;
  browser: string;
  startedAt: number;
  expiresAt: number;
  current?: boolean;
}
interface Issued {
  openid: string;
  at: number;
  session: unknown;
}
const issued: Issued[] = [];

/** The host's ports for one request, with the client it saw (the socket's address, the User-Agent): never the event. */
function hostFor(address: string | null, userAgent: string | null = CHROME_WIN): HostServices {
  const services: Record<string, unknown> = {
    ...w.services,
    credentials: {
      issue: async (openid: string, at: number, ...rest: unknown[]) => {
        issued.push({ openid, at, session: rest[0] });
        return { token: `test-token:${openid}:${at}`, kind: 'bearer' };
      },
    },
    client: { address, userAgent },
  };
  return services as HostServices;
}
/** Calls at `at` as `caller`: an openid (the mini-program) or a console session `{ openid, consoleSession }`. */
function callAs<T = unknown>(
  at: number,
  fn: string,
  event: object,
  caller: string | { openid: string; consoleSession: string } | null,
  host: HostServices = hostFor('198.51.100.9'),
) {
  const who = typeof caller === 'string' ? { openid: caller } : caller;
  return FUNCTIONS[fn]!.handle(event, { db: w.db, caller: who, now: () => at, services: host }) as Promise<Envelope<T>>;
}
async function startFrom(address: string | null, at: number, userAgent: string | null = CHROME_WIN) {
  return callAs<Started>(at, 'admin', { action: 'startConsoleLogin' }, null, hostFor(address, userAgent));
}
/** A console signed in by `who` at `at` from `address`: its session id and its credential. */
async function signInConsole(who: string, at: number, address = '203.0.113.7') {
  const t = data(await startFrom(address, at));
  data(await callAs(at + 1000, 'admin', { action: 'approveConsoleLogin', ticketId: t.ticketId }, who));
  const polled = data(
    await callAs<Polled & { session: { sessionId: string; expiresAt: number } }>(
      at + 2000,
      'admin',
      { action: 'pollConsoleLogin', ticketId: t.ticketId, pollSecret: t.pollSecret },
      null,
      hostFor(address),
    ),
  );
  return {
    ticket: t,
    polled,
    sessionId: polled.session.sessionId,
    console: { openid: who, consoleSession: polled.session.sessionId },
  };
}

test('the approve page is told the console’s address, browser and start time, as the host saw them', async () => {
  const at = w.now + 10 * HOUR;
  const t = data(await startFrom('203.0.113.7', at));
  const check = await callAs(at + 5000, 'admin', { action: 'consoleTicket', ticketId: t.ticketId }, 'demo-admin');
  expect(data(check)).toMatchObject({
    status: 'waiting',
    console: { address: '203.0.113.7', browser: 'Chrome 131 · Windows', startedAt: at },
  });
  // Nothing the console sends can name another address or browser: the event has no such fields.
  expect(
    await callAs(
      at,
      'admin',
      { action: 'startConsoleLogin', address: '10.0.0.1', userAgent: 'x' },
      null,
      hostFor('203.0.113.7'),
    ),
  ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  // An IPv4 address mapped into IPv6 (node's dual-stack sockets) is shown as IPv4; an unknown browser is said plainly.
  const mapped = data(await startFrom('::ffff:192.0.2.4', at, 'curl/8.5.0'));
  expect(
    data(await callAs(at, 'admin', { action: 'consoleTicket', ticketId: mapped.ticketId }, 'demo-admin')),
  ).toMatchObject({ console: { address: '192.0.2.4', browser: '未知浏览器' } });
});

test('browsers are named briefly from the User-Agent', () => {
  const { describeBrowser } = jest.requireActual<{ describeBrowser(ua: string | null): string }>('./agent');
  const cases: [string, string][] = [
    [CHROME_WIN, 'Chrome 131 · Windows'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      'Edge 131 · Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
      'Safari 17 · macOS',
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox 133 · Linux'],
    [
      'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 QIHU 360SE',
      'Chrome 86 · Windows',
    ],
  ];
  for (const [ua, name] of cases) expect([ua, describeBrowser(ua)]).toEqual([ua, name]);
  expect(describeBrowser(null)).toBe('未知浏览器');
  expect(describeBrowser('x'.repeat(5000))).toBe('未知浏览器');
});

test('a console sign-in is a session record of 8 hours, checked on every console call', async () => {
  const at = w.now + 20 * HOUR;
  issued.length = 0;
  const s = await signInConsole('demo-admin', at);
  expect(s.polled).toMatchObject({
    status: 'approved',
    session: { sessionId: expect.any(String), expiresAt: at + 2000 + 8 * HOUR },
  });
  // The credential is made for that session (the host puts its id in the token or the custom-login uid).
  expect(issued).toEqual([
    expect.objectContaining({ openid: 'demo-admin', session: expect.objectContaining({ sessionId: s.sessionId }) }),
  ]);
  const stored = await w.db.collection('consoleSessions').doc(s.sessionId).get();
  expect(stored).toMatchObject({
    openid: 'demo-admin',
    address: '203.0.113.7',
    browser: 'Chrome 131 · Windows',
    startedAt: at,
    revokedAt: null,
  });
  // The console calls as that session: allowed while it lives, refused in plain Chinese once it has expired.
  expect(await callAs(at + 3 * HOUR, 'user', { action: 'me' }, s.console)).toMatchObject({
    ok: true,
    data: { openid: 'demo-admin' },
  });
  expect(await callAs(at + 2000 + 8 * HOUR, 'user', { action: 'me' }, s.console)).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('过期') },
  });
  // In the cloud the credential names the session alone (the custom-login uid): the session says who it is.
  expect(
    await callAs(at + 3 * HOUR, 'user', { action: 'me' }, { openid: '', consoleSession: s.sessionId }),
  ).toMatchObject({ ok: true, data: { openid: 'demo-admin' } });
  // A session that does not exist, or one that names someone else, is no sign-in at all.
  expect(
    await callAs(at, 'user', { action: 'me' }, { openid: 'demo-admin', consoleSession: `cs${'0'.repeat(24)}` }),
  ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect(
    await callAs(
      at + 3 * HOUR,
      'admin',
      { action: 'dashboard' },
      { openid: 'demo-staff', consoleSession: s.sessionId },
    ),
  ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('my console sessions are listed in the mini-program and I can end them; the next console call is refused', async () => {
  const at = w.now + 40 * HOUR;
  const mine = await signInConsole('demo-admin', at, '203.0.113.8');
  const staffs = await signInConsole('demo-staff', at, '203.0.113.9');
  const listed = data(
    await callAs<{ items: Session[] }>(at + 60_000, 'admin', { action: 'consoleSessions' }, 'demo-admin'),
  );
  expect(listed.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        sessionId: mine.sessionId,
        address: '203.0.113.8',
        browser: 'Chrome 131 · Windows',
        startedAt: at,
        expiresAt: at + 2000 + 8 * HOUR,
      }),
    ]),
  );
  expect(listed.items.map((i) => i.sessionId)).not.toContain(staffs.sessionId);
  // Only my own: another's session is NOT_FOUND to me, and stays alive.
  expect(
    await callAs(at + 60_000, 'admin', { action: 'revokeConsoleSession', sessionId: staffs.sessionId }, 'demo-admin'),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await callAs(at + 60_000, 'user', { action: 'me' }, staffs.console)).toMatchObject({ ok: true });
  expect(
    await callAs(at + 60_000, 'admin', { action: 'revokeConsoleSession', sessionId: mine.sessionId }, 'demo-admin'),
  ).toMatchObject({ ok: true });
  expect(await callAs(at + 61_000, 'admin', { action: 'dashboard' }, mine.console)).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('退出') },
  });
  const after = data(
    await callAs<{ items: Session[] }>(at + 62_000, 'admin', { action: 'consoleSessions' }, 'demo-admin'),
  );
  expect(after.items.map((i) => i.sessionId)).not.toContain(mine.sessionId);
  // Ending it twice is harmless.
  expect(
    await callAs(at + 63_000, 'admin', { action: 'revokeConsoleSession', sessionId: mine.sessionId }, 'demo-admin'),
  ).toMatchObject({ ok: true });
  // A role taken away ends the console's use of the session too.
  await w.db.collection('users').doc('demo-staff').update({ role: 'member' });
  expect(await callAs(at + 64_000, 'user', { action: 'me' }, staffs.console)).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
  await w.db.collection('users').doc('demo-staff').update({ role: 'staff' });
});

test('ticket creation: 10 a minute from one address, then LIMIT_REACHED writing nothing; other addresses go on', async () => {
  const at = Date.parse('2026-11-25T03:00:10Z');
  for (let i = 0; i < 10; i += 1) expect(await startFrom('198.51.100.20', at + i)).toMatchObject({ ok: true });
  const before = await w.db.collection(CONSOLE_LOGINS).count();
  const refused = await startFrom('198.51.100.20', at + 20);
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'LIMIT_REACHED', message: expect.stringMatching(/频繁|稍后/) },
  });
  expect(await w.db.collection(CONSOLE_LOGINS).count()).toBe(before);
  expect(await startFrom('198.51.100.21', at + 30)).toMatchObject({ ok: true });
  // The next minute opens again.
  expect(await startFrom('198.51.100.20', at + 60_000)).toMatchObject({ ok: true });
});

test('waiting tickets are capped at 200 overall; once they expire, new ones are made again', async () => {
  const at = Date.parse('2026-11-26T03:00:10Z');
  await purgeConsoleLogins(w.db, at);
  for (let a = 0; a < 20; a += 1) {
    for (let i = 0; i < 10; i += 1)
      expect(await startFrom(`198.51.101.${a}`, at + a * 10 + i)).toMatchObject({ ok: true });
  }
  expect(await startFrom('198.51.102.1', at + 500)).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  expect(await startFrom('198.51.102.1', at + TICKET_TTL_MS + 1000)).toMatchObject({ ok: true });
});

test('expired tickets go within minutes: the purge job runs every 5 minutes and removes a ticket once it can no longer be collected', async () => {
  expect(JOB_EVERY_MINUTES.purgeConsoleLogins).toBeLessThanOrEqual(5);
  const at = Date.parse('2026-11-27T03:00:10Z');
  const t = data(await startFrom('198.51.103.1', at));
  await purgeConsoleLogins(w.db, at + TICKET_TTL_MS);
  expect(await w.db.collection(CONSOLE_LOGINS).doc(t.ticketId).get()).not.toBeNull();
  await purgeConsoleLogins(w.db, at + TICKET_TTL_MS + 2 * 60_000);
  expect(await w.db.collection(CONSOLE_LOGINS).doc(t.ticketId).get()).toBeNull();
});

test('30 starts at once from one address: exactly 10 tickets, the rest LIMIT_REACHED, never CONFLICT or INTERNAL', async () => {
  const at = Date.parse('2026-11-28T03:00:10Z');
  const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => startFrom('198.51.104.1', at + i)));
  const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
  expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
  expect(codes.filter((c) => c !== 'ok').every((c) => c === 'LIMIT_REACHED')).toBe(true);
});
