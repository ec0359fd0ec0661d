/**
 * 达标创星 actions: the review list (a county admin their county, the system admin any, a secretary their own
 * branch), computing a quarter's proposals, adjusting a proposal's stars with a reason, signing it off, and the stars
 * signed off for branches (the org pages, the dashboard, the map). Every change is in the rating's history and,
 * through the router's hook, in the audit log.
 */
import { z } from 'zod';
import { AppError, notFound } from '../core/errors';
import { TX_ATTEMPTS } from '../core/ids';
import { action, type SignedInContext } from '../core/router';
import { fields } from '../core/validation';
import { assertTextsPass } from '../content';
import { adminCounty } from '../org';
import type { Database, QueryDoc, Transaction } from '../db';
import { quarterLabel, RATING_STATUS, starName } from './labels';
import { STAR_RATINGS, ratingDocSchema, type RatingDoc } from './model';
import { proposeQuarter } from './propose';
import { previousQuarter, quarterAt, quarterOf, quarterSchema } from './quarter';

export const RATING_READERS = ['admin', 'secretary'] as const;

async function readRating(db: Pick<Database, 'collection'> | Transaction, ratingId: string): Promise<RatingDoc | null> {
  const parsed = ratingDocSchema.safeParse(await db.collection(STAR_RATINGS).doc(ratingId).get());
  return parsed.success ? parsed.data : null;
}

/** A rating as the console and the pages show it. */
export function present(r: RatingDoc) {
  return {
    ratingId: r._id,
    quarter: r.quarter,
    quarterLabel: quarterLabel(r.quarter),
    branchId: r.branchId,
    branchName: r.branchName,
    county: r.county,
    status: r.status,
    statusLabel: RATING_STATUS[r.status],
    stars: r.stars,
    starName: starName(r.stars),
    proposed: {
      score: r.proposed.score,
      stars: r.proposed.stars,
      figures: r.proposed.figures,
      computedAt: r.proposed.computedAt,
    },
    adjusted: r.adjusted ? { stars: r.adjusted.stars, reason: r.adjusted.reason, at: r.adjusted.at } : null,
    signedOffAt: r.signedOffAt,
    history: r.history.map((h) => ({
      at: h.at,
      byName: h.byName,
      kind: h.kind,
      stars: h.stars,
      score: h.score,
      reason: h.reason,
    })),
  };
}
export type RatingView = ReturnType<typeof present>;

/** The last quarter that has ended: the one a review is about by default. */
export const lastQuarter = (now: number) => previousQuarter(quarterAt(now));

export const stars = action({
  input: z.strictObject({
    quarter: quarterSchema.optional(),
    status: z.enum(['proposed', 'signedOff']).optional(),
    cursor: fields.cursor,
    limit: fields.limit,
  }),
  access: RATING_READERS,
  async run(input, ctx) {
    const quarter = input.quarter ?? lastQuarter(ctx.now());
    const where: QueryDoc = { quarter };
    if (input.status) where.status = input.status;
    if (ctx.user.role === 'secretary') {
      if (!ctx.user.branchId) throw new AppError('FORBIDDEN', '您还没有负责的党支部');
      where.branchId = ctx.user.branchId;
    } else {
      const county = await adminCounty(ctx.db, ctx.user);
      if (county !== null) where.county = county;
    }
    const _ = ctx.db.command;
    const limit = input.limit ?? 20;
    const conditions = [where, ...(input.cursor ? [{ _id: _.gt(input.cursor) }] : [])];
    const raw = await ctx.db
      .collection(STAR_RATINGS)
      .where(conditions.length === 1 ? conditions[0]! : _.and(conditions))
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
    const page = raw.slice(0, limit);
    const items = page.flatMap((d) => {
      const r = ratingDocSchema.safeParse(d);
      return r.success ? [present(r.data)] : [];
    });
    return {
      quarter,
      quarterLabel: quarterLabel(quarter),
      items,
      nextCursor: raw.length > limit ? page[page.length - 1]!._id : null,
    };
  },
});

export const computeStars = action({
  input: z.strictObject({ quarter: quarterSchema, county: z.string().trim().min(2).max(40).optional() }),
  access: ['admin'],
  scope: ({ county }) => (county ? { county } : null),
  async run({ quarter, county }, ctx) {
    const now = ctx.now();
    if (quarterOf(quarter).start > now)
      throw new AppError('TOO_EARLY', `${quarterLabel(quarter)}还没有开始`, 'quarter');
    // A county admin computes their county's branches; the system admin one county or every branch.
    const own = await adminCounty(ctx.db, ctx.user);
    const result = await proposeQuarter(ctx.db, quarter, now, {
      county: own ?? county ?? null,
      by: { openid: ctx.user._id, name: ctx.user.nickname },
    });
    ctx.audit?.({ targetId: null, before: null, after: { quarter, county: own ?? county ?? '全部', ...result } });
    return { quarter, computed: result.computed, signedOff: result.signedOff };
  },
});

const ratingScope = async ({ ratingId }: { ratingId: string }, ctx: SignedInContext) => {
  const r = await readRating(ctx.db, ratingId);
  return r ? { branchId: r.branchId } : null;
};

const reasonField = z
  .string({ error: '请填写调整理由' })
  .trim()
  .min(4, '调整理由至少 4 个字')
  .max(200, '调整理由最多 200 个字');

export const adjustStars = action({
  input: z.strictObject({
    ratingId: fields.id,
    stars: z.number({ error: '请选择星级' }).int('请选择星级').min(0, '星级为 0–5').max(5, '星级为 0–5'),
    reason: reasonField,
  }),
  access: ['admin'],
  scope: ratingScope,
  async run({ ratingId, stars: next, reason }, ctx) {
    // The reason is read by the branch and in the history: checked as the admin's own words.
    await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'reason', name: '调整理由', text: reason }]);
    const now = ctx.now();
    const after = await ctx.db.runTransaction(async (tx) => {
      const r = await readRating(tx, ratingId);
      if (!r) throw notFound('该星级评定');
      if (r.status === 'signedOff') throw new AppError('CONFLICT', '已确认的星级不能再调整');
      const adjusted = { stars: next, reason, by: ctx.user._id, at: now };
      const history = [
        ...r.history,
        {
          at: now,
          by: ctx.user._id,
          byName: ctx.user.nickname,
          kind: 'adjusted' as const,
          stars: next,
          score: null,
          reason,
        },
      ].slice(-50);
      await tx.collection(STAR_RATINGS).doc(ratingId).update({ adjusted, stars: next, history, updatedAt: now });
      return { ...r, adjusted, stars: next, history, updatedAt: now };
    }, TX_ATTEMPTS);
    return present(after);
  },
});

export const signOffStars = action({
  input: z.strictObject({ ratingId: fields.id }),
  access: ['admin'],
  scope: ratingScope,
  async run({ ratingId }, ctx) {
    const now = ctx.now();
    const after = await ctx.db.runTransaction(async (tx) => {
      const r = await readRating(tx, ratingId);
      if (!r) throw notFound('该星级评定');
      if (r.status === 'signedOff')
        throw new AppError('CONFLICT', `${r.branchName}${quarterLabel(r.quarter)}的星级已确认`);
      if (quarterOf(r.quarter).end > now)
        throw new AppError('TOO_EARLY', `${quarterLabel(r.quarter)}结束后才能确认星级`);
      const history = [
        ...r.history,
        {
          at: now,
          by: ctx.user._id,
          byName: ctx.user.nickname,
          kind: 'signedOff' as const,
          stars: r.stars,
          score: r.proposed.score,
          reason: '',
        },
      ].slice(-50);
      const change = {
        status: 'signedOff' as const,
        signedOffBy: ctx.user._id,
        signedOffAt: now,
        history,
        updatedAt: now,
      };
      await tx.collection(STAR_RATINGS).doc(ratingId).update(change);
      return { ...r, ...change };
    }, TX_ATTEMPTS);
    return present(after);
  },
});

/** The latest signed-off stars of each branch asked for (up to 200): what a branch page, the map and the dashboard show. */
export async function signedOffStars(
  db: Database,
  branchIds: readonly string[],
): Promise<Map<string, { quarter: string; stars: number }>> {
  const out = new Map<string, { quarter: string; stars: number }>();
  const _ = db.command;
  for (let i = 0; i < branchIds.length; i += 100) {
    const ids = branchIds.slice(i, i + 100);
    const docs = await db
      .collection(STAR_RATINGS)
      .where({ branchId: _.in(ids), status: 'signedOff' })
      .orderBy('quarter', 'desc')
      .limit(1000)
      .get();
    for (const d of docs) {
      const r = ratingDocSchema.safeParse(d);
      if (!r.success) continue;
      const seen = out.get(r.data.branchId);
      if (!seen || seen.quarter < r.data.quarter)
        out.set(r.data.branchId, { quarter: r.data.quarter, stars: r.data.stars });
    }
  }
  return out;
}

/** Branches' latest signed-off stars: public, as a county publishes its 星级 branches (the map shows them). */
export const branchStars = action({
  input: z.strictObject({ branchIds: z.array(fields.id).min(1).max(200) }),
  access: 'public',
  async run({ branchIds }, ctx) {
    const found = await signedOffStars(ctx.db, branchIds);
    return {
      items: [...found.entries()].map(([branchId, r]) => ({
        branchId,
        quarter: r.quarter,
        quarterLabel: quarterLabel(r.quarter),
        stars: r.stars,
        starName: starName(r.stars),
      })),
    };
  },
});
