/** The public 心愿墙, the small public figure on the home page, and the per-branch statistics for staff. */
import { z } from 'zod';
import type { Database, QueryDoc } from '../db';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { assertDayRange } from '../core/limits';
import { pageByNewest } from '../core/paging';
import { atShanghai } from '../core/time';
import { fields } from '../core/validation';
import { adminCounty, readUnit } from '../org';
import { REQUESTS, STATUS_LABELS, requestDocSchema, type RequestDoc, type RequestStatus } from './model';
import { WALL_STATUSES } from './present';

export const wall = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'public',
  async run({ cursor, limit }, ctx) {
    const _ = ctx.db.command;
    return pageByNewest(
      ctx.db.collection(REQUESTS),
      { kind: 'wish', publicOnWall: true, status: _.in([...WALL_STATUSES]) },
      'createdAt',
      { cursor, limit },
      requestDocSchema,
      (r) => ({
        id: r._id,
        title: r.title,
        category: r.category,
        status: r.status,
        statusLabel: STATUS_LABELS[r.status],
        maskedName: r.contact.maskedName,
        unitName: r.unitName,
        createdAt: r.createdAt,
      }),
    );
  },
});

/** What a branch accepted and did not see cancelled: the only requests the figures count (issue 19). */
export const COUNTED: readonly RequestStatus[] = ['accepted', 'open', 'inProgress', 'finished', 'confirmed'];

export interface Figures {
  requests: number;
  confirmed: number;
  /** 办结率: confirmed among those the branch accepted (and that were not cancelled), 0..1. */
  finishRate: number;
  /** Average hours from asking to confirmation. */
  avgHours: number;
  /** 满意率: ratings of 4 or 5 among rated, 0..1. */
  satisfaction: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function figuresOf(reqs: readonly RequestDoc[]): Figures & { accepted: number } {
  const live = reqs.filter((r) => COUNTED.includes(r.status));
  const done = reqs.filter((r) => r.status === 'confirmed');
  const rated = done.filter((r) => r.rating !== null);
  const hours = done.map((r) => ((r.confirmedAt ?? r.createdAt) - r.createdAt) / 3_600_000);
  return {
    requests: reqs.length,
    accepted: live.length,
    confirmed: done.length,
    finishRate: live.length ? round2(done.length / live.length) : 0,
    avgHours: hours.length ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10 : 0,
    satisfaction: rated.length ? round2(rated.filter((r) => (r.rating ?? 0) >= 4).length / rated.length) : 0,
  };
}

const SCAN_PAGE = 1000;
/** The public figure's averages: over this many newest confirmed requests. */
const FIGURE_SAMPLE = 500;
/** The figures read at most this many requests (newest first): enough for a county's year. */
const SCAN_MAX = 20_000;

async function scan(db: Database, where: QueryDoc): Promise<RequestDoc[]> {
  const out: RequestDoc[] = [];
  let before: number | undefined;
  while (out.length < SCAN_MAX) {
    const q = before === undefined ? where : { ...where, createdAt: db.command.lt(before) };
    const page = await db.collection(REQUESTS).where(q).orderBy('createdAt', 'desc').limit(SCAN_PAGE).get();
    for (const d of page) {
      const r = requestDocSchema.safeParse(d);
      if (r.success) out.push(r.data);
    }
    if (page.length < SCAN_PAGE) break;
    before = Number(page[page.length - 1]!.createdAt);
  }
  return out;
}

export const figures = action({
  input: z.strictObject({ county: z.string().trim().min(1).max(40).optional() }),
  access: 'public',
  async run({ county }, ctx) {
    // Public and on the home page: only what a branch accepted counts (an ask nobody accepted moves nothing), and
    // the averages over the newest confirmed requests only.
    const where: QueryDoc = county ? { county } : {};
    const col = ctx.db.collection(REQUESTS);
    const requests = await col.where({ ...where, status: ctx.db.command.in([...COUNTED]) }).count();
    const confirmed = await col.where({ ...where, status: 'confirmed' }).count();
    const sample = (
      await col
        .where({ ...where, status: 'confirmed' })
        .orderBy('createdAt', 'desc')
        .limit(FIGURE_SAMPLE)
        .get()
    ).flatMap((d) => {
      const r = requestDocSchema.safeParse(d);
      return r.success ? [r.data] : [];
    });
    const averages = figuresOf(sample);
    return {
      requests,
      confirmed,
      finishRate: requests > 0 ? round2(confirmed / requests) : 0,
      avgHours: averages.avgHours,
      satisfaction: averages.satisfaction,
    } satisfies Figures;
  },
});

export const stats = action({
  input: z.strictObject({ from: fields.date, to: fields.date, unitId: fields.id.optional() }),
  access: ['secretary', 'admin'],
  scope: ({ unitId }, ctx) =>
    unitId
      ? { unitOrCounty: unitId }
      : ctx.user.role === 'secretary' && ctx.user.branchId
        ? { branchId: ctx.user.branchId }
        : null,
  async run({ from, to, unitId }, ctx) {
    assertDayRange(from, to, 366, '统计');
    const start = atShanghai(`${from} 00:00`);
    const end = atShanghai(`${to} 00:00`) + 86_400_000;
    let where: QueryDoc = {};
    const user = ctx.user;
    if (user.role === 'secretary') {
      if (!user.branchId) throw new AppError('FORBIDDEN', '只能管理本支部的事务');
      where = { unitId: user.branchId };
    } else if (unitId) {
      const unit = await readUnit(ctx.db, unitId);
      where = unit?.kind === 'branch' ? { unitId } : { county: unit?.county ?? unitId };
    } else {
      const county = await adminCounty(ctx.db, user);
      if (county !== null) where = { county };
    }
    const reqs = (await scan(ctx.db, where)).filter((r) => r.createdAt >= start && r.createdAt < end);
    const byUnit = new Map<string, RequestDoc[]>();
    for (const r of reqs) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    const byBranch = [...byUnit.entries()]
      .map(([id, list]) => ({ unitId: id, name: list[0]!.unitName, ...figuresOf(list) }))
      .sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name, 'zh'));
    return { total: figuresOf(reqs), byBranch };
  },
});
