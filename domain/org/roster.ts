import { z } from 'zod';
import { AppError, invalidField, notFound } from '../core/errors';
import { readSheet, SheetError, workbookBase64, type SheetRefusal, type SheetRows } from '../files';
import { addIfAbsent, TX_ATTEMPTS } from '../core/ids';
import type { Database } from '../db';
import { action } from '../core/router';
import { fields } from '../core/validation';
import { dayOf } from '../core/time';
import { ROSTER, rosterDocSchema } from './model';
import { giveJoinDate, joinDateProblem, rosterDate } from './join-dates';
import { NAME_RULE, PHONE_RULE, isPhone, isRealName, sealIdentity } from './identity';
import { flagRosterMatches, rosterRowId } from './invites';
import { readUnit } from './scope';

export const ROSTER_SHEET = '花名册';
/** The third column, 入党日期, may be left empty. */
export const ROSTER_HEADERS = ['姓名', '手机号', '入党日期'] as const;
export const ROSTER_MAX_ROWS = 1000;
/** The HTTP body limit is 64 KB; an .xlsx of 1,000 names and phones is about 25 KB, 34 KB in base64. */
const MAX_BASE64 = 60_000;

export const rosterTemplate = action({
  input: z.strictObject({}),
  access: ['admin', 'secretary'],
  async run() {
    const lines = [
      '1. 在「花名册」工作表第 2 行起每行填写一名党员：姓名、手机号（11 位），入党日期可不填。',
      `2. ${NAME_RULE}；${PHONE_RULE}；入党日期写作 2001-07-01 或 2001/7/1。`,
      `3. 一次最多 ${ROSTER_MAX_ROWS} 行；同一人不要重复填写。`,
      '4. 导入后，名单上的党员用支部邀请码申请加入、填写相同的姓名和手机号时，申请会标注「与花名册一致」，由支部书记一键确认。',
      '5. 确认加入后，名单上的入党日期成为该党员的入党日期（用于政治生日）；书记已填写的入党日期不会被覆盖。',
      '6. 重复导入同一份名单不会重复登记；补填了入党日期的行会补上日期。',
    ];
    const base64 = await workbookBase64([
      {
        name: ROSTER_SHEET,
        columns: [
          { header: ROSTER_HEADERS[0], width: 16 },
          { header: ROSTER_HEADERS[1], width: 18 },
          { header: ROSTER_HEADERS[2], width: 14 },
        ],
        rows: [],
      },
      { name: '填写说明', columns: [{ header: '填写说明', width: 90 }], rows: lines.map((line) => [line]) },
    ]);
    return { filename: '党支部花名册模板.xlsx', base64 };
  },
});

/** Inflated parts of a roster workbook read in all: a 1,000-row roster is about 200 KB, the template 30 KB. */
const MAX_INFLATED_BYTES = 4 * 1024 * 1024;
const SHEET_REFUSALS: Record<SheetRefusal, string> = {
  unreadable: '无法读取文件：请上传用模板填写的 Excel（.xlsx）文件',
  'no-sheet': '文件里没有工作表',
  'too-large': `文件解压后超过 ${MAX_INFLATED_BYTES / 1024 / 1024} MB，不像是花名册：请使用模板`,
  'too-many-rows': `一次最多导入 ${ROSTER_MAX_ROWS} 行，请分批导入`,
};

/** The roster sheet's rows, bounded (domain/files/xlsx-read.ts); a refusal names the file field. */
async function readRosterSheet(fileBase64: string): Promise<SheetRows> {
  try {
    return await readSheet(Buffer.from(fileBase64, 'base64'), ROSTER_SHEET, {
      maxInflatedBytes: MAX_INFLATED_BYTES,
      maxRow: ROSTER_MAX_ROWS + 1,
      maxColumn: 64,
    });
  } catch (error) {
    if (error instanceof SheetError) throw invalidField('fileBase64', SHEET_REFUSALS[error.reason]);
    throw error;
  }
}

interface RowError {
  row: number;
  reason: string;
}

export const importRoster = action({
  input: z.strictObject({
    branchId: fields.id,
    fileBase64: z.string().min(1, '请选择要导入的文件').max(MAX_BASE64, '文件太大：一次最多导入 1000 行'),
  }),
  access: ['admin', 'secretary'],
  scope: ({ branchId }) => ({ branchId }),
  async run({ branchId, fileBase64 }, ctx) {
    const unit = await readUnit(ctx.db, branchId);
    if (!unit || unit.kind !== 'branch') throw notFound('党支部');
    const rows = await readRosterSheet(fileBase64);
    const header = rows.find((r) => r.row === 1)?.cells ?? new Map<number, string>();
    let nameCol = 0;
    let phoneCol = 0;
    let dateCol = 0;
    for (const [col, text] of header) {
      if (text === '姓名') nameCol = col;
      if (['手机号', '手机', '手机号码', '电话'].includes(text)) phoneCol = col;
      if (['入党日期', '入党时间'].includes(text)) dateCol = col;
    }
    if (!nameCol || !phoneCol)
      throw new AppError('INVALID_ARGUMENT', '第 1 行应为表头，包含「姓名」和「手机号」两列（请使用模板）');

    const errors: RowError[] = [];
    const good: { row: number; name: string; phone: string; joinDate: string | null }[] = [];
    const seen = new Map<string, number>();
    const today = dayOf(ctx.now());
    for (const { row: r, cells } of rows) {
      if (r === 1) continue;
      const name = cells.get(nameCol) ?? '';
      const phone = (cells.get(phoneCol) ?? '').replace(/[\s-]/g, '');
      const dateText = dateCol ? (cells.get(dateCol) ?? '').trim() : '';
      const joinDate = dateText ? rosterDate(dateText) : null;
      if (!name && !phone) continue;
      if (!name) errors.push({ row: r, reason: '缺少姓名' });
      else if (!isRealName(name)) errors.push({ row: r, reason: NAME_RULE });
      else if (!phone) errors.push({ row: r, reason: '缺少手机号' });
      else if (!isPhone(phone)) errors.push({ row: r, reason: PHONE_RULE });
      else if (dateText && !joinDate) errors.push({ row: r, reason: '入党日期应写作 2001-07-01 或 2001/7/1' });
      else if (joinDate && joinDateProblem(joinDate, today))
        errors.push({ row: r, reason: joinDateProblem(joinDate, today)! });
      else {
        const key = `${name}\u0000${phone}`;
        const first = seen.get(key);
        if (first !== undefined) errors.push({ row: r, reason: `与第 ${first} 行重复` });
        else {
          seen.set(key, r);
          good.push({ row: r, name, phone, joinDate });
        }
      }
    }

    let added = 0;
    let unchanged = 0;
    let matched = 0;
    let dated = 0;
    const now = ctx.now();
    for (const { name, phone, joinDate } of good) {
      const sealed = sealIdentity(name, phone);
      const rowId = rosterRowId(branchId, sealed.personHash);
      const fresh = await addIfAbsent(ctx.db, ROSTER, {
        _id: rowId,
        branchId,
        personHash: sealed.personHash,
        sealedName: sealed.name,
        sealedPhone: sealed.phone,
        maskedName: sealed.maskedName,
        maskedPhone: sealed.maskedPhone,
        importedBy: ctx.user._id,
        importedAt: now,
        matchedOpenid: null,
        joinDate,
      });
      if (!fresh) {
        if (joinDate && (await dateRow(ctx.db, rowId, joinDate, ctx.user._id, now))) dated += 1;
        else unchanged += 1;
        continue;
      }
      added += 1;
      // Someone who already asked to join with these details is flagged for the secretary to confirm.
      matched += await flagRosterMatches(ctx.db, branchId, sealed.personHash);
    }
    // The audit keeps what the import did, not the file.
    ctx.audit?.({ targetId: branchId, after: { added, unchanged, dated, matched, errors: errors.length } });
    return { branchId, added, unchanged, dated, matched, errors };
  },
});

/**
 * A row imported before, now with a 入党日期: the row takes it (a later sheet corrects an earlier one), and a
 * member who already joined from it gets it unless they have one. True when anything changed.
 */
async function dateRow(db: Database, rowId: string, joinDate: string, by: string, now: number): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    const row = rosterDocSchema.safeParse(await tx.collection(ROSTER).doc(rowId).get());
    if (!row.success) return false;
    let changed = false;
    if (row.data.joinDate !== joinDate) {
      await tx.collection(ROSTER).doc(rowId).update({ joinDate });
      changed = true;
    }
    if (row.data.matchedOpenid && (await giveJoinDate(tx, row.data.matchedOpenid, joinDate, by, now))) changed = true;
    return changed;
  }, TX_ATTEMPTS);
}
