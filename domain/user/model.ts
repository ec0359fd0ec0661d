import { z } from 'zod';
import type { Role } from '../core/identity';

export { ROLES, USERS, notClientWritten, roleSchema, sealedIdentitySchema, userDocSchema } from '../core/identity';
export type { Role, SealedIdentity, UserDoc } from '../core/identity';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民', member: '党员', secretary: '党支部书记', staff: '驿站工作人员', admin: '管理员',
};

export const POINT_ACCOUNTS = 'pointAccounts';
export const BRANCHES = 'branches';

export const branchDocSchema = z.object({ _id: z.string(), name: z.string(), county: z.string().default('') });
