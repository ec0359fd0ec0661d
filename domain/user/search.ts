import { z } from 'zod';
import { command, type Query } from '../db';
import { action } from '../core/router';
import { BRANCHES, USERS, branchDocSchema, userDocSchema, type Role } from './model';

/** Who can be awarded points: the roles that hold a points account. */
const SEARCHABLE_ROLES: Role[] = ['member', 'staff', 'admin'];
const MAX_RESULTS = 20;

export interface MemberMatch {
  openid: string;
  nickname: string;
  branchName: string;
}

/**
 * Finds party members by nickname or by branch name, for the admin's member picker (award points
 * without typing an openid). Answers only what a picker shows: no phone, no real name, no balance.
 */
export const searchMembers = action({
  input: z.strictObject({ keyword: z.string().trim().min(1, '请输入姓名或支部名称').max(20, '搜索词不能超过 20 个字') }),
  access: ['admin'],
  async run({ keyword }, ctx): Promise<{ items: MemberMatch[] }> {
    const match = command.contains(keyword);
    const branchDocs = await ctx.db.collection(BRANCHES).where({ name: match }).limit(20).get();
    const branchIds = branchDocs.map((b) => b._id);
    const byName: Query = { nickname: match };
    const where: Query = branchIds.length > 0 ? command.or([byName, { branchId: command.in(branchIds) }]) : byName;
    const docs = await ctx.db.collection(USERS).where(command.and([where, { role: command.in(SEARCHABLE_ROLES) }])).orderBy('_id', 'asc').limit(MAX_RESULTS).get();
    const users = docs.flatMap((d) => {
      const u = userDocSchema.safeParse(d);
      return u.success ? [u.data] : [];
    });
    const names = new Map<string, string>();
    for (const id of new Set(users.flatMap((u) => (u.branchId ? [u.branchId] : [])))) {
      const b = branchDocSchema.safeParse(branchDocs.find((d) => d._id === id) ?? (await ctx.db.collection(BRANCHES).doc(id).get()));
      if (b.success) names.set(id, b.data.name);
    }
    return {
      items: users.map((u) => ({ openid: u._id, nickname: u.nickname, branchName: (u.branchId && names.get(u.branchId)) || '未加入党支部' })),
    };
  },
});
