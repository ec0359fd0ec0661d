import { z } from 'zod';
import type { Query } from '../db';
import { AppError } from '../core/errors';
import { assertDayRange, breather } from '../core/limits';
import { action } from '../core/router';
import { atShanghai, shanghaiClock } from '../core/time';
import { fields } from '../core/validation';
import { type Role } from '../core/identity';
import { ROLE_LABELS } from '../core/labels';
import { workbookBase64 } from '../files';
import { AUDIT, auditDocSchema, auditIdAt, type AuditDoc } from './model';
import { describeEntries, type AuditChange, type AuditWords } from './present';

/** Who may read the audit log: admins only (a secretary's or staff member's own trail is theirs to ask for). */
export const AUDIT_READERS = ['admin'] as const;
const DAY = 86_400_000;
const PAGE = 50;
/** Days one search or export may cover; rows one export may hold. */
export const AUDIT_MAX_DAYS = 366;
export const AUDIT_EXPORT_MAX_ROWS = 20_000;

export interface AuditItem {
  auditId: string;
  at: number;
  actor: string;
  actorName: string;
  role: string;
  roleLabel: string;
  fn: string;
  action: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
}

/** An entry as the console shows it: the stored entry and its words (sentence, action, target, labelled changes). */
export type AuditEntry = AuditItem & AuditWords;

const present = (d: AuditDoc): AuditItem => ({
  auditId: d._id,
  at: d.at,
  actor: d.actor,
  actorName: d.actorName,
  role: d.role,
  roleLabel: ROLE_LABELS[d.role as Role] ?? d.role,
  fn: d.fn,
  action: d.action,
  targetId: d.targetId,
  before: d.before,
  after: d.after,
});

/** `_id` bounds of a period of Shanghai days, [from 00:00, the day after `to` 00:00). */
function idRange(from: string | undefined, to: string | undefined): { gte?: string; lt?: string } {
  if (from && to) assertDayRange(from, to, AUDIT_MAX_DAYS, '查询');
  return {
    gte: from ? auditIdAt(atShanghai(`${from} 00:00`)) : undefined,
    lt: to ? auditIdAt(atShanghai(`${to} 00:00`) + DAY) : undefined,
  };
}

const searchInput = z.strictObject({
  actor: fields.id.optional(),
  /**
   * `saveGoods`, or `points.saveGoods` to name the function too. Not called `action`: that field of every
   * event names the action being called (`{ action: 'audit', operation: 'saveGoods' }`).
   */
  operation: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[A-Za-z0-9_.-]+$/, '只能包含字母、数字、点和下划线')
    .optional(),
  targetId: fields.id.optional(),
  from: fields.date.optional(),
  to: fields.date.optional(),
  cursor: z
    .string()
    .regex(/^\d{15}-[0-9a-f]{10}$/, '格式不正确')
    .optional(),
  limit: fields.limit,
});

/** The audit log, newest first, filtered by who, what, which document and when; one indexed query a page. */
export const audit = action({
  input: searchInput,
  access: AUDIT_READERS,
  // Entries name people and documents of every county: only a system-wide admin reads them.
  scope: () => ({ system: true as const }),
  async run(input, ctx) {
    const _ = ctx.db.command;
    const range = idRange(input.from, input.to);
    const conditions: Query[] = [];
    if (input.actor) conditions.push({ actor: input.actor });
    if (input.operation)
      conditions.push(input.operation.includes('.') ? { op: input.operation } : { action: input.operation });
    if (input.targetId) conditions.push({ targetId: input.targetId });
    if (range.gte) conditions.push({ _id: _.gte(range.gte) });
    const upper = input.cursor && (!range.lt || input.cursor < range.lt) ? input.cursor : range.lt;
    if (upper) conditions.push({ _id: _.lt(upper) });
    const limit = input.limit ?? PAGE;
    const raw = await ctx.db
      .collection(AUDIT)
      .where(conditions.length > 0 ? _.and(conditions) : {})
      .orderBy('_id', 'desc')
      .limit(limit + 1)
      .get();
    const page = raw.slice(0, limit);
    const docs = page.flatMap((doc) => {
      const parsed = auditDocSchema.safeParse(doc);
      return parsed.success ? [parsed.data] : [];
    });
    const words = await describeEntries(ctx.db, docs);
    const items: AuditEntry[] = docs.map((doc, i) => ({ ...present(doc), ...words[i]! }));
    const last = page[page.length - 1];
    return { items, nextCursor: raw.length > limit && last ? last._id : null };
  },
});

/** Labelled values of one side of the changes: 「状态：待受理；指派给：党员王建国」. */
const side = (changes: readonly AuditChange[], which: 'before' | 'after') =>
  changes
    .filter((c) => c[which] !== null)
    .map((c) => `${c.label}：${c[which]}`)
    .join('；')
    .slice(0, 2000);

/** The audit log of a period as an .xlsx workbook (oldest first), at most 20,000 rows. */
export const auditExport = action({
  input: z.strictObject({ from: fields.date, to: fields.date }),
  access: AUDIT_READERS,
  // Entries name people and documents of every county: only a system-wide admin reads them.
  scope: () => ({ system: true as const }),
  async run({ from, to }, ctx) {
    const _ = ctx.db.command;
    const range = idRange(from, to);
    if (!range.gte || !range.lt) throw new AppError('INVALID_ARGUMENT', '请选择导出的起止日期');
    const rows: (string | number | null)[][] = [];
    const breathe = breather();
    let cursor = range.gte;
    let first = true;
    while (rows.length < AUDIT_EXPORT_MAX_ROWS) {
      const page = await ctx.db
        .collection(AUDIT)
        .where(_.and([{ _id: first ? _.gte(cursor) : _.gt(cursor) }, { _id: _.lt(range.lt) }]))
        .orderBy('_id', 'asc')
        .limit(Math.min(1000, AUDIT_EXPORT_MAX_ROWS - rows.length))
        .get();
      first = false;
      const docs = page.flatMap((doc) => {
        const parsed = auditDocSchema.safeParse(doc);
        return parsed.success ? [parsed.data] : [];
      });
      const words = await describeEntries(ctx.db, docs);
      for (const [i, d] of docs.entries()) {
        await breathe();
        const w = words[i]!;
        rows.push([
          shanghaiClock(d.at, true),
          d.actorName,
          ROLE_LABELS[d.role as Role] ?? d.role,
          w.operation,
          w.sentence,
          side(w.changes, 'before'),
          side(w.changes, 'after'),
          d.actor,
          d.targetId ?? '',
        ]);
      }
      if (page.length === 0 || page.length < 1000) break;
      cursor = page[page.length - 1]!._id;
    }
    const base64 = await workbookBase64([
      {
        name: '操作日志',
        columns: [
          { header: '时间', width: 20 },
          { header: '操作人' },
          { header: '角色' },
          { header: '操作' },
          { header: '说明', width: 50 },
          { header: '修改前', width: 50 },
          { header: '修改后', width: 50 },
          // For tracing an entry back to its records: the person's and the document's identifiers.
          { header: '操作人 openid', width: 24 },
          { header: '对象编号', width: 24 },
        ],
        rows,
      },
    ]);
    return {
      filename: `操作日志_${from}_${to}.xlsx`,
      rows: rows.length,
      truncated: rows.length >= AUDIT_EXPORT_MAX_ROWS,
      base64,
    };
  },
});
