/**
 * Issue 19, 群众点单 (items 2, 8, 10, 13): volunteers vetted by their branch before they claim, a few active
 * claims per person, release and withdrawal, the resident's cancel, the contact and the exact place only to those
 * the branch confirmed; a daily cap on asks and public figures over accepted requests only; a daily cap on
 * progress messages; unused photos removed after a day. On whichever engine the jest project picks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { JOB_EVERY_MINUTES } from '../core/jobs';
import { seededWorld } from '../../test/support/functions';
import type { Database } from '../db';
import type { HostServices } from '../core/services';
import { LocalFileStore } from '../files/local';
import { MESSAGES } from '../messages/outbox';
import { USERS } from '../core/identity';
import { checkRequestInvariants } from './invariants';
import { PHOTOS, REQUESTS, VOLUNTEERS } from './model';

type World = Awaited<ReturnType<typeof seededWorld>>;
type Answer = { ok: boolean; error?: { code: string; message: string } };
const codeOf = (res: Answer) => (res.ok ? 'ok' : res.error!.code);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 10:00 in Shanghai on a Monday. */
const START = Date.parse('2026-11-23T02:00:00Z');
const XIANGYANG = 'br-yf-xiangyang';

let w: World;
beforeAll(async () => {
  w = await seededWorld(START);
});
afterAll(() => w.db.close());

let clock = START;
async function data<T>(event: object, who: string | null, at = (clock += 1000)): Promise<T> {
  const res = await w.call.at(at)<T>('requests', event, who);
  if (!res.ok)
    throw new Error(`requests.${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const call = (event: object, who: string | null, at = (clock += 1000)) =>
  w.call.at(at)('requests', event, who) as Promise<Answer>;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(24, 1),
]).toString('base64');
const upload = async (who: string, at?: number) =>
  (await data<{ fileId: string }>({ action: 'uploadPhoto', contentType: 'image/png', dataBase64: PNG }, who, at))
    .fileId;

let seq = 0;
const askEvent = (extra: object = {}) => {
  seq += 1;
  return {
    action: 'ask',
    kind: 'wish',
    category: '长者',
    title: `加固测试${seq}`,
    text: '需要帮忙修理一下门口的路灯',
    photos: [],
    unitId: XIANGYANG,
    contactName: '李秀兰',
    contactPhone: '13812345678',
    publicOnWall: true,
    requestId: `hardening-ask-${seq}`,
    ...extra,
  };
};
async function inHall(resident: string, kind: 'wish' | 'issue' = 'wish', extra: object = {}) {
  const { id } = await data<{ id: string }>(
    askEvent({ kind, category: kind === 'wish' ? '长者' : '环境', ...extra }),
    resident,
  );
  await data({ action: 'review', id, decision: 'accept' }, 'demo-secretary');
  await data({ action: 'dispatch', id, mode: 'hall', ...(kind === 'issue' ? { places: 3 } : {}) }, 'demo-secretary');
  return id;
}
async function person(id: string, role: 'member' | 'resident', branchId: string | null) {
  await w.db
    .collection(USERS)
    .doc(id)
    .set({ nickname: `用户${id}`, role, branchId, createdAt: 0, scopeUnitId: null, stationIds: [], siteIds: [] });
  return id;
}
const request = async (id: string) => (await w.db.collection(REQUESTS).doc(id).get())!;
const messagesTo = async (openid: string, refId: string) =>
  (await w.db.collection(MESSAGES).where({ openid, refId }).get()).map((m) => m.kind);
const noViolations = async (at = clock) =>
  expect((await checkRequestInvariants(w.db, at)).filter((r) => r.violations > 0)).toEqual([]);

test('item 2: a volunteer names a community branch and waits for its secretary; until approved no hall, no claim; older registrations wait too', async () => {
  const vol = await person('vet-volunteer', 'resident', null);
  // A registration names the branch it belongs to.
  expect(
    codeOf(
      await call({ action: 'registerVolunteer', realName: '赵志勇', phone: '13907731111', inService: false }, vol),
    ),
  ).toBe('INVALID_ARGUMENT');
  expect(
    codeOf(
      await call(
        {
          action: 'registerVolunteer',
          realName: '赵志勇',
          phone: '13907731111',
          inService: false,
          unitId: 'br-yf-longquan',
        },
        vol,
      ),
    ),
  ).toBe('INVALID_ARGUMENT');
  expect(
    await data(
      { action: 'registerVolunteer', realName: '赵志勇', phone: '13907731111', inService: false, unitId: XIANGYANG },
      vol,
    ),
  ).toMatchObject({ status: 'pending' });
  expect(await data({ action: 'volunteerMe' }, vol)).toMatchObject({
    registered: true,
    status: 'pending',
    unitId: XIANGYANG,
    unitName: '向阳社区党支部',
  });
  expect(await messagesTo('demo-secretary', vol)).toEqual(['volunteer.pending']);
  const id = await inHall('vet-resident');
  expect(await call({ action: 'hall' }, vol)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '志愿者登记正在等待支部审核' },
  });
  expect(codeOf(await call({ action: 'claim', id }, vol))).toBe('FORBIDDEN');
  // The secretary sees who asks (the name in full, the phone masked) and approves; another branch's people cannot.
  const pending = await data<{ items: { openid: string; realName: string; phoneMasked: string; status: string }[] }>(
    { action: 'volunteers' },
    'demo-secretary',
  );
  expect(pending.items.find((v) => v.openid === vol)).toMatchObject({
    realName: '赵志勇',
    phoneMasked: '139****1111',
    status: 'pending',
  });
  expect(codeOf(await call({ action: 'reviewVolunteer', openid: vol, decision: 'approve' }, 'demo-county-admin'))).toBe(
    'FORBIDDEN',
  );
  expect(codeOf(await call({ action: 'reviewVolunteer', openid: vol, decision: 'reject' }, 'demo-secretary'))).toBe(
    'INVALID_ARGUMENT',
  );
  expect(await data({ action: 'reviewVolunteer', openid: vol, decision: 'approve' }, 'demo-secretary')).toMatchObject({
    status: 'approved',
  });
  expect(await messagesTo(vol, vol)).toEqual(['volunteer.approved']);
  expect(codeOf(await call({ action: 'hall' }, vol))).toBe('ok');
  expect(await data({ action: 'claim', id }, vol)).toMatchObject({ status: 'inProgress' });
  // Registering again with the same person and branch keeps the approval; another phone asks again.
  expect(
    await data(
      {
        action: 'registerVolunteer',
        realName: '赵志勇',
        phone: '13907731111',
        inService: true,
        workplace: '县住建局',
        unitId: XIANGYANG,
      },
      vol,
    ),
  ).toMatchObject({ status: 'approved' });
  expect(
    await data(
      { action: 'registerVolunteer', realName: '赵志勇', phone: '13907732222', inService: true, unitId: XIANGYANG },
      vol,
    ),
  ).toMatchObject({ status: 'pending' });

  // A registration from before the rule (no branch, no approval) waits: no hall.
  const old = await person('vet-old', 'resident', null);
  await w.db
    .collection(VOLUNTEERS)
    .doc(old)
    .set({
      identity: { name: 'x', phone: 'y', maskedName: '钱*', maskedPhone: '139****0000', personHash: 'h' },
      inService: false,
      workplace: null,
      createdAt: 0,
    });
  expect(await call({ action: 'hall' }, old)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await data({ action: 'volunteerMe' }, old)).toMatchObject({
    registered: true,
    status: 'pending',
    unitId: null,
  });
  // The seeded demo volunteer is approved by 向阳社区, so the demo journeys still work.
  expect(await data({ action: 'volunteerMe' }, 'demo-volunteer')).toMatchObject({
    status: 'approved',
    unitId: XIANGYANG,
  });
  // A rejection names its reason.
  const other = await person('vet-rejected', 'resident', null);
  await data(
    { action: 'registerVolunteer', realName: '孙悟净', phone: '13907733333', inService: false, unitId: XIANGYANG },
    other,
  );
  expect(
    await data(
      { action: 'reviewVolunteer', openid: other, decision: 'reject', reason: '本社区查无此人' },
      'demo-secretary',
    ),
  ).toMatchObject({ status: 'rejected' });
  expect(await call({ action: 'hall' }, other)).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: '志愿者登记未通过审核：本社区查无此人' },
  });
  await noViolations();
});

test('item 2: at most 3 active claims at once; a claimant releases, the secretary withdraws, the resident cancels a claimed request', async () => {
  const taker = await person('cap-member', 'member', XIANGYANG);
  const wishes: string[] = [];
  for (let i = 0; i < 6; i += 1) wishes.push(await inHall(`cap-resident-${i}`));
  const at = (clock += 1000);
  const answers = await Promise.all(wishes.map((id) => call({ action: 'claim', id }, taker, at)));
  expect(answers.filter((a) => a.ok)).toHaveLength(3);
  expect(new Set(answers.filter((a) => !a.ok).map((a) => a.error!.code))).toEqual(new Set(['LIMIT_REACHED']));
  expect(answers.find((a) => !a.ok)!.error!.message).toContain('最多同时认领 3 个');
  const held = wishes.filter((_, i) => answers[i]!.ok);
  const free = wishes.filter((_, i) => !answers[i]!.ok);

  // Releasing one: the wish is back in the hall, and one more can be claimed.
  expect(await data({ action: 'release', id: held[0]! }, taker)).toMatchObject({ status: 'open' });
  expect(await request(held[0]!)).toMatchObject({ status: 'open', taken: 0, claimantIds: [] });
  expect(await messagesTo('cap-resident-' + wishes.indexOf(held[0]!), held[0]!)).toContain('request.released');
  expect(codeOf(await call({ action: 'release', id: held[0]! }, taker))).toBe('NOT_FOUND');
  expect(codeOf(await call({ action: 'claim', id: free[0]! }, taker))).toBe('ok');
  expect(codeOf(await call({ action: 'claim', id: free[1]! }, taker))).toBe('LIMIT_REACHED');

  // The secretary withdraws a claim, with a reason the claimant hears.
  expect(
    codeOf(await call({ action: 'withdraw', id: held[1]!, openid: taker, reason: '长期未联系居民' }, 'demo-member')),
  ).toBe('FORBIDDEN');
  expect(codeOf(await call({ action: 'withdraw', id: held[1]!, openid: taker }, 'demo-secretary'))).toBe(
    'INVALID_ARGUMENT',
  );
  expect(
    await data({ action: 'withdraw', id: held[1]!, openid: taker, reason: '长期未联系居民' }, 'demo-secretary'),
  ).toMatchObject({ status: 'open' });
  expect(await messagesTo(taker, held[1]!)).toContain('request.withdrawn');

  // The resident cancels a wish someone holds (not yet finished): the claimant is told and holds nothing.
  const residentOf = (id: string) => `cap-resident-${wishes.indexOf(id)}`;
  expect(await data({ action: 'cancel', id: held[2]! }, residentOf(held[2]!))).toEqual({
    id: held[2]!,
    status: 'cancelled',
  });
  expect(await request(held[2]!)).toMatchObject({ status: 'cancelled', taken: 0, claimantIds: [] });
  expect(await messagesTo(taker, held[2]!)).toContain('request.cancelled');
  // Two released places: two more claims.
  expect(codeOf(await call({ action: 'claim', id: free[1]! }, taker))).toBe('ok');
  expect(codeOf(await call({ action: 'claim', id: held[1]! }, taker))).toBe('ok');
  // A finished one is for the resident to confirm or send back, not to cancel.
  await data({ action: 'finish', id: free[0]!, text: '已送到', photos: [await upload(taker)] }, taker);
  expect(codeOf(await call({ action: 'cancel', id: free[0]! }, residentOf(free[0]!)))).toBe('CONFLICT');
  await noViolations();
});

test('item 2: the contact only to claimants the branch confirmed; the exact place only to those who may claim', async () => {
  const place = { name: '向阳社区 3 栋', lat: 25.0012, lng: 109.9876 };
  const id = await inHall('contact-resident', 'issue', { place });
  const ours = await person('contact-ours', 'member', XIANGYANG);
  const theirs = await person('contact-theirs', 'member', 'br-yf-longquan');
  const detail = async (who: string) =>
    (
      await data<{ request: { contact: { phone: string }; place: { lat: number | null; lng: number | null } | null } }>(
        { action: 'detail', id },
        who,
      )
    ).request;
  // Someone who cannot claim sees the wish (it is on the wall) but not where it is exactly.
  const stranger = await person('contact-stranger', 'resident', null);
  const wishId = await inHall('contact-resident-2', 'wish', { place });
  expect(
    (await data<{ request: { place: { lat: number | null } } }>({ action: 'detail', id: wishId }, stranger)).request
      .place,
  ).toEqual({ name: '向阳社区 3 栋', lat: null, lng: null });
  expect(
    (await data<{ request: { place: { lat: number | null } } }>({ action: 'detail', id: wishId }, ours)).request.place,
  ).toEqual(place);
  await data({ action: 'claim', id }, ours);
  await data({ action: 'claim', id }, theirs);
  expect((await detail(ours)).contact.phone).toBe('13812345678');
  // A member of another branch holds a place too, but the branch has not confirmed them: masked.
  expect((await detail(theirs)).contact.phone).toBe('138****5678');
  await noViolations();
});

test('item 8: at most 5 asks a person a Shanghai day, under concurrency too; the public figures count only accepted requests', async () => {
  const asker = await person('daily-asker', 'resident', null);
  const day = START + 2 * DAY;
  const before = await data<{ requests: number; finishRate: number }>(
    { action: 'figures', county: '桂林市永福县' },
    null,
    day,
  );
  const first = askEvent();
  expect(codeOf(await call(first, asker, day))).toBe('ok');
  expect(codeOf(await call(askEvent(), asker, day + 1))).toBe('ok');
  const storm = await Promise.all(Array.from({ length: 8 }, (_, i) => call(askEvent(), asker, day + 100 + i)));
  expect(storm.filter((a) => a.ok)).toHaveLength(3);
  expect(new Set(storm.filter((a) => !a.ok).map((a) => a.error!.code))).toEqual(new Set(['LIMIT_REACHED']));
  expect(storm.find((a) => !a.ok)!.error!.message).toBe('每人每天最多提交 5 个点单，请明天再来');
  expect(await w.db.collection(REQUESTS).where({ openid: asker }).count()).toBe(5);
  // The same tap again is the same answer, not a new ask.
  expect(codeOf(await call(first, asker, day + 500))).toBe('ok');
  // Nothing the secretary has not accepted moves the public figures.
  const after = await data<{ requests: number; finishRate: number }>(
    { action: 'figures', county: '桂林市永福县' },
    null,
    day + 1000,
  );
  expect(after).toMatchObject({ requests: before.requests, finishRate: before.finishRate });
  // Midnight in Shanghai (16:00 UTC): a new day.
  expect(codeOf(await call(askEvent(), asker, Date.parse('2026-11-25T16:00:01Z')))).toBe('ok');
});

test('item 10: at most 10 progress messages a claimant a request a Shanghai day', async () => {
  const id = await inHall('progress-resident');
  const taker = await person('progress-member', 'member', XIANGYANG);
  await data({ action: 'claim', id }, taker);
  const day = START + 3 * DAY;
  for (let i = 0; i < 10; i += 1)
    expect(
      codeOf(
        await call({ action: 'progress', id, text: `进展第 ${i} 条`, requestId: `progress-msg-${i}` }, taker, day + i),
      ),
    ).toBe('ok');
  // A retry of one already sent is not another message.
  expect(
    codeOf(await call({ action: 'progress', id, text: '进展第 9 条', requestId: 'progress-msg-9' }, taker, day + 20)),
  ).toBe('ok');
  const refused = await call(
    { action: 'progress', id, text: '又一条进展', requestId: 'progress-msg-10' },
    taker,
    day + 30,
  );
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'LIMIT_REACHED', message: '每个任务每天最多报告 10 条进展，请明天再报' },
  });
  expect((await messagesTo('progress-resident', id)).filter((k) => k === 'request.progress')).toHaveLength(10);
  expect(
    codeOf(await call({ action: 'progress', id, text: '新的一天', requestId: 'progress-msg-11' }, taker, day + DAY)),
  ).toBe('ok');
});

test('item 13: the requests timer removes photos no request, progress or finish uses, a day after they were uploaded', async () => {
  const files = new LocalFileStore(path.join(w.dir, 'files'));
  const services: HostServices = { files };
  const job = FUNCTIONS.requests!.jobs.purgePhotos as unknown as (
    db: Database,
    now: number,
    services?: HostServices,
  ) => Promise<{ removed: number }>;
  expect(typeof job).toBe('function');
  expect(JOB_EVERY_MINUTES.purgePhotos).toBeGreaterThan(0);
  const t0 = START + 5 * DAY;
  const resident = await person('purge-resident', 'resident', null);
  const taker = await person('purge-member', 'member', XIANGYANG);
  const asked = await upload(resident, t0);
  const unused = await upload(resident, t0 + 1);
  const { id } = await data<{ id: string }>(askEvent({ photos: [asked] }), resident, t0 + 2);
  await data({ action: 'review', id, decision: 'accept' }, 'demo-secretary', t0 + 3);
  await data({ action: 'dispatch', id, mode: 'hall' }, 'demo-secretary', t0 + 4);
  await data({ action: 'claim', id }, taker, t0 + 5);
  const progressed = await upload(taker, t0 + 6);
  await data(
    { action: 'progress', id, text: '买好了', photos: [progressed], requestId: 'purge-progress-1' },
    taker,
    t0 + 7,
  );
  const finished = await upload(taker, t0 + 8);
  await data({ action: 'finish', id, text: '送到了', photos: [finished] }, taker, t0 + 9);
  const fresh = await upload(resident, t0 + 20 * HOUR);
  const onDisk = (fileId: string) => fs.existsSync(path.join(files.dir, fileId));
  expect([asked, unused, progressed, finished, fresh].every(onDisk)).toBe(true);

  // Within the day nothing goes.
  expect((await job(w.db, t0 + 23 * HOUR, services)).removed).toBe(0);
  expect((await job(w.db, t0 + 25 * HOUR, services)).removed).toBe(1);
  expect([onDisk(asked), onDisk(unused), onDisk(progressed), onDisk(finished), onDisk(fresh)]).toEqual([
    true,
    false,
    true,
    true,
    true,
  ]);
  expect(await w.db.collection(PHOTOS).where({ fileId: unused }).count()).toBe(0);
  // An unused photo can no longer be attached once removed; the used ones still show.
  expect(codeOf(await call(askEvent({ photos: [unused] }), resident, t0 + 26 * HOUR))).toBe('INVALID_ARGUMENT');
  expect((await job(w.db, t0 + 45 * HOUR, services)).removed).toBe(1);
  expect(onDisk(fresh)).toBe(false);
  // Again: nothing left to do.
  expect((await job(w.db, t0 + 50 * HOUR, services)).removed).toBe(0);
  expect([onDisk(asked), onDisk(progressed), onDisk(finished)]).toEqual([true, true, true]);
});

test('item 2: registering as a volunteer tells the secretary once while it waits, and at most 5 times a day', async () => {
  const vol = await person('reg-often', 'resident', null);
  const day = START + 6 * DAY;
  for (let i = 0; i < 5; i += 1) {
    expect(
      codeOf(
        await call(
          {
            action: 'registerVolunteer',
            realName: '周常来',
            phone: `1390773${5000 + i}`,
            inService: false,
            unitId: XIANGYANG,
          },
          vol,
          day + i,
        ),
      ),
    ).toBe('ok');
  }
  expect(await messagesTo('demo-secretary', vol)).toEqual(['volunteer.pending']);
  expect(
    await call(
      { action: 'registerVolunteer', realName: '周常来', phone: '13907735009', inService: false, unitId: XIANGYANG },
      vol,
      day + 10,
    ),
  ).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  expect(
    codeOf(
      await call(
        { action: 'registerVolunteer', realName: '周常来', phone: '13907735009', inService: false, unitId: XIANGYANG },
        vol,
        day + DAY,
      ),
    ),
  ).toBe('ok');
});

test('item 13: uploads from before the photo states are looked up: one a request uses stays, an unused one goes', async () => {
  const files = new LocalFileStore(path.join(w.dir, 'files'));
  const job = FUNCTIONS.requests!.jobs.purgePhotos as unknown as (
    db: Database,
    now: number,
    services?: HostServices,
  ) => Promise<{ removed: number; kept: number }>;
  const t0 = START + 8 * DAY;
  const resident = await person('legacy-photos', 'resident', null);
  const used = await upload(resident, t0);
  const unused = await upload(resident, t0 + 1);
  await data(askEvent({ photos: [used] }), resident, t0 + 2);
  // As an older version stored them: no state.
  for (const fileId of [used, unused]) {
    const doc = (await w.db.collection(PHOTOS).where({ fileId }).get())[0]!;
    await w.db.collection(PHOTOS).doc(doc._id).set({ openid: resident, fileId, at: t0 });
  }
  expect(await job(w.db, t0 + 2 * DAY, { files })).toMatchObject({ removed: 1, kept: 1 });
  expect([fs.existsSync(path.join(files.dir, used)), fs.existsSync(path.join(files.dir, unused))]).toEqual([
    true,
    false,
  ]);
  expect(await w.db.collection(PHOTOS).where({ fileId: used, state: 'used' }).count()).toBe(1);
  // Without a file store (a host that lends none) nothing is touched.
  expect(await job(w.db, t0 + 3 * DAY)).toEqual({ removed: 0, kept: 0 });
});
