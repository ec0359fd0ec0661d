/**
 * The authorization matrix: every action of every function × every caller (no token, resident,
 * member, staff, admin). Allowed means the request gets past sign-in and role checks (it may still be
 * refused for its input); refused means UNAUTHENTICATED or FORBIDDEN. The table is the specification,
 * written by hand; the test fails if a function gains an action the table does not list.
 * Then the scopes (domain/org/scope.ts): a county admin in their county, a secretary in their branch,
 * staff at their stations and sites — each refusal and each allowance over HTTP.
 */
import { clock } from '../../domain/core/clock';
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
import { LocalFileStore } from '../../domain/files/local';
import { createLocalCloud } from '../../server/app';
import { TokenSigner } from '../../server/auth';
import { previousQuarter, proposeQuarter, quarterAt, ratingIdOf } from '../../domain/stars';
import { askEvent, httpCall, must, requestAt, TINY_PNG, uploadPhoto, type Stage } from '../support/requests-flow';

type Who = 'resident' | 'member' | 'secretary' | 'staff' | 'admin' | 'county-admin' | 'volunteer';
/**
 * Every caller, signed in as `demo-<who>`: a county admin (秀峰区) and a branch secretary (向阳社区) beside the rest,
 * and a resident registered as a volunteer (demo-volunteer: role resident, may take tasks from the hall).
 */
const ANY: Who[] = ['resident', 'member', 'secretary', 'staff', 'admin', 'county-admin', 'volunteer'];
const ADMIN: Who[] = ['admin', 'county-admin'];
const EARNERS: Who[] = ['member', 'secretary', 'staff', ...ADMIN];
const STAFF: Who[] = ['staff', ...ADMIN];
const MANAGERS: Who[] = ['secretary', ...ADMIN];
/** Who may take tasks from the 任务大厅: party members and registered volunteers. */
const TAKERS: Who[] = ['member', 'secretary', 'volunteer'];

const MATRIX: Record<string, Record<string, Who[]>> = {
  user: { me: ANY, setRole: ADMIN, overview: ANY, messages: ANY, unreadCount: ANY, markRead: ANY },
  points: {
    rules: ANY,
    summary: ANY,
    ledger: ANY,
    activities: ANY,
    checkin: EARNERS,
    goods: ANY,
    goodsDetail: ANY,
    redeem: ANY,
    orders: ANY,
    cancelOrder: ANY,
    verifyOrder: STAFF,
    leaderboard: ANY,
    award: MANAGERS,
    saveGoods: ADMIN,
    restock: ADMIN,
    publishActivity: MANAGERS,
    export: MANAGERS,
    planMeeting: MANAGERS,
    cancelMeeting: MANAGERS,
    myMeetings: ANY,
    meetingDetail: ANY,
    branchMeetings: MANAGERS,
    askLeave: EARNERS,
    decideLeave: MANAGERS,
    recordMinutes: MANAGERS,
    linkLiaison: ADMIN,
    unlinkLiaison: ADMIN,
    liaisons: MANAGERS,
  },
  stations: {
    list: ANY,
    detail: ANY,
    slots: ANY,
    book: ANY,
    myBookings: ANY,
    cancel: ANY,
    joinWaitlist: ANY,
    leaveWaitlist: ANY,
    verify: STAFF,
    messages: ANY,
    myWaitlist: ANY,
    saveStation: ADMIN,
    saveItem: ADMIN,
    generateSlots: ADMIN,
    closeSlots: STAFF,
    roster: STAFF,
    export: ADMIN,
    mapMarkers: ANY,
    landmarkDetail: ANY,
    checkIn: ANY,
    mapRoutes: ANY,
    myFootprint: ANY,
    routeCertificate: ANY,
    saveLandmark: ADMIN,
    saveRoute: ADMIN,
    savePost: MANAGERS,
    saveShop: MANAGERS,
    archiveMapPlace: MANAGERS,
    mapAdminList: MANAGERS,
    landmarkPoster: ADMIN,
    landmarkByScene: ANY,
  },
  vaccine: {
    sites: ANY,
    siteDetail: ANY,
    slots: ANY,
    addPerson: ANY,
    persons: ANY,
    removePerson: ANY,
    appoint: ANY,
    myAppointments: ANY,
    cancel: ANY,
    verify: STAFF,
    releasePerson: STAFF,
    saveSite: ADMIN,
    generateSlots: ADMIN,
    setStatus: ADMIN,
    roster: STAFF,
    export: ADMIN,
  },
  org: {
    tree: MANAGERS,
    saveUnit: ADMIN,
    archiveUnit: ADMIN,
    setSecretary: ADMIN,
    createInvite: MANAGERS,
    revokeInvite: MANAGERS,
    joinInfo: ANY,
    apply: ANY,
    myApplications: ANY,
    applications: MANAGERS,
    review: MANAGERS,
    members: MANAGERS,
    moveMember: ADMIN,
    searchMembers: MANAGERS,
    importRoster: MANAGERS,
    rosterTemplate: MANAGERS,
    setRole: ADMIN,
    assignStaff: ADMIN,
    staff: ADMIN,
    // 通知公告 and 政治生日 (domain/notices): reading is anyone's (what they see is scoped in domain/notices/notices.test.ts);
    // joinDate answers only the member, their secretary and admins in scope (tested there too).
    notices: ANY,
    notice: ANY,
    publishNotice: MANAGERS,
    pinNotice: MANAGERS,
    endNotice: MANAGERS,
    managedNotices: MANAGERS,
    setJoinDate: MANAGERS,
    joinDate: ANY,
    birthdays: MANAGERS,
    myPartyBirthday: ANY,
  },
  admin: {
    // The audit log is a system admin's (its scope refuses a county admin; the export checks its dates first).
    audit: ['admin'],
    auditExport: ADMIN,
    dashboard: MANAGERS,
    dashboardExport: MANAGERS,
    uploadImage: ADMIN,
    startConsoleLogin: ANY,
    consoleTicket: ANY,
    fileUrls: ANY,
    approveConsoleLogin: ['secretary', 'staff', ...ADMIN],
    pollConsoleLogin: ANY,
    // My console sign-ins (sessions), listed and ended from the mini-program: whoever may use the console.
    consoleSessions: ['secretary', 'staff', ...ADMIN],
    revokeConsoleSession: ['secretary', 'staff', ...ADMIN],
    // 达标创星: the review list (a secretary their own branch's), proposals, adjustment, sign-off; stars anyone sees.
    stars: MANAGERS,
    computeStars: ADMIN,
    adjustStars: ADMIN,
    signOffStars: ADMIN,
    branchStars: ANY,
  },
  // 群众点单. Past the role check, who may claim, finish or confirm depends on the request: see REQUEST_TABLE below.
  requests: {
    communities: ANY,
    uploadPhoto: ANY,
    ask: ANY,
    mine: ANY,
    detail: ANY,
    queue: MANAGERS,
    review: MANAGERS,
    dispatch: MANAGERS,
    hall: TAKERS,
    claim: ANY,
    myTasks: ANY,
    progress: ANY,
    finish: ANY,
    release: ANY,
    withdraw: MANAGERS,
    confirm: ANY,
    sendBack: ANY,
    cancel: ANY,
    registerVolunteer: ANY,
    volunteerMe: ANY,
    volunteers: MANAGERS,
    reviewVolunteer: MANAGERS,
    timeBank: ANY,
    wall: ANY,
    figures: ANY,
    stats: MANAGERS,
  },
};
/**
 * Actions anyone may call without signing in: the console's sign-in, before it has anyone to be. (Other `public`
 * actions, e.g. the 心愿墙, need some identity over HTTP, as every call on WeChat carries an openid.)
 */
const PUBLIC = new Set(['admin.startConsoleLogin', 'admin.pollConsoleLogin']);

// Who may do what, not how often: demo-resident asks and demo-member claims here far beyond a day's caps (5 asks,
// 3 active claims; those have their own tests in domain/requests/hardening.test.ts).
process.env.REQUEST_ASKS_PER_DAY = '100000';
process.env.REQUEST_ACTIVE_CLAIMS = '100000';

let db: LocalDatabase;
let server: http.Server;
/** Calls as anyone over HTTP (requests-flow), for driving 群众点单 requests to a state. */
let flow: ReturnType<typeof httpCall>;
let base: string;
const tokens: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-authz-'));
  db = LocalDatabase.open(dir);
  useLocalPiiKey(dir);
  await seedIfEmpty(db, clock.now());
  server = createLocalCloud({
    db,
    signer: TokenSigner.forDataDir(dir),
    files: new LocalFileStore(path.join(dir, 'files')),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const who of ANY) {
    const res = await fetch(`${base}/auth/dev-login`, {
      method: 'POST',
      body: JSON.stringify({ openid: `demo-${who}` }),
      headers: { 'content-type': 'application/json' },
    });
    tokens[who] = ((await res.json()) as { data: { token: string } }).data.token;
  }
  flow = httpCall(base);
  // The demo volunteer (seeded, or registered here when the seed has none).
  const me = await must(
    flow<{ registered: boolean }>('requests', { action: 'volunteerMe' }, 'demo-volunteer'),
    'volunteerMe',
  );
  if (!me.registered)
    await must(
      flow(
        'requests',
        {
          action: 'registerVolunteer',
          realName: '周志愿',
          phone: '13907730002',
          inService: true,
          unitId: 'br-yf-xiangyang',
        },
        'demo-volunteer',
      ),
      'registerVolunteer',
    );
});
afterAll(async () => {
  server.close();
  await db.close();
});

async function call(fn: string, event: object, who: Who | null): Promise<{ status: number; code: string }> {
  const res = await fetch(`${base}/fn/${fn}`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}) },
  });
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  return { status: res.status, code: body.ok ? 'ok' : body.error!.code };
}

test('the table lists exactly the actions each function has', () => {
  for (const [name, router] of Object.entries(FUNCTIONS))
    expect(Object.keys(router.actions).sort()).toEqual(Object.keys(MATRIX[name] ?? {}).sort());
});

const cells = Object.entries(MATRIX).flatMap(([fn, actions]) =>
  Object.entries(actions).map(([action, allowed]) => [fn, action, allowed] as const),
);

test.each(cells)(
  '%s.%s: no token → 401; each role allowed or FORBIDDEN as the table says',
  async (fn, action, allowed) => {
    if (PUBLIC.has(`${fn}.${action}`)) expect((await call(fn, { action }, null)).code).not.toBe('UNAUTHENTICATED');
    else expect(await call(fn, { action }, null)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    for (const who of ANY) {
      const { code } = await call(fn, { action }, who);
      if (allowed.includes(who)) expect([fn, action, who, code]).not.toEqual([fn, action, who, 'FORBIDDEN']);
      else expect([fn, action, who, code]).toEqual([fn, action, who, 'FORBIDDEN']);
      expect(code).not.toBe('UNAUTHENTICATED');
    }
  },
);

test.each(cells)('%s.%s: an openid in the event never makes a resident act as someone else', async (fn, action) => {
  const { code } = await call(fn, { action, openid: 'demo-admin', userInfo: { openId: 'demo-admin' } }, 'resident');
  if (MATRIX[fn]![action]!.includes('resident')) expect(code).not.toBe('ok');
  // The hall's door is checked in the action, after its input: the stray field is refused first.
  else if (`${fn}.${action}` === 'requests.hall') expect(['FORBIDDEN', 'INVALID_ARGUMENT']).toContain(code);
  else expect(code).toBe('FORBIDDEN');
});

// ---------------------------------------------------------------------------------------------
// 群众点单, action by action, with a real request in the state the action needs. Each cell gets a fresh
// request asked by demo-resident (the resident column is its owner) to 向阳社区 (demo-secretary's branch,
// in 永福: outside the county admin's 秀峰); where a claimant is needed it is demo-member.
// ---------------------------------------------------------------------------------------------

/** `anyone`: no token. Over HTTP even a `public` action needs some identity (every WeChat call has an openid). */
type Caller = 'anyone' | Who;
const CALLERS: Caller[] = ['anyone', 'resident', 'member', 'secretary', 'staff', 'admin', 'county-admin', 'volunteer'];
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const N = 'NOT_FOUND';

interface Cell {
  /** The state of the request the event names (null: no request). */
  given: Stage | null;
  kind?: 'wish' | 'issue';
  places?: number;
  publicOnWall?: boolean;
  event(id: string, who: Caller): object | Promise<object>;
  /** What each caller hears, in CALLERS order: no token, resident (the owner), member (the claimant, where there is one), secretary, staff, admin, county admin, volunteer. */
  expect: [string, string, string, string, string, string, string, string];
}

const photoOf = async (who: Caller) => (who === 'anyone' ? 'no-photo' : uploadPhoto(flow, `demo-${who}`));
let volunteers = 0;
/** A fresh volunteer registered with 向阳社区, waiting for its secretary: the approval each caller tries. */
async function pendingVolunteer(): Promise<object> {
  const openid = `authz-volunteer-${(volunteers += 1)}`;
  await must(
    flow(
      'requests',
      {
        action: 'registerVolunteer',
        realName: '吴志愿',
        phone: `1390773${String(4000 + volunteers)}`,
        inService: false,
        unitId: 'br-yf-xiangyang',
      },
      openid,
    ),
    'registerVolunteer',
  );
  return { action: 'reviewVolunteer', openid, decision: 'approve' };
}
const REQUEST_TABLE: [string, Cell][] = [
  [
    'communities',
    { given: null, event: () => ({ action: 'communities' }), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  ],
  [
    'uploadPhoto',
    {
      given: null,
      event: () => ({ action: 'uploadPhoto', contentType: 'image/png', dataBase64: TINY_PNG }),
      expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
    },
  ],
  ['ask', { given: null, event: () => askEvent(), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] }],
  ['mine', { given: null, event: () => ({ action: 'mine' }), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] }],
  [
    'detail of a request just asked (kept off the wall)',
    {
      given: 'submitted',
      publicOnWall: false,
      event: (id) => ({ action: 'detail', id }),
      expect: [U, 'ok', N, 'ok', N, 'ok', N, N],
    },
  ],
  [
    'detail of a task in the hall',
    {
      given: 'open',
      kind: 'issue',
      publicOnWall: false,
      event: (id) => ({ action: 'detail', id }),
      expect: [U, 'ok', 'ok', 'ok', N, 'ok', N, 'ok'],
    },
  ],
  [
    'detail of a wish on the 心愿墙',
    {
      given: 'confirmed',
      publicOnWall: true,
      event: (id) => ({ action: 'detail', id }),
      expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
    },
  ],
  ['queue', { given: null, event: () => ({ action: 'queue' }), expect: [U, F, F, 'ok', F, 'ok', 'ok', F] }],
  [
    'review (accept)',
    {
      given: 'submitted',
      event: (id) => ({ action: 'review', id, decision: 'accept' }),
      expect: [U, F, F, 'ok', F, 'ok', F, F],
    },
  ],
  [
    'review (decline)',
    {
      given: 'submitted',
      event: (id) => ({ action: 'review', id, decision: 'decline', reason: '不属于本社区' }),
      expect: [U, F, F, 'ok', F, 'ok', F, F],
    },
  ],
  [
    'dispatch to the hall',
    {
      given: 'accepted',
      kind: 'issue',
      event: (id) => ({ action: 'dispatch', id, mode: 'hall', places: 3, hours: 2 }),
      expect: [U, F, F, 'ok', F, 'ok', F, F],
    },
  ],
  [
    'dispatch to a member',
    {
      given: 'accepted',
      event: (id) => ({ action: 'dispatch', id, mode: 'assign', openid: 'demo-member' }),
      expect: [U, F, F, 'ok', F, 'ok', F, F],
    },
  ],
  ['hall', { given: null, event: () => ({ action: 'hall' }), expect: [U, F, 'ok', 'ok', F, F, F, 'ok'] }],
  [
    'claim a task with places',
    {
      given: 'open',
      kind: 'issue',
      places: 10,
      event: (id) => ({ action: 'claim', id }),
      expect: [U, F, 'ok', 'ok', F, F, F, 'ok'],
    },
  ],
  [
    'myTasks',
    { given: null, event: () => ({ action: 'myTasks' }), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  ],
  [
    'progress on a claimed task',
    {
      given: 'claimed',
      kind: 'issue',
      event: (id) => ({ action: 'progress', id, text: '已经联系了物业' }),
      expect: [U, N, 'ok', N, N, N, N, N],
    },
  ],
  [
    'finish a claimed wish',
    {
      given: 'claimed',
      event: async (id, who) => ({ action: 'finish', id, text: '已经办好了', photos: [await photoOf(who)] }),
      expect: [U, N, 'ok', N, N, N, N, N],
    },
  ],
  [
    'release a claimed task (its claimant only)',
    {
      given: 'claimed',
      kind: 'issue',
      event: (id) => ({ action: 'release', id }),
      expect: [U, N, 'ok', N, N, N, N, N],
    },
  ],
  [
    'withdraw a claim (the branch, or an admin in scope)',
    {
      given: 'claimed',
      kind: 'issue',
      event: (id) => ({ action: 'withdraw', id, openid: 'demo-member', reason: '长期未联系居民' }),
      expect: [U, F, F, 'ok', F, 'ok', F, F],
    },
  ],
  ['volunteers', { given: null, event: () => ({ action: 'volunteers' }), expect: [U, F, F, 'ok', F, 'ok', 'ok', F] }],
  [
    'reviewVolunteer of a volunteer registered with 向阳社区',
    { given: null, event: pendingVolunteer, expect: [U, F, F, 'ok', F, 'ok', F, F] },
  ],
  [
    'confirm',
    {
      given: 'finished',
      event: (id) => ({ action: 'confirm', id, rating: 5, comment: '谢谢' }),
      expect: [U, 'ok', N, N, N, N, N, N],
    },
  ],
  [
    'sendBack',
    {
      given: 'finished',
      event: (id) => ({ action: 'sendBack', id, reason: '灯还是不亮' }),
      expect: [U, 'ok', N, N, N, N, N, N],
    },
  ],
  ['cancel', { given: 'submitted', event: (id) => ({ action: 'cancel', id }), expect: [U, 'ok', N, N, N, N, N, N] }],
  [
    'volunteerMe',
    { given: null, event: () => ({ action: 'volunteerMe' }), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  ],
  [
    'timeBank',
    { given: null, event: () => ({ action: 'timeBank' }), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  ],
  ['wall', { given: null, event: () => ({ action: 'wall' }), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] }],
  [
    'figures',
    { given: null, event: () => ({ action: 'figures' }), expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'] },
  ],
  [
    'stats',
    {
      given: null,
      event: () => ({ action: 'stats', from: '2026-11-01', to: '2026-11-30' }),
      expect: [U, F, F, 'ok', F, 'ok', 'ok', F],
    },
  ],
  // Last: it makes everyone a volunteer.
  [
    'registerVolunteer',
    {
      given: null,
      event: () => ({
        action: 'registerVolunteer',
        realName: '王志愿',
        phone: '13907730003',
        inService: false,
        unitId: 'br-yf-xiangyang',
      }),
      expect: [U, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
    },
  ],
];

test('the 群众点单 table covers every action of the requests function', () => {
  // Each row's label starts with its action.
  const rows = new Set(REQUEST_TABLE.map(([label]) => label.split(' ')[0]!));
  expect([...rows].sort()).toEqual(Object.keys(FUNCTIONS.requests?.actions ?? {}).sort());
});

test.each(REQUEST_TABLE)('requests.%s: each caller hears what the table says', async (_label, cell) => {
  const heard: string[] = [];
  for (const who of CALLERS) {
    const id = cell.given
      ? await requestAt(
          flow,
          cell.given,
          { resident: 'demo-resident', secretary: 'demo-secretary', claimant: 'demo-member' },
          { kind: cell.kind ?? 'wish', places: cell.places, publicOnWall: cell.publicOnWall },
        )
      : 'none';
    const res = await flow('requests', await cell.event(id, who), who === 'anyone' ? null : `demo-${who}`);
    heard.push(res.ok ? 'ok' : res.error.code);
  }
  expect(Object.fromEntries(CALLERS.map((c, i) => [c, heard[i]]))).toEqual(
    Object.fromEntries(CALLERS.map((c, i) => [c, cell.expect[i]])),
  );
});

// A photo of a phone's usual size (here 200 KB of a 2 MB limit) gets past the local cloud's 64 KB body limit.
test('requests.uploadPhoto over HTTP takes a photo of 200 KB (the action allows 2 MB)', async () => {
  const png = Buffer.concat([Buffer.from(TINY_PNG, 'base64'), Buffer.alloc(200 * 1024, 7)]);
  const res = await flow<{ fileId: string }>(
    'requests',
    { action: 'uploadPhoto', contentType: 'image/png', dataBase64: png.toString('base64') },
    'demo-resident',
  );
  expect(res.ok ? 'ok' : res.error.code).toBe('ok');
});

/**
 * The resident's name and phone in clear: to the resident always; to the branch's secretary until the request
 * closes; to its claimant while it is worked on (in progress, awaiting confirmation). Everyone else (county and
 * system admins included) sees masks or nothing, in the detail and in every list.
 */
const CONTACT_SEEN: [Stage, ('resident' | 'secretary' | 'member')[]][] = [
  ['submitted', ['resident', 'secretary']],
  ['accepted', ['resident', 'secretary']],
  ['open', ['resident', 'secretary']],
  ['assigned', ['resident', 'secretary', 'member']],
  ['claimed', ['resident', 'secretary', 'member']],
  ['finished', ['resident', 'secretary', 'member']],
  ['confirmed', ['resident']],
  ['declined', ['resident']],
  ['cancelled', ['resident']],
];

test.each(CONTACT_SEEN)('a request %s: the contact in clear only to %j', async (stage, seen) => {
  const name = '黄桂英';
  const phone = '13977120001';
  const ask = { ...askEvent({ kind: 'wish', publicOnWall: true }), contactName: name, contactPhone: phone };
  const asked = await must(flow<{ id: string }>('requests', ask, 'demo-resident'), 'ask');
  // Moved on from the ask above, as requestAt would (the contact is what this test is about).
  const id = stage === 'submitted' ? asked.id : await moveOn(asked.id, stage);
  const clear: string[] = [];
  for (const who of ANY) {
    for (const event of [
      { action: 'detail', id },
      { action: 'mine' },
      { action: 'queue' },
      { action: 'hall' },
      { action: 'myTasks' },
      { action: 'wall' },
    ]) {
      const res = await flow('requests', event, `demo-${who}`);
      const body = JSON.stringify(res);
      if (body.includes(phone) || body.includes(name)) clear.push(`${who} ${event.action}`);
    }
  }
  expect(clear.sort()).toEqual(seen.map((who) => `${who} detail`).sort());
});

/** Moves a request just asked by demo-resident on to `stage` (secretary demo-secretary, claimant demo-member). */
async function moveOn(id: string, stage: Stage): Promise<string> {
  const as = (who: string, event: object) =>
    must(flow('requests', event, who), `${(event as { action: string }).action} → ${stage}`);
  if (stage === 'cancelled') return as('demo-resident', { action: 'cancel', id }).then(() => id);
  if (stage === 'declined')
    return as('demo-secretary', { action: 'review', id, decision: 'decline', reason: '不属于本社区' }).then(() => id);
  await as('demo-secretary', { action: 'review', id, decision: 'accept' });
  if (stage === 'accepted') return id;
  if (stage === 'assigned')
    return as('demo-secretary', { action: 'dispatch', id, mode: 'assign', openid: 'demo-member' }).then(() => id);
  await as('demo-secretary', { action: 'dispatch', id, mode: 'hall' });
  if (stage === 'open') return id;
  await as('demo-member', { action: 'claim', id });
  if (stage === 'claimed') return id;
  await as('demo-member', {
    action: 'finish',
    id,
    text: '已经办好了',
    photos: [await uploadPhoto(flow, 'demo-member')],
  });
  if (stage === 'finished') return id;
  await as('demo-resident', { action: 'confirm', id, rating: 4 });
  return id;
}

test('who a resident is comes from the token alone', async () => {
  const res = await fetch(`${base}/fn/user`, {
    method: 'POST',
    body: JSON.stringify({ action: 'me', userInfo: { openId: 'demo-admin' } }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.resident}` },
  });
  expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'demo-resident', role: 'resident' } });
});

test('dev sign-in is refused when the server is configured for CloudBase', async () => {
  const cloudMode = createLocalCloud({ db, signer: null });
  await new Promise<void>((resolve) => cloudMode.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(cloudMode.address() as AddressInfo).port}`;
  expect(
    (
      await fetch(`${url}/auth/dev-login`, {
        method: 'POST',
        body: '{"openid":"demo-admin"}',
        headers: { 'content-type': 'application/json' },
      })
    ).status,
  ).toBe(404);
  expect(
    (
      await fetch(`${url}/fn/user`, {
        method: 'POST',
        body: '{"action":"me"}',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.admin}` },
      })
    ).status,
  ).toBe(401);
  cloudMode.close();
});

// ---------------------------------------------------------------------------------------------
// Scopes. 秀峰区's admin (demo-county-admin), 向阳社区's secretary (demo-secretary), demo-staff at 永福's
// stations and sites, and two more people set up here: a 秀峰 member and a staff member at one 秀峰 station.
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const tomorrow = dayOf(clock.now() + DAY);
/** The last quarter that has ended: its star ratings are proposed in the scope cases' set-up. */
const starQuarter = previousQuarter(quarterAt(clock.now()));
/** A day with no slots: a close that gets past the checks answers NOT_FOUND and changes nothing. */
const farDay = dayOf(clock.now() + 300 * DAY);
const people: Record<string, string> = {};

async function tokenOf(openid: string): Promise<string> {
  if (!people[openid]) {
    const res = await fetch(`${base}/auth/dev-login`, {
      method: 'POST',
      body: JSON.stringify({ openid }),
      headers: { 'content-type': 'application/json' },
    });
    people[openid] = ((await res.json()) as { data: { token: string } }).data.token;
  }
  return people[openid]!;
}

async function callAs<T = unknown>(
  openid: string,
  fn: string,
  event: object,
): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }> {
  const res = await fetch(`${base}/fn/${fn}`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(openid)}` },
  });
  return (await res.json()) as { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
}
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
async function dataOf<T>(openid: string, fn: string, event: object): Promise<T> {
  const res = await callAs<T>(openid, fn, event);
  if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/**
 * The first bookable slot of an item or site on the next day it is open, looking 14 days ahead: items open
 * on some weekdays only, so "tomorrow" is not a rule.
 */
async function nextBookableSlot(
  openid: string,
  fn: 'stations' | 'vaccine',
  target: { itemId: string } | { siteId: string },
): Promise<string> {
  for (let days = 1; days <= 14; days += 1) {
    const { slots } = await dataOf<{ slots: { slotId: string; bookable: boolean }[] }>(openid, fn, {
      action: 'slots',
      ...target,
      date: dayOf(clock.now() + days * DAY),
    });
    const slot = slots.find((s) => s.bookable);
    if (slot) return slot.slotId;
  }
  throw new Error(`${JSON.stringify(target)}: no bookable slot in the next 14 days`);
}

describe('scopes', () => {
  let requests = 0;
  const rid = () => `scope-req-${(requests += 1)}`;

  beforeAll(async () => {
    await db.collection('users').add({
      _id: 'xf-member',
      nickname: '秀峰党员',
      role: 'member',
      branchId: 'br-xf-jiedong',
      createdAt: clock.now(),
    });
    await db.collection('users').add({
      _id: 'yf-longquan-member',
      nickname: '龙泉党员',
      role: 'member',
      branchId: 'br-yf-longquan',
      createdAt: clock.now(),
    });
    await db.collection('users').add({
      _id: 'xf-staff',
      nickname: '秀峰值班员',
      role: 'staff',
      branchId: null,
      stationIds: ['st-xf-jiedong'],
      siteIds: [],
      createdAt: clock.now(),
    });
    await dataOf('demo-admin', 'stations', {
      action: 'saveItem',
      itemId: 'it-xf-jiedong-legal',
      stationId: 'st-xf-jiedong',
      name: '法律咨询',
      kind: 'service',
    });
    // 群众点单 requests to 向阳 (永福) and to 解东 (秀峰), waiting for review or dispatch: their ids go into the cases' events.
    const at = async (stage: Stage, unitId: string) =>
      requestAt(flow, stage, { resident: 'scope-asker', secretary: 'demo-admin' }, { kind: 'issue', unitId });
    for (const [event, stage, unitId] of REQUEST_CASE_TARGETS) event.id = await at(stage, unitId);
    // Every branch's star rating of the last quarter, proposed: the adjust and sign-off cases name two of them.
    await proposeQuarter(db, starQuarter, clock.now());
    // A notice of 向阳社区 (永福): the pin and end cases name it.
    await db.collection('notices').add({
      _id: 'scope-notice-yf',
      title: '支部通知',
      body: '周五开会',
      scope: 'branch',
      branchId: 'br-yf-xiangyang',
      county: '桂林市永福县',
      audience: 'members',
      key: 'b:br-yf-xiangyang',
      fromName: '向阳社区党支部',
      publishedBy: 'demo-secretary',
      publishedAt: clock.now(),
      pinned: false,
      expiresAt: clock.now() + 86_400_000,
      tellCursor: null,
      telling: false,
    });
  });

  type Expect = 'FORBIDDEN' | 'in scope';
  /** Events whose request is made in beforeAll (the id is filled in there, before the cases run). */
  const reviewEvent = () => ({ action: 'review', id: '', decision: 'accept' });
  const dispatchEvent = () => ({ action: 'dispatch', id: '', mode: 'hall', places: 2 });
  const secretaryReviewsOwn = reviewEvent();
  const secretaryReviewsOther = reviewEvent();
  const countyReviewsOwn = reviewEvent();
  const countyReviewsOther = reviewEvent();
  const secretaryDispatchesOwn = dispatchEvent();
  const secretaryDispatchesOther = dispatchEvent();
  const countyDispatchesOwn = dispatchEvent();
  const countyDispatchesOther = dispatchEvent();
  const REQUEST_CASE_TARGETS: [{ id: string }, Stage, string][] = [
    [secretaryReviewsOwn, 'submitted', 'br-yf-xiangyang'],
    [secretaryReviewsOther, 'submitted', 'br-xf-jiedong'],
    [countyReviewsOwn, 'submitted', 'br-xf-jiedong'],
    [countyReviewsOther, 'submitted', 'br-yf-xiangyang'],
    [secretaryDispatchesOwn, 'accepted', 'br-yf-xiangyang'],
    [secretaryDispatchesOther, 'accepted', 'br-xf-jiedong'],
    [countyDispatchesOwn, 'accepted', 'br-xf-jiedong'],
    [countyDispatchesOther, 'accepted', 'br-yf-xiangyang'],
  ];
  const station = { name: '测试驿站', kind: 'center', district: '测试街道', address: '测试路 1 号' };
  const site = {
    name: '测试接种点',
    town: '秀峰街道',
    address: '测试路 2 号',
    vaccines: [{ code: 'covid', name: '新冠疫苗', maker: '示例', doses: 2, intervalDays: 21 }],
    volunteerBranch: { name: '测试临时党支部', volunteers: 10 },
  };
  const CASES: [string, string, string, object, Expect][] = [
    // 达标创星: a county admin computes, adjusts and signs off their county's branches only.
    [
      'county admin: compute the stars of their county',
      'demo-county-admin',
      'admin',
      { action: 'computeStars', quarter: starQuarter, county: '桂林市秀峰区' },
      'in scope',
    ],
    [
      'county admin: compute the stars of another county',
      'demo-county-admin',
      'admin',
      { action: 'computeStars', quarter: starQuarter, county: '桂林市永福县' },
      'FORBIDDEN',
    ],
    [
      'county admin: adjust a rating in their county',
      'demo-county-admin',
      'admin',
      {
        action: 'adjustStars',
        ratingId: ratingIdOf(starQuarter, 'br-xf-jiedong'),
        stars: 3,
        reason: '会议记录齐全，予以认可',
      },
      'in scope',
    ],
    [
      'county admin: adjust a rating in another county',
      'demo-county-admin',
      'admin',
      {
        action: 'adjustStars',
        ratingId: ratingIdOf(starQuarter, 'br-yf-xiangyang'),
        stars: 5,
        reason: '会议记录齐全，予以认可',
      },
      'FORBIDDEN',
    ],
    [
      'county admin: sign off a rating in another county',
      'demo-county-admin',
      'admin',
      { action: 'signOffStars', ratingId: ratingIdOf(starQuarter, 'br-yf-xiangyang') },
      'FORBIDDEN',
    ],
    [
      'county admin: sign off a rating in their county',
      'demo-county-admin',
      'admin',
      { action: 'signOffStars', ratingId: ratingIdOf(starQuarter, 'br-xf-jiedong') },
      'in scope',
    ],
    // Staff: verify, see rosters and close days only at their stations and sites.
    [
      'staff: roster at an assigned station',
      'demo-staff',
      'stations',
      { action: 'roster', itemId: 'it-yf-center-room', date: tomorrow },
      'in scope',
    ],
    [
      'staff: roster at another station',
      'demo-staff',
      'stations',
      { action: 'roster', itemId: 'it-lc-center-exhibit', date: tomorrow },
      'FORBIDDEN',
    ],
    [
      'staff: close a day at an assigned station',
      'demo-staff',
      'stations',
      { action: 'closeSlots', itemId: 'it-yf-center-room', date: farDay, reason: '设备检修' },
      'in scope',
    ],
    [
      'staff: close a day at another station',
      'demo-staff',
      'stations',
      { action: 'closeSlots', itemId: 'it-lc-center-exhibit', date: farDay, reason: '设备检修' },
      'FORBIDDEN',
    ],
    // 党建地图 (domain/map/admin.ts): red landmarks and routes by county; 先锋岗 and shops by branch.
    ...(
      [
        ['county admin', 'demo-county-admin', '桂林市秀峰区', 'in scope'],
        ['county admin', 'demo-county-admin', '玉林市容县', 'FORBIDDEN'],
        ['system admin', 'demo-admin', '玉林市容县', 'in scope'],
      ] as const
    ).flatMap(([role, who, county, expected]): [string, string, string, object, Expect][] => [
      [
        `${role}: a red landmark in ${county}`,
        who,
        'stations',
        {
          action: 'saveLandmark',
          name: '授权测试地标',
          county,
          address: '城区',
          location: { lat: 25.28, lng: 110.29 },
          radius: 100,
          requestId: `scope-landmark-${who}-${county === '玉林市容县' ? 'rx' : 'xf'}`,
        },
        expected,
      ],
      [
        `${role}: a route in ${county}`,
        who,
        'stations',
        {
          action: 'saveRoute',
          name: '授权测试路线',
          county,
          landmarkIds: ['lm-xf-zuji', 'lm-rx-jiequ'],
          requestId: `scope-route-${who}-${county === '玉林市容县' ? 'rx' : 'xf'}`,
        },
        expected,
      ],
    ]),
    ...(
      [
        ['secretary', 'demo-secretary', 'br-yf-xiangyang', 'in scope'],
        ['secretary', 'demo-secretary', 'br-lc-jiulong', 'FORBIDDEN'],
        ['county admin', 'demo-county-admin', 'br-xf-jiedong', 'in scope'],
        ['county admin', 'demo-county-admin', 'br-yf-xiangyang', 'FORBIDDEN'],
      ] as const
    ).flatMap(([role, who, branchId, expected]): [string, string, string, object, Expect][] => {
      const at = { address: '社区', location: { lat: 24.98, lng: 109.98 } };
      return [
        [
          `${role}: a 先锋岗 of ${branchId}`,
          who,
          'stations',
          {
            action: 'savePost',
            kind: 'post',
            name: '授权测试先锋岗',
            placeType: 'building',
            holderName: '王小华',
            branchId,
            ...at,
            requestId: `scope-post-${who}-${branchId}`,
          },
          expected,
        ],
        [
          `${role}: a 诚信经营户 of ${branchId}`,
          who,
          'stations',
          {
            action: 'saveShop',
            name: '授权测试商店',
            badge: 'honest',
            lit: true,
            branchId,
            ...at,
            requestId: `scope-shop-${who}-${branchId}`,
          },
          expected,
        ],
      ];
    }),
    [
      'secretary: archive a 先锋岗 of another branch',
      'demo-secretary',
      'stations',
      { action: 'archiveMapPlace', kind: 'place', id: 'lm-lc-post', archived: true },
      'FORBIDDEN',
    ],
    [
      'secretary: archive a red landmark',
      'demo-secretary',
      'stations',
      { action: 'archiveMapPlace', kind: 'place', id: 'lm-xf-zuji', archived: true },
      'FORBIDDEN',
    ],
    [
      'county admin: restore a shop of their county',
      'demo-county-admin',
      'stations',
      { action: 'archiveMapPlace', kind: 'place', id: 'lm-xf-shop', archived: false },
      'in scope',
    ],
    [
      'county admin: archive a route of another county',
      'demo-county-admin',
      'stations',
      { action: 'archiveMapPlace', kind: 'route', id: 'rt-rx-xingzou', archived: false },
      'FORBIDDEN',
    ],
    [
      'staff: roster at an assigned site',
      'demo-staff',
      'vaccine',
      { action: 'roster', siteId: 'vs-yf-01', date: tomorrow },
      'in scope',
    ],
    [
      'staff: roster at a site not assigned',
      'xf-staff',
      'vaccine',
      { action: 'roster', siteId: 'vs-yf-01', date: tomorrow },
      'FORBIDDEN',
    ],
    [
      'staff: roster at their one station',
      'xf-staff',
      'stations',
      { action: 'roster', itemId: 'it-xf-jiedong-legal', date: tomorrow },
      'in scope',
    ],
    [
      'staff: roster at a station of their county not assigned',
      'xf-staff',
      'stations',
      { action: 'roster', itemId: 'it-yf-center-room', date: tomorrow },
      'FORBIDDEN',
    ],
    // A county admin: their county's stations, sites, branches and people.
    [
      'county admin: item at a station of their county',
      'demo-county-admin',
      'stations',
      {
        action: 'saveItem',
        itemId: 'it-xf-jiedong-legal',
        stationId: 'st-xf-jiedong',
        name: '法律咨询',
        kind: 'service',
      },
      'in scope',
    ],
    [
      'county admin: item at another county',
      'demo-county-admin',
      'stations',
      { action: 'saveItem', stationId: 'st-yf-center', name: '测试项目', kind: 'service' },
      'FORBIDDEN',
    ],
    [
      'county admin: a new station in their county',
      'demo-county-admin',
      'stations',
      { action: 'saveStation', stationId: 'st-xf-test', county: '桂林市秀峰区', ...station },
      'in scope',
    ],
    [
      'county admin: a station of another county renamed into theirs',
      'demo-county-admin',
      'stations',
      { action: 'saveStation', stationId: 'st-yf-center', county: '桂林市秀峰区', ...station },
      'FORBIDDEN',
    ],
    [
      'county admin: a station in another county',
      'demo-county-admin',
      'stations',
      { action: 'saveStation', stationId: 'st-yf-test', county: '桂林市永福县', ...station },
      'FORBIDDEN',
    ],
    [
      'county admin: slots at another county',
      'demo-county-admin',
      'stations',
      {
        action: 'generateSlots',
        itemId: 'it-yf-center-room',
        from: tomorrow,
        to: tomorrow,
        template: { weekdays: [1], start: '09:00', end: '10:00', slotMinutes: 60, capacity: 1 },
      },
      'FORBIDDEN',
    ],
    [
      'county admin: close a day in another county',
      'demo-county-admin',
      'stations',
      { action: 'closeSlots', itemId: 'it-yf-center-room', date: farDay, reason: '设备检修' },
      'FORBIDDEN',
    ],
    [
      'county admin: close a day in their county',
      'demo-county-admin',
      'stations',
      { action: 'closeSlots', itemId: 'it-xf-jiedong-legal', date: farDay, reason: '设备检修' },
      'in scope',
    ],
    [
      'county admin: roster in another county',
      'demo-county-admin',
      'stations',
      { action: 'roster', itemId: 'it-yf-center-room', date: tomorrow },
      'FORBIDDEN',
    ],
    [
      'county admin: bookings export in another county',
      'demo-county-admin',
      'stations',
      { action: 'export', itemId: 'it-yf-center-room', from: tomorrow, to: tomorrow },
      'FORBIDDEN',
    ],
    [
      'county admin: site status in another county',
      'demo-county-admin',
      'vaccine',
      { action: 'setStatus', siteId: 'vs-yf-01', status: 'open' },
      'FORBIDDEN',
    ],
    [
      'county admin: site slots in another county',
      'demo-county-admin',
      'vaccine',
      {
        action: 'generateSlots',
        siteId: 'vs-yf-01',
        from: tomorrow,
        to: tomorrow,
        template: { weekdays: [1], start: '09:00', end: '10:00', slotMinutes: 60, capacity: 1 },
      },
      'FORBIDDEN',
    ],
    [
      'county admin: site roster in another county',
      'demo-county-admin',
      'vaccine',
      { action: 'roster', siteId: 'vs-yf-01', date: tomorrow },
      'FORBIDDEN',
    ],
    [
      'county admin: a site of another county renamed into theirs',
      'demo-county-admin',
      'vaccine',
      { action: 'saveSite', siteId: 'vs-yf-01', county: '桂林市秀峰区', ...site },
      'FORBIDDEN',
    ],
    [
      'county admin: a new site in their county',
      'demo-county-admin',
      'vaccine',
      { action: 'saveSite', siteId: 'vs-xf-test', county: '桂林市秀峰区', ...site },
      'in scope',
    ],
    [
      'county admin: site export in another county',
      'demo-county-admin',
      'vaccine',
      { action: 'export', siteId: 'vs-yf-01', from: tomorrow, to: tomorrow },
      'FORBIDDEN',
    ],
    [
      'county admin: award a member of their county',
      'demo-county-admin',
      'points',
      { action: 'award', openid: 'xf-member', points: 5, reason: '志愿服务', requestId: 'scope-award-1' },
      'in scope',
    ],
    [
      'county admin: award a member of another county',
      'demo-county-admin',
      'points',
      { action: 'award', openid: 'demo-member', points: 5, reason: '志愿服务', requestId: 'scope-award-2' },
      'FORBIDDEN',
    ],
    [
      'county admin: activity for a branch of their county',
      'demo-county-admin',
      'points',
      {
        action: 'publishActivity',
        title: '主题党日',
        ruleId: 'r-none',
        branchId: 'br-xf-jiedong',
        start: '2026-12-01 09:00',
        end: '2026-12-01 11:00',
        requestId: 'scope-activity-1',
      },
      'in scope',
    ],
    [
      'county admin: activity for every branch',
      'demo-county-admin',
      'points',
      {
        action: 'publishActivity',
        title: '主题党日',
        ruleId: 'r-none',
        start: '2026-12-01 09:00',
        end: '2026-12-01 11:00',
        requestId: 'scope-activity-2',
      },
      'FORBIDDEN',
    ],
    [
      'county admin: ledger of a branch of their county',
      'demo-county-admin',
      'points',
      { action: 'export', branchId: 'br-xf-jiedong', from: '2026-11-01', to: '2026-11-30' },
      'in scope',
    ],
    [
      'county admin: ledger of every branch',
      'demo-county-admin',
      'points',
      { action: 'export', from: '2026-11-01', to: '2026-11-30' },
      'FORBIDDEN',
    ],
    [
      'county admin: goods at another county',
      'demo-county-admin',
      'points',
      { action: 'saveGoods', name: '雨伞', price: 10, stock: 1, perUserLimit: 1, stationId: 'st-yf-center' },
      'FORBIDDEN',
    ],
    [
      'county admin: goods at their county',
      'demo-county-admin',
      'points',
      { action: 'saveGoods', name: '雨伞', price: 10, stock: 1, perUserLimit: 1, stationId: 'st-xf-jiedong' },
      'in scope',
    ],
    [
      'county admin: restock goods of another county',
      'demo-county-admin',
      'points',
      { action: 'restock', goodsId: 'g-towel', qty: 1 },
      'FORBIDDEN',
    ],
    [
      'county admin: invite to a branch of their county',
      'demo-county-admin',
      'org',
      { action: 'createInvite', branchId: 'br-xf-jiedong' },
      'in scope',
    ],
    [
      'county admin: invite to another county',
      'demo-county-admin',
      'org',
      { action: 'createInvite', branchId: 'br-yf-xiangyang' },
      'FORBIDDEN',
    ],
    [
      'county admin: a branch under their committee',
      'demo-county-admin',
      'org',
      {
        action: 'saveUnit',
        parentId: 'cm-xf-jiedong',
        kind: 'branch',
        name: '解东社区第二党支部',
        requestId: 'scope-unit-1',
      },
      'in scope',
    ],
    [
      'county admin: a branch in another county',
      'demo-county-admin',
      'org',
      { action: 'saveUnit', parentId: 'cty-yongfu', kind: 'branch', name: '测试党支部', requestId: 'scope-unit-2' },
      'FORBIDDEN',
    ],
    [
      'county admin: a new county',
      'demo-county-admin',
      'org',
      { action: 'saveUnit', parentId: null, kind: 'county', name: '测试县', requestId: 'scope-unit-3' },
      'FORBIDDEN',
    ],
    [
      'county admin: rename a unit of another county',
      'demo-county-admin',
      'org',
      {
        action: 'saveUnit',
        unitId: 'br-yf-longquan',
        parentId: 'cty-yongfu',
        kind: 'branch',
        name: '龙泉党支部',
        requestId: 'scope-unit-4',
      },
      'FORBIDDEN',
    ],
    [
      "county admin: secretary of another county's branch",
      'demo-county-admin',
      'org',
      { action: 'setSecretary', unitId: 'br-yf-longquan', openid: 'yf-longquan-member' },
      'FORBIDDEN',
    ],
    [
      'county admin: members of their county',
      'demo-county-admin',
      'org',
      { action: 'members', unitId: 'cty-xiufeng' },
      'in scope',
    ],
    [
      'county admin: members of another county',
      'demo-county-admin',
      'org',
      { action: 'members', unitId: 'cty-yongfu' },
      'FORBIDDEN',
    ],
    [
      'county admin: applications of another county',
      'demo-county-admin',
      'org',
      { action: 'applications', branchId: 'br-yf-xiangyang' },
      'FORBIDDEN',
    ],
    [
      'county admin: move a member of another county',
      'demo-county-admin',
      'org',
      { action: 'moveMember', openid: 'demo-member', branchId: 'br-xf-jiedong' },
      'FORBIDDEN',
    ],
    [
      'county admin: move a member out of their county',
      'demo-county-admin',
      'org',
      { action: 'moveMember', openid: 'xf-member', branchId: 'br-yf-xiangyang' },
      'FORBIDDEN',
    ],
    [
      'county admin: import into another county',
      'demo-county-admin',
      'org',
      { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: 'AAAA' },
      'FORBIDDEN',
    ],
    [
      'county admin: a system-wide admin',
      'demo-county-admin',
      'org',
      { action: 'setRole', openid: 'xf-member', role: 'admin' },
      'FORBIDDEN',
    ],
    [
      'county admin: an admin of another county',
      'demo-county-admin',
      'org',
      { action: 'setRole', openid: 'xf-member', role: 'admin', scopeUnitId: 'cty-yongfu' },
      'FORBIDDEN',
    ],
    [
      'county admin: the role of someone of another county',
      'demo-county-admin',
      'user',
      { action: 'setRole', openid: 'demo-member', role: 'staff' },
      'FORBIDDEN',
    ],
    [
      'county admin: staff at a station of another county',
      'demo-county-admin',
      'org',
      { action: 'assignStaff', openid: 'xf-staff', stationIds: ['st-yf-center'], siteIds: [] },
      'FORBIDDEN',
    ],
    [
      'county admin: staff at a station of their county',
      'demo-county-admin',
      'org',
      { action: 'assignStaff', openid: 'xf-staff', stationIds: ['st-xf-jiedong'], siteIds: [] },
      'in scope',
    ],
    // A branch secretary: their branch's members, activities, invitations and roster.
    [
      'secretary: award a member of their branch',
      'demo-secretary',
      'points',
      { action: 'award', openid: 'demo-member', points: 5, reason: '志愿服务', requestId: 'scope-award-3' },
      'in scope',
    ],
    [
      'secretary: award a member of another branch',
      'demo-secretary',
      'points',
      { action: 'award', openid: 'yf-longquan-member', points: 5, reason: '志愿服务', requestId: 'scope-award-4' },
      'FORBIDDEN',
    ],
    [
      'secretary: award someone of no branch',
      'demo-secretary',
      'points',
      { action: 'award', openid: 'demo-resident', points: 5, reason: '志愿服务', requestId: 'scope-award-5' },
      'FORBIDDEN',
    ],
    [
      'secretary: activity of their branch',
      'demo-secretary',
      'points',
      {
        action: 'publishActivity',
        title: '三会一课',
        ruleId: 'r-none',
        branchId: 'br-yf-xiangyang',
        start: '2026-12-01 09:00',
        end: '2026-12-01 11:00',
        requestId: 'scope-activity-3',
      },
      'in scope',
    ],
    [
      'secretary: activity of another branch',
      'demo-secretary',
      'points',
      {
        action: 'publishActivity',
        title: '三会一课',
        ruleId: 'r-none',
        branchId: 'br-yf-longquan',
        start: '2026-12-01 09:00',
        end: '2026-12-01 11:00',
        requestId: 'scope-activity-4',
      },
      'FORBIDDEN',
    ],
    [
      'secretary: activity for every branch',
      'demo-secretary',
      'points',
      {
        action: 'publishActivity',
        title: '三会一课',
        ruleId: 'r-none',
        start: '2026-12-01 09:00',
        end: '2026-12-01 11:00',
        requestId: 'scope-activity-5',
      },
      'FORBIDDEN',
    ],
    [
      'secretary: ledger of their branch',
      'demo-secretary',
      'points',
      { action: 'export', branchId: 'br-yf-xiangyang', from: '2026-11-01', to: '2026-11-30' },
      'in scope',
    ],
    [
      'secretary: ledger of every branch',
      'demo-secretary',
      'points',
      { action: 'export', from: '2026-11-01', to: '2026-11-30' },
      'FORBIDDEN',
    ],
    [
      'secretary: invite to their branch',
      'demo-secretary',
      'org',
      { action: 'createInvite', branchId: 'br-yf-xiangyang' },
      'in scope',
    ],
    [
      'secretary: invite to another branch',
      'demo-secretary',
      'org',
      { action: 'createInvite', branchId: 'br-yf-longquan' },
      'FORBIDDEN',
    ],
    [
      'secretary: applications of another branch',
      'demo-secretary',
      'org',
      { action: 'applications', branchId: 'br-xf-jiedong' },
      'FORBIDDEN',
    ],
    [
      'secretary: members of their branch',
      'demo-secretary',
      'org',
      { action: 'members', unitId: 'br-yf-xiangyang' },
      'in scope',
    ],
    [
      'secretary: members of their county',
      'demo-secretary',
      'org',
      { action: 'members', unitId: 'cty-yongfu' },
      'FORBIDDEN',
    ],
    [
      'secretary: import into another branch',
      'demo-secretary',
      'org',
      { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: 'AAAA' },
      'FORBIDDEN',
    ],
    [
      'secretary: import into their branch (a bad file)',
      'demo-secretary',
      'org',
      { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: 'AAAA' },
      'in scope',
    ],
    [
      'county admin: the dashboard of their county',
      'demo-county-admin',
      'admin',
      { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-xiufeng' },
      'in scope',
    ],
    [
      'county admin: the dashboard of their county by its name',
      'demo-county-admin',
      'admin',
      { action: 'dashboardExport', from: '2026-11-01', to: '2026-11-30', unitId: '桂林市秀峰区' },
      'in scope',
    ],
    [
      'county admin: the dashboard with no unit named (their own county)',
      'demo-county-admin',
      'admin',
      { action: 'dashboard', from: '2026-11-01', to: '2026-11-30' },
      'in scope',
    ],
    [
      'county admin: the dashboard of another county by its name',
      'demo-county-admin',
      'admin',
      { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: '桂林市永福县' },
      'FORBIDDEN',
    ],
    [
      'county admin: the dashboard of another county',
      'demo-county-admin',
      'admin',
      { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-yongfu' },
      'FORBIDDEN',
    ],
    [
      "county admin: the export of another county's branch",
      'demo-county-admin',
      'admin',
      { action: 'dashboardExport', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-xiangyang' },
      'FORBIDDEN',
    ],
    ['county admin: the audit log (system-wide)', 'demo-county-admin', 'admin', { action: 'audit' }, 'FORBIDDEN'],
    [
      'county admin: the audit export (system-wide)',
      'demo-county-admin',
      'admin',
      { action: 'auditExport', from: '2026-11-01', to: '2026-11-30' },
      'FORBIDDEN',
    ],
    [
      'secretary: the dashboard of their branch',
      'demo-secretary',
      'admin',
      { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-xiangyang' },
      'in scope',
    ],
    [
      'secretary: the dashboard of another branch',
      'demo-secretary',
      'admin',
      { action: 'dashboard', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-longquan' },
      'FORBIDDEN',
    ],
    [
      'secretary: the dashboard of their county',
      'demo-secretary',
      'admin',
      { action: 'dashboardExport', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-yongfu' },
      'FORBIDDEN',
    ],
    // 群众点单: a secretary reviews and dispatches their branch's requests, a county admin their county's.
    ['secretary: review a request to their branch', 'demo-secretary', 'requests', secretaryReviewsOwn, 'in scope'],
    ['secretary: review a request to another branch', 'demo-secretary', 'requests', secretaryReviewsOther, 'FORBIDDEN'],
    ['county admin: review a request in their county', 'demo-county-admin', 'requests', countyReviewsOwn, 'in scope'],
    [
      'county admin: review a request in another county',
      'demo-county-admin',
      'requests',
      countyReviewsOther,
      'FORBIDDEN',
    ],
    ['secretary: dispatch a request of their branch', 'demo-secretary', 'requests', secretaryDispatchesOwn, 'in scope'],
    [
      'secretary: dispatch a request of another branch',
      'demo-secretary',
      'requests',
      secretaryDispatchesOther,
      'FORBIDDEN',
    ],
    [
      'county admin: dispatch a request in their county',
      'demo-county-admin',
      'requests',
      countyDispatchesOwn,
      'in scope',
    ],
    [
      'county admin: dispatch a request in another county',
      'demo-county-admin',
      'requests',
      countyDispatchesOther,
      'FORBIDDEN',
    ],
    [
      'secretary: request figures of their branch',
      'demo-secretary',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-xiangyang' },
      'in scope',
    ],
    [
      'secretary: request figures of another branch',
      'demo-secretary',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-longquan' },
      'FORBIDDEN',
    ],
    [
      'secretary: request figures of their county',
      'demo-secretary',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-yongfu' },
      'FORBIDDEN',
    ],
    [
      'county admin: request figures of their county',
      'demo-county-admin',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-xiufeng' },
      'in scope',
    ],
    [
      'county admin: request figures of a branch in their county',
      'demo-county-admin',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'br-xf-jiedong' },
      'in scope',
    ],
    [
      'county admin: request figures of another county',
      'demo-county-admin',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'cty-yongfu' },
      'FORBIDDEN',
    ],
    [
      'county admin: request figures of another county by its name',
      'demo-county-admin',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: '桂林市永福县' },
      'FORBIDDEN',
    ],
    [
      'county admin: request figures of a branch in another county',
      'demo-county-admin',
      'requests',
      { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-xiangyang' },
      'FORBIDDEN',
    ],
    // The system admin: everywhere.
    [
      'system admin: award in any county',
      'demo-admin',
      'points',
      { action: 'award', openid: 'xf-member', points: 5, reason: '志愿服务', requestId: 'scope-award-6' },
      'in scope',
    ],
    [
      'system admin: ledger of every branch',
      'demo-admin',
      'points',
      { action: 'export', from: '2026-11-01', to: '2026-11-30' },
      'in scope',
    ],
    [
      'system admin: invite anywhere',
      'demo-admin',
      'org',
      { action: 'createInvite', branchId: 'br-xf-jiedong' },
      'in scope',
    ],
    ['system admin: the audit log', 'demo-admin', 'admin', { action: 'audit' }, 'in scope'],
    // Meetings (domain/meetings): planned for, listed and linked within a branch; 秀峰's admin not at 向阳.
    ...(
      [
        ['secretary', 'demo-secretary', 'br-yf-xiangyang', 'in scope'],
        ['secretary', 'demo-secretary', 'br-xf-jiedong', 'FORBIDDEN'],
        ['county admin', 'demo-county-admin', 'br-xf-jiedong', 'in scope'],
        ['county admin', 'demo-county-admin', 'br-yf-xiangyang', 'FORBIDDEN'],
      ] as const
    ).flatMap(([role, who, branchId, expected]): [string, string, string, object, Expect][] => [
      [
        `${role}: plan a meeting of ${branchId}`,
        who,
        'points',
        {
          action: 'planMeeting',
          type: 'general',
          title: '支部党员大会',
          place: '党群服务中心',
          start: `${tomorrow} 19:30`,
          end: `${tomorrow} 21:00`,
          branchId,
          requestId: `scope-meeting-${who}-${branchId}`,
        },
        expected,
      ],
      [`${role}: meetings of ${branchId}`, who, 'points', { action: 'branchMeetings', branchId }, expected],
      [`${role}: 联系点 of ${branchId}`, who, 'points', { action: 'liaisons', branchId }, expected],
    ]),
    ...(['linkLiaison', 'unlinkLiaison'] as const).flatMap((action): [string, string, string, object, Expect][] => [
      [
        `county admin: ${action} at a branch of their county`,
        'demo-county-admin',
        'points',
        { action, branchId: 'br-xf-jiedong', openid: 'demo-member' },
        'in scope',
      ],
      [
        `county admin: ${action} at a branch of another county`,
        'demo-county-admin',
        'points',
        { action, branchId: 'br-yf-xiangyang', openid: 'demo-member' },
        'FORBIDDEN',
      ],
    ]),
    [
      'secretary: a notice to their branch',
      'demo-secretary',
      'org',
      { action: 'publishNotice', title: '支部通知', body: '周五开会', scope: 'branch', requestId: 'scope-notice-1' },
      'in scope',
    ],
    [
      'secretary: a notice to another branch',
      'demo-secretary',
      'org',
      {
        action: 'publishNotice',
        title: '支部通知',
        body: '周五开会',
        scope: 'branch',
        branchId: 'br-xf-jiedong',
        requestId: 'scope-notice-2',
      },
      'FORBIDDEN',
    ],
    [
      'secretary: a notice to a county',
      'demo-secretary',
      'org',
      {
        action: 'publishNotice',
        title: '县通知',
        body: '周五开会',
        scope: 'county',
        county: '桂林市永福县',
        requestId: 'scope-notice-3',
      },
      'FORBIDDEN',
    ],
    [
      'county admin: a notice to their county',
      'demo-county-admin',
      'org',
      { action: 'publishNotice', title: '县通知', body: '周五开会', scope: 'county', requestId: 'scope-notice-4' },
      'in scope',
    ],
    [
      'county admin: a notice to everyone',
      'demo-county-admin',
      'org',
      { action: 'publishNotice', title: '全系统通知', body: '周五开会', scope: 'all', requestId: 'scope-notice-5' },
      'FORBIDDEN',
    ],
    [
      'county admin: pin a notice of another county',
      'demo-county-admin',
      'org',
      { action: 'pinNotice', noticeId: 'scope-notice-yf', pinned: true },
      'FORBIDDEN',
    ],
    [
      'county admin: end a notice of another county',
      'demo-county-admin',
      'org',
      { action: 'endNotice', noticeId: 'scope-notice-yf' },
      'FORBIDDEN',
    ],
    [
      'secretary: end their branch notice',
      'demo-secretary',
      'org',
      { action: 'endNotice', noticeId: 'scope-notice-yf' },
      'in scope',
    ],
    [
      'secretary: the join date of a member of their branch',
      'demo-secretary',
      'org',
      { action: 'setJoinDate', openid: 'demo-member', joinDate: '2001-07-01' },
      'in scope',
    ],
    [
      'county admin: the join date of a member of another county',
      'demo-county-admin',
      'org',
      { action: 'setJoinDate', openid: 'demo-member', joinDate: '2001-07-01' },
      'FORBIDDEN',
    ],
    [
      "secretary: their branch's political birthdays",
      'demo-secretary',
      'org',
      { action: 'birthdays', month: '2026-07' },
      'in scope',
    ],
    [
      "county admin: another county's branch's political birthdays",
      'demo-county-admin',
      'org',
      { action: 'birthdays', branchId: 'br-yf-xiangyang' },
      'FORBIDDEN',
    ],
    [
      'system admin: a notice to everyone',
      'demo-admin',
      'org',
      { action: 'publishNotice', title: '全系统通知', body: '周五开会', scope: 'all', requestId: 'scope-notice-6' },
      'in scope',
    ],
    [
      'system admin: roster anywhere',
      'demo-admin',
      'stations',
      { action: 'roster', itemId: 'it-lc-center-exhibit', date: tomorrow },
      'in scope',
    ],
    [
      'county admin: the poster of a landmark in their county',
      'demo-county-admin',
      'stations',
      { action: 'landmarkPoster', landmarkId: 'lm-xf-zuji' },
      'in scope',
    ],
    [
      'county admin: the poster of a landmark in another county',
      'demo-county-admin',
      'stations',
      { action: 'landmarkPoster', landmarkId: 'lm-rx-jiequ' },
      'FORBIDDEN',
    ],
  ];

  test.each(CASES)('%s', async (_label, who, fn, event, expected) => {
    const code = codeOf(await callAs(who, fn, event));
    if (expected === 'FORBIDDEN') expect(code).toBe('FORBIDDEN');
    else expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(code);
  });

  test('every org action and every scoped staff/admin action appears in the scope cases', () => {
    const covered = new Set(CASES.map(([, , fn, event]) => `${fn}.${(event as { action: string }).action}`));
    const scoped = Object.entries(FUNCTIONS).flatMap(([fn, router]) =>
      Object.entries(router.actions)
        .filter(([, a]) => a.scope)
        .map(([name]) => `${fn}.${name}`),
    );
    // Scoped by the data they read (a code) or tested in their own flows below.
    // requests.withdraw and reviewVolunteer: the 群众点单 table above (向阳's secretary in scope, 秀峰's admin refused).
    const elsewhere = [
      'stations.verify',
      'vaccine.verify',
      'points.verifyOrder',
      'org.review',
      'org.searchMembers',
      'org.setRole',
      'org.revokeInvite',
      'org.archiveUnit',
      'requests.withdraw',
      'requests.reviewVolunteer',
      // A meeting's scope is its branch's: domain/meetings/meetings.test.ts (secretary of another branch refused).
      'points.cancelMeeting',
      'points.decideLeave',
      'points.recordMinutes',
    ];
    expect(scoped.filter((name) => !covered.has(name) && !elsewhere.includes(name))).toEqual([]);
  });

  test('staff verify booking codes, vaccination codes and pickups only where they work', async () => {
    // A booking at 灵川 and one at 永福, each on the next day its item is open (灵川's exhibition closes on Mondays).
    const bookAt = async (itemId: string) => {
      const slotId = await nextBookableSlot('scope-booker', 'stations', { itemId });
      return dataOf<{ code: string }>('scope-booker', 'stations', { action: 'book', slotId, requestId: rid() });
    };
    const lingchuan = await bookAt('it-lc-center-exhibit');
    const yongfu = await bookAt('it-yf-center-room');
    expect(codeOf(await callAs('demo-staff', 'stations', { action: 'verify', code: lingchuan.code }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await callAs('demo-staff', 'stations', { action: 'verify', code: yongfu.code }))).not.toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await callAs('xf-staff', 'stations', { action: 'verify', code: yongfu.code }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-admin', 'stations', { action: 'verify', code: lingchuan.code }))).not.toBe(
      'FORBIDDEN',
    );

    // A vaccination at 永福's first site: demo-staff may, the 秀峰 staff may not, nor 秀峰's admin.
    const idNumber = makeIdNumber('450326', '1980-05-06', 123);
    const { personId } = await dataOf<{ personId: string }>('scope-booker', 'vaccine', {
      action: 'addPerson',
      name: '李四',
      idNumber,
      phone: '13800001111',
    });
    const site = await db.collection('vaccineSites').doc('vs-yf-01').get();
    const vaccine = (site!.vaccines as { code: string }[])[0]!.code;
    const slotId = await nextBookableSlot('scope-booker', 'vaccine', { siteId: 'vs-yf-01' });
    const appointment = await dataOf<{ code: string }>('scope-booker', 'vaccine', {
      action: 'appoint',
      slotId,
      personId,
      vaccine,
      dose: 1,
      requestId: rid(),
    });
    expect(codeOf(await callAs('xf-staff', 'vaccine', { action: 'verify', code: appointment.code }))).toBe('FORBIDDEN');
    expect(codeOf(await callAs('demo-county-admin', 'vaccine', { action: 'verify', code: appointment.code }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await callAs('demo-staff', 'vaccine', { action: 'verify', code: appointment.code }))).not.toBe(
      'FORBIDDEN',
    );

    // An order for pickup at 永福's centre.
    await dataOf('demo-admin', 'points', {
      action: 'award',
      openid: 'scope-booker',
      points: 100,
      reason: '志愿服务',
      requestId: rid(),
    });
    const order = await dataOf<{ pickupCode: string }>('scope-booker', 'points', {
      action: 'redeem',
      goodsId: 'g-towel',
      qty: 1,
      requestId: rid(),
    });
    expect(codeOf(await callAs('xf-staff', 'points', { action: 'verifyOrder', pickupCode: order.pickupCode }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await callAs('demo-county-admin', 'points', { action: 'verifyOrder', pickupCode: order.pickupCode })),
    ).toBe('FORBIDDEN');
    expect(await callAs('demo-staff', 'points', { action: 'verifyOrder', pickupCode: order.pickupCode })).toMatchObject(
      { ok: true, data: { status: 'picked' } },
    );
  });

  test('a secretary sees and approves applications to their branch only; the county admin approves in their county', async () => {
    // Someone asks to join 解东社区党支部 (秀峰), someone else 向阳社区党支部 (永福).
    const jiedong = await dataOf<{ code: string }>('demo-county-admin', 'org', {
      action: 'createInvite',
      branchId: 'br-xf-jiedong',
    });
    const xiangyang = await dataOf<{ code: string }>('demo-secretary', 'org', {
      action: 'createInvite',
      branchId: 'br-yf-xiangyang',
    });
    const toJiedong = await dataOf<{ applicationId: string; status: string }>('scope-applicant-1', 'org', {
      action: 'apply',
      code: jiedong.code,
      realName: '张秀英',
      phone: '13900001111',
      requestId: rid(),
    });
    const toXiangyang = await dataOf<{ applicationId: string; status: string }>('scope-applicant-2', 'org', {
      action: 'apply',
      code: xiangyang.code,
      realName: '王小明',
      phone: '13900002222',
      requestId: rid(),
    });
    expect([toJiedong.status, toXiangyang.status]).toEqual(['pending', 'pending']);

    const seen = await dataOf<{ items: { applicationId: string; branchId: string }[] }>('demo-secretary', 'org', {
      action: 'applications',
      status: 'pending',
    });
    expect(seen.items.map((i) => i.applicationId)).toEqual([toXiangyang.applicationId]);
    const countySeen = await dataOf<{ items: { applicationId: string }[] }>('demo-county-admin', 'org', {
      action: 'applications',
      status: 'pending',
    });
    expect(countySeen.items.map((i) => i.applicationId)).toEqual([toJiedong.applicationId]);

    expect(
      codeOf(
        await callAs('demo-secretary', 'org', {
          action: 'review',
          applicationId: toJiedong.applicationId,
          decision: 'approve',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await callAs('demo-county-admin', 'org', {
          action: 'review',
          applicationId: toXiangyang.applicationId,
          decision: 'approve',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await callAs('scope-applicant-2', 'org', {
          action: 'review',
          applicationId: toXiangyang.applicationId,
          decision: 'approve',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await dataOf('scope-applicant-1', 'user', { action: 'me' })).toMatchObject({
      role: 'resident',
      branch: null,
    });

    await dataOf('demo-secretary', 'org', {
      action: 'review',
      applicationId: toXiangyang.applicationId,
      decision: 'approve',
    });
    await dataOf('demo-county-admin', 'org', {
      action: 'review',
      applicationId: toJiedong.applicationId,
      decision: 'approve',
    });
    expect(await dataOf('scope-applicant-2', 'user', { action: 'me' })).toMatchObject({
      role: 'member',
      roleLabel: '党员',
      branch: { branchId: 'br-yf-xiangyang' },
    });
    expect(await dataOf('scope-applicant-1', 'user', { action: 'me' })).toMatchObject({
      role: 'member',
      branch: { branchId: 'br-xf-jiedong' },
    });

    // The member picker finds only people in the caller's scope.
    const found = await dataOf<{ items: { openid: string }[] }>('demo-secretary', 'org', {
      action: 'searchMembers',
      keyword: '王小明',
    });
    expect(found.items.map((i) => i.openid)).toEqual(['scope-applicant-2']);
    expect(
      (await dataOf<{ items: unknown[] }>('demo-secretary', 'org', { action: 'searchMembers', keyword: '张秀英' }))
        .items,
    ).toEqual([]);
    expect(
      (
        await dataOf<{ items: { openid: string }[] }>('demo-county-admin', 'org', {
          action: 'searchMembers',
          keyword: '张秀英',
        })
      ).items.map((i) => i.openid),
    ).toEqual(['scope-applicant-1']);
    expect(
      codeOf(
        await callAs('demo-secretary', 'org', { action: 'searchMembers', keyword: '张', unitId: 'br-xf-jiedong' }),
      ),
    ).toBe('FORBIDDEN');
  });

  test('群众点单: the queue, the details and the figures a secretary and a county admin see stay in their scope', async () => {
    type Page = { items: { id: string; unitName: string; county: string }[] };
    const mine = await requestAt(
      flow,
      'submitted',
      { resident: 'scope-asker-2', secretary: 'demo-admin' },
      { kind: 'wish', unitId: 'br-yf-xiangyang', publicOnWall: false },
    );
    const theirs = await requestAt(
      flow,
      'submitted',
      { resident: 'scope-asker-2', secretary: 'demo-admin' },
      { kind: 'wish', unitId: 'br-xf-jiedong', publicOnWall: false },
    );
    const elsewhere = await requestAt(
      flow,
      'submitted',
      { resident: 'scope-asker-2', secretary: 'demo-admin' },
      { kind: 'wish', unitId: 'br-yf-longquan', publicOnWall: false },
    );
    const secretaryQueue = await dataOf<Page>('demo-secretary', 'requests', { action: 'queue', limit: 50 });
    expect(new Set(secretaryQueue.items.map((i) => i.unitName))).toEqual(new Set(['向阳社区党支部']));
    expect(secretaryQueue.items.map((i) => i.id)).toContain(mine);
    const countyQueue = await dataOf<Page>('demo-county-admin', 'requests', { action: 'queue', limit: 50 });
    expect(new Set(countyQueue.items.map((i) => i.county))).toEqual(new Set(['桂林市秀峰区']));
    expect(countyQueue.items.map((i) => i.id)).toContain(theirs);
    const everything = await dataOf<Page>('demo-admin', 'requests', { action: 'queue', limit: 50 });
    expect(everything.items.map((i) => i.id)).toEqual(expect.arrayContaining([mine, theirs, elsewhere]));

    // Details: NOT_FOUND outside the scope (whether the request exists is not told).
    expect(codeOf(await callAs('demo-secretary', 'requests', { action: 'detail', id: mine }))).toBe('ok');
    expect(codeOf(await callAs('demo-secretary', 'requests', { action: 'detail', id: elsewhere }))).toBe('NOT_FOUND');
    expect(codeOf(await callAs('demo-secretary', 'requests', { action: 'detail', id: theirs }))).toBe('NOT_FOUND');
    expect(codeOf(await callAs('demo-county-admin', 'requests', { action: 'detail', id: theirs }))).toBe('ok');
    expect(codeOf(await callAs('demo-county-admin', 'requests', { action: 'detail', id: mine }))).toBe('NOT_FOUND');

    // Figures: the secretary's are their branch's, whatever they ask for.
    const { byBranch } = await dataOf<{ byBranch: { unitId: string }[] }>('demo-secretary', 'requests', {
      action: 'stats',
      from: dayOf(clock.now() - DAY),
      to: dayOf(clock.now() + DAY),
    });
    expect(byBranch.map((b) => b.unitId)).toEqual(['br-yf-xiangyang']);
    const county = await dataOf<{ byBranch: { unitId: string }[] }>('demo-county-admin', 'requests', {
      action: 'stats',
      from: dayOf(clock.now() - DAY),
      to: dayOf(clock.now() + DAY),
    });
    expect(county.byBranch.map((b) => b.unitId)).toEqual(['br-xf-jiedong']);
  });

  test('roles: a county admin makes admins of their county only; a setRole on oneself is refused', async () => {
    expect(
      codeOf(
        await callAs('demo-county-admin', 'org', {
          action: 'setRole',
          openid: 'xf-member',
          role: 'admin',
          scopeUnitId: 'cty-xiufeng',
        }),
      ),
    ).toBe('ok');
    expect(await db.collection('users').doc('xf-member').get()).toMatchObject({
      role: 'admin',
      scopeUnitId: 'cty-xiufeng',
    });
    // Now an admin of 秀峰: refused elsewhere like any county admin.
    expect(codeOf(await callAs('xf-member', 'org', { action: 'createInvite', branchId: 'br-yf-xiangyang' }))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await callAs('demo-county-admin', 'org', { action: 'setRole', openid: 'demo-county-admin', role: 'member' }),
      ),
    ).toBe('CONFLICT');
    expect(
      codeOf(
        await callAs('demo-county-admin', 'org', {
          action: 'setRole',
          openid: 'xf-member',
          role: 'member',
          scopeUnitId: 'br-xf-jiedong',
        }),
      ),
    ).toBe('ok');
  });
});
