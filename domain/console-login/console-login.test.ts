/** Scan-to-sign-in for the console, on either engine: one ticket, one approval, one credential. */
import { adminWorld, data, type AdminWorld } from '../../test/support/admin-world';
import { CONSOLE_LOGINS, TICKET_TTL_MS } from './model';
import { purgeConsoleLogins } from './actions';

jest.setTimeout(120_000);

interface Started { ticketId: string; pollSecret: string; qrText: string; path: string; expiresAt: number }
interface Polled { status: string; token?: string; user?: { openid: string; roleLabel: string } }

let w: AdminWorld;
beforeAll(async () => {
  w = await adminWorld();
});
afterAll(() => w.db.close());

const start = async () => data(await w.call<Started>('admin', { action: 'startConsoleLogin' }, null));
const poll = (t: Started, at = w.now, secret = t.pollSecret) => w.call.at(at)<Polled>('admin', { action: 'pollConsoleLogin', ticketId: t.ticketId, pollSecret: secret }, null);
const approve = (t: Started, who: string, at = w.now) => w.call.at(at)('admin', { action: 'approveConsoleLogin', ticketId: t.ticketId }, who);

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
  const check = data(await w.call<{ status: string; canApprove: boolean; as: { roleLabel: string; nickname: string } }>('admin', { action: 'consoleTicket', ticketId: t.ticketId }));
  expect(check).toMatchObject({ status: 'waiting', canApprove: true, as: { roleLabel: '管理员', nickname: '管理员赵书记' } });
  expect(await approve(t, 'demo-admin', w.now + 1000)).toMatchObject({ ok: true, data: { as: { roleLabel: '管理员' } } });
  const first = data(await poll(t, w.now + 2000));
  expect(first).toMatchObject({ status: 'approved', token: `test-token:demo-admin:${w.now + 2000}`, user: { openid: 'demo-admin', roleLabel: '管理员' } });
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
  expect(await approve(t, 'demo-admin', late)).toMatchObject({ ok: false, error: { code: 'TOO_LATE', message: expect.stringContaining('过期') } });
  expect(data(await poll(t, late))).toEqual({ status: 'expired' });
});

test('a resident or a member cannot approve; the page is told so before the tap', async () => {
  const t = await start();
  for (const who of ['demo-resident', 'demo-member']) {
    expect(await approve(t, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(data(await w.call<{ canApprove: boolean }>('admin', { action: 'consoleTicket', ticketId: t.ticketId }, who))).toMatchObject({ canApprove: false });
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
  expect(await w.call('admin', { action: 'approveConsoleLogin', ticketId: '../x' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('登录二维码') } });
  expect(await w.call('admin', { action: 'approveConsoleLogin', ticketId: `cl${'0'.repeat(24)}` })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

test('the purge job removes tickets an hour past expiry and keeps fresh ones', async () => {
  const fresh = await start();
  const removed = await purgeConsoleLogins(w.db, w.now + TICKET_TTL_MS + 61 * 60_000);
  expect(removed.removed).toBeGreaterThan(0);
  expect(await w.db.collection(CONSOLE_LOGINS).doc(fresh.ticketId).get()).toBeNull();
  const newer = await start();
  await purgeConsoleLogins(w.db, w.now);
  expect(await w.db.collection(CONSOLE_LOGINS).doc(newer.ticketId).get()).not.toBeNull();
});
