/**
 * The authorization matrix: every action of every function × every caller (no token, resident,
 * member, staff, admin). Allowed means the request gets past sign-in and role checks (it may still be
 * refused for its input); refused means UNAUTHENTICATED or FORBIDDEN. The table is the specification,
 * written by hand; the test fails if a function gains an action the table does not list.
 * Then the scopes (domain/org/scope.ts): a county admin in their county, a secretary in their branch,
 * staff at their stations and sites — each refusal and each allowance over HTTP.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { LocalDatabase } from '../../domain/db/local/engine';
import { useLocalPiiKey } from '../../domain/privacy/crypto';
import { dayOf } from '../../domain/core/time';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { seedIfEmpty } from '../../domain/seed/seed';
import { createLocalCloud } from '../../server/app';
import { TokenSigner } from '../../server/auth';

type Who = 'resident' | 'member' | 'secretary' | 'staff' | 'admin' | 'county-admin';
/** Every caller, signed in as `demo-<who>`: a county admin (秀峰区) and a branch secretary (向阳社区) beside the rest. */
const ANY: Who[] = ['resident', 'member', 'secretary', 'staff', 'admin', 'county-admin'];
const ADMIN: Who[] = ['admin', 'county-admin'];
const EARNERS: Who[] = ['member', 'secretary', 'staff', ...ADMIN];
const STAFF: Who[] = ['staff', ...ADMIN];
const MANAGERS: Who[] = ['secretary', ...ADMIN];

const MATRIX: Record<string, Record<string, Who[]>> = {
  user: { me: ANY, setRole: ADMIN, overview: ANY, messages: ANY, unreadCount: ANY, markRead: ANY },
  points: {
    rules: ANY, summary: ANY, ledger: ANY, activities: ANY, checkin: EARNERS, goods: ANY, goodsDetail: ANY, redeem: ANY,
    orders: ANY, cancelOrder: ANY, verifyOrder: STAFF, leaderboard: ANY, award: MANAGERS, saveGoods: ADMIN, restock: ADMIN,
    publishActivity: MANAGERS, export: MANAGERS,
  },
  stations: {
    list: ANY, detail: ANY, slots: ANY, book: ANY, myBookings: ANY, cancel: ANY, joinWaitlist: ANY, leaveWaitlist: ANY,
    verify: STAFF, messages: ANY, myWaitlist: ANY, saveStation: ADMIN, saveItem: ADMIN, generateSlots: ADMIN, closeSlots: STAFF, roster: STAFF, export: ADMIN,
  },
  vaccine: {
    sites: ANY, siteDetail: ANY, slots: ANY, addPerson: ANY, persons: ANY, removePerson: ANY, appoint: ANY, myAppointments: ANY,
    cancel: ANY, verify: STAFF, releasePerson: STAFF, saveSite: ADMIN, generateSlots: ADMIN, setStatus: ADMIN, roster: STAFF, export: ADMIN,
  },
  org: {
    tree: MANAGERS, saveUnit: ADMIN, setSecretary: ADMIN, createInvite: MANAGERS, joinInfo: ANY, apply: ANY, myApplications: ANY,
    applications: MANAGERS, review: MANAGERS, members: MANAGERS, moveMember: ADMIN, searchMembers: MANAGERS, importRoster: MANAGERS,
    rosterTemplate: MANAGERS, setRole: ADMIN, assignStaff: ADMIN, staff: ADMIN,
  },
  admin: {
    // The audit log is a system admin's (its scope refuses a county admin; the export checks its dates first).
    audit: ['admin'], auditExport: ADMIN, dashboard: MANAGERS, dashboardExport: MANAGERS, uploadImage: ADMIN,
    startConsoleLogin: ANY, consoleTicket: ANY, fileUrls: ANY, approveConsoleLogin: ['secretary', 'staff', ...ADMIN], pollConsoleLogin: ANY,
  },
};
/** Actions anyone may call without signing in: the console's sign-in, before it has anyone to be. */
const PUBLIC = new Set(['admin.startConsoleLogin', 'admin.pollConsoleLogin']);

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
  if (PUBLIC.has(`${fn}.${action}`)) expect((await call(fn, { action }, null)).code).not.toBe('UNAUTHENTICATED');
  else expect(await call(fn, { action }, null)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
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

// ---------------------------------------------------------------------------------------------
// Scopes. 秀峰区's admin (demo-county-admin), 向阳社区's secretary (demo-secretary), demo-staff at 永福's
// stations and sites, and two more people set up here: a 秀峰 member and a staff member at one 秀峰 station.
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const tomorrow = dayOf(Date.now() + DAY);
/** A day with no slots: a close that gets past the checks answers NOT_FOUND and changes nothing. */
const farDay = dayOf(Date.now() + 300 * DAY);
const people: Record<string, string> = {};

async function tokenOf(openid: string): Promise<string> {
  if (!people[openid]) {
    const res = await fetch(`${base}/auth/dev-login`, { method: 'POST', body: JSON.stringify({ openid }), headers: { 'content-type': 'application/json' } });
    people[openid] = ((await res.json()) as { data: { token: string } }).data.token;
  }
  return people[openid]!;
}

async function callAs<T = unknown>(openid: string, fn: string, event: object): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }> {
  const res = await fetch(`${base}/fn/${fn}`, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(openid)}` } });
  return (await res.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
}
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
async function dataOf<T>(openid: string, fn: string, event: object): Promise<T> {
  const res = await callAs<T>(openid, fn, event);
  if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

describe('scopes', () => {
  let requests = 0;
  const rid = () => `scope-req-${(requests += 1)}`;

  beforeAll(async () => {
    await db.collection('users').add({ _id: 'xf-member', nickname: '秀峰党员', role: 'member', branchId: 'br-xf-jiedong', createdAt: Date.now() });
    await db.collection('users').add({ _id: 'yf-longquan-member', nickname: '龙泉党员', role: 'member', branchId: 'br-yf-longquan', createdAt: Date.now() });
    await db.collection('users').add({ _id: 'xf-staff', nickname: '秀峰值班员', role: 'staff', branchId: null, stationIds: ['st-xf-jiedong'], siteIds: [], createdAt: Date.now() });
    await dataOf('demo-admin', 'stations', { action: 'saveItem', itemId: 'it-xf-jiedong-legal', stationId: 'st-xf-jiedong', name: '法律咨询', kind: 'service' });
  });

  type Expect = 'FORBIDDEN' | 'in scope';
  const station = { name: '测试驿站', kind: 'center', district: '测试街道', address: '测试路 1 号' };
  const site = {
    name: '测试接种点', town: '秀峰街道', address: '测试路 2 号', vaccines: [{ code: 'covid', name: '新冠疫苗', maker: '示例', doses: 2, intervalDays: 21 }],
    volunteerBranch: { name: '测试临时党支部', volunteers: 10 },
  };
  const CASES: [string, string, string, object, Expect][] = [
    // Staff: verify, see rosters and close days only at their stations and sites.
    ['staff: roster at an assigned station', 'demo-staff', 'stations', { action: 'roster', itemId: 'it-yf-center-room', date: tomorrow }, 'in scope'],
    ['staff: roster at another station', 'demo-staff', 'stations', { action: 'roster', itemId: 'it-lc-center-exhibit', date: tomorrow }, 'FORBIDDEN'],
    ['staff: close a day at an assigned station', 'demo-staff', 'stations', { action: 'closeSlots', itemId: 'it-yf-center-room', date: farDay, reason: '设备检修' }, 'in scope'],
    ['staff: close a day at another station', 'demo-staff', 'stations', { action: 'closeSlots', itemId: 'it-lc-center-exhibit', date: farDay, reason: '设备检修' }, 'FORBIDDEN'],
    ['staff: roster at an assigned site', 'demo-staff', 'vaccine', { action: 'roster', siteId: 'vs-yf-01', date: tomorrow }, 'in scope'],
    ['staff: roster at a site not assigned', 'xf-staff', 'vaccine', { action: 'roster', siteId: 'vs-yf-01', date: tomorrow }, 'FORBIDDEN'],
    ['staff: roster at their one station', 'xf-staff', 'stations', { action: 'roster', itemId: 'it-xf-jiedong-legal', date: tomorrow }, 'in scope'],
    ['staff: roster at a station of their county not assigned', 'xf-staff', 'stations', { action: 'roster', itemId: 'it-yf-center-room', date: tomorrow }, 'FORBIDDEN'],
    // A county admin: their county's stations, sites, branches and people.
    ['county admin: item at a station of their county', 'demo-county-admin', 'stations', { action: 'saveItem', itemId: 'it-xf-jiedong-legal', stationId: 'st-xf-jiedong', name: '法律咨询', kind: 'service' }, 'in scope'],
    ['county admin: item at another county', 'demo-county-admin', 'stations', { action: 'saveItem', stationId: 'st-yf-center', name: '测试项目', kind: 'service' }, 'FORBIDDEN'],
    ['county admin: a new station in their county', 'demo-county-admin', 'stations', { action: 'saveStation', stationId: 'st-xf-test', county: '桂林市秀峰区', ...station }, 'in scope'],
    ['county admin: a station of another county renamed into theirs', 'demo-county-admin', 'stations', { action: 'saveStation', stationId: 'st-yf-center', county: '桂林市秀峰区', ...station }, 'FORBIDDEN'],
    ['county admin: a station in another county', 'demo-county-admin', 'stations', { action: 'saveStation', stationId: 'st-yf-test', county: '桂林市永福县', ...station }, 'FORBIDDEN'],
    ['county admin: slots at another county', 'demo-county-admin', 'stations', { action: 'generateSlots', itemId: 'it-yf-center-room', from: tomorrow, to: tomorrow, template: { weekdays: [1], start: '09:00', end: '10:00', slotMinutes: 60, capacity: 1 } }, 'FORBIDDEN'],
    ['county admin: close a day in another county', 'demo-county-admin', 'stations', { action: 'closeSlots', itemId: 'it-yf-center-room', date: farDay, reason: '设备检修' }, 'FORBIDDEN'],
    ['county admin: close a day in their county', 'demo-county-admin', 'stations', { action: 'closeSlots', itemId: 'it-xf-jiedong-legal', date: farDay, reason: '设备检修' }, 'in scope'],
    ['county admin: roster in another county', 'demo-county-admin', 'stations', { action: 'roster', itemId: 'it-yf-center-room', date: tomorrow }, 'FORBIDDEN'],
    ['county admin: bookings export in another county', 'demo-county-admin', 'stations', { action: 'export', itemId: 'it-yf-center-room', from: tomorrow, to: tomorrow }, 'FORBIDDEN'],
    ['county admin: site status in another county', 'demo-county-admin', 'vaccine', { action: 'setStatus', siteId: 'vs-yf-01', status: 'open' }, 'FORBIDDEN'],
    ['county admin: site slots in another county', 'demo-county-admin', 'vaccine', { action: 'generateSlots', siteId: 'vs-yf-01', from: tomorrow, to: tomorrow, template: { weekdays: [1], start: '09:00', end: '10:00', slotMinutes: 60, capacity: 1 } }, 'FORBIDDEN'],
    ['county admin: site roster in another county', 'demo-county-admin', 'vaccine', { action: 'roster', siteId: 'vs-yf-01', date: tomorrow }, 'FORBIDDEN'],
    ['county admin: a site of another county renamed into theirs', 'demo-county-admin', 'vaccine', { action: 'saveSite', siteId: 'vs-yf-01', county: '桂林市秀峰区', ...site }, 'FORBIDDEN'],
    ['county admin: a new site in their county', 'demo-county-admin', 'vaccine', { action: 'saveSite', siteId: 'vs-xf-test', county: '桂林市秀峰区', ...site }, 'in scope'],
    ['county admin: site export in another county', 'demo-county-admin', 'vaccine', { action: 'export', siteId: 'vs-yf-01', from: tomorrow, to: tomorrow }, 'FORBIDDEN'],
    ['county admin: award a member of their county', 'demo-county-admin', 'points', { action: 'award', openid: 'xf-member', points: 5, reason: '志愿服务', requestId: 'scope-award-1' }, 'in scope'],
    ['county admin: award a member of another county', 'demo-county-admin', 'points', { action: 'award', openid: 'demo-member', points: 5, reason: '志愿服务', requestId: 'scope-award-2' }, 'FORBIDDEN'],
    ['county admin: activity for a branch of their county', 'demo-county-admin', 'points', { action: 'publishActivity', title: '主题党日', ruleId: 'r-none', branchId: 'br-xf-jiedong', start: '2026-12-01 09:00', end: '2026-12-01 11:00', requestId: 'scope-activity-1' }, 'in scope'],
    ['county admin: activity for every branch', 'demo-county-admin', 'points', { action: 'publishActivity', title: '主题党日', ruleId: 'r-none', start: '2026-12-01 09:00', end: '2026-12-01 11:00', requestId: 'scope-activity-2' }, 'FORBIDDEN'],
    ['county admin: ledger of a branch of their county', 'demo-county-admin', 'points', { action: 'export', branchId: 'br-xf-jiedong', from: '2026-11-01', to: '2026-11-30' }, 'in scope'],
    ['county admin: ledger of every branch', 'demo-county-admin', 'points', { action: 'export', from: '2026-11-01', to: '2026-11-30' }, 'FORBIDDEN'],
    ['county admin: goods at another county', 'demo-county-admin', 'points', { action: 'saveGoods', name: '雨伞', price: 10, stock: 1, perUserLimit: 1, stationId: 'st-yf-center' }, 'FORBIDDEN'],
    ['county admin: goods at their county', 'demo-county-admin', 'points', { action: 'saveGoods', name: '雨伞', price: 10, stock: 1, perUserLimit: 1, stationId: 'st-xf-jiedong' }, 'in scope'],
    ['county admin: restock goods of another county', 'demo-county-admin', 'points', { action: 'restock', goodsId: 'g-towel', qty: 1 }, 'FORBIDDEN'],
    ['county admin: invite to a branch of their county', 'demo-county-admin', 'org', { action: 'createInvite', branchId: 'br-xf-jiedong' }, 'in scope'],
    ['county admin: invite to another county', 'demo-county-admin', 'org', { action: 'createInvite', branchId: 'br-yf-xiangyang' }, 'FORBIDDEN'],
    ['county admin: a branch under their committee', 'demo-county-admin', 'org', { action: 'saveUnit', parentId: 'cm-xf-jiedong', kind: 'branch', name: '解东社区第二党支部', requestId: 'scope-unit-1' }, 'in scope'],
    ['county admin: a branch in another county', 'demo-county-admin', 'org', { action: 'saveUnit', parentId: 'cty-yongfu', kind: 'branch', name: '测试党支部', requestId: 'scope-unit-2' }, 'FORBIDDEN'],
    ['county admin: a new county', 'demo-county-admin', 'org', { action: 'saveUnit', parentId: null, kind: 'county', name: '测试县', requestId: 'scope-unit-3' }, 'FORBIDDEN'],
    ['county admin: rename a unit of another county', 'demo-county-admin', 'org', { action: 'saveUnit', unitId: 'br-yf-longquan', parentId: 'cty-yongfu', kind: 'branch', name: '龙泉党支部', requestId: 'scope-unit-4' }, 'FORBIDDEN'],
    ['county admin: secretary of another county\'s branch', 'demo-county-admin', 'org', { action: 'setSecretary', unitId: 'br-yf-longquan', openid: 'yf-longquan-member' }, 'FORBIDDEN'],
    ['county admin: members of their county', 'demo-county-admin', 'org', { action: 'members', unitId: 'cty-xiufeng' }, 'in scope'],
    ['county admin: members of another county', 'demo-county-admin', 'org', { action: 'members', unitId: 'cty-yongfu' }, 'FORBIDDEN'],
    ['county admin: applications of another county', 'demo-county-admin', 'org', { action: 'applications', branchId: 'br-yf-xiangyang' }, 'FORBIDDEN'],
    ['county admin: move a member of another county', 'demo-county-admin', 'org', { action: 'moveMember', openid: 'demo-member', branchId: 'br-xf-jiedong' }, 'FORBIDDEN'],
    ['county admin: move a member out of their county', 'demo-county-admin', 'org', { action: 'moveMember', openid: 'xf-member', branchId: 'br-yf-xiangyang' }, 'FORBIDDEN'],
    ['county admin: import into another county', 'demo-county-admin', 'org', { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: 'AAAA' }, 'FORBIDDEN'],
    ['county admin: a system-wide admin', 'demo-county-admin', 'org', { action: 'setRole', openid: 'xf-member', role: 'admin' }, 'FORBIDDEN'],
    ['county admin: an admin of another county', 'demo-county-admin', 'org', { action: 'setRole', openid: 'xf-member', role: 'admin', scopeUnitId: 'cty-yongfu' }, 'FORBIDDEN'],
    ['county admin: the role of someone of another county', 'demo-county-admin', 'user', { action: 'setRole', openid: 'demo-member', role: 'staff' }, 'FORBIDDEN'],
    ['county admin: staff at a station of another county', 'demo-county-admin', 'org', { action: 'assignStaff', openid: 'xf-staff', stationIds: ['st-yf-center'], siteIds: [] }, 'FORBIDDEN'],
    ['county admin: staff at a station of their county', 'demo-county-admin', 'org', { action: 'assignStaff', openid: 'xf-staff', stationIds: ['st-xf-jiedong'], siteIds: [] }, 'in scope'],
    // A branch secretary: their branch's members, activities, invitations and roster.
    ['secretary: award a member of their branch', 'demo-secretary', 'points', { action: 'award', openid: 'demo-member', points: 5, reason: '志愿服务', requestId: 'scope-award-3' }, 'in scope'],
    ['secretary: award a member of another branch', 'demo-secretary', 'points', { action: 'award', openid: 'yf-longquan-member', points: 5, reason: '志愿服务', requestId: 'scope-award-4' }, 'FORBIDDEN'],
    ['secretary: award someone of no branch', 'demo-secretary', 'points', { action: 'award', openid: 'demo-resident', points: 5, reason: '志愿服务', requestId: 'scope-award-5' }, 'FORBIDDEN'],
    ['secretary: activity of their branch', 'demo-secretary', 'points', { action: 'publishActivity', title: '三会一课', ruleId: 'r-none', branchId: 'br-yf-xiangyang', start: '2026-12-01 09:00', end: '2026-12-01 11:00', requestId: 'scope-activity-3' }, 'in scope'],
    ['secretary: activity of another branch', 'demo-secretary', 'points', { action: 'publishActivity', title: '三会一课', ruleId: 'r-none', branchId: 'br-yf-longquan', start: '2026-12-01 09:00', end: '2026-12-01 11:00', requestId: 'scope-activity-4' }, 'FORBIDDEN'],
    ['secretary: activity for every branch', 'demo-secretary', 'points', { action: 'publishActivity', title: '三会一课', ruleId: 'r-none', start: '2026-12-01 09:00', end: '2026-12-01 11:00', requestId: 'scope-activity-5' }, 'FORBIDDEN'],
    ['secretary: ledger of their branch', 'demo-secretary', 'points', { action: 'export', branchId: 'br-yf-xiangyang', from: '2026-11-01', to: '2026-11-30' }, 'in scope'],
    ['secretary: ledger of every branch', 'demo-secretary', 'points', { action: 'export', from: '2026-11-01', to: '2026-11-30' }, 'FORBIDDEN'],
    ['secretary: invite to their branch', 'demo-secretary', 'org', { action: 'createInvite', branchId: 'br-yf-xiangyang' }, 'in scope'],
    ['secretary: invite to another branch', 'demo-secretary', 'org', { action: 'createInvite', branchId: 'br-yf-longquan' }, 'FORBIDDEN'],
    ['secretary: applications of another branch', 'demo-secretary', 'org', { action: 'applications', branchId: 'br-xf-jiedong' }, 'FORBIDDEN'],
    ['secretary: members of their branch', 'demo-secretary', 'org', { action: 'members', unitId: 'br-yf-xiangyang' }, 'in scope'],
    ['secretary: members of their county', 'demo-secretary', 'org', { action: 'members', unitId: 'cty-yongfu' }, 'FORBIDDEN'],
    ['secretary: import into another branch', 'demo-secretary', 'org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: 'AAAA' }, 'FORBIDDEN'],
    ['secretary: import into their branch (a bad file)', 'demo-secretary', 'org', { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: 'AAAA' }, 'in scope'],
    ['county admin: the dashboard of their county', 'demo-county-admin', 'admin', { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-xiufeng' }, 'in scope'],
    ['county admin: the dashboard of their county by its name', 'demo-county-admin', 'admin', { action: 'dashboardExport', from: '2026-11-01', to: '2026-11-30', unitId: '桂林市秀峰区' }, 'in scope'],
    ['county admin: the dashboard with no unit named (their own county)', 'demo-county-admin', 'admin', { action: 'dashboard', from: '2026-11-01', to: '2026-11-30' }, 'in scope'],
    ['county admin: the dashboard of another county by its name', 'demo-county-admin', 'admin', { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: '桂林市永福县' }, 'FORBIDDEN'],
    ['county admin: the dashboard of another county', 'demo-county-admin', 'admin', { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-yongfu' }, 'FORBIDDEN'],
    ['county admin: the export of another county\'s branch', 'demo-county-admin', 'admin', { action: 'dashboardExport', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-xiangyang' }, 'FORBIDDEN'],
    ['county admin: the audit log (system-wide)', 'demo-county-admin', 'admin', { action: 'audit' }, 'FORBIDDEN'],
    ['county admin: the audit export (system-wide)', 'demo-county-admin', 'admin', { action: 'auditExport', from: '2026-11-01', to: '2026-11-30' }, 'FORBIDDEN'],
    ['secretary: the dashboard of their branch', 'demo-secretary', 'admin', { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-xiangyang' }, 'in scope'],
    ['secretary: the dashboard of another branch', 'demo-secretary', 'admin', { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-longquan' }, 'FORBIDDEN'],
    ['secretary: the dashboard of their county', 'demo-secretary', 'admin', { action: 'dashboardExport', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-yongfu' }, 'FORBIDDEN'],
    // The system admin: everywhere.
    ['system admin: award in any county', 'demo-admin', 'points', { action: 'award', openid: 'xf-member', points: 5, reason: '志愿服务', requestId: 'scope-award-6' }, 'in scope'],
    ['system admin: ledger of every branch', 'demo-admin', 'points', { action: 'export', from: '2026-11-01', to: '2026-11-30' }, 'in scope'],
    ['system admin: invite anywhere', 'demo-admin', 'org', { action: 'createInvite', branchId: 'br-xf-jiedong' }, 'in scope'],
    ['system admin: the audit log', 'demo-admin', 'admin', { action: 'audit' }, 'in scope'],
    ['system admin: roster anywhere', 'demo-admin', 'stations', { action: 'roster', itemId: 'it-lc-center-exhibit', date: tomorrow }, 'in scope'],
  ];

  test.each(CASES)('%s', async (_label, who, fn, event, expected) => {
    const code = codeOf(await callAs(who, fn, event));
    if (expected === 'FORBIDDEN') expect(code).toBe('FORBIDDEN');
    else expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(code);
  });

  test('every org action and every scoped staff/admin action appears in the scope cases', () => {
    const covered = new Set(CASES.map(([, , fn, event]) => `${fn}.${(event as { action: string }).action}`));
    const scoped = Object.entries(FUNCTIONS).flatMap(([fn, router]) => Object.entries(router.actions).filter(([, a]) => a.scope).map(([name]) => `${fn}.${name}`));
    // Scoped by the data they read (a code) or tested in their own flows below.
    const elsewhere = ['stations.verify', 'vaccine.verify', 'points.verifyOrder', 'org.review', 'org.searchMembers', 'org.setRole'];
    expect(scoped.filter((name) => !covered.has(name) && !elsewhere.includes(name))).toEqual([]);
  });

  test('staff verify booking codes, vaccination codes and pickups only where they work', async () => {
    // A booking at 灵川 and one at 永福, both tomorrow.
    const bookAt = async (itemId: string) => {
      const { slots } = await dataOf<{ slots: { slotId: string; bookable: boolean }[] }>('scope-booker', 'stations', { action: 'slots', itemId, date: tomorrow });
      const slot = slots.find((s) => s.bookable)!;
      return dataOf<{ code: string }>('scope-booker', 'stations', { action: 'book', slotId: slot.slotId, requestId: rid() });
    };
    const lingchuan = await bookAt('it-lc-center-exhibit');
    const yongfu = await bookAt('it-yf-center-room');
    expect(codeOf(await callAs('demo-staff', 'stations', { action: 'verify', code: lingchuan.code }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-staff', 'stations', { action: 'verify', code: yongfu.code }))).not.toBe('FORBIDDEN');
    expect(codeOf(await callAs('xf-staff', 'stations', { action: 'verify', code: yongfu.code }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-admin', 'stations', { action: 'verify', code: lingchuan.code }))).not.toBe('FORBIDDEN');

    // A vaccination at 永福's first site: demo-staff may, the 秀峰 staff may not, nor 秀峰's admin.
    const idNumber = makeIdNumber('450326', '1980-05-06', 123);
    const { personId } = await dataOf<{ personId: string }>('scope-booker', 'vaccine', { action: 'addPerson', name: '李四', idNumber, phone: '13800001111' });
    const site = await db.collection('vaccineSites').doc('vs-yf-01').get();
    const vaccine = (site!.vaccines as { code: string }[])[0]!.code;
    const { slots } = await dataOf<{ slots: { slotId: string; bookable: boolean }[] }>('scope-booker', 'vaccine', { action: 'slots', siteId: 'vs-yf-01', date: dayOf(Date.now() + 2 * DAY) });
    const appointment = await dataOf<{ code: string }>('scope-booker', 'vaccine', { action: 'appoint', slotId: slots.find((s) => s.bookable)!.slotId, personId, vaccine, dose: 1, requestId: rid() });
    expect(codeOf(await callAs('xf-staff', 'vaccine', { action: 'verify', code: appointment.code }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-county-admin', 'vaccine', { action: 'verify', code: appointment.code }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-staff', 'vaccine', { action: 'verify', code: appointment.code }))).not.toBe('FORBIDDEN');

    // An order for pickup at 永福's centre.
    await dataOf('demo-admin', 'points', { action: 'award', openid: 'scope-booker', points: 100, reason: '志愿服务', requestId: rid() });
    const order = await dataOf<{ pickupCode: string }>('scope-booker', 'points', { action: 'redeem', goodsId: 'g-towel', qty: 1, requestId: rid() });
    expect(codeOf(await callAs('xf-staff', 'points', { action: 'verifyOrder', pickupCode: order.pickupCode }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-county-admin', 'points', { action: 'verifyOrder', pickupCode: order.pickupCode }))).toBe('FORBIDDEN');
    expect(await callAs('demo-staff', 'points', { action: 'verifyOrder', pickupCode: order.pickupCode })).toMatchObject({ ok: true, data: { status: 'picked' } });
  });

  test('a secretary sees and approves applications to their branch only; the county admin approves in their county', async () => {
    // Someone asks to join 解东社区党支部 (秀峰), someone else 向阳社区党支部 (永福).
    const jiedong = await dataOf<{ code: string }>('demo-county-admin', 'org', { action: 'createInvite', branchId: 'br-xf-jiedong' });
    const xiangyang = await dataOf<{ code: string }>('demo-secretary', 'org', { action: 'createInvite', branchId: 'br-yf-xiangyang' });
    const toJiedong = await dataOf<{ applicationId: string; status: string }>('scope-applicant-1', 'org', { action: 'apply', code: jiedong.code, realName: '张秀英', phone: '13900001111', requestId: rid() });
    const toXiangyang = await dataOf<{ applicationId: string; status: string }>('scope-applicant-2', 'org', { action: 'apply', code: xiangyang.code, realName: '王小明', phone: '13900002222', requestId: rid() });
    expect([toJiedong.status, toXiangyang.status]).toEqual(['pending', 'pending']);

    const seen = await dataOf<{ items: { applicationId: string; branchId: string }[] }>('demo-secretary', 'org', { action: 'applications', status: 'pending' });
    expect(seen.items.map((i) => i.applicationId)).toEqual([toXiangyang.applicationId]);
    const countySeen = await dataOf<{ items: { applicationId: string }[] }>('demo-county-admin', 'org', { action: 'applications', status: 'pending' });
    expect(countySeen.items.map((i) => i.applicationId)).toEqual([toJiedong.applicationId]);

    expect(codeOf(await callAs('demo-secretary', 'org', { action: 'review', applicationId: toJiedong.applicationId, decision: 'approve' }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-county-admin', 'org', { action: 'review', applicationId: toXiangyang.applicationId, decision: 'approve' }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('scope-applicant-2', 'org', { action: 'review', applicationId: toXiangyang.applicationId, decision: 'approve' }))).toBe('FORBIDDEN');
    expect(await dataOf('scope-applicant-1', 'user', { action: 'me' })).toMatchObject({ role: 'resident', branch: null });

    await dataOf('demo-secretary', 'org', { action: 'review', applicationId: toXiangyang.applicationId, decision: 'approve' });
    await dataOf('demo-county-admin', 'org', { action: 'review', applicationId: toJiedong.applicationId, decision: 'approve' });
    expect(await dataOf('scope-applicant-2', 'user', { action: 'me' })).toMatchObject({ role: 'member', roleLabel: '党员', branch: { branchId: 'br-yf-xiangyang' } });
    expect(await dataOf('scope-applicant-1', 'user', { action: 'me' })).toMatchObject({ role: 'member', branch: { branchId: 'br-xf-jiedong' } });

    // The member picker finds only people in the caller's scope.
    const found = await dataOf<{ items: { openid: string }[] }>('demo-secretary', 'org', { action: 'searchMembers', keyword: '王小明' });
    expect(found.items.map((i) => i.openid)).toEqual(['scope-applicant-2']);
    expect((await dataOf<{ items: unknown[] }>('demo-secretary', 'org', { action: 'searchMembers', keyword: '张秀英' })).items).toEqual([]);
    expect((await dataOf<{ items: { openid: string }[] }>('demo-county-admin', 'org', { action: 'searchMembers', keyword: '张秀英' })).items.map((i) => i.openid)).toEqual(['scope-applicant-1']);
    expect(codeOf(await callAs('demo-secretary', 'org', { action: 'searchMembers', keyword: '张', unitId: 'br-xf-jiedong' }))).toBe('FORBIDDEN');
  });

  test('roles: a county admin makes admins of their county only; a setRole on oneself is refused', async () => {
    expect(codeOf(await callAs('demo-county-admin', 'org', { action: 'setRole', openid: 'xf-member', role: 'admin', scopeUnitId: 'cty-xiufeng' }))).toBe('ok');
    expect(await db.collection('users').doc('xf-member').get()).toMatchObject({ role: 'admin', scopeUnitId: 'cty-xiufeng' });
    // Now an admin of 秀峰: refused elsewhere like any county admin.
    expect(codeOf(await callAs('xf-member', 'org', { action: 'createInvite', branchId: 'br-yf-xiangyang' }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-county-admin', 'org', { action: 'setRole', openid: 'demo-county-admin', role: 'member' }))).toBe('CONFLICT');
    expect(codeOf(await callAs('demo-county-admin', 'org', { action: 'setRole', openid: 'xf-member', role: 'member', scopeUnitId: 'br-xf-jiedong' }))).toBe('ok');
  });
});
