/**
 * The check every console call passes, on either engine, before anything else: the session its credential names
 * must exist, belong to that person, be neither ended nor past its 8 hours, and the person must still hold a
 * console role. Run by the router (domain/core/router.ts) whenever the caller carries a `consoleSession`.
 */
import type { Database } from '../db';
import { AppError } from '../core/errors';
import type { Role } from '../core/identity';
import { CONSOLE_ROLES, CONSOLE_SESSIONS, SESSION_ID, sessionDocSchema } from './model';

export const SESSION_GONE = '管理后台登录已失效，请重新扫码登录';
export const SESSION_REVOKED = '这个管理后台登录已在小程序中退出，请重新扫码登录';
export const SESSION_EXPIRED = '管理后台登录已过期（每次登录有效 8 小时），请重新扫码登录';
export const SESSION_NO_ROLE = '确认登录的账号已没有管理后台权限，请重新扫码登录';

/** The caller a console session stands for: its owner's openid. Throws UNAUTHENTICATED in plain Chinese otherwise. */
export async function checkConsoleSession(
  db: Database,
  sessionId: string,
  claimedOpenid: string,
  now: number,
): Promise<{ openid: string; consoleSession: string }> {
  if (!SESSION_ID.test(sessionId)) throw new AppError('UNAUTHENTICATED', SESSION_GONE);
  const parsed = sessionDocSchema.safeParse(await db.collection(CONSOLE_SESSIONS).doc(sessionId).get());
  // The credential's openid (the local token carries one; a CloudBase custom uid is the session id alone) must match.
  if (!parsed.success || (claimedOpenid !== '' && parsed.data.openid !== claimedOpenid))
    throw new AppError('UNAUTHENTICATED', SESSION_GONE);
  if (parsed.data.revokedAt !== null) throw new AppError('UNAUTHENTICATED', SESSION_REVOKED);
  if (now >= parsed.data.expiresAt) throw new AppError('UNAUTHENTICATED', SESSION_EXPIRED);
  return { openid: parsed.data.openid, consoleSession: sessionId };
}

/** A console session whose owner lost every console role is no longer a console sign-in. */
export function assertConsoleRole(role: Role | undefined): void {
  if (!role || !CONSOLE_ROLES.includes(role)) throw new AppError('UNAUTHENTICATED', SESSION_NO_ROLE);
}
