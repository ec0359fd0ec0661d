/** The pure computation: each figure from records made by hand, the weights moved to what was counted, the stars. */
import { rateBranch, starsFor, type BranchRecords, type MeetingRecord, type StarRules } from './compute';
import { previousQuarter, quarterAt, quarterOf } from './quarter';

const sh = (t: string) => Date.parse(`${t}+08:00`);
const q = quarterOf('2026-Q4');
const rules: StarRules = {
  weights: { meetings: 30, attendance: 20, finishRate: 15, satisfaction: 10, serviceHours: 15, pointsActivity: 10 },
  thresholds: [60, 70, 80, 90, 95],
  hoursPerMember: 2,
};
const meeting = (type: string, at: string, over: Partial<MeetingRecord> = {}): MeetingRecord => ({
  type,
  startAt: sh(at),
  status: 'held',
  expectedCount: 10,
  presentCount: 8,
  leaveCount: 1,
  absentCount: 1,
  ...over,
});
const members = ['a', 'b', 'c', 'd'];

test('quarters in Shanghai time: edges, the one before, the months', () => {
  expect(q.start).toBe(sh('2026-10-01T00:00:00'));
  expect(q.end).toBe(sh('2027-01-01T00:00:00'));
  expect(q.months[1]).toBe(sh('2026-11-01T00:00:00'));
  expect(quarterAt(sh('2026-09-30T23:59:59'))).toBe('2026-Q3');
  expect(quarterAt(sh('2026-10-01T00:00:00'))).toBe('2026-Q4');
  expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
});

test('every figure from the records, the score and the stars', () => {
  const records: BranchRecords = {
    members,
    meetings: [
      meeting('committee', '2026-10-08T09:00:00'),
      meeting('committee', '2026-10-20T09:00:00'),
      meeting('committee', '2026-12-01T09:00:00'),
      meeting('general', '2026-11-05T09:00:00'),
      meeting('themeDay', '2026-10-01T00:00:00', { expectedCount: 4, presentCount: 4, leaveCount: 0, absentCount: 0 }),
      // Not counted: planned, cancelled, outside the quarter.
      meeting('lecture', '2026-12-20T09:00:00', { status: 'planned' }),
      meeting('lecture', '2026-12-21T09:00:00', { status: 'cancelled' }),
      meeting('themeDay', '2027-01-01T00:00:00'),
    ],
    requests: [
      {
        status: 'confirmed',
        createdAt: sh('2026-10-02T10:00:00'),
        confirmedAt: sh('2026-10-03T10:00:00'),
        rating: 5,
        hours: 2,
        helpers: 2,
      },
      {
        status: 'confirmed',
        createdAt: sh('2026-10-02T10:00:00'),
        confirmedAt: sh('2026-10-04T10:00:00'),
        rating: 3,
        hours: 3,
        helpers: 1,
      },
      {
        status: 'inProgress',
        createdAt: sh('2026-11-02T10:00:00'),
        confirmedAt: null,
        rating: null,
        hours: 2,
        helpers: 0,
      },
      // Not accepted: out of 办结率.
      {
        status: 'declined',
        createdAt: sh('2026-11-02T10:00:00'),
        confirmedAt: null,
        rating: null,
        hours: 2,
        helpers: 0,
      },
      // Asked the quarter before, confirmed in this one: its hours count, its 办结 not.
      {
        status: 'confirmed',
        createdAt: sh('2026-09-20T10:00:00'),
        confirmedAt: sh('2026-10-01T08:00:00'),
        rating: 4,
        hours: 1,
        helpers: 1,
      },
    ],
    ledger: [
      { openid: 'a', amount: 5, kind: 'checkin', at: sh('2026-10-08T09:05:00') },
      { openid: 'a', amount: 3, kind: 'award', at: sh('2026-11-08T09:05:00') },
      { openid: 'b', amount: -20, kind: 'redeem', at: sh('2026-11-08T09:05:00') },
      { openid: 'c', amount: 20, kind: 'refund', at: sh('2026-11-09T09:05:00') },
      { openid: 'd', amount: 5, kind: 'checkin', at: sh('2026-09-30T09:05:00') },
      { openid: 'stranger', amount: 5, kind: 'checkin', at: sh('2026-10-08T09:05:00') },
    ],
  };
  const p = rateBranch(records, q, rules);
  expect(p.facts.meetings.map((m) => [m.type, m.held, m.months, m.value])).toEqual([
    ['committee', 3, 2, 2 / 3],
    ['general', 1, 1, 1],
    ['lecture', 0, 0, 0],
    ['themeDay', 1, 1, 1 / 3],
  ]);
  expect(p.facts.attendance).toEqual({ meetings: 5, expected: 44, present: 36, leave: 4, absent: 4 });
  expect(p.facts.requests).toEqual({ accepted: 3, confirmed: 2, rated: 2, satisfied: 1 });
  expect(p.facts.service).toEqual({ hours: 2 * 2 + 3 + 1, members: 4 });
  expect(p.facts.points).toEqual({ members: 4, active: 1 });
  const values = Object.fromEntries(p.figures.map((f) => [f.key, f.value]));
  expect(values).toEqual({
    meetings: (2 / 3 + 1 + 0 + 1 / 3) / 4,
    attendance: 36 / 40,
    finishRate: 2 / 3,
    satisfaction: 1 / 2,
    serviceHours: 1,
    pointsActivity: 1 / 4,
  });
  const expected = 30 * 0.5 + 20 * 0.9 + 15 * (2 / 3) + 10 * 0.5 + 15 * 1 + 10 * 0.25;
  expect(p.score).toBe(Math.round(expected * 10) / 10);
  expect(p.stars).toBe(starsFor(p.score, rules.thresholds));
  expect(p.stars).toBe(1);
});

test('no accepted 点单 and no ratings: those weights go to the other figures; nothing at all scores 0', () => {
  const full: BranchRecords = {
    members,
    meetings: ['10', '11', '12']
      .flatMap((m) => [
        meeting('committee', `2026-${m}-05T09:00:00`, { presentCount: 9, leaveCount: 1, absentCount: 0 }),
        meeting('themeDay', `2026-${m}-06T09:00:00`, { presentCount: 9, leaveCount: 1, absentCount: 0 }),
      ])
      .concat([
        meeting('general', '2026-10-07T09:00:00', { presentCount: 9, leaveCount: 1, absentCount: 0 }),
        meeting('lecture', '2026-10-08T09:00:00', { presentCount: 9, leaveCount: 1, absentCount: 0 }),
      ]),
    requests: [],
    ledger: members.map((openid) => ({ openid, amount: 1, kind: 'checkin', at: sh('2026-10-05T09:05:00') })),
  };
  const p = rateBranch(full, q, { ...rules, hoursPerMember: 2 });
  expect(p.figures.filter((f) => !f.counted).map((f) => f.key)).toEqual(['finishRate', 'satisfaction']);
  // Meetings, attendance and points in full, no service hours: (30 + 20 + 10) of the 75 counted.
  expect(p.score).toBe(80);
  expect(p.stars).toBe(3);
  const none = rateBranch({ members: [], meetings: [], requests: [], ledger: [] }, q, rules);
  expect([none.score, none.stars]).toEqual([0, 0]);
});

test('stars: how many thresholds the score reaches', () => {
  expect([0, 59.9, 60, 75, 95, 100].map((s) => starsFor(s, [60, 70, 80, 90, 95]))).toEqual([0, 0, 1, 2, 5, 5]);
});
