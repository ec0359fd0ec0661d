import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from '../core/identity';

/** `consoleLogins/{ticketId}`: one scan-to-sign-in attempt. Only a hash of the poll secret is kept. */
export const CONSOLE_LOGINS = 'consoleLogins';

/** `consoleSessions/{sessionId}`: one signed-in console (who, from where, until when, ended or not). */
export const CONSOLE_SESSIONS = 'consoleSessions';
/** `consoleLoginLimits/{minute_key}`: tickets started in one minute from one address (hashed). */
export const CONSOLE_LOGIN_LIMITS = 'consoleLoginLimits';

/** How long a QR stays scannable; an approved ticket may be collected by the console for a little longer. */
export const TICKET_TTL_MS = 2 * 60_000;
export const COLLECT_GRACE_MS = 60_000;
/**
 * Expired tickets are removed by the `purgeConsoleLogins` job (every 5 minutes) once they can no longer be
 * collected: a ticket lives at most TICKET_TTL_MS + COLLECT_GRACE_MS + one job period, under 10 minutes.
 */
export const PURGE_AFTER_MS = COLLECT_GRACE_MS;
/**
 * A console sign-in lasts one working day, 8 hours, then the console asks for a new scan. Long enough for a
 * day at the desk, short enough that a forgotten browser on a shared office computer is not signed in tomorrow.
 */
export const CONSOLE_SESSION_HOURS = 8;
export const CONSOLE_SESSION_TTL_MS = CONSOLE_SESSION_HOURS * 3_600_000;
/** Ended and expired sessions are kept a day (the owner's list shows only live ones), then purged. */
export const SESSION_KEEP_MS = 24 * 3_600_000;
/**
 * Tickets one address (an IPv4 address or an IPv6 /64) may start per minute. A person refreshes a QR by hand
 * (it lasts 2 minutes); ten a minute lets an office behind one NAT sign several people in at once, and caps a
 * script at 10 writes a minute instead of the ~1,300 a second measured before.
 */
export const TICKETS_PER_ADDRESS_PER_MINUTE = 10;
/**
 * Tickets waiting for a scan, overall. A county has tens of console users; 200 waiting at once is far beyond
 * real use, bounds the collection (with the 2-minute lifetime and the purge), and needs 20 addresses to fill.
 */
export const MAX_WAITING_TICKETS = 200;

/** The mini-program page that approves a console sign-in (a subpackage), as a path with the ticket. */
export const APPROVE_PAGE = 'packages/console/pages/approve/index';

/** Roles that may use the console: every role except the ordinary ones (admins today; secretaries and staff too). */
export const CONSOLE_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'resident' && role !== 'member');

export const ticketDocSchema = z.object({
  _id: z.string(),
  secretHash: z.string(),
  status: z.enum(['waiting', 'approved', 'consumed']),
  createdAt: z.number(),
  expiresAt: z.number(),
  approvedBy: z.string().nullable().default(null),
  approvedAt: z.number().nullable().default(null),
  consumedAt: z.number().nullable().default(null),
  /** The console's address and browser as the host saw them (older tickets have neither). */
  address: z.string().nullable().default(null),
  browser: z.string().default('未知浏览器'),
});
export type TicketDoc = z.output<typeof ticketDocSchema>;

export const SESSION_ID = /^cs[0-9a-f]{24}$/;
export const sessionDocSchema = z.object({
  _id: z.string().regex(SESSION_ID),
  openid: z.string(),
  ticketId: z.string(),
  address: z.string().nullable(),
  browser: z.string(),
  /** When the console asked (the ticket's creation): what the approve page showed. */
  startedAt: z.number(),
  /** When the console collected its credential: the session's start. */
  createdAt: z.number(),
  expiresAt: z.number(),
  revokedAt: z.number().nullable().default(null),
});
export type SessionDoc = z.output<typeof sessionDocSchema>;
export const newSessionId = () => `cs${randomBytes(12).toString('hex')}`;

export const newTicketId = () => `cl${randomBytes(12).toString('hex')}`;
export const newPollSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Compares a poll secret with the stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
