/** 联系点: a county admin links a user (anyone: often a leader) to a branch of their county; their 列席 is recorded. */
import { z } from 'zod';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { fields } from '../core/validation';
import { USERS, userDocSchema } from '../core/identity';
import { readUnit } from '../org';
import { BRANCH_LIAISONS, liaisonDocSchema } from './model';
import { liaisonId } from './shared';

const input = z.strictObject({ branchId: fields.id, openid: fields.id });

export const linkLiaison = action({
  input,
  access: ['admin'],
  scope: ({ branchId }) => ({ branchId }),
  async run({ branchId, openid }, ctx) {
    const unit = await readUnit(ctx.db, branchId);
    if (!unit || unit.kind !== 'branch') throw notFound('党支部');
    if (!userDocSchema.safeParse(await ctx.db.collection(USERS).doc(openid).get()).success) throw notFound('该用户');
    const id = liaisonId(branchId, openid);
    const doc = { branchId, countyId: unit.county || null, openid, linkedBy: ctx.user._id, linkedAt: ctx.now() };
    const before = await ctx.db.collection(BRANCH_LIAISONS).doc(id).get();
    if (!before) await ctx.db.collection(BRANCH_LIAISONS).doc(id).set(doc);
    ctx.audit?.({ targetId: id, before, after: before ?? doc });
    return { branchId, openid, linked: true };
  },
});

export const unlinkLiaison = action({
  input,
  access: ['admin'],
  scope: ({ branchId }) => ({ branchId }),
  async run({ branchId, openid }, ctx) {
    const id = liaisonId(branchId, openid);
    const before = await ctx.db.collection(BRANCH_LIAISONS).doc(id).get();
    if (before) await ctx.db.collection(BRANCH_LIAISONS).doc(id).remove();
    ctx.audit?.({ targetId: id, before, after: null });
    return { branchId, openid, linked: false };
  },
});

/** A branch's 联系点, with their names. */
export const liaisons = action({
  input: z.strictObject({ branchId: fields.id }),
  access: ['admin', 'secretary'],
  scope: ({ branchId }) => ({ branchId }),
  async run({ branchId }, ctx) {
    const docs = await ctx.db
      .collection(BRANCH_LIAISONS)
      .where({ branchId })
      .orderBy('linkedAt', 'asc')
      .limit(100)
      .get();
    const items = [];
    for (const d of docs) {
      const l = liaisonDocSchema.safeParse(d);
      if (!l.success) continue;
      const u = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(l.data.openid).get());
      items.push({
        openid: l.data.openid,
        name: u.success ? u.data.nickname : '（已注销）',
        linkedAt: l.data.linkedAt,
      });
    }
    return { items };
  },
});
