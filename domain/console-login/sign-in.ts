import { z } from 'zod';
import type { Database } from '../db';
import { AppError } from '../core/errors';
import { action } from '../core/router';
import { addIfAbsent } from '../core/ids';
import { USERS, userDocSchema } from '../core/identity';
import { ROLE_LABELS } from '../core/labels';
import { clientAddress, describeBrowser, rateKey } from './agent';
import {
  APPROVE_PAGE,
  COLLECT_GRACE_MS,
  CONSOLE_LOGIN_LIMITS,
  CONSOLE_LOGINS,
  CONSOLE_ROLES,
  CONSOLE_SESSION_HOURS,
  CONSOLE_SESSION_TTL_MS,
  CONSOLE_SESSIONS,
  MAX_WAITING_TICKETS,
  PURGE_AFTER_MS,
  SESSION_ID,
  SESSION_KEEP_MS,
  TICKET_TTL_MS,
  TICKETS_PER_ADDRESS_PER_MINUTE,
  hashSecret,
  newPollSecret,
  newSessionId,
  newTicketId,
  secretMatches,
  sessionDocSchema,
  ticketDocSchema,
  type TicketDoc,
} from './model';

const ticketId = z.string().regex(/^cl[0-9a-f]{24}$/, '登录二维码不正确');
const GONE = '登录二维码不存在或已失效，请在电脑上刷新二维码';

async function readTicket(db: Database, id: string): Promise<TicketDoc | null> {
  const parsed = ticketDocSchema.safeParse(await db.collection(CONSOLE_LOGINS).doc(id).get());
  return parsed.success ? parsed.data : null;
}

const TOO_MANY = '登录二维码刷新太频繁，请 1 分钟后再试';
const TOO_MANY_WAITING = '当前等待扫码的登录太多，请稍后再试';

/**
 * Counts one ticket against its address for this minute: one conditional update on the minute's counter, so
 * concurrent starts never pass the limit on either engine. A refusal writes nothing (beyond the counter's
 * first appearance in its minute).
 */
async function takeTicketAllowance(db: Database, address: string | null, now: number): Promise<void> {
  const _ = db.command;
  const minute = Math.floor(now / 60_000);
  const id = `${minute}_${rateKey(address)}`;
  await addIfAbsent(db, CONSOLE_LOGIN_LIMITS, { _id: id, count: 0, expiresAt: (minute + 1) * 60_000 });
  const { updated } = await db
    .collection(CONSOLE_LOGIN_LIMITS)
    .where({ _id: id, count: _.lt(TICKETS_PER_ADDRESS_PER_MINUTE) })
    .update({ count: _.inc(1) });
  if (updated === 0) throw new AppError('LIMIT_REACHED', TOO_MANY);
}

/**
 * The console asks for a one-time QR (no sign-in: the console has none yet). The QR names the
 * mini-program page with the ticket; the console keeps the poll secret, whose hash alone is stored.
 * The ticket records the console's address and browser as the host saw them, for the approve page.
 * Limited to TICKETS_PER_ADDRESS_PER_MINUTE per address and MAX_WAITING_TICKETS waiting overall.
 */
export const startConsoleLogin = action({
  input: z.strictObject({}),
  access: 'public',
  async run(_input, ctx) {
    const _ = ctx.db.command;
    const now = ctx.now();
    const address = clientAddress(ctx.services?.client?.address);
    // The overall cap first (a read): a flood from many addresses is refused before any counter is written.
    const waiting = await ctx.db
      .collection(CONSOLE_LOGINS)
      .where({ status: 'waiting', expiresAt: _.gt(now) })
      .count();
    if (waiting >= MAX_WAITING_TICKETS) throw new AppError('LIMIT_REACHED', TOO_MANY_WAITING);
    await takeTicketAllowance(ctx.db, address, now);
    const id = newTicketId();
    const pollSecret = newPollSecret();
    const expiresAt = now + TICKET_TTL_MS;
    await ctx.db.collection(CONSOLE_LOGINS).add({
      _id: id,
      secretHash: hashSecret(pollSecret),
      status: 'waiting',
      createdAt: now,
      expiresAt,
      approvedBy: null,
      approvedAt: null,
      consumedAt: null,
      address,
      browser: describeBrowser(ctx.services?.client?.userAgent),
    });
    const path = `/${APPROVE_PAGE}?ticket=${id}`;
    const qrBase = ctx.services?.qrBase ?? '';
    return {
      ticketId: id,
      pollSecret,
      qrText: qrBase ? `${qrBase}${APPROVE_PAGE}?ticket=${id}` : path,
      path,
      expiresAt,
    };
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
      // The computer that asked, so that a QR sent by someone else is told apart from the one on your own screen.
      console: t ? { address: t.address, browser: t.browser, startedAt: t.createdAt } : null,
      sessionHours: CONSOLE_SESSION_HOURS,
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
    const { updated } = await ctx.db
      .collection(CONSOLE_LOGINS)
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
    if (t.status === 'waiting') return { status: now < t.expiresAt ? ('waiting' as const) : ('expired' as const) };
    if (t.status === 'consumed' || now >= t.expiresAt + COLLECT_GRACE_MS || !t.approvedBy)
      return { status: 'expired' as const };
    const issuer = ctx.services?.credentials;
    if (!issuer) throw new AppError('INTERNAL', '此环境未配置管理后台登录凭证');
    // The approver must still be allowed in the console now (a role may have been taken away meanwhile).
    const approver = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(t.approvedBy).get());
    if (!approver.success || !CONSOLE_ROLES.includes(approver.data.role))
      throw new AppError('FORBIDDEN', '确认登录的账号已没有管理后台权限');
    const { updated } = await ctx.db
      .collection(CONSOLE_LOGINS)
      .where({ _id: t._id, status: 'approved' })
      .update({ status: 'consumed', consumedAt: now });
    if (updated === 0) return { status: 'expired' as const };
    // The sign-in is a session record: the credential names it, every console call checks it, its owner can end it.
    const sessionId = newSessionId();
    const sessionExpiresAt = now + CONSOLE_SESSION_TTL_MS;
    await ctx.db.collection(CONSOLE_SESSIONS).add({
      _id: sessionId,
      openid: t.approvedBy,
      ticketId: t._id,
      address: t.address,
      browser: t.browser,
      startedAt: t.createdAt,
      createdAt: now,
      expiresAt: sessionExpiresAt,
      revokedAt: null,
    });
    const credential = await issuer.issue(t.approvedBy, now, { sessionId, expiresAt: sessionExpiresAt });
    return {
      status: 'approved' as const,
      token: credential.token,
      tokenKind: credential.kind,
      session: { sessionId, expiresAt: sessionExpiresAt },
      user: {
        openid: approver.data._id,
        nickname: approver.data.nickname,
        role: approver.data.role,
        roleLabel: ROLE_LABELS[approver.data.role],
      },
    };
  },
});

const sessionId = z.string({ error: '请选择要退出的登录' }).regex(SESSION_ID, '登录记录不正确');
/** At most this many sessions are listed (ticket limits keep a person far below it). */
const SESSION_LIST_LIMIT = 50;

/** My console sign-ins that are still alive: where from, which browser, since and until when. */
export const consoleSessions = action({
  input: z.strictObject({}),
  access: CONSOLE_ROLES,
  async run(_input, ctx) {
    const _ = ctx.db.command;
    const now = ctx.now();
    const docs = await ctx.db
      .collection(CONSOLE_SESSIONS)
      .where({ openid: ctx.user._id, expiresAt: _.gt(now) })
      .orderBy('expiresAt', 'desc')
      .limit(SESSION_LIST_LIMIT)
      .get();
    const items = docs.flatMap((doc) => {
      const s = sessionDocSchema.safeParse(doc);
      if (!s.success || s.data.revokedAt !== null) return [];
      const { _id, address, browser, startedAt, createdAt, expiresAt } = s.data;
      return [
        {
          sessionId: _id,
          address,
          browser,
          startedAt,
          signedInAt: createdAt,
          expiresAt,
          current: ctx.caller?.consoleSession === _id,
        },
      ];
    });
    return { items };
  },
});

/**
 * Ends one of my console sign-ins: the console's next call is refused (UNAUTHENTICATED). Only one's own: anyone
 * else's is NOT_FOUND. Ending an ended one is harmless. Also how the console signs itself out.
 */
export const revokeConsoleSession = action({
  input: z.strictObject({ sessionId }),
  access: CONSOLE_ROLES,
  async run(input, ctx) {
    const s = sessionDocSchema.safeParse(await ctx.db.collection(CONSOLE_SESSIONS).doc(input.sessionId).get());
    if (!s.success || s.data.openid !== ctx.user._id) throw new AppError('NOT_FOUND', '没有找到这个管理后台登录');
    if (s.data.revokedAt === null) {
      await ctx.db.collection(CONSOLE_SESSIONS).doc(input.sessionId).update({ revokedAt: ctx.now() });
    }
    return { sessionId: input.sessionId, revoked: true };
  },
});

/**
 * Timer job (every 5 minutes): tickets that can no longer be collected are removed (they hold nothing but a
 * hash, an address and a browser name), with the per-minute counters past their minute and console sessions a
 * day after they ended or expired.
 */
export async function purgeConsoleLogins(
  db: Database,
  now: number,
): Promise<{ removed: number; counters: number; sessions: number }> {
  const _ = db.command;
  const { deleted } = await db
    .collection(CONSOLE_LOGINS)
    .where({ expiresAt: _.lt(now - PURGE_AFTER_MS) })
    .remove();
  const counters = await db
    .collection(CONSOLE_LOGIN_LIMITS)
    .where({ expiresAt: _.lt(now) })
    .remove();
  const sessions = await db
    .collection(CONSOLE_SESSIONS)
    .where({ expiresAt: _.lt(now - SESSION_KEEP_MS) })
    .remove();
  return { removed: deleted, counters: counters.deleted, sessions: sessions.deleted };
}
