import { z } from 'zod';
import type { Database } from '../db';
import { AppError } from '../core/errors';
import { action } from '../core/router';
import { ROLE_LABELS, USERS, userDocSchema } from '../user/model';
import {
  APPROVE_PAGE, COLLECT_GRACE_MS, CONSOLE_LOGINS, CONSOLE_ROLES, PURGE_AFTER_MS, TICKET_TTL_MS,
  hashSecret, newPollSecret, newTicketId, secretMatches, ticketDocSchema, type TicketDoc,
} from './model';

const ticketId = z.string().regex(/^cl[0-9a-f]{24}$/, '登录二维码不正确');
const GONE = '登录二维码不存在或已失效，请在电脑上刷新二维码';

async function readTicket(db: Database, id: string): Promise<TicketDoc | null> {
  const parsed = ticketDocSchema.safeParse(await db.collection(CONSOLE_LOGINS).doc(id).get());
  return parsed.success ? parsed.data : null;
}

/**
 * The console asks for a one-time QR (no sign-in: the console has none yet). The QR names the
 * mini-program page with the ticket; the console keeps the poll secret, whose hash alone is stored.
 */
export const startConsoleLogin = action({
  input: z.strictObject({}),
  access: 'public',
  async run(_input, ctx) {
    const now = ctx.now();
    const id = newTicketId();
    const pollSecret = newPollSecret();
    const expiresAt = now + TICKET_TTL_MS;
    await ctx.db.collection(CONSOLE_LOGINS).add({
      _id: id, secretHash: hashSecret(pollSecret), status: 'waiting', createdAt: now, expiresAt, approvedBy: null, approvedAt: null, consumedAt: null,
    });
    const path = `/${APPROVE_PAGE}?ticket=${id}`;
    const qrBase = ctx.services?.qrBase ?? '';
    return { ticketId: id, pollSecret, qrText: qrBase ? `${qrBase}${APPROVE_PAGE}?ticket=${id}` : path, path, expiresAt };
  },
});

/** What the approve page shows before the tap: whether the QR is still good, and as whom the console would sign in. */
export const consoleTicket = action({
  input: z.strictObject({ ticketId }),
  access: 'signedIn',
  async run(input, ctx) {
    const t = await readTicket(ctx.db, input.ticketId);
    const now = ctx.now();
    const status = !t ? 'missing' : t.status !== 'waiting' ? 'used' : now >= t.expiresAt ? 'expired' : 'waiting';
    return {
      status,
      expiresAt: t?.expiresAt ?? null,
      canApprove: CONSOLE_ROLES.includes(ctx.user.role),
      as: { nickname: ctx.user.nickname, role: ctx.user.role, roleLabel: ROLE_LABELS[ctx.user.role] },
    };
  },
});

/** The signed-in mini-program user approves: the console will be signed in as them, once. */
export const approveConsoleLogin = action({
  input: z.strictObject({ ticketId }),
  access: CONSOLE_ROLES,
  async run(input, ctx) {
    const _ = ctx.db.command;
    const now = ctx.now();
    const { updated } = await ctx.db.collection(CONSOLE_LOGINS)
      .where({ _id: input.ticketId, status: 'waiting', expiresAt: _.gt(now) })
      .update({ status: 'approved', approvedBy: ctx.user._id, approvedAt: now });
    if (updated === 0) {
      const t = await readTicket(ctx.db, input.ticketId);
      if (!t) throw new AppError('NOT_FOUND', GONE);
      if (t.status !== 'waiting') throw new AppError('CONFLICT', '这个登录二维码已经确认过了');
      throw new AppError('TOO_LATE', '登录二维码已过期，请在电脑上刷新二维码后重新扫码');
    }
    return { ticketId: input.ticketId, as: { nickname: ctx.user.nickname, roleLabel: ROLE_LABELS[ctx.user.role] } };
  },
});

/**
 * The console polls with its secret. Once approved, the first poll takes the credential and marks the
 * ticket consumed; every later poll (or one with a wrong secret) gets nothing.
 */
export const pollConsoleLogin = action({
  input: z.strictObject({ ticketId, pollSecret: z.string().min(20).max(100) }),
  access: 'public',
  async run(input, ctx) {
    const now = ctx.now();
    const t = await readTicket(ctx.db, input.ticketId);
    if (!t || !secretMatches(input.pollSecret, t.secretHash)) throw new AppError('NOT_FOUND', GONE);
    if (t.status === 'waiting') return { status: now < t.expiresAt ? 'waiting' as const : 'expired' as const };
    if (t.status === 'consumed' || now >= t.expiresAt + COLLECT_GRACE_MS || !t.approvedBy) return { status: 'expired' as const };
    const issuer = ctx.services?.credentials;
    if (!issuer) throw new AppError('INTERNAL', '此环境未配置管理后台登录凭证');
    // The approver must still be allowed in the console now (a role may have been taken away meanwhile).
    const approver = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(t.approvedBy).get());
    if (!approver.success || !CONSOLE_ROLES.includes(approver.data.role)) throw new AppError('FORBIDDEN', '确认登录的账号已没有管理后台权限');
    const { updated } = await ctx.db.collection(CONSOLE_LOGINS)
      .where({ _id: t._id, status: 'approved' })
      .update({ status: 'consumed', consumedAt: now });
    if (updated === 0) return { status: 'expired' as const };
    const credential = await issuer.issue(t.approvedBy, now);
    return {
      status: 'approved' as const,
      token: credential.token,
      tokenKind: credential.kind,
      user: { openid: approver.data._id, nickname: approver.data.nickname, role: approver.data.role, roleLabel: ROLE_LABELS[approver.data.role] },
    };
  },
});

/** Timer job: tickets long past their expiry are removed (they hold nothing but a hash). */
export async function purgeConsoleLogins(db: Database, now: number): Promise<{ removed: number }> {
  const _ = db.command;
  const { deleted } = await db.collection(CONSOLE_LOGINS).where({ expiresAt: _.lt(now - PURGE_AFTER_MS) }).remove();
  return { removed: deleted };
}
