import type { Database, JsonValue } from '../db';
import { dayOf } from '../core/time';
import type { ActionContext, AuditNote } from '../core/router';
import { AUDIT, newAuditId } from './model';
import { redact, scrubText } from './redact';
import { AUDIT_TARGETS, ID_FIELDS, UNAUDITED } from './targets';

export type { AuditNote };

/** Roles that never make an action a staff or admin one. */
const ORDINARY_ROLES = new Set(['resident', 'member']);

/**
 * A staff or admin action: open only to a list of roles none of which is an ordinary one (residents,
 * members). Check-in (open to members too) is not one; verify, roster, save…, export… are.
 */
export function isAudited(op: string, access: unknown): boolean {
  if (UNAUDITED.has(op)) return false;
  return Array.isArray(access) && access.length > 0 && access.every((role) => !ORDINARY_ROLES.has(String(role)));
}

function idIn(source: unknown, field: string): string | null {
  if (typeof source !== 'object' || source === null) return null;
  const value = (source as Record<string, unknown>)[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

function firstId(...sources: unknown[]): string | null {
  for (const source of sources) {
    for (const field of ID_FIELDS) {
      const id = idIn(source, field);
      if (id) return id;
    }
  }
  return null;
}

async function readDoc(db: Database, collection: string, id: string | null): Promise<unknown> {
  if (!id) return null;
  return db.collection(collection).doc(id).get();
}

export type AuditLogger = (entry: { fn: string; action: string; code: 'AUDIT_FAILED'; error: string }) => void;
let auditLogger: AuditLogger = (entry) => console.error(JSON.stringify(entry));
export function setAuditLogger(next: AuditLogger): void {
  auditLogger = next;
}

/**
 * Runs an action and, when it is a staff or admin one and it succeeded, appends one entry to the audit
 * log: who (openid, nickname, role), what (function and action), which document, before and after
 * (redacted: no ID or phone numbers, no sealed data), when. A refused action leaves nothing.
 *
 * The entry is written after the action committed (CloudBase has no transaction spanning both); should
 * that one write fail, the caller still gets the action's answer (it did happen) and the failure is logged.
 */
export async function runAudited<R>(
  call: { fn: string; action: string; access: unknown; input: unknown },
  ctx: ActionContext,
  run: (ctx: ActionContext) => Promise<R>,
): Promise<R> {
  const op = `${call.fn}.${call.action}`;
  const user = ctx.user;
  if (!user || !isAudited(op, call.access)) return run(ctx);
  const target = AUDIT_TARGETS[op];
  const inputId = target ? idIn(call.input, target.idField) : null;
  const before = target ? await readDoc(ctx.db, target.collection, inputId) : null;
  const note: AuditNote = {};
  const data = await run({ ...ctx, audit: (n) => Object.assign(note, n) });
  try {
    const targetId =
      note.targetId !== undefined
        ? note.targetId
        : target
          ? (inputId ?? idIn(data, target.idField))
          : firstId(call.input, data);
    const after =
      note.after !== undefined ? note.after : target ? await readDoc(ctx.db, target.collection, targetId) : call.input;
    const at = ctx.now();
    await ctx.db.collection(AUDIT).add({
      _id: newAuditId(at),
      at,
      day: dayOf(at),
      actor: user._id,
      actorName: scrubText(user.nickname),
      role: user.role,
      fn: call.fn,
      action: call.action,
      op,
      targetId: targetId === null ? null : scrubText(targetId),
      before: redact(note.before !== undefined ? note.before : before) as JsonValue,
      after: redact(after) as JsonValue,
    });
  } catch (error) {
    auditLogger({
      fn: call.fn,
      action: call.action,
      code: 'AUDIT_FAILED',
      error: error instanceof Error ? error.name : typeof error,
    });
  }
  return data;
}
