import { z } from 'zod';
import { assertDayRange } from '../core/limits';
import { action } from '../core/router';
import { atShanghai, dayOf } from '../core/time';
import { fields } from '../core/validation';
import type { Database } from '../db';
import { workbookBase64 } from '../files';
import { AppError } from '../core/errors';
import { BRANCHES, type UserDoc } from '../core/identity';
import { membersOf, placesIn, resolveScope, type Scope } from './scope';
import { scanRange } from './scan';
import { mapCheckins, type MapCheckins } from './checkins';
import { starSummary, type StarSummary } from '../stars';

const DAY = 86_400_000;
/** Longest period one dashboard covers, and the most documents it reads from each collection. */
export const DASHBOARD_MAX_DAYS = 366;
export const DASHBOARD_MAX_ROWS = 200_000;
const TOP_BRANCHES = 10;

export interface TrendDay {
  date: string;
  bookingsCheckedIn: number;
  dosesGiven: number;
  pointsEarned: number;
  pointsSpent: number;
  ordersPickedUp: number;
}

export interface Dashboard {
  from: string;
  to: string;
  scope: { unitId: string | null; name: string };
  servings: { bookingsCheckedIn: number; dosesGiven: number };
  pointsEarned: number;
  pointsSpent: number;
  ordersPickedUp: number;
  /** Members with at least one points movement (earned or spent) in the period. */
  activeMembers: number;
  topBranches: { branchId: string; name: string; points: number }[];
  trend: TrendDay[];
  /** 打卡人次: check-ins per red landmark and per route (domain/dashboard/checkins.ts). */
  mapCheckins: MapCheckins;
  /** 达标创星: the scope's branches' stars of the last quarter ended by the period's end (domain/stars). */
  stars: StarSummary;
  /** True when a collection held more than DASHBOARD_MAX_ROWS matching documents: the figures are a floor. */
  truncated: boolean;
}

export const dashboardInput = z.strictObject({ from: fields.date, to: fields.date, unitId: fields.id.optional() });

/** Earned: check-ins, awards and corrections; spent: redemptions less refunds. */
const EARNING = new Set(['checkin', 'award', 'correction']);
const SPENDING = new Set(['redeem', 'refund']);

/** The figures of a period and scope, read in bounded pages from the ledger, bookings, appointments and orders. */
export async function computeDashboard(db: Database, input: z.output<typeof dashboardInput>): Promise<Dashboard> {
  const days = assertDayRange(input.from, input.to, DASHBOARD_MAX_DAYS, '统计');
  const scope: Scope = await resolveScope(db, input.unitId);
  const range = { start: atShanghai(`${input.from} 00:00`), end: atShanghai(`${input.to} 00:00`) + DAY };
  const trend: TrendDay[] = [];
  for (let i = 0; i < days; i += 1) {
    trend.push({
      date: dayOf(range.start + i * DAY + 12 * 3_600_000),
      bookingsCheckedIn: 0,
      dosesGiven: 0,
      pointsEarned: 0,
      pointsSpent: 0,
      ordersPickedUp: 0,
    });
  }
  // The day by arithmetic (Shanghai has no daylight saving): the zone plugin costs ~0.15 ms a call, per document.
  const dayRow = (at: unknown) => (typeof at === 'number' ? trend[Math.floor((at - range.start) / DAY)] : undefined);
  const _ = db.command;
  let truncated = false;

  const members = scope.branchIds ? await membersOf(db, scope.branchIds) : null;
  const stations = scope.county && !scope.byMembers ? await placesIn(db, 'stations', scope.county) : null;
  const sites = scope.county && !scope.byMembers ? await placesIn(db, 'vaccineSites', scope.county) : null;
  const byPerson = (openid: unknown) => !members || (typeof openid === 'string' && members.has(openid));

  // Points: the ledger, by branch when scoped.
  let pointsEarned = 0;
  let pointsSpent = 0;
  const active = new Set<string>();
  const perBranch = new Map<string, number>();
  const ledgerMatch = scope.branchIds ? { branchId: _.in(scope.branchIds) } : {};
  const ledger = await scanRange(db, 'ledger', ledgerMatch, 'at', range, DASHBOARD_MAX_ROWS, (doc) => {
    const amount = typeof doc.amount === 'number' ? doc.amount : 0;
    const row = dayRow(doc.at);
    if (typeof doc.openid === 'string') active.add(doc.openid);
    if (EARNING.has(String(doc.kind))) {
      pointsEarned += amount;
      if (row) row.pointsEarned += amount;
      if (typeof doc.branchId === 'string') perBranch.set(doc.branchId, (perBranch.get(doc.branchId) ?? 0) + amount);
    } else if (SPENDING.has(String(doc.kind))) {
      pointsSpent -= amount;
      if (row) row.pointsSpent -= amount;
    }
  });
  truncated ||= ledger.truncated;

  // 服务人次: bookings checked in (at the scope's stations, or by its members), doses given.
  let bookingsCheckedIn = 0;
  const bookings = await scanRange(
    db,
    'bookings',
    { status: 'checkedIn' },
    'checkedInAt',
    range,
    DASHBOARD_MAX_ROWS,
    (doc) => {
      if (stations && !(typeof doc.stationId === 'string' && stations.has(doc.stationId))) return;
      if (scope.byMembers && !byPerson(doc.openid)) return;
      bookingsCheckedIn += 1;
      const row = dayRow(doc.checkedInAt);
      if (row) row.bookingsCheckedIn += 1;
    },
  );
  truncated ||= bookings.truncated;

  let dosesGiven = 0;
  const doses = await scanRange(
    db,
    'appointments',
    { status: 'completed' },
    'completedAt',
    range,
    DASHBOARD_MAX_ROWS,
    (doc) => {
      if (sites && !(typeof doc.siteId === 'string' && sites.has(doc.siteId))) return;
      if (scope.byMembers && !byPerson(doc.owner)) return;
      dosesGiven += 1;
      const row = dayRow(doc.completedAt);
      if (row) row.dosesGiven += 1;
    },
  );
  truncated ||= doses.truncated;

  let ordersPickedUp = 0;
  const orders = await scanRange(db, 'orders', { status: 'picked' }, 'pickedAt', range, DASHBOARD_MAX_ROWS, (doc) => {
    if (!byPerson(doc.openid)) return;
    ordersPickedUp += 1;
    const row = dayRow(doc.pickedAt);
    if (row) row.ordersPickedUp += 1;
  });
  truncated ||= orders.truncated;

  const checkins = await mapCheckins(db, scope, range, members, DASHBOARD_MAX_ROWS);
  truncated ||= checkins.truncated;

  const ranked = [...perBranch.entries()]
    .filter(([, points]) => points > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_BRANCHES);
  const topBranches = [];
  for (const [branchId, points] of ranked) {
    const doc = await db.collection(BRANCHES).doc(branchId).get();
    topBranches.push({ branchId, name: typeof doc?.name === 'string' ? doc.name : branchId, points });
  }

  return {
    from: input.from,
    to: input.to,
    scope: { unitId: scope.unitId, name: scope.name },
    servings: { bookingsCheckedIn, dosesGiven },
    pointsEarned,
    pointsSpent,
    ordersPickedUp,
    activeMembers: active.size,
    topBranches,
    trend,
    mapCheckins: checkins,
    stars: await starSummary(db, scope.branchIds, range.end - 1),
    truncated,
  };
}

/** Who may see the dashboard: admins (a county admin their county) and secretaries (their branch). */
export const DASHBOARD_READERS = ['admin', 'secretary'] as const;

/** With no unit asked for, a scoped caller sees their own: a county admin their county, a secretary their branch. */
function withOwnUnit(input: z.output<typeof dashboardInput>, user: UserDoc): z.output<typeof dashboardInput> {
  if (input.unitId) return input;
  const own = user.role === 'secretary' ? user.branchId : user.scopeUnitId;
  if (user.role === 'secretary' && !own) throw new AppError('FORBIDDEN', '您还没有负责的党支部');
  return own ? { ...input, unitId: own } : input;
}
// `unitOrCounty`: the dashboard also takes a county by its full name (桂林市永福县), which is no unit id:
// as `{ unitId }` it would resolve to nothing and pass, showing a county admin another county's figures.
const dashboardScope = (input: z.output<typeof dashboardInput>) =>
  input.unitId ? { unitOrCounty: input.unitId } : null;

export const dashboard = action({
  input: dashboardInput,
  access: DASHBOARD_READERS,
  scope: dashboardScope,
  run: (input, ctx) => computeDashboard(ctx.db, withOwnUnit(input, ctx.user)),
});

export const dashboardExport = action({
  input: dashboardInput,
  access: DASHBOARD_READERS,
  scope: dashboardScope,
  async run(input, ctx) {
    const d = await computeDashboard(ctx.db, withOwnUnit(input, ctx.user));
    const base64 = await workbookBase64([
      {
        name: '概览',
        columns: [
          { header: '指标', width: 24 },
          { header: '数值', width: 16 },
        ],
        rows: [
          ['统计范围', d.scope.name],
          ['开始日期', d.from],
          ['结束日期', d.to],
          ['服务人次：预约签到', d.servings.bookingsCheckedIn],
          ['服务人次：疫苗接种', d.servings.dosesGiven],
          ['获得积分', d.pointsEarned],
          ['使用积分', d.pointsSpent],
          ['已领取订单', d.ordersPickedUp],
          ['活跃党员', d.activeMembers],
          ['红色打卡人次', d.mapCheckins.total],
          ...(d.truncated ? [['说明', '数据量超过上限，数字为下限'] as (string | number)[]] : []),
        ],
      },
      {
        name: '每日趋势',
        columns: [
          { header: '日期', width: 14 },
          { header: '预约签到' },
          { header: '疫苗接种' },
          { header: '获得积分' },
          { header: '使用积分' },
          { header: '已领取订单' },
        ],
        rows: d.trend.map((t) => [
          t.date,
          t.bookingsCheckedIn,
          t.dosesGiven,
          t.pointsEarned,
          t.pointsSpent,
          t.ordersPickedUp,
        ]),
      },
      {
        name: '支部积分排行',
        columns: [{ header: '名次' }, { header: '党支部', width: 28 }, { header: '获得积分' }],
        rows: d.topBranches.map((b, i) => [i + 1, b.name, b.points]),
      },
      {
        name: '红色打卡',
        columns: [
          { header: '地点或路线', width: 28 },
          { header: '类别' },
          { header: '打卡人次' },
          { header: '走完人数' },
        ],
        rows: [
          ...d.mapCheckins.landmarks.map((l) => [l.name, '地标', l.checkins, '']),
          ...d.mapCheckins.routes.map((r) => [r.name, '路线', r.checkins, r.completions]),
        ],
      },
    ]);
    return { filename: `数据看板_${d.scope.name}_${d.from}_${d.to}.xlsx`, base64 };
  },
});
