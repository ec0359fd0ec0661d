import { z } from 'zod';

export const ROLES = ['resident', 'member', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
export const ROLE_LABELS: Record<Role, string> = { resident: '居民', member: '党员', staff: '驿站工作人员', admin: '管理员' };

export const USERS = 'users';
export const POINT_ACCOUNTS = 'pointAccounts';
export const BRANCHES = 'branches';

/** `users/{openid}`: the role lives here and only here, so every check reads it on the server. */
export const userDocSchema = z.object({
  _id: z.string().min(1),
  nickname: z.string().default('微信用户'),
  role: roleSchema.catch('resident'),
  branchId: z.string().nullable().catch(null),
  createdAt: z.number().default(0),
});
export type UserDoc = z.output<typeof userDocSchema>;

export const branchDocSchema = z.object({ _id: z.string(), name: z.string(), county: z.string().default('') });
