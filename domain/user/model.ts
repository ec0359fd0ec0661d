import { z } from 'zod';

export { ROLES, USERS, notClientWritten, roleSchema, sealedIdentitySchema, userDocSchema } from '../core/identity';
export type { Role, SealedIdentity, UserDoc } from '../core/identity';

export { ROLE_LABELS } from '../core/labels';

export const POINT_ACCOUNTS = 'pointAccounts';
export const BRANCHES = 'branches';

export const branchDocSchema = z.object({ _id: z.string(), name: z.string(), county: z.string().default('') });
