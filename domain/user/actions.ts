import { z } from 'zod';
import { addIfAbsent } from '../core/ids';
import { action, type SignedInContext } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { fields } from '../core/validation';
import { BRANCHES, POINT_ACCOUNTS, ROLE_LABELS, USERS, branchDocSchema, roleSchema } from './model';

export interface Me {
  openid: string;
  nickname: string;
  role: z.infer<typeof roleSchema>;
  roleLabel: string;
  branch: { branchId: string; name: string } | null;
  points: { balance: number };
}

/** Registers the caller on first sight, so that later role changes have a document to land on. */
async function ensureUser(ctx: SignedInContext): Promise<void> {
  await addIfAbsent(ctx.db, USERS, { ...ctx.user, createdAt: ctx.user.createdAt || ctx.now() });
}

export const me = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx): Promise<Me> {
    await ensureUser(ctx);
    const { user } = ctx;
    const branchDoc = user.branchId ? await ctx.db.collection(BRANCHES).doc(user.branchId).get() : null;
    const branch = branchDocSchema.safeParse(branchDoc);
    const account = await ctx.db.collection(POINT_ACCOUNTS).doc(user._id).get();
    const balance = typeof account?.balance === 'number' ? account.balance : 0;
    return {
      openid: user._id,
      nickname: user.nickname,
      role: user.role,
      roleLabel: ROLE_LABELS[user.role],
      branch: branch.success ? { branchId: branch.data._id, name: branch.data.name } : null,
      points: { balance },
    };
  },
});

export const setRole = action({
  input: z.strictObject({ openid: fields.id, role: roleSchema }),
  access: ['admin'],
  async run({ openid, role }, ctx) {
    if (openid === ctx.user._id && role !== 'admin') throw new AppError('CONFLICT', '不能取消自己的管理员身份');
    // Existence is read, not inferred from `updated`: CloudBase may count only documents that changed.
    const ref = ctx.db.collection(USERS).doc(openid);
    if (!(await ref.get())) throw notFound('该用户');
    await ref.update({ role, updatedBy: ctx.user._id, updatedAt: ctx.now() });
    return { openid, role };
  },
});
