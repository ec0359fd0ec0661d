/**
 * 入党日期 as the organisation keeps it: its rules, how a roster cell is read, and how a date from the roster
 * reaches the member when they join. Setting, showing and celebrating it (政治生日) is domain/notices.
 */
import type { Transaction } from '../db';
import { dayjs } from '../core/time';
import { PARTY_DATES, partyDateDocSchema } from './model';

/** The earliest joining date there can be: the party's founding. */
export const FOUNDED = '1921-07-01';

/** What is wrong with a joining date ('YYYY-MM-DD') on `today`, in plain Chinese; null when nothing is. */
export function joinDateProblem(date: string, today: string): string | null {
  if (date < FOUNDED) return '入党日期不能早于 1921 年 7 月 1 日';
  if (date > today) return '入党日期不能晚于今天';
  return null;
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included), so a typed date arrives as a number. */
const EXCEL_EPOCH = dayjs.utc('1899-12-30');

/**
 * A roster cell as a date 'YYYY-MM-DD': what Excel stores for a typed date (a day number), or text written as
 * 2001-07-01, 2001/7/1, 2001.7.1 or 2001年7月1日. Null when it is none of these or no such day exists.
 */
export function rosterDate(cell: string): string | null {
  const text = cell.trim();
  if (/^\d{4,5}(\.0+)?$/.test(text)) {
    const days = Number(text);
    return days >= 1 ? EXCEL_EPOCH.add(days, 'day').format('YYYY-MM-DD') : null;
  }
  const parts = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!parts) return null;
  const [, y, m, d] = parts;
  const date = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  // dayjs rolls 2001-02-30 over to March: a day that does not exist does not read back the same.
  return dayjs.utc(date).format('YYYY-MM-DD') === date ? date : null;
}

/**
 * Gives a member the joining date the roster names, inside the transaction that makes them a member, unless
 * they already have one (a date a secretary entered is never overwritten by a sheet). True when it was given.
 */
export async function giveJoinDate(
  tx: Transaction,
  openid: string,
  joinDate: string,
  by: string,
  now: number,
): Promise<boolean> {
  if (partyDateDocSchema.safeParse(await tx.collection(PARTY_DATES).doc(openid).get()).success) return false;
  await tx
    .collection(PARTY_DATES)
    .doc(openid)
    .set({ joinDate, monthDay: joinDate.slice(5), updatedAt: now, updatedBy: by });
  return true;
}
