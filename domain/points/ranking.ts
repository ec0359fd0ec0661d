import { z } from 'zod';
import { action } from '../core/router';
import { BRANCHES, USERS, branchDocSchema, userDocSchema } from '../core/identity';
import { ACCOUNTS, accountDocSchema } from './model';

const PAGE = 1000;

/** Members rank by points earned (spending in the mall does not lower a rank). */
export const leaderboard = action({
  input: z.strictObject({ scope: z.enum(['member', 'branch']), limit: z.number().int().min(1).max(50).optional() }),
  access: 'signedIn',
  async run({ scope, limit = 10 }, ctx) {
    const _ = ctx.db.command;
    const mine = accountDocSchema.safeParse(await ctx.db.collection(ACCOUNTS).doc(ctx.user._id).get());
    if (scope === 'member') {
      const branchId = ctx.user.branchId;
      if (!branchId) return { scope, branchId: null, items: [], me: null };
      const top = await ctx.db
        .collection(ACCOUNTS)
        .where({ branchId })
        .orderBy('earned', 'desc')
        .orderBy('_id', 'asc')
        .limit(limit)
        .get();
      const branch = branchDocSchema.safeParse(await ctx.db.collection(BRANCHES).doc(branchId).get());
      const branchName = branch.success ? branch.data.name : '';
      // Rank, nickname and branch only: other members' openids never leave the server.
      const items = [];
      for (const [i, doc] of top.entries()) {
        const account = accountDocSchema.safeParse(doc);
        if (!account.success) continue;
        const user = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(account.data._id).get());
        items.push({
          rank: i + 1,
          nickname: user.success ? user.data.nickname : '党员',
          branch: branchName,
          earned: account.data.earned,
          mine: account.data._id === ctx.user._id,
        });
      }
      const myEarned = mine.success ? mine.data.earned : 0;
      const ahead = await ctx.db
        .collection(ACCOUNTS)
        .where({ branchId, earned: _.gt(myEarned) })
        .count();
      return { scope, branchId, items, me: { rank: ahead + 1, earned: myEarned } };
    }
    // Branches rank by the average earned per member, members with no points counted as zero.
    const branches = (await ctx.db.collection(BRANCHES).limit(PAGE).get()).flatMap((d) => {
      const b = branchDocSchema.safeParse(d);
      return b.success ? [b.data] : [];
    });
    const totals = new Map<string, number>();
    for (let skip = 0; ; skip += PAGE) {
      const page = await ctx.db.collection(ACCOUNTS).orderBy('_id', 'asc').skip(skip).limit(PAGE).get();
      for (const doc of page) {
        const a = accountDocSchema.safeParse(doc);
        if (a.success && a.data.branchId)
          totals.set(a.data.branchId, (totals.get(a.data.branchId) ?? 0) + a.data.earned);
      }
      if (page.length < PAGE) break;
    }
    const rows = [];
    for (const b of branches) {
      const members = await ctx.db.collection(USERS).where({ branchId: b._id, role: 'member' }).count();
      const earned = totals.get(b._id) ?? 0;
      rows.push({
        branchId: b._id,
        name: b.name,
        members,
        average: members > 0 ? Math.round((earned / members) * 10) / 10 : 0,
      });
    }
    rows.sort((a, b) => b.average - a.average || a.branchId.localeCompare(b.branchId));
    const ranked = rows.map((r, i) => ({ rank: i + 1, ...r, mine: r.branchId === ctx.user.branchId }));
    const myBranch = ranked.find((r) => r.branchId === ctx.user.branchId) ?? null;
    return {
      scope,
      branchId: ctx.user.branchId,
      items: ranked.slice(0, limit),
      me: myBranch ? { rank: myBranch.rank, average: myBranch.average } : null,
    };
  },
});
