import { z } from 'zod';
import { addIfAbsent } from '../core/ids';
import { action, type SignedInContext } from '../core/router';
import { readUnit } from '../org';
import { BRANCHES, USERS, branchDocSchema, roleSchema } from '../core/identity';
import { ACCOUNTS as POINT_ACCOUNTS, accountDocSchema } from '../points';
import { roleWords } from './overview';

export interface Me {
  openid: string;
  nickname: string;
  role: z.infer<typeof roleSchema>;
  /** The role in words, a county admin (县区管理员) and the system admin (系统管理员) told apart. */
  roleLabel: string;
  branch: { branchId: string; name: string } | null;
  points: { balance: number };
  /** Where the caller may act: an admin's county (null: the whole system), staff's stations and sites. */
  scope: { unitId: string | null; unitName: string; stationIds: string[]; siteIds: string[] };
}

/** Registers the caller on first sight, so that later role changes have a document to land on. */
async function ensureUser(ctx: SignedInContext): Promise<void> {
  await addIfAbsent(ctx.db, USERS, { ...ctx.user, createdAt: ctx.user.createdAt || ctx.now() });
}

async function scopeName(ctx: SignedInContext, user: SignedInContext['user']): Promise<string> {
  if (user.role === 'admin')
    return user.scopeUnitId ? ((await readUnit(ctx.db, user.scopeUnitId))?.name ?? '') : '全系统';
  if (user.role === 'secretary' && user.branchId) return (await readUnit(ctx.db, user.branchId))?.name ?? '';
  return '';
}

export const me = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx): Promise<Me> {
    await ensureUser(ctx);
    const { user } = ctx;
    const branchDoc = user.branchId ? await ctx.db.collection(BRANCHES).doc(user.branchId).get() : null;
    const branch = branchDocSchema.safeParse(branchDoc);
    const account = accountDocSchema.safeParse(await ctx.db.collection(POINT_ACCOUNTS).doc(user._id).get());
    const balance = account.success ? account.data.balance : 0;
    return {
      openid: user._id,
      nickname: user.nickname,
      role: user.role,
      roleLabel: roleWords(user),
      branch: branch.success ? { branchId: branch.data._id, name: branch.data.name } : null,
      points: { balance },
      scope: {
        unitId: user.role === 'admin' ? user.scopeUnitId : user.role === 'secretary' ? user.branchId : null,
        unitName: await scopeName(ctx, user),
        stationIds: user.stationIds,
        siteIds: user.siteIds,
      },
    };
  },
});

/**
 * `user.setRole { openid, role }` is the organisation's `setRole` (domain/org/members.ts): the same
 * checks and county scope, with `scopeUnitId` for an admin's county or a secretary's branch.
 */
export { setRole } from '../org';
