/**
 * 群众点单 → 支部下单 → 党员接单 on whichever engine the jest project picks (embedded, or the real
 * CloudBase SDK against the double): the flow, claims under concurrency, awards exactly once, privacy,
 * scope, and bad input writing nothing.
 */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { USERS } from '../core/identity';
import { LEDGER } from '../points/model';
import { MESSAGES } from '../messages/outbox';
import { checkRequestInvariants } from './invariants';
import { checkPointsInvariants } from '../points/invariants';
import { markOverdue } from './jobs';
import { takePlace } from './claims';
import { REQUESTS } from './model';

type World = Awaited<ReturnType<typeof seededWorld>>;
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const HOUR = 3_600_000;

// This suite is about the flow: demo-resident asks some 25 times in one day. The daily caps have their own tests
// (hardening.test.ts), with the defaults.
process.env.REQUEST_ASKS_PER_DAY = '1000';

let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

/** Each successful step a second after the last, so a timeline reads in order. */
let clock = Date.parse('2026-11-23T02:00:00Z');
async function data<T>(event: object, who: string | null, at = (clock += 1000)): Promise<T> {
  const res = await w.call.at(at)<T>('requests', event, who);
  if (!res.ok)
    throw new Error(`requests.${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const everything = () =>
  dump(
    w.db,
    Object.keys(COLLECTIONS).filter((name) => name !== 'auditLog'),
  );

/** A PNG's signature and a few bytes: enough to be recognised as a picture. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(24, 1),
]).toString('base64');
const upload = async (who: string) =>
  (
    await data<{ fileId: string; url: string }>(
      { action: 'uploadPhoto', contentType: 'image/png', dataBase64: PNG },
      who,
    )
  ).fileId;

let seq = 0;
async function asked(kind: 'wish' | 'issue' = 'wish', who = 'demo-resident', extra: object = {}) {
  seq += 1;
  const event = {
    action: 'ask',
    kind,
    category: kind === 'wish' ? '长者' : '环境',
    title: `测试请求${seq}`,
    text: '需要帮忙修理一下门口的路灯',
    photos: [],
    unitId: 'br-yf-xiangyang',
    contactName: '李秀兰',
    contactPhone: '13812345678',
    publicOnWall: true,
    requestId: `ask-request-${seq}`,
    ...extra,
  };
  return data<{ id: string; status: string }>(event, who);
}
async function inHall(kind: 'wish' | 'issue' = 'wish', places?: number) {
  const { id } = await asked(kind);
  await data({ action: 'review', id, decision: 'accept' }, 'demo-secretary');
  await data({ action: 'dispatch', id, mode: 'hall', ...(places ? { places } : {}) }, 'demo-secretary');
  return id;
}
async function members(prefix: string, n: number, role = 'member') {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  for (const id of ids)
    await w.db
      .collection(USERS)
      .doc(id)
      .set({
        nickname: `党员${id}`,
        role,
        branchId: 'br-yf-xiangyang',
        createdAt: 0,
        scopeUnitId: null,
        stationIds: [],
        siteIds: [],
      });
  return ids;
}
const request = async (id: string) => (await w.db.collection(REQUESTS).doc(id).get())!;
const messagesTo = async (openid: string, refId: string) =>
  (await w.db.collection(MESSAGES).where({ openid, refId }).get()).map((m) => m.kind);

test('the flow: ask with a photo, accept, publish, claim (a second claim refused), finish, confirm and rate; points by the rule; a message for every step', async () => {
  const photo = await upload('demo-resident');
  const { id, status } = await asked('wish', 'demo-resident', { photos: [photo], requestId: 'flow-wish-0001' });
  expect(status).toBe('submitted');
  // The same tap again: the same answer, one request.
  expect(await asked('wish', 'demo-resident', { photos: [photo], requestId: 'flow-wish-0001' })).toEqual({
    id,
    status: 'submitted',
  });
  expect(await messagesTo('demo-secretary', id)).toEqual(['request.new']);

  const queue = await data<{ items: { id: string }[] }>({ action: 'queue', status: 'submitted' }, 'demo-secretary');
  expect(queue.items.map((i) => i.id)).toContain(id);
  await data({ action: 'review', id, decision: 'accept' }, 'demo-secretary');
  await data({ action: 'dispatch', id, mode: 'hall' }, 'demo-secretary');
  const hall = await data<{ items: { id: string; sameCounty: boolean }[] }>({ action: 'hall' }, 'demo-member');
  expect(hall.items.find((i) => i.id === id)).toMatchObject({ sameCounty: true });

  const before = (await w.db.collection('pointAccounts').doc('demo-member').get())?.balance as number;
  expect(await data({ action: 'claim', id }, 'demo-member')).toMatchObject({ status: 'inProgress' });
  const refused = await w.call('requests', { action: 'claim', id }, 'demo-secretary');
  expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该心愿已被认领' } });
  expect(await w.call('requests', { action: 'claim', id }, 'demo-member')).toMatchObject({
    ok: false,
    error: { message: '你已认领' },
  });
  expect(await w.call('requests', { action: 'claim', id }, 'demo-resident-2')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '请先登记为志愿者' },
  });

  await data({ action: 'progress', id, text: '已经联系上居民，明天送去' }, 'demo-member');
  expect(codeOf(await w.call('requests', { action: 'finish', id, text: '已送达', photos: [] }, 'demo-member'))).toBe(
    'INVALID_ARGUMENT',
  );
  // A photo someone else uploaded is not the claimant's to attach.
  expect(
    codeOf(await w.call('requests', { action: 'finish', id, text: '已送达', photos: [photo] }, 'demo-member')),
  ).toBe('INVALID_ARGUMENT');
  const done = await upload('demo-member');
  await data({ action: 'finish', id, text: '收音机已经送到老人家里', photos: [done] }, 'demo-member');
  // Only the resident confirms.
  expect(codeOf(await w.call('requests', { action: 'confirm', id, rating: 5 }, 'demo-member'))).toBe('NOT_FOUND');
  const confirmed = await data<{ status: string; awards: { openid: string; points: number }[] }>(
    { action: 'confirm', id, rating: 5, comment: '谢谢党员同志' },
    'demo-resident',
  );
  expect(confirmed).toMatchObject({ status: 'confirmed', awards: [{ openid: 'demo-member', points: 4, hours: 0 }] });
  const after = (await w.db.collection('pointAccounts').doc('demo-member').get())?.balance as number;
  expect(after - before).toBe(4);

  const detail = await data<{
    request: { status: string; rating: number; contact: { phone: string } };
    timeline: { status: string }[];
  }>({ action: 'detail', id }, 'demo-resident');
  expect(detail.request).toMatchObject({ status: 'confirmed', rating: 5, contact: { phone: '13812345678' } });
  expect(detail.timeline.map((t) => t.status)).toEqual([
    'submitted',
    'accepted',
    'open',
    'inProgress',
    'inProgress',
    'finished',
    'confirmed',
  ]);
  expect((await messagesTo('demo-resident', id)).sort()).toEqual(
    [
      'request.accepted',
      'request.claimed',
      'request.confirmed',
      'request.finished',
      'request.open',
      'request.progress',
      'request.submitted',
    ].sort(),
  );
  expect(await messagesTo('demo-member', id)).toEqual(['request.confirmed']);

  const wall = await data<{ items: { id: string; maskedName: string }[] }>({ action: 'wall' }, null);
  expect(wall.items.find((i) => i.id === id)).toMatchObject({ maskedName: '李**' });
  expect(JSON.stringify(wall)).not.toContain('李秀兰');
  expect((await checkRequestInvariants(w.db)).filter((r) => r.violations > 0)).toEqual([]);
});

test('50 members claim one wish at once: exactly one holds it', async () => {
  const id = await inHall('wish');
  const people = await members('storm', 50);
  const results = await Promise.all(people.map((p) => w.call('requests', { action: 'claim', id }, p)));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(new Set(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.message)))).toEqual(
    new Set(['该心愿已被认领']),
  );
  const req = await request(id);
  expect([
    req.status,
    req.taken,
    (req.claimantIds as string[]).length,
    Object.keys(req.claims as object).length,
  ]).toEqual(['inProgress', 1, 1, 1]);
  expect((await checkRequestInvariants(w.db)).filter((r) => r.violations > 0)).toEqual([]);
});

test('a task with 3 places and 12 claimants at once: exactly 3 hold it, the rest hear 名额已满', async () => {
  const id = await inHall('issue', 3);
  const people = await members('task', 12);
  const results = await Promise.all(people.map((p) => w.call('requests', { action: 'claim', id }, p)));
  expect(results.filter((r) => r.ok)).toHaveLength(3);
  expect(new Set(results.flatMap((r) => (r.ok ? [] : [r.error.code])))).toEqual(new Set(['SLOT_FULL']));
  const req = await request(id);
  expect([req.status, req.taken, (req.claimantIds as string[]).length]).toEqual(['inProgress', 3, 3]);
});

test('confirm sent twice at once, and racing markOverdue: one award, one state', async () => {
  const id = await inHall('issue', 2);
  const [m1] = await members('twice', 1);
  // The seeded volunteer (approved by 向阳社区) updates their registration: the same person and branch stay approved.
  await data(
    {
      action: 'registerVolunteer',
      realName: '张志远',
      phone: '13900009999',
      inService: true,
      workplace: '县住建局',
      unitId: 'br-yf-xiangyang',
    },
    'demo-volunteer',
  );
  await data({ action: 'claim', id }, m1!);
  await data({ action: 'claim', id }, 'demo-volunteer');
  const photo = await upload('demo-volunteer');
  await data({ action: 'finish', id, text: '路灯已修好', photos: [photo] }, 'demo-volunteer');
  // Late enough that markOverdue would escalate it were it not finished; an accepted one beside it is.
  const late = Date.parse('2026-11-23T02:00:00Z') + 8 * 24 * HOUR;
  const other = await inHall('issue');
  const ledgerBefore = await w.db.collection(LEDGER).where({ openid: m1! }).count();
  const [a, b] = await Promise.all([
    w.call.at(late)('requests', { action: 'confirm', id, rating: 4 }, 'demo-resident'),
    w.call.at(late)('requests', { action: 'confirm', id, rating: 4 }, 'demo-resident'),
    markOverdue(w.db, late),
  ]);
  expect([codeOf(a), codeOf(b)]).toEqual(['ok', 'ok']);
  const req = await request(id);
  expect([req.status, req.overdue]).toEqual(['confirmed', false]);
  expect(await w.db.collection(LEDGER).where({ openid: m1! }).count()).toBe(ledgerBefore + 1);
  expect(await w.db.collection('timeBankLedger').where({ openid: 'demo-volunteer', requestId: id }).count()).toBe(1);
  expect(await data({ action: 'volunteerMe' }, 'demo-volunteer')).toMatchObject({
    registered: true,
    inService: true,
    hours: 2,
  });
  expect((await request(other)).overdue).toBe(true);
  expect(await messagesTo('demo-admin', other)).toEqual(['request.overdue']);
  // Run again: nothing new.
  expect((await markOverdue(w.db, late + HOUR)).marked).toBe(0);
  expect((await checkRequestInvariants(w.db, late + HOUR)).filter((r) => r.violations > 0)).toEqual([]);
  expect((await checkPointsInvariants(w.db, late + HOUR)).filter((r) => r.violations > 0)).toEqual([]);
  const stats = await data<{
    total: { requests: number; confirmed: number };
    byBranch: { requests: number; confirmed: number }[];
  }>({ action: 'stats', from: '2026-11-01', to: '2026-11-30' }, 'demo-admin');
  expect(stats.total.requests).toBe(stats.byBranch.reduce((n, b) => n + b.requests, 0));
  expect(stats.total.confirmed).toBeGreaterThanOrEqual(2);
});

test('privacy: contact in clear for the resident, the secretary and active claimants while open; masked after and for everyone else', async () => {
  const id = await inHall('issue', 2);
  const [claimant, bystander] = await members('privacy', 2);
  await data({ action: 'claim', id }, claimant!);
  const phoneFor = async (who: string) =>
    (await data<{ request: { contact: { name: string; phone: string } } }>({ action: 'detail', id }, who)).request
      .contact;
  expect(await phoneFor('demo-resident')).toEqual({ name: '李秀兰', phone: '13812345678' });
  expect(await phoneFor('demo-secretary')).toEqual({ name: '李秀兰', phone: '13812345678' });
  expect(await phoneFor(claimant!)).toEqual({ name: '李秀兰', phone: '13812345678' });
  // Open with a place left: another member may look (to claim) but sees masks; so do admins.
  expect(await phoneFor(bystander!)).toEqual({ name: '李**', phone: '138****5678' });
  expect(await phoneFor('demo-admin')).toEqual({ name: '李**', phone: '138****5678' });
  // A county admin of another county may not see it at all; nor a resident who is not involved.
  expect(codeOf(await w.call('requests', { action: 'detail', id }, 'demo-county-admin'))).toBe('NOT_FOUND');
  expect(codeOf(await w.call('requests', { action: 'detail', id }, 'demo-resident-2'))).toBe('NOT_FOUND');
  const photo = await upload(claimant!);
  await data({ action: 'finish', id, text: '已处理', photos: [photo] }, claimant!);
  await data({ action: 'confirm', id, rating: 3 }, 'demo-resident');
  expect(await phoneFor(claimant!)).toEqual({ name: '李**', phone: '138****5678' });
  expect(await phoneFor('demo-secretary')).toEqual({ name: '李**', phone: '138****5678' });
  expect(await phoneFor('demo-resident')).toEqual({ name: '李秀兰', phone: '13812345678' });
  // Nothing stores the phone in clear.
  expect(JSON.stringify(await request(id))).not.toContain('13812345678');
});

test('bad input and refusals write nothing', async () => {
  const id = await inHall('wish');
  const before = await everything();
  const bad: [object, string, string][] = [
    [
      {
        action: 'ask',
        kind: 'wish',
        category: '环境',
        title: '标题',
        text: '内容足够长了吧',
        photos: [],
        unitId: 'br-yf-xiangyang',
        contactName: '李',
        contactPhone: '13812345678',
        publicOnWall: true,
        requestId: 'bad-ask-001',
      },
      'demo-resident',
      'INVALID_ARGUMENT',
    ],
    [
      {
        action: 'ask',
        kind: 'wish',
        category: '长者',
        title: '标题',
        text: '内容足够长了吧',
        photos: [],
        unitId: 'cty-yongfu',
        contactName: '李',
        contactPhone: '13812345678',
        publicOnWall: true,
        requestId: 'bad-ask-002',
      },
      'demo-resident',
      'INVALID_ARGUMENT',
    ],
    [
      {
        action: 'ask',
        kind: 'wish',
        category: '长者',
        title: '标题',
        text: '内容足够长了吧',
        photos: [],
        unitId: 'br-yf-xiangyang',
        contactName: '李',
        contactPhone: '123',
        publicOnWall: true,
        requestId: 'bad-ask-003',
      },
      'demo-resident',
      'INVALID_ARGUMENT',
    ],
    [
      {
        action: 'ask',
        kind: 'wish',
        category: '长者',
        title: '标题',
        text: '内容足够长了吧',
        photos: ['cloud://not-mine'],
        unitId: 'br-yf-xiangyang',
        contactName: '李',
        contactPhone: '13812345678',
        publicOnWall: true,
        requestId: 'bad-ask-004',
      },
      'demo-resident',
      'INVALID_ARGUMENT',
    ],
    [
      {
        action: 'ask',
        kind: 'wish',
        category: '长者',
        title: '标题',
        text: '内容足够长了吧',
        photos: [],
        unitId: 'br-yf-xiangyang',
        contactName: '李',
        contactPhone: '13812345678',
        publicOnWall: true,
        requestId: 'bad-ask-005',
      },
      null as unknown as string,
      'UNAUTHENTICATED',
    ],
    [{ action: 'review', id, decision: 'decline' }, 'demo-secretary', 'INVALID_ARGUMENT'],
    [{ action: 'review', id, decision: 'accept' }, 'demo-secretary', 'CONFLICT'],
    [{ action: 'review', id, decision: 'accept' }, 'demo-member', 'FORBIDDEN'],
    [{ action: 'dispatch', id, mode: 'hall', places: 3 }, 'demo-secretary', 'INVALID_ARGUMENT'],
    [{ action: 'confirm', id, rating: 6 }, 'demo-resident', 'INVALID_ARGUMENT'],
    [{ action: 'confirm', id, rating: 5 }, 'demo-resident', 'CONFLICT'],
    [{ action: 'sendBack', id, reason: '不行' }, 'demo-resident', 'CONFLICT'],
    [{ action: 'claim', id, extra: 1 }, 'demo-member', 'INVALID_ARGUMENT'],
    [{ action: 'claim', id }, 'demo-resident', 'FORBIDDEN'],
    [{ action: 'stats', from: '2026-12-01', to: '2026-11-01' }, 'demo-admin', 'INVALID_ARGUMENT'],
    [{ action: 'registerVolunteer', realName: 'x', phone: '1', inService: false }, 'demo-resident', 'INVALID_ARGUMENT'],
  ];
  for (const [event, who, code] of bad)
    expect([JSON.stringify(event), codeOf(await w.call('requests', event, who))]).toEqual([
      JSON.stringify(event),
      code,
    ]);
  expect(await everything()).toBe(before);
});

test('scope: a secretary acts on their branch only; a county admin on their county only', async () => {
  const other = await w.call(
    'requests',
    {
      action: 'ask',
      kind: 'issue',
      category: '物业',
      title: '楼道灯坏了',
      text: '三单元楼道灯坏了一周',
      photos: [],
      unitId: 'br-yf-longquan',
      contactName: '王芳',
      contactPhone: '13912345678',
      publicOnWall: false,
      requestId: 'scope-ask-0001',
    },
    'demo-resident',
  );
  const id = (other as { data: { id: string } }).data.id;
  expect(codeOf(await w.call('requests', { action: 'review', id, decision: 'accept' }, 'demo-secretary'))).toBe(
    'FORBIDDEN',
  );
  expect(codeOf(await w.call('requests', { action: 'review', id, decision: 'accept' }, 'demo-county-admin'))).toBe(
    'FORBIDDEN',
  );
  expect(codeOf(await w.call('requests', { action: 'detail', id }, 'demo-secretary'))).toBe('NOT_FOUND');
  const queue = await data<{ items: { id: string }[] }>({ action: 'queue' }, 'demo-secretary');
  expect(queue.items.map((i) => i.id)).not.toContain(id);
  expect(
    codeOf(
      await w.call(
        'requests',
        { action: 'stats', from: '2026-11-01', to: '2026-11-30', unitId: 'br-yf-longquan' },
        'demo-secretary',
      ),
    ),
  ).toBe('FORBIDDEN');
  // The system-wide admin may, and assigning goes to a member of the request's own branch only.
  await data({ action: 'review', id, decision: 'accept' }, 'demo-admin');
  expect(
    codeOf(await w.call('requests', { action: 'dispatch', id, mode: 'assign', openid: 'demo-member' }, 'demo-admin')),
  ).toBe('INVALID_ARGUMENT');
  const stats = await data<{ total: { requests: number }; byBranch: { unitId: string }[] }>(
    { action: 'stats', from: '2026-11-01', to: '2026-11-30' },
    'demo-secretary',
  );
  expect(stats.byBranch.map((b) => b.unitId)).toEqual(['br-yf-xiangyang']);
});

test('assign, send back, cancel, the figures and the time bank', async () => {
  const { id } = await asked('issue');
  await data({ action: 'review', id, decision: 'accept' }, 'demo-secretary');
  await data({ action: 'dispatch', id, mode: 'assign', openid: 'demo-member', hours: 3 }, 'demo-secretary');
  expect(await messagesTo('demo-member', id)).toEqual(['request.assigned']);
  const tasks = await data<{ items: { id: string }[] }>({ action: 'myTasks' }, 'demo-member');
  expect(tasks.items.map((t) => t.id)).toContain(id);
  const photo = await upload('demo-member');
  await data({ action: 'finish', id, text: '已处理完毕', photos: [photo] }, 'demo-member');
  await data({ action: 'sendBack', id, reason: '还没修好' }, 'demo-resident');
  expect((await request(id)).status).toBe('inProgress');
  expect((await messagesTo('demo-member', id)).sort()).toEqual(['request.assigned', 'request.sentBack']);

  const cancelled = await asked('wish');
  expect(await data({ action: 'cancel', id: cancelled.id }, 'demo-resident')).toEqual({
    id: cancelled.id,
    status: 'cancelled',
  });
  // Claimed but not finished: the resident may still cancel it (issue 19); the claimant is told.
  const claimedId = await inHall('wish');
  await data({ action: 'claim', id: claimedId }, 'demo-member');
  expect(await data({ action: 'cancel', id: claimedId }, 'demo-resident')).toEqual({
    id: claimedId,
    status: 'cancelled',
  });
  expect(await messagesTo('demo-member', claimedId)).toContain('request.cancelled');

  const figures = await data<{ requests: number; confirmed: number; finishRate: number; satisfaction: number }>(
    { action: 'figures', county: '桂林市永福县' },
    null,
  );
  expect(figures.requests).toBeGreaterThan(5);
  expect(figures.confirmed).toBeGreaterThanOrEqual(1);
  expect(figures.satisfaction).toBeGreaterThan(0);
  const communities = await data<{ items: { unitId: string }[] }>({ action: 'communities' }, null);
  expect(communities.items.map((c) => c.unitId)).toContain('br-yf-xiangyang');
});

test('a claim whose process died before its timeline line: markOverdue writes it once; the hall is for takers; 30 photos a day', async () => {
  const id = await inHall('issue', 2);
  const [m] = await members('crash', 1);
  const at = clock;
  // What `claim` does up to the crash point: the place is taken, nothing else written.
  await takePlace(
    w.db,
    id,
    { openid: m!, nickname: '党员crash', kind: 'member', via: 'hall', status: 'active', at },
    at,
  );
  const lines = () => w.db.collection('helpRequestEvents').where({ requestId: id }).count();
  const before = await lines();
  expect(
    (await checkRequestInvariants(w.db, at + 10 * 60_000)).find((r) => r.name.startsWith('every claim from the hall'))
      ?.violations,
  ).toBe(1);
  expect((await markOverdue(w.db, at + 10 * 60_000)).claimsRepaired).toBeGreaterThanOrEqual(1);
  await markOverdue(w.db, at + 20 * 60_000);
  expect(await lines()).toBe(before + 1);
  expect(await messagesTo('demo-resident', id)).toContain('request.claimed');
  expect((await checkRequestInvariants(w.db, at + 20 * 60_000)).filter((r) => r.violations > 0)).toEqual([]);

  expect(await w.call('requests', { action: 'hall' }, 'demo-resident')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '请先登记为志愿者' },
  });
  expect(codeOf(await w.call('requests', { action: 'hall' }, 'demo-volunteer'))).toBe('ok');

  const uploads = [];
  for (let i = 0; i < 30; i += 1)
    uploads.push(
      codeOf(
        await w.call('requests', { action: 'uploadPhoto', contentType: 'image/png', dataBase64: PNG }, 'photo-heavy'),
      ),
    );
  expect(uploads.every((c) => c === 'ok')).toBe(true);
  expect(
    await w.call('requests', { action: 'uploadPhoto', contentType: 'image/png', dataBase64: PNG }, 'photo-heavy'),
  ).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  expect(
    codeOf(
      await w.call('requests', { action: 'uploadPhoto', contentType: 'image/jpeg', dataBase64: PNG }, 'photo-light'),
    ),
  ).toBe('INVALID_ARGUMENT');
});

test('the resident cancels while members claim: cancelled with nobody holding it, whoever claimed first', async () => {
  for (let round = 0; round < 3; round += 1) {
    const id = await inHall('issue', 3);
    const people = await members(`race${round}`, 6);
    const [cancelled, ...claims] = await Promise.all([
      w.call('requests', { action: 'cancel', id }, 'demo-resident'),
      ...people.map((p) => w.call('requests', { action: 'claim', id }, p)),
    ]);
    const req = await request(id);
    // A claim is no obstacle to cancelling any more (issue 19): claims that landed first are taken off with it.
    expect(codeOf(cancelled!)).toBe('ok');
    expect([req.status, req.taken, (req.claimantIds as string[]).length]).toEqual(['cancelled', 0, 0]);
    expect(claims.filter((c) => c.ok).length).toBeLessThanOrEqual(3);
  }
  expect((await checkRequestInvariants(w.db)).filter((r) => r.violations > 0)).toEqual([]);
});
