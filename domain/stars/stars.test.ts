/**
 * 达标创星 on every engine: a branch's quarter made through the actions (members joining by invite, meetings planned,
 * checked in, on leave and recorded; 点单 asked, accepted, done and rated; points awarded), its proposal whose every
 * figure this test recomputes on its own from what it did, the review (adjustment needs a reason, sign-off audited,
 * final), and the scope (a county admin of another county refused).
 */
import { adminWorld, data, type AdminWorld } from '../../test/support/admin-world';
import { TINY_PNG } from '../../test/support/requests-flow';
import type { RatingView } from './review';

jest.setTimeout(240_000);

const sh = (t: string) => Date.parse(`${t}+08:00`);
const QUARTER = '2027-Q1';
let w: AdminWorld;
let branchId = '';
const SECRETARY = 'st-secretary';
const MEMBERS = ['st-member-1', 'st-member-2', 'st-member-3'];
const RESIDENT = 'st-resident';
let rid = 0;
const requestId = () => `stars-test-${(rid += 1)}`;

const as = (t: string) => w.call.at(sh(t));
const ok = async <T>(p: Promise<Parameters<typeof data<T>>[0]>) => data<T>(await p);

/** Plans a meeting as the secretary (a day ahead is enough) and answers its id and check-in code. */
async function plan(type: string, start: string, end: string) {
  return ok<{ meetingId: string; code: string }>(
    w.call(
      'points',
      {
        action: 'planMeeting',
        type,
        title: `${type} ${start}`,
        agenda: '学习与讨论',
        place: '社区党群服务中心',
        start,
        end,
        branchId,
        requestId: requestId(),
      },
      SECRETARY,
    ),
  );
}

/** Members check in (a few minutes after the start), then the secretary records the minutes at the end. */
async function hold(meeting: { meetingId: string; code: string }, start: string, end: string, present: string[]) {
  for (const openid of present)
    await ok(
      w.call.at(sh(start.replace(' ', 'T') + ':00') + 5 * 60_000)(
        'points',
        { action: 'checkin', code: meeting.code },
        openid,
      ),
    );
  await ok(
    w.call.at(sh(end.replace(' ', 'T') + ':00'))(
      'points',
      {
        action: 'recordMinutes',
        meetingId: meeting.meetingId,
        minutes: '会议按议程进行，大家认真学习讨论。',
        photos: [],
      },
      SECRETARY,
    ),
  );
}

beforeAll(async () => {
  w = await adminWorld();
  // A branch of 秀峰区 and four people joining it by invite, one made its secretary.
  branchId = (
    await ok<{ unitId: string }>(
      w.call('org', {
        action: 'saveUnit',
        parentId: 'cty-xiufeng',
        kind: 'branch',
        name: '星级测试社区党支部',
        requestId: requestId(),
      }),
    )
  ).unitId;
  const invite = await ok<{ code: string }>(w.call('org', { action: 'createInvite', branchId }));
  for (const [i, openid] of [SECRETARY, ...MEMBERS].entries()) {
    const applied = await ok<{ applicationId: string }>(
      w.call(
        'org',
        {
          action: 'apply',
          code: invite.code,
          realName: `党员${'甲乙丙丁'[i]}`,
          phone: `1390773000${i}`,
          requestId: requestId(),
        },
        openid,
      ),
    );
    await ok(w.call('org', { action: 'review', applicationId: applied.applicationId, decision: 'approve' }));
  }
  await ok(w.call('org', { action: 'setSecretary', unitId: branchId, openid: SECRETARY }));
});
afterAll(() => w.db.close());

interface Expected {
  committeeMonths: number;
  generalHeld: number;
  themeDayMonths: number;
  lectureHeld: number;
  expected: number;
  present: number;
  leave: number;
  accepted: number;
  confirmed: number;
  rated: number;
  satisfied: number;
  hours: number;
  active: Set<string>;
}
const mine: Expected = {
  committeeMonths: 0,
  generalHeld: 0,
  themeDayMonths: 0,
  lectureHeld: 0,
  expected: 0,
  present: 0,
  leave: 0,
  accepted: 0,
  confirmed: 0,
  rated: 0,
  satisfied: 0,
  hours: 0,
  active: new Set(),
};
const everyone = [SECRETARY, ...MEMBERS];

test('a quarter made through the actions, proposed, and every figure recomputed here', async () => {
  // 支委会 in January and February (not March); one 党员大会; 主题党日 in January only; a 党课 planned then cancelled.
  const jan = await plan('committee', '2027-01-10 09:00', '2027-01-10 11:00');
  const feb = await plan('committee', '2027-02-10 09:00', '2027-02-10 11:00');
  const general = await plan('general', '2027-03-05 14:00', '2027-03-05 16:00');
  const theme = await plan('themeDay', '2027-01-20 09:00', '2027-01-20 11:00');
  const lecture = await plan('lecture', '2027-03-20 09:00', '2027-03-20 11:00');
  await ok(w.call('points', { action: 'cancelMeeting', meetingId: lecture.meetingId }, SECRETARY));
  // One member asks leave for January's 支委会 and is let go.
  await ok(
    as('2027-01-09T10:00:00')(
      'points',
      { action: 'askLeave', meetingId: jan.meetingId, reason: '外出务工' },
      MEMBERS[2]!,
    ),
  );
  await ok(
    as('2027-01-09T12:00:00')(
      'points',
      { action: 'decideLeave', meetingId: jan.meetingId, openid: MEMBERS[2]!, approve: true },
      SECRETARY,
    ),
  );
  await hold(jan, '2027-01-10 09:00', '2027-01-10 11:00', [SECRETARY, MEMBERS[0]!]); // one absent, one on leave
  await hold(feb, '2027-02-10 09:00', '2027-02-10 11:00', everyone);
  await hold(general, '2027-03-05 14:00', '2027-03-05 16:00', [SECRETARY, MEMBERS[0]!, MEMBERS[1]!]);
  await hold(theme, '2027-01-20 09:00', '2027-01-20 11:00', [SECRETARY]);
  Object.assign(mine, { committeeMonths: 2, generalHeld: 1, themeDayMonths: 1, lectureHeld: 0 });
  Object.assign(mine, { expected: 16, present: 2 + 4 + 3 + 1, leave: 1 });
  // Check-ins earned points (three of the four checked in somewhere… all four did in February).
  for (const p of everyone) mine.active.add(p);

  // 点单: one done and rated 5 (3 hours, one helper), one done and rated 3 (2 hours), one accepted and open, one declined.
  const ask = async (t: string, title: string) =>
    (
      await ok<{ id: string }>(
        as(t)(
          'requests',
          {
            action: 'ask',
            kind: 'issue',
            category: '环境',
            title,
            text: '楼道里堆放杂物，影响通行，请帮忙清理。',
            photos: [],
            unitId: branchId,
            contactName: '李秀兰',
            contactPhone: '13907730009',
            publicOnWall: false,
            requestId: requestId(),
          },
          RESIDENT,
        ),
      )
    ).id;
  const done = async (t: string, title: string, hours: number, rating: number, helper: string) => {
    const id = await ask(t, title);
    const day = t.slice(0, 10);
    await ok(as(`${day}T10:00:00`)('requests', { action: 'review', id, decision: 'accept' }, SECRETARY));
    await ok(
      as(`${day}T10:10:00`)('requests', { action: 'dispatch', id, mode: 'assign', openid: helper, hours }, SECRETARY),
    );
    const photo = await ok<{ fileId: string }>(
      as(`${day}T15:00:00`)(
        'requests',
        { action: 'uploadPhoto', contentType: 'image/png', dataBase64: TINY_PNG },
        helper,
      ),
    );
    await ok(
      as(`${day}T15:05:00`)('requests', { action: 'finish', id, text: '已清理干净', photos: [photo.fileId] }, helper),
    );
    await ok(as(`${day}T18:00:00`)('requests', { action: 'confirm', id, rating, comment: '谢谢' }, RESIDENT));
  };
  await done('2027-01-15T09:00:00', '三单元楼道杂物', 3, 5, MEMBERS[0]!);
  await done('2027-02-15T09:00:00', '五单元楼道杂物', 2, 3, MEMBERS[1]!);
  const open = await ask('2027-03-01T09:00:00', '七单元楼道杂物');
  await ok(as('2027-03-01T10:00:00')('requests', { action: 'review', id: open, decision: 'accept' }, SECRETARY));
  const no = await ask('2027-03-02T09:00:00', '八单元楼道杂物');
  await ok(
    as('2027-03-02T10:00:00')(
      'requests',
      { action: 'review', id: no, decision: 'decline', reason: '不属于本社区' },
      SECRETARY,
    ),
  );
  Object.assign(mine, { accepted: 3, confirmed: 2, rated: 2, satisfied: 1, hours: 3 + 2 });
  // Outside the quarter: an award on 1 April counts for nothing.
  await ok(
    as('2027-04-01T00:00:00')('points', {
      action: 'award',
      openid: MEMBERS[2]!,
      points: 5,
      reason: '志愿服务',
      requestId: requestId(),
    }),
  );

  // Proposed after the quarter, by the county's own admin.
  const computed = await ok<{ computed: number }>(
    as('2027-04-02T09:00:00')('admin', { action: 'computeStars', quarter: QUARTER }, 'demo-county-admin'),
  );
  expect(computed.computed).toBeGreaterThanOrEqual(1);
  const list = await ok<{ items: RatingView[] }>(
    as('2027-04-02T09:05:00')('admin', { action: 'stars', quarter: QUARTER, limit: 50 }, 'demo-county-admin'),
  );
  const rating = list.items.find((r) => r.branchId === branchId)!;
  expect(rating).toMatchObject({ status: 'proposed', county: '桂林市秀峰区', branchName: '星级测试社区党支部' });

  // Every figure, recomputed from what this test did, with the default weights (30/20/15/10/15/10) and thresholds.
  const values = {
    meetings:
      (mine.committeeMonths / 3 +
        Math.min(1, mine.generalHeld) +
        Math.min(1, mine.lectureHeld) +
        mine.themeDayMonths / 3) /
      4,
    attendance: mine.present / (mine.expected - mine.leave),
    finishRate: mine.confirmed / mine.accepted,
    satisfaction: mine.satisfied / mine.rated,
    serviceHours: Math.min(1, mine.hours / everyone.length / 2),
    pointsActivity: mine.active.size / everyone.length,
  };
  const got = Object.fromEntries(rating.proposed.figures.map((f) => [f.key, f.value]));
  for (const [key, value] of Object.entries(values)) expect([key, got[key]]).toEqual([key, expect.closeTo(value, 10)]);
  const weights = {
    meetings: 30,
    attendance: 20,
    finishRate: 15,
    satisfaction: 10,
    serviceHours: 15,
    pointsActivity: 10,
  };
  const score =
    Math.round(Object.entries(values).reduce((sum, [k, v]) => sum + weights[k as keyof typeof weights] * v, 0) * 10) /
    10;
  expect(rating.proposed.score).toBe(score);
  expect(rating.proposed.stars).toBe([60, 70, 80, 90, 95].filter((t) => score >= t).length);
  expect(rating.stars).toBe(rating.proposed.stars);
  expect(rating.proposed.figures.find((f) => f.key === 'meetings')!.detail).toBe(
    '支委会 2/3 个月，支部党员大会 1 次（应 1 次），党课 0 次（应 1 次），主题党日 1/3 个月',
  );
});

const ratingId = () => `sr_${QUARTER}_${branchId}`;

test('adjusting needs a reason; a county admin of another county is refused; sign-off is audited and final', async () => {
  const at = as('2027-04-03T09:00:00');
  expect(
    await at('admin', { action: 'adjustStars', ratingId: ratingId(), stars: 4 }, 'demo-county-admin'),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', field: 'reason' },
  });
  expect(
    await at('admin', { action: 'adjustStars', ratingId: ratingId(), stars: 4, reason: '  ' }, 'demo-county-admin'),
  ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'reason' } });
  // 永福's admin: not their county.
  await ok(w.call('org', { action: 'setRole', openid: 'demo-member', role: 'admin', scopeUnitId: 'cty-yongfu' }));
  expect(
    await at(
      'admin',
      { action: 'adjustStars', ratingId: ratingId(), stars: 5, reason: '材料齐全，予以提高' },
      'demo-member',
    ),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await at('admin', { action: 'signOffStars', ratingId: ratingId() }, 'demo-member')).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  expect(
    await at('admin', { action: 'computeStars', quarter: QUARTER, county: '桂林市秀峰区' }, 'demo-member'),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const own = await ok<{ items: RatingView[] }>(
    at('admin', { action: 'stars', quarter: QUARTER, limit: 50 }, 'demo-member'),
  );
  expect(own.items.map((r) => r.branchId)).not.toContain(branchId);
  // The branch's secretary sees their own rating only.
  const secretary = await ok<{ items: RatingView[] }>(at('admin', { action: 'stars', quarter: QUARTER }, SECRETARY));
  expect(secretary.items.map((r) => r.branchId)).toEqual([branchId]);

  const adjusted = await ok<RatingView>(
    at(
      'admin',
      { action: 'adjustStars', ratingId: ratingId(), stars: 4, reason: '主题党日另有台账记录，予以提高' },
      'demo-county-admin',
    ),
  );
  expect(adjusted).toMatchObject({
    stars: 4,
    status: 'proposed',
    adjusted: { stars: 4, reason: '主题党日另有台账记录，予以提高' },
  });
  // Recomputing keeps the adjustment beside the fresh proposal.
  await ok(as('2027-04-03T10:00:00')('admin', { action: 'computeStars', quarter: QUARTER }, 'demo-county-admin'));
  const signed = await ok<RatingView>(
    as('2027-04-03T11:00:00')('admin', { action: 'signOffStars', ratingId: ratingId() }, 'demo-county-admin'),
  );
  expect(signed).toMatchObject({ status: 'signedOff', stars: 4, signedOffAt: sh('2027-04-03T11:00:00') });
  expect(signed.history.map((h) => [h.kind, h.stars])).toEqual([
    ['computed', signed.proposed.stars],
    ['adjusted', 4],
    ['signedOff', 4],
  ]);
  // Final: no second sign-off, no adjustment, a recomputation leaves it.
  expect(
    await as('2027-04-04T09:00:00')('admin', { action: 'signOffStars', ratingId: ratingId() }, 'demo-county-admin'),
  ).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  });
  expect(
    await as('2027-04-04T09:00:00')(
      'admin',
      { action: 'adjustStars', ratingId: ratingId(), stars: 2, reason: '重新评估后下调' },
      'demo-county-admin',
    ),
  ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  await ok(as('2027-04-04T09:10:00')('admin', { action: 'computeStars', quarter: QUARTER }, 'demo-county-admin'));
  const after = await ok<{ items: { branchId: string; stars: number }[] }>(
    as('2027-04-04T09:20:00')('admin', { action: 'branchStars', branchIds: [branchId] }, MEMBERS[0]!),
  );
  expect(after.items).toEqual([expect.objectContaining({ branchId, stars: 4, quarter: QUARTER })]);

  // The audit log holds the adjustment and the sign-off, with before and after.
  const entries = await w.db.collection('auditLog').where({ targetId: ratingId() }).limit(20).get();
  const ops = entries.map((e) => [e.op, e.actor, (e.after as { stars?: number; status?: string }).status]);
  expect(ops).toEqual(
    expect.arrayContaining([
      ['admin.adjustStars', 'demo-county-admin', 'proposed'],
      ['admin.signOffStars', 'demo-county-admin', 'signedOff'],
    ]),
  );
  const signOff = entries.find((e) => e.op === 'admin.signOffStars')!;
  expect((signOff.before as { status: string }).status).toBe('proposed');
});

test('a quarter not yet over cannot be signed off; a quarter not begun cannot be computed', async () => {
  expect(
    await as('2027-04-05T09:00:00')('admin', { action: 'computeStars', quarter: '2027-Q3' }, 'demo-county-admin'),
  ).toMatchObject({ ok: false, error: { code: 'TOO_EARLY', field: 'quarter' } });
  await ok(as('2027-05-05T09:00:00')('admin', { action: 'computeStars', quarter: '2027-Q2' }, 'demo-county-admin'));
  expect(
    await as('2027-05-05T09:10:00')(
      'admin',
      { action: 'signOffStars', ratingId: `sr_2027-Q2_${branchId}` },
      'demo-county-admin',
    ),
  ).toMatchObject({ ok: false, error: { code: 'TOO_EARLY' } });
});

test('the dashboard and the branch show the signed-off stars of the last quarter ended', async () => {
  const board = await ok<{
    stars: { quarter: string; signedOff: number; byStars: number[]; top: { branchId: string; stars: number }[] };
  }>(
    as('2027-04-10T09:00:00')(
      'admin',
      { action: 'dashboard', from: '2027-04-01', to: '2027-04-10', unitId: branchId },
      'demo-county-admin',
    ),
  );
  expect(board.stars).toMatchObject({ quarter: QUARTER, signedOff: 1, byStars: [0, 0, 0, 0, 1, 0] });
  expect(board.stars.top).toEqual([{ branchId, name: '星级测试社区党支部', stars: 4 }]);
});
