/**
 * Who a caller is on the server: the `users/{openid}` document the router loads for every call, with the role
 * and the scope every access check reads. It sits in core because the router and every module's access rule
 * depend on it; the user module re-exports it and owns everything else about people.
 */
import { z } from 'zod';

import { ROLES, type Role } from './labels';

export { ROLES, type Role };
export const roleSchema = z.enum(ROLES);

export const USERS = 'users';

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
  /** True when WeChat gave the phone (手机号快速验证); typed by hand, or from before, it is unverified. */
  phoneVerified: z.boolean().optional(),
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

/**
 * `branches/{id}`: the party branch a user belongs to (`users.branchId`), with its name and county. The scope
 * checks and every branch ranking read it, so it sits beside the user document; the org module owns the tree.
 */
export const BRANCHES = 'branches';
export const branchDocSchema = z.object({ _id: z.string(), name: z.string(), county: z.string().default('') });
