import { z } from 'zod';

export const ROLES = ['resident', 'member', 'secretary', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);
export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民', member: '党员', secretary: '党支部书记', staff: '驿站工作人员', admin: '管理员',
};

export const USERS = 'users';
export const POINT_ACCOUNTS = 'pointAccounts';
export const BRANCHES = 'branches';

/**
 * A document carrying `_openid` was written by a mini-program client (the platform stamps it on every
 * client write), never by a function: on a collection left creator-writable, a user could plant
 * `users/{own openid}` with role admin, or a balance. Such a document is refused on read.
 */
export const notClientWritten = z.never({ error: '客户端写入的文档不可信' }).optional();

/** A member's real name and phone, given when they joined: sealed (AES-GCM), with masked forms and a keyed hash. */
export const sealedIdentitySchema = z.object({
  name: z.string(),
  phone: z.string(),
  maskedName: z.string(),
  maskedPhone: z.string(),
  /** keyedHash of name + phone: how an imported roster row finds the person who joins. */
  personHash: z.string(),
});
export type SealedIdentity = z.output<typeof sealedIdentitySchema>;

/**
 * `users/{openid}`: the role lives here and only here, so every check reads it on the server.
 * Scope: an admin with `scopeUnitId` (a county unit) acts in that county only, without it across the
 * system; a secretary acts in `branchId`; staff act at `stationIds` and `siteIds` only.
 */
export const userDocSchema = z.object({
  _id: z.string().min(1),
  _openid: notClientWritten,
  nickname: z.string().default('微信用户'),
  role: roleSchema.catch('resident'),
  branchId: z.string().nullable().catch(null),
  createdAt: z.number().default(0),
  scopeUnitId: z.string().nullable().catch(null).default(null),
  stationIds: z.array(z.string()).catch([]).default([]),
  siteIds: z.array(z.string()).catch([]).default([]),
  identity: sealedIdentitySchema.nullable().catch(null).default(null),
});
export type UserDoc = z.output<typeof userDocSchema>;

export const branchDocSchema = z.object({ _id: z.string(), name: z.string(), county: z.string().default('') });
