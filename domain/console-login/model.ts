import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Role } from '../user/model';

/** `consoleLogins/{ticketId}`: one scan-to-sign-in attempt. Only a hash of the poll secret is kept. */
export const CONSOLE_LOGINS = 'consoleLogins';

/** How long a QR stays scannable; an approved ticket may be collected by the console for a little longer. */
export const TICKET_TTL_MS = 2 * 60_000;
export const COLLECT_GRACE_MS = 60_000;
/** Expired tickets are removed by the `purgeConsoleLogins` job once this old. */
export const PURGE_AFTER_MS = 60 * 60_000;

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
});
export type TicketDoc = z.output<typeof ticketDocSchema>;

export const newTicketId = () => `cl${randomBytes(12).toString('hex')}`;
export const newPollSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Compares a poll secret with the stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
