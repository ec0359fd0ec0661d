/** 我的 at a glance (user.overview) and the waiting-list listing (stations.myWaitlist), on every engine. */
import { seededWorld } from '../../test/support/functions';
import { dayOf } from '../core/time';
import { makeIdNumber } from '../privacy';
import { STATIONS } from '../seed/data';
import type { WaitingPlace } from '../booking/waitlist';
import type { Overview } from './overview';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 24 * 3_600_000;

let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

async function overviewOf(openid: string): Promise<Overview> {
  const res = await w.call<Overview>('user', { action: 'overview' }, openid);
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

async function waitlistOf(openid: string): Promise<WaitingPlace[]> {
  const res = await w.call<{ items: WaitingPlace[] }>('stations', { action: 'myWaitlist' }, openid);
  if (!res.ok) throw new Error(res.error.message);
  return res.data.items;
}

/** A new item at `stationId` (the first seeded one) with one slot of `capacity`, `daysAhead` days from now at `at`. */
let items = 0;
async function slotOf(
  capacity: number,
  daysAhead: number,
  { at = '10:00', stationId = STATIONS[0]!._id }: { at?: string; stationId?: string } = {},
): Promise<{ slotId: string; itemName: string; start: number }> {
  items += 1;
  const itemId = `it-overview-${items}`;
  const itemName = `概览测试项目${items}`;
  const saved = await w.call(
    'stations',
    { action: 'saveItem', itemId, stationId, name: itemName, kind: 'service' },
    'demo-admin',
  );
  expect(saved.ok).toBe(true);
  const date = dayOf(w.now + daysAhead * DAY);
  const gen = await w.call(
    'stations',
    {
      action: 'generateSlots',
      itemId,
      from: date,
      to: date,
      template: {
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        start: at,
        end: `${String(Number(at.slice(0, 2)) + 1).padStart(2, '0')}:00`,
        slotMinutes: 60,
        capacity,
      },
    },
    'demo-admin',
  );
  expect(gen.ok).toBe(true);
  const slots = await w.call<{ slots: { slotId: string; start: number }[] }>(
    'stations',
    { action: 'slots', itemId, date },
    'demo-admin',
  );
  if (!slots.ok) throw new Error(slots.error.message);
  return { slotId: slots.data.slots[0]!.slotId, itemName, start: slots.data.slots[0]!.start };
}

test('a resident never receives party-member fields; a member gets balance and branch', async () => {
  const resident = await overviewOf('demo-resident');
  expect(resident.role).toBe('resident');
  expect(resident.member).toBeNull();
  expect(JSON.stringify(resident)).not.toMatch(/balance|branch/);

  const member = await overviewOf('demo-member');
  expect(member.member).toEqual({
    balance: expect.any(Number),
    branch: { branchId: 'br-yf-xiangyang', name: expect.any(String) },
  });
  expect(member.member!.balance).toBeGreaterThan(0);
});

test('waiting-list places are listed with their position, move up when someone ahead leaves, and are counted', async () => {
  const { slotId, itemName, start } = await slotOf(1, 3);
  expect((await w.call('stations', { action: 'book', slotId, requestId: 'overview-full-1' }, 'demo-staff')).ok).toBe(
    true,
  );
  expect(await w.call('stations', { action: 'joinWaitlist', slotId }, 'demo-resident')).toEqual({
    ok: true,
    data: { slotId, position: 1 },
  });
  expect(await w.call('stations', { action: 'joinWaitlist', slotId }, 'demo-member')).toEqual({
    ok: true,
    data: { slotId, position: 2 },
  });

  expect(await waitlistOf('demo-member')).toEqual([
    {
      slotId,
      itemId: expect.any(String),
      itemName,
      stationId: STATIONS[0]!._id,
      stationName: STATIONS[0]!.name,
      start,
      end: expect.any(Number),
      position: 2,
      waiting: 2,
    },
  ]);
  expect((await overviewOf('demo-resident')).counts.waitlist).toBe(1);

  expect((await w.call('stations', { action: 'leaveWaitlist', slotId }, 'demo-resident')).ok).toBe(true);
  expect(await waitlistOf('demo-resident')).toEqual([]);
  expect((await waitlistOf('demo-member')).map((p) => p.position)).toEqual([1]);
  expect((await overviewOf('demo-resident')).counts.waitlist).toBe(0);
});

test('a place on a slot that has started is no longer listed', async () => {
  const { slotId, start } = await slotOf(1, 1);
  expect((await w.call('stations', { action: 'book', slotId, requestId: 'overview-full-2' }, 'demo-staff')).ok).toBe(
    true,
  );
  expect((await w.call('stations', { action: 'joinWaitlist', slotId }, 'demo-resident')).ok).toBe(true);
  const listed = await w.call<{ items: WaitingPlace[] }>('stations', { action: 'myWaitlist' }, 'demo-resident');
  expect(listed.ok && listed.data.items.map((p) => p.slotId)).toContain(slotId);
  const later = await w.call.at(start + 60_000)<{ items: WaitingPlace[] }>(
    'stations',
    { action: 'myWaitlist' },
    'demo-resident',
  );
  expect(later.ok && later.data.items.map((p) => p.slotId)).not.toContain(slotId);
});

test('bookings and messages are counted and the soonest booking is next', async () => {
  const before = await overviewOf('demo-resident');
  const later = await slotOf(5, 5);
  const sooner = await slotOf(5, 2);
  for (const [i, s] of [later, sooner].entries()) {
    expect(
      (await w.call('stations', { action: 'book', slotId: s.slotId, requestId: `overview-book-${i}` }, 'demo-resident'))
        .ok,
    ).toBe(true);
  }
  const after = await overviewOf('demo-resident');
  expect(after.counts.bookings).toBe(before.counts.bookings + 2);
  expect(after.counts.messages).toBeGreaterThanOrEqual(before.counts.messages + 2);
  expect(after.next).toMatchObject({
    kind: 'booking',
    title: sooner.itemName,
    start: sooner.start,
    code: expect.stringMatching(/^\d{8}$/),
  });
  // Someone else's overview does not count them.
  expect((await overviewOf('demo-member')).counts.bookings).toBe(0);
});

test('a vaccination appointment is next, named by its vaccine and dose as the rest of the app names it (第 1 剂)', async () => {
  const owner = 'o-overview-vaccination';
  const added = await w.call<{ personId: string }>(
    'vaccine',
    { action: 'addPerson', name: '覃桂兰', idNumber: makeIdNumber('450326', '1972-03-08', 417), phone: '13977004417' },
    owner,
  );
  if (!added.ok) throw new Error(added.error.message);
  const site = (await w.db.collection('vaccineSites').doc('vs-yf-01').get()) as unknown as {
    name: string;
    vaccines: { code: string; name: string }[];
  };
  const vaccine = site.vaccines[0]!;
  // The first day ahead with a bookable slot (the seed's timetable decides which).
  let slot: { slotId: string; start: number } | undefined;
  for (let days = 1; !slot && days <= 14; days += 1) {
    const slots = await w.call<{ slots: { slotId: string; start: number; bookable: boolean }[] }>(
      'vaccine',
      { action: 'slots', siteId: 'vs-yf-01', date: dayOf(w.now + days * DAY) },
      owner,
    );
    if (slots.ok) slot = slots.data.slots.find((s) => s.bookable);
  }
  expect(slot).toBeDefined();
  const appointed = await w.call(
    'vaccine',
    {
      action: 'appoint',
      slotId: slot!.slotId,
      personId: added.data.personId,
      vaccine: vaccine.code,
      dose: 1,
      requestId: 'overview-vaccination-1',
    },
    owner,
  );
  expect(appointed.ok).toBe(true);
  expect((await overviewOf(owner)).next).toMatchObject({
    kind: 'vaccination',
    title: `${vaccine.name} 第 1 剂`,
    place: site.name,
    start: slot!.start,
  });
});

test('overview needs a signed-in caller', async () => {
  const res = await w.call('user', { action: 'overview' }, null);
  expect(res.ok || res.error.code).toBe('UNAUTHENTICATED');
});

// ---- The work each role sees first, counted in the caller's scope ----

type WorkOf<K extends Overview['work']['kind']> = Extract<Overview['work'], { kind: K }>;
async function workOf<K extends Overview['work']['kind']>(openid: string, kind: K): Promise<WorkOf<K>> {
  const { work } = await overviewOf(openid);
  expect(work.kind).toBe(kind);
  return work as WorkOf<K>;
}

let asks = 0;
async function ask(openid: string, title: string): Promise<string> {
  asks += 1;
  // A moment after the seeded requests, so that this one is the resident's latest.
  const res = await w.call.at(w.now + asks * 1_000)<{ id: string }>(
    'requests',
    {
      action: 'ask',
      kind: 'issue',
      category: '环境',
      title,
      text: '楼道里的灯坏了好几天，晚上看不见路',
      photos: [],
      unitId: 'br-yf-xiangyang',
      contactName: '李秀兰',
      contactPhone: '13812345678',
      publicOnWall: false,
      requestId: `overview-ask-${asks}`,
    },
    openid,
  );
  if (!res.ok) throw new Error(res.error.message);
  return res.data.id;
}

test('each role is named in words, a county admin and the system admin apart, with where they act', async () => {
  const named = async (openid: string) => {
    const o = await overviewOf(openid);
    return [o.roleLabel, o.scopeName];
  };
  expect(await named('demo-resident')).toEqual(['居民', '']);
  expect(await named('demo-member')).toEqual(['党员', '']);
  expect(await named('demo-secretary')).toEqual(['党支部书记', '向阳社区党支部']);
  expect(await named('demo-staff')).toEqual(['驿站工作人员', '']);
  expect(await named('demo-county-admin')).toEqual(['县区管理员', '秀峰区']);
  expect(await named('demo-admin')).toEqual(['系统管理员', '全系统']);
});

test('a 群众点单 is counted for its resident, and waits for the branch secretary and the admins over its county only', async () => {
  const before = {
    resident: await workOf('demo-resident', 'resident'),
    secretary: await workOf('demo-secretary', 'secretary'),
    county: await workOf('demo-county-admin', 'countyAdmin'),
    admin: await workOf('demo-admin', 'admin'),
  };
  const id = await ask('demo-resident', '概览：楼道灯坏了');

  const resident = await workOf('demo-resident', 'resident');
  expect(resident.activeRequests).toBe(before.resident.activeRequests + 1);
  expect(resident.latestRequest).toEqual({ id, title: '概览：楼道灯坏了', status: 'submitted', statusLabel: '待受理' });
  // 向阳社区 is in 永福县: its secretary and the system admin have it to accept; 秀峰区's admin does not.
  expect((await workOf('demo-secretary', 'secretary')).pendingRequests).toBe(before.secretary.pendingRequests + 1);
  expect((await workOf('demo-admin', 'admin')).pendingRequests).toBe(before.admin.pendingRequests + 1);
  expect((await workOf('demo-county-admin', 'countyAdmin')).pendingRequests).toBe(before.county.pendingRequests);

  // Accepted, it leaves the queue; sent to the 任务大厅 it is a task members see.
  const hallBefore = (await workOf('demo-member', 'member')).hall;
  expect((await w.call('requests', { action: 'review', id, decision: 'accept' }, 'demo-secretary')).ok).toBe(true);
  expect((await workOf('demo-secretary', 'secretary')).pendingRequests).toBe(before.secretary.pendingRequests);
  expect((await w.call('requests', { action: 'dispatch', id, mode: 'hall' }, 'demo-secretary')).ok).toBe(true);
  const member = await workOf('demo-member', 'member');
  expect(member.hall).toBe(hallBefore + 1);
  expect((await w.call('requests', { action: 'claim', id }, 'demo-member')).ok).toBe(true);
  expect((await workOf('demo-member', 'member')).tasks).toBe(member.tasks + 1);
});

test('branch applications and volunteer registrations wait for the reviewers over their branch only', async () => {
  const before = {
    secretary: await workOf('demo-secretary', 'secretary'),
    county: await workOf('demo-county-admin', 'countyAdmin'),
    admin: await workOf('demo-admin', 'admin'),
  };
  // An application to a branch in 秀峰区: its county admin and the system admin, not 向阳社区's secretary.
  const invite = await w.call<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-xf-jiedong' },
    'demo-county-admin',
  );
  if (!invite.ok) throw new Error(invite.error.message);
  const applied = await w.call(
    'org',
    {
      action: 'apply',
      code: invite.data.code,
      realName: '李建华',
      phone: '13812340000',
      requestId: 'overview-apply-1',
    },
    'demo-resident',
  );
  expect(applied.ok).toBe(true);
  // A volunteer registering with 向阳社区: its secretary and the system admin, not 秀峰区's admin.
  const registered = await w.call(
    'requests',
    {
      action: 'registerVolunteer',
      realName: '赵志愿',
      phone: '13912340000',
      inService: false,
      unitId: 'br-yf-xiangyang',
    },
    'overview-volunteer',
  );
  expect(registered.ok).toBe(true);

  const secretary = await workOf('demo-secretary', 'secretary');
  const county = await workOf('demo-county-admin', 'countyAdmin');
  const admin = await workOf('demo-admin', 'admin');
  expect([secretary.pendingApplications, secretary.pendingVolunteers]).toEqual([
    before.secretary.pendingApplications,
    before.secretary.pendingVolunteers + 1,
  ]);
  expect([county.pendingApplications, county.pendingVolunteers]).toEqual([
    before.county.pendingApplications + 1,
    before.county.pendingVolunteers,
  ]);
  expect([admin.pendingApplications, admin.pendingVolunteers]).toEqual([
    before.admin.pendingApplications + 1,
    before.admin.pendingVolunteers + 1,
  ]);
  expect(county.unitName).toBe('秀峰区');
});

test("staff count today's bookings and check-ins at their own stations only", async () => {
  const before = await workOf('demo-staff', 'staff');
  expect(before.stations).toBeGreaterThan(0);
  expect(before.sites).toBeGreaterThan(0);
  const mine = await slotOf(5, 0, { at: '14:00' });
  const elsewhere = STATIONS.find((s) => s.county !== STATIONS[0]!.county)!;
  const other = await slotOf(5, 0, { at: '14:00', stationId: elsewhere._id });
  const tomorrow = await slotOf(5, 1, { at: '14:00' });
  const codes: string[] = [];
  for (const [i, s] of [mine, other, tomorrow].entries()) {
    const res = await w.call<{ code: string }>(
      'stations',
      { action: 'book', slotId: s.slotId, requestId: `overview-today-${i}` },
      `overview-booker-${i}`,
    );
    if (!res.ok) throw new Error(res.error.message);
    codes.push(res.data.code);
  }
  const after = await workOf('demo-staff', 'staff');
  expect([after.todayBookings, after.todayCheckedIn]).toEqual([before.todayBookings + 1, before.todayCheckedIn]);

  const verified = await w.call.at(mine.start)('stations', { action: 'verify', code: codes[0] }, 'demo-staff');
  expect(verified.ok).toBe(true);
  const checked = await w.call.at(mine.start)<Overview>('user', { action: 'overview' }, 'demo-staff');
  if (!checked.ok) throw new Error(checked.error.message);
  expect(checked.data.work).toMatchObject({
    kind: 'staff',
    todayBookings: before.todayBookings + 1,
    todayCheckedIn: before.todayCheckedIn + 1,
  });
});

test("a member sees the activities open for check-in; a secretary their branch's next activity", async () => {
  const member = await workOf('demo-member', 'member');
  // The seeded 主题党日 (their branch) and the 志愿服务 (every branch) are open now.
  expect(member.openActivities).toBeGreaterThanOrEqual(2);
  expect(member.nextActivity).toMatchObject({ title: expect.any(String), start: expect.any(Number) });
  const secretary = await workOf('demo-secretary', 'secretary');
  expect(secretary.unitName).toBe('向阳社区党支部');
  expect(secretary.nextActivity?.title).toMatch(/主题党日/);
  // A resident gets no member or reviewer figures at all.
  expect(Object.keys((await overviewOf('demo-resident')).work).sort()).toEqual(
    ['activeRequests', 'kind', 'latestRequest', 'toConfirm'].sort(),
  );
});

test('the 「演示数据」 mark follows meta/deployment, absent meaning no demo', async () => {
  await w.db.collection('meta').doc('deployment').remove();
  expect((await overviewOf('demo-resident')).demo).toBe(false);
  await w.db.collection('meta').doc('deployment').set({ demo: true });
  expect((await overviewOf('demo-resident')).demo).toBe(true);
  await w.db.collection('meta').doc('deployment').set({ demo: false });
  expect((await overviewOf('demo-admin')).demo).toBe(false);
});
