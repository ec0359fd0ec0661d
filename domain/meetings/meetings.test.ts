/**
 * Meetings on every engine: a meeting's lifecycle (plan → leave → check-in through points' one path → minutes with
 * photos → final attendance), leave racing check-in under a storm (one final state per person), reminders exactly
 * once with two jobs from separate connections, and the scopes of the secretary's actions.
 */
import { seededWorld } from '../../test/support/functions';
import { must, uploadPhoto } from '../../test/support/requests-flow';
import { CloudBaseDatabase } from '../db/cloudbase';
import type { Database } from '../db';
import { USERS } from '../core/identity';
import { atShanghai } from '../core/time';
import { LEDGER } from '../points';
import { MESSAGES } from '../messages';
import { remindMeetings } from './jobs';
import { MEETINGS, MEETING_ATTENDEES, attendeeDocSchema, meetingDocSchema } from './model';
import { attendeeId } from './shared';
import { derivedId } from '../core/ids';

jest.setTimeout(180_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const BRANCH = 'br-yf-xiangyang';
let serial = 0;
const rid = (p: string) => `${p}-${(serial += 1)}-meet`;

/** Members of 向阳 made for one test, so tests do not share people. */
async function members(prefix: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
  for (const id of ids)
    await w.db
      .collection(USERS)
      .add({ _id: id, nickname: `党员${id}`, role: 'member', branchId: BRANCH, createdAt: w.now });
  return ids;
}

/** Plans a 支部党员大会 on `day` 19:30-21:00 (Shanghai), as 向阳's secretary, for `picked` (or the whole branch). */
async function plan(day: string, picked?: string[], who = 'demo-secretary') {
  return must(
    w.call<{ meetingId: string; code: string }>(
      'points',
      {
        action: 'planMeeting',
        type: 'general',
        title: '学习全会精神',
        agenda: '一、传达学习；二、讨论发言',
        place: '向阳社区党群服务中心',
        start: `${day} 19:30`,
        end: `${day} 21:00`,
        branchId: BRANCH,
        ...(picked ? { members: picked } : {}),
        requestId: rid('plan'),
      },
      who,
    ),
    'planMeeting',
  );
}

const attendee = async (meetingId: string, openid: string) =>
  attendeeDocSchema.parse(await w.db.collection(MEETING_ATTENDEES).doc(attendeeId(meetingId, openid)).get());
const meeting = async (meetingId: string) =>
  meetingDocSchema.parse(await w.db.collection(MEETINGS).doc(meetingId).get());
const checkinEntry = async (meetingId: string, openid: string) => {
  const m = await meeting(meetingId);
  return w.db
    .collection(LEDGER)
    .doc(derivedId('ck', m.activityId, openid))
    .get();
};

test('lifecycle: planned and told, leave granted, checked in for points, minutes with photos, attendance final', async () => {
  const [asker, comer, absentee] = await members('life', 3);
  const day = '2026-11-25';
  const { meetingId, code } = await plan(day, [asker!, comer!, absentee!]);
  // A double tap: the same requestId is the same meeting.
  const told = await w.db.collection(MESSAGES).where({ openid: comer!, refId: meetingId }).limit(10).get();
  expect(told.map((m) => m.kind)).toEqual(['meeting.planned']);

  // The member sees it in their list, with their own state.
  const mine = await must(
    w.call<{ items: { meetingId: string; mine: { state: string } }[] }>('points', { action: 'myMeetings' }, asker!),
    'mine',
  );
  expect(mine.items.find((i) => i.meetingId === meetingId)?.mine.state).toBe('expected');

  // Leave: asked with a reason (content-checked), approved by the secretary.
  expect(await w.call('points', { action: 'askLeave', meetingId, reason: '出差在外' }, asker!)).toMatchObject({
    ok: true,
    data: { state: 'leaveAsked' },
  });
  expect(
    await w.call('points', { action: 'decideLeave', meetingId, openid: asker!, approve: true }, 'demo-member'),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(
    await w.call('points', { action: 'decideLeave', meetingId, openid: asker!, approve: true }, 'demo-secretary'),
  ).toMatchObject({ ok: true, data: { state: 'onLeave' } });

  // Check-in: the existing code and window (10 minutes before the start).
  const start = atShanghai(`${day} 19:30`);
  expect(await w.call.at(start - 11 * 60_000)('points', { action: 'checkin', code }, comer!)).toMatchObject({
    ok: false,
    error: { code: 'TOO_EARLY' },
  });
  const checked = await w.call.at(start)<{ points: number }>('points', { action: 'checkin', code }, comer!);
  expect(checked).toMatchObject({ ok: true });
  expect(await checkinEntry(meetingId, comer!)).not.toBeNull();
  // The one on leave is refused (and earns nothing); someone not expected is refused.
  expect(await w.call.at(start)('points', { action: 'checkin', code }, asker!)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(await w.call.at(start)('points', { action: 'checkin', code }, 'demo-member')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(await checkinEntry(meetingId, asker!)).toBeNull();

  // Minutes: not before the start; then with two photos; the attendance is final.
  const photos = [await uploadPhoto(w.call, 'demo-secretary'), await uploadPhoto(w.call, 'demo-secretary')];
  const minutes = { action: 'recordMinutes', meetingId, minutes: '传达学习了全会精神，党员逐一发言讨论。', photos };
  expect(await w.call.at(start - 60_000)('points', minutes, 'demo-secretary')).toMatchObject({
    ok: false,
    error: { code: 'TOO_EARLY' },
  });
  expect(await w.call.at(start + 2 * 3_600_000)('points', minutes, 'demo-secretary')).toMatchObject({
    ok: true,
    data: { status: 'held', attendance: { [asker!]: 'leave', [comer!]: 'present', [absentee!]: 'absent' } },
  });
  const held = await meeting(meetingId);
  expect(held).toMatchObject({ status: 'held', presentCount: 1, leaveCount: 1, absentCount: 1, expectedCount: 3 });
  expect(held.photos).toHaveLength(2);
  expect((await attendee(meetingId, absentee!)).final).toBe('absent');
  // Afterwards nothing moves: no leave, no check-in (even inside the activity's window).
  expect(
    await w.call.at(start + 2 * 3_600_000)('points', { action: 'askLeave', meetingId, reason: '补请假' }, absentee!),
  ).toMatchObject({ ok: false });
  expect(await w.call.at(atShanghai(`${day} 20:59`))('points', { action: 'checkin', code }, absentee!)).toMatchObject({
    ok: false,
    error: { code: 'TOO_LATE' },
  });
  // The member's detail shows the minutes, their final state, and no code.
  const detail = await must(
    w.call<{ minutes: string; code: string | null; mine: { stateName: string } }>(
      'points',
      { action: 'meetingDetail', meetingId },
      comer!,
    ),
    'detail',
  );
  expect(detail).toMatchObject({ code: null, mine: { stateName: '出席' } });
  expect(detail.minutes).toContain('全会精神');
});

test('a refused reason or minutes writes nothing; more than 9 photos is refused beside its field', async () => {
  const [m1] = await members('guard', 1);
  const { meetingId } = await plan('2026-11-26', [m1!]);
  const bad = await w.call('points', { action: 'askLeave', meetingId, reason: '加微信领取免费代开发票' }, m1!);
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
  expect((await attendee(meetingId, m1!)).state).toBe('expected');
  const tooMany = await w.call(
    'points',
    {
      action: 'recordMinutes',
      meetingId,
      minutes: '会议记录会议记录会议记录',
      photos: Array.from({ length: 10 }, (_, i) => `f${i}`),
    },
    'demo-secretary',
  );
  expect(tooMany).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'photos' } });
});

test('leave racing check-in: under a storm each person ends in one state — present with points, or on leave', async () => {
  const people = await members('storm', 12);
  const day = '2026-11-27';
  const { meetingId, code } = await plan(day, people);
  for (const p of people)
    await must(w.call('points', { action: 'askLeave', meetingId, reason: '家中有事' }, p), 'askLeave');
  const start = atShanghai(`${day} 19:30`);
  const at = w.call.at(start - 5 * 60_000);
  // Each person's check-in races the secretary's approval of their leave, all at once.
  const answers = await Promise.all(
    people.flatMap((p) => [
      at('points', { action: 'checkin', code }, p),
      at('points', { action: 'decideLeave', meetingId, openid: p, approve: true }, 'demo-secretary'),
    ]),
  );
  for (const a of answers) if (!a.ok) expect(['CONFLICT']).toContain(a.error.code);
  for (const p of people) {
    const a = await attendee(meetingId, p);
    expect(['present', 'onLeave']).toContain(a.state);
    expect((await checkinEntry(meetingId, p)) !== null).toBe(a.state === 'present');
  }
  // The minutes race the last check-ins too; the final attendance agrees with the ledger.
  const late = await Promise.all([
    w.call.at(start + 60_000)(
      'points',
      { action: 'recordMinutes', meetingId, minutes: '会议按议程进行，已完成。' },
      'demo-secretary',
    ),
    ...people.map((p) => w.call.at(start + 60_000)('points', { action: 'checkin', code }, p)),
  ]);
  expect(late[0]).toMatchObject({ ok: true });
  const m = await meeting(meetingId);
  for (const p of people) {
    const entry = await checkinEntry(meetingId, p);
    expect(m.attendance?.[p]).toBe(entry ? 'present' : 'leave');
  }
});

/** A second connection to the same store: on CloudBase a second SDK client; the embedded engine is one process's. */
function secondConnection(db: Database): Database {
  const double = (db as Database & { double?: { envId: string; url: string } }).double;
  return double
    ? new CloudBaseDatabase({
        env: double.envId,
        serviceUrl: double.url,
        secretId: 'second-id',
        secretKey: 'second-key',
      })
    : db;
}

test('reminders 24 hours and 1 hour before go out exactly once, even with two jobs at once from separate connections', async () => {
  const people = await members('remind', 4);
  const day = '2026-11-28';
  const { meetingId } = await plan(day, people);
  await must(w.call('points', { action: 'askLeave', meetingId, reason: '外出学习' }, people[0]!), 'askLeave');
  await must(
    w.call('points', { action: 'decideLeave', meetingId, openid: people[0]!, approve: true }, 'demo-secretary'),
    'decide',
  );
  const start = atShanghai(`${day} 19:30`);
  const other = secondConnection(w.db);
  const twice = async (now: number) => Promise.all([remindMeetings(w.db, now), remindMeetings(other, now)]);
  expect((await twice(start - 25 * 3_600_000)).map((r) => r.reminded)).toEqual([0, 0]);
  const day1 = await twice(start - 23 * 3_600_000);
  expect(day1[0]!.reminded + day1[1]!.reminded).toBe(3);
  await twice(start - 22 * 3_600_000);
  const hour = await twice(start - 30 * 60_000);
  expect(hour[0]!.reminded + hour[1]!.reminded).toBe(3);
  await twice(start - 10 * 60_000);
  for (const p of people) {
    const got = await w.db
      .collection(MESSAGES)
      .where({ openid: p, refId: meetingId, kind: 'meeting.reminder' })
      .limit(10)
      .get();
    // The one on leave hears nothing; everyone else one reminder of each.
    expect(got.length).toBe(p === people[0] ? 0 : 2);
  }
});

test('scopes: another branch’s secretary cannot decide leave, record minutes or cancel; a 联系点 is recorded as 列席', async () => {
  const [m1] = await members('scope', 1);
  const day = '2026-11-29';
  const { meetingId, code } = await plan(day, [m1!]);
  await w.db
    .collection(USERS)
    .add({ _id: 'lc-secretary', nickname: '灵川书记', role: 'secretary', branchId: 'br-lc-jiulong', createdAt: w.now });
  for (const event of [
    { action: 'decideLeave', meetingId, openid: m1!, approve: true },
    { action: 'recordMinutes', meetingId, minutes: '不该由我记录的会议。' },
    { action: 'cancelMeeting', meetingId },
  ])
    expect(await w.call('points', event, 'lc-secretary')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // 秀峰's county admin may not plan for 向阳 (永福), nor link its 联系点; the system admin may.
  expect(
    await w.call(
      'points',
      { action: 'linkLiaison', branchId: BRANCH, openid: 'demo-county-admin' },
      'demo-county-admin',
    ),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(
    await w.call('points', { action: 'linkLiaison', branchId: BRANCH, openid: 'demo-county-admin' }, 'demo-admin'),
  ).toMatchObject({ ok: true });
  // The 联系点 checks in with the code: 列席, recorded when the minutes are.
  const start = atShanghai(`${day} 19:30`);
  expect(await w.call.at(start)('points', { action: 'checkin', code }, 'demo-county-admin')).toMatchObject({
    ok: true,
  });
  await must(
    w.call.at(start + 60_000)(
      'points',
      { action: 'recordMinutes', meetingId, minutes: '联系点领导列席指导。' },
      'demo-secretary',
    ),
    'minutes',
  );
  const m = await meeting(meetingId);
  expect(m.observers).toEqual(['demo-county-admin']);
  expect(m.attendance).toEqual({ [m1!]: 'absent' });
});

test('a cancelled meeting takes no check-in, and its members are told', async () => {
  const [m1] = await members('cancel', 1);
  const day = '2026-11-30';
  const { meetingId, code } = await plan(day, [m1!]);
  await must(w.call('points', { action: 'cancelMeeting', meetingId }, 'demo-secretary'), 'cancel');
  expect(await w.call.at(atShanghai(`${day} 19:30`))('points', { action: 'checkin', code }, m1!)).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  const told = await w.db.collection(MESSAGES).where({ openid: m1!, refId: meetingId }).limit(10).get();
  expect(told.map((x) => x.kind).sort()).toEqual(['meeting.cancelled', 'meeting.planned']);
});
