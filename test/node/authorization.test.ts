/**
 * The authorization matrix: every action of every function × every caller (no token, resident,
 * member, staff, admin). Allowed means the request gets past sign-in and role checks (it may still be
 * refused for its input); refused means UNAUTHENTICATED or FORBIDDEN. The table is the specification,
 * written by hand; the test fails if a function gains an action the table does not list.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { LocalDatabase } from '../../domain/db/local/engine';
import { useLocalPiiKey } from '../../domain/privacy/crypto';
import { seedIfEmpty } from '../../domain/seed/seed';
import { createLocalCloud } from '../../server/app';
import { TokenSigner } from '../../server/auth';

type Who = 'resident' | 'member' | 'staff' | 'admin';
const ANY: Who[] = ['resident', 'member', 'staff', 'admin'];
const EARNERS: Who[] = ['member', 'staff', 'admin'];
const STAFF: Who[] = ['staff', 'admin'];
const ADMIN: Who[] = ['admin'];

const MATRIX: Record<string, Record<string, Who[]>> = {
  user: { me: ANY, setRole: ADMIN, searchMembers: ADMIN },
  points: {
    rules: ANY, summary: ANY, ledger: ANY, activities: ANY, checkin: EARNERS, goods: ANY, goodsDetail: ANY, redeem: ANY,
    orders: ANY, cancelOrder: ANY, verifyOrder: STAFF, leaderboard: ANY, award: ADMIN, saveGoods: ADMIN, restock: ADMIN,
    publishActivity: ADMIN, export: ADMIN,
  },
  stations: {
    list: ANY, detail: ANY, slots: ANY, book: ANY, myBookings: ANY, cancel: ANY, joinWaitlist: ANY, leaveWaitlist: ANY,
    verify: STAFF, messages: ANY, saveStation: ADMIN, saveItem: ADMIN, generateSlots: ADMIN, closeSlots: ADMIN, roster: STAFF, export: ADMIN,
  },
  vaccine: {
    sites: ANY, siteDetail: ANY, slots: ANY, addPerson: ANY, persons: ANY, removePerson: ANY, appoint: ANY, myAppointments: ANY,
    cancel: ANY, verify: STAFF, releasePerson: STAFF, saveSite: ADMIN, generateSlots: ADMIN, setStatus: ADMIN, roster: STAFF, export: ADMIN,
  },
};

let db: LocalDatabase;
let server: http.Server;
let base: string;
const tokens: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-authz-'));
  db = LocalDatabase.open(dir);
  useLocalPiiKey(dir);
  await seedIfEmpty(db, Date.now());
  server = createLocalCloud({ db, signer: TokenSigner.forDataDir(dir) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const who of ANY) {
    const res = await fetch(`${base}/auth/dev-login`, { method: 'POST', body: JSON.stringify({ openid: `demo-${who}` }), headers: { 'content-type': 'application/json' } });
    tokens[who] = ((await res.json()) as { data: { token: string } }).data.token;
  }
});
afterAll(async () => {
  server.close();
  await db.close();
});

async function call(fn: string, event: object, who: Who | null): Promise<{ status: number; code: string }> {
  const res = await fetch(`${base}/fn/${fn}`, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) } });
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  return { status: res.status, code: body.ok ? 'ok' : body.error!.code };
}

test('the table lists exactly the actions each function has', () => {
  for (const [name, router] of Object.entries(FUNCTIONS)) expect(Object.keys(router.actions).sort()).toEqual(Object.keys(MATRIX[name] ?? {}).sort());
});

const cells = Object.entries(MATRIX).flatMap(([fn, actions]) => Object.entries(actions).map(([action, allowed]) => [fn, action, allowed] as const));

test.each(cells)('%s.%s: no token → 401; each role allowed or FORBIDDEN as the table says', async (fn, action, allowed) => {
  expect(await call(fn, { action }, null)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  for (const who of ANY) {
    const { code } = await call(fn, { action }, who);
    if (allowed.includes(who)) expect([fn, action, who, code]).not.toEqual([fn, action, who, 'FORBIDDEN']);
    else expect([fn, action, who, code]).toEqual([fn, action, who, 'FORBIDDEN']);
    expect(code).not.toBe('UNAUTHENTICATED');
  }
});

test.each(cells)('%s.%s: an openid in the event never makes a resident act as someone else', async (fn, action) => {
  const { code } = await call(fn, { action, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } }, 'resident');
  if (MATRIX[fn]![action]!.includes('resident')) expect(code).not.toBe('ok');
  else expect(code).toBe('FORBIDDEN');
});

test('who a resident is comes from the token alone', async () => {
  const res = await fetch(`${base}/fn/user`, { method: 'POST', body: JSON.stringify({ action: 'me', userInfo: { openId: 'demo-admin' } }), headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.resident}` } });
  expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'demo-resident', role: 'resident' } });
});

test('dev sign-in is refused when the server is configured for CloudBase', async () => {
  const cloudMode = createLocalCloud({ db, signer: null });
  await new Promise<void>((resolve) => cloudMode.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(cloudMode.address() as AddressInfo).port}`;
  expect((await fetch(`${url}/auth/dev-login`, { method: 'POST', body: '{"openid":"demo-admin"}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
  expect((await fetch(`${url}/fn/user`, { method: 'POST', body: '{"action":"me"}', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` } })).status).toBe(401);
  cloudMode.close();
});
