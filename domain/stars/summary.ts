/** The stars of a scope's branches for the dashboard: the latest quarter ended by the period's end, signed off or not. */
import type { Database, QueryDoc } from '../db';
import { quarterLabel } from './labels';
import { STAR_RATINGS, ratingDocSchema, type RatingDoc } from './model';
import { previousQuarter, quarterAt } from './quarter';

export interface StarSummary {
  quarter: string;
  quarterLabel: string;
  /** Ratings signed off, and still waiting for review. */
  signedOff: number;
  proposed: number;
  /** Signed-off branches with 0…5 stars. */
  byStars: [number, number, number, number, number, number];
  /** The signed-off branches with the most stars (at most 10). */
  top: { branchId: string; name: string; stars: number }[];
}

const MAX = 20_000;

/** `branchIds` null: every branch. */
export async function starSummary(db: Database, branchIds: readonly string[] | null, at: number): Promise<StarSummary> {
  const quarter = previousQuarter(quarterAt(at));
  const _ = db.command;
  const ratings: RatingDoc[] = [];
  const read = async (where: QueryDoc) => {
    let after: string | null = null;
    while (ratings.length < MAX) {
      const page = await db
        .collection(STAR_RATINGS)
        .where(after === null ? where : _.and([where, { _id: _.gt(after) }]))
        .orderBy('_id', 'asc')
        .limit(1000)
        .get();
      for (const d of page) {
        const r = ratingDocSchema.safeParse(d);
        if (r.success) ratings.push(r.data);
      }
      if (page.length < 1000) return;
      after = page[page.length - 1]!._id;
    }
  };
  if (branchIds === null) await read({ quarter });
  else
    for (let i = 0; i < branchIds.length; i += 100)
      await read({ quarter, branchId: _.in(branchIds.slice(i, i + 100)) });
  const signed = ratings.filter((r) => r.status === 'signedOff');
  const byStars: StarSummary['byStars'] = [0, 0, 0, 0, 0, 0];
  for (const r of signed) byStars[r.stars] = (byStars[r.stars] ?? 0) + 1;
  const top = [...signed]
    .sort((a, b) => b.stars - a.stars || a.branchName.localeCompare(b.branchName, 'zh'))
    .slice(0, 10)
    .map((r) => ({ branchId: r.branchId, name: r.branchName, stars: r.stars }));
  return {
    quarter,
    quarterLabel: quarterLabel(quarter),
    signedOff: signed.length,
    proposed: ratings.length - signed.length,
    byStars,
    top,
  };
}
