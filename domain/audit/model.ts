import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** `auditLog`: append-only. No action edits or removes an entry; clients cannot read or write it (ADMINONLY). */
export const AUDIT = 'auditLog';

const json: z.ZodType<unknown> = z.unknown();

export const auditDocSchema = z.object({
  _id: z.string(),
  at: z.number(),
  /** Shanghai day of `at`, for the export's grouping and a person reading the raw collection. */
  day: z.string(),
  actor: z.string(),
  actorName: z.string(),
  role: z.string(),
  fn: z.string(),
  action: z.string(),
  /** `fn.action`, e.g. `points.saveGoods`: what a search by action matches when it names the function. */
  op: z.string(),
  targetId: z.string().nullable(),
  before: json,
  after: json,
});
export type AuditDoc = z.output<typeof auditDocSchema>;

/**
 * Ids sort by time: 15 zero-padded digits of epoch ms, then random hex. Newest-first paging and the
 * period filter are both ranges on `_id`, so every search is one indexed query per page.
 */
export const auditIdAt = (at: number) => String(Math.max(0, Math.floor(at))).padStart(15, '0');
let sequence = 0;
/** Within one process, entries of the same millisecond keep their order (a counter before the random part). */
export const newAuditId = (at: number) => {
  sequence = (sequence + 1) % 0x10000;
  return `${auditIdAt(at)}-${sequence.toString(16).padStart(4, '0')}${randomBytes(3).toString('hex')}`;
};
