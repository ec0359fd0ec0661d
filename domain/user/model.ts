import { z } from 'zod';

export const ROLES = ['resident', 'member', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
export const ROLE_LABELS: Record<Role, string> = { resident: '居民', member: '党员', staff: '驿站工作人员', admin: '管理员' };

export const USERS = 'users';
export const POINT_ACCOUNTS = 'pointAccounts';
export const BRANCHES = 'branches';

/**
 * A document carrying `_openid` was written by a mini-program client (the platform stamps it on every
 * client write), never by a function: on a collection left creator-writable, a user could plant
 * `users/{own openid}` with role admin, or a balance. Such a document is refused on read.
 */
export const notClientWritten = z.never({ error: '客户端写入的文档不可信' }).optional();

/** `users/{openid}`: the role lives here and only here, so every check reads it on the server. */
export const userDocSchema = z.object({
  _id: z.string().min(1),
  _openid: notClientWritten,
  nickname: z.string().default('微信用户'),
  role: roleSchema.catch('resident'),
  branchId: z.string().nullable().catch(null),
  createdAt: z.number().default(0),
});
export type UserDoc = z.output<typeof userDocSchema>;

export const branchDocSchema = z.object({ _id: z.string(), name: z.string(), county: z.string().default('') });
