/** Quarters of the Shanghai calendar: '2026-Q4' is 1 October 00:00 to 1 January 00:00, Shanghai time. */
import { z } from 'zod';
import { atShanghai, formatShanghai } from '../core/time';

export const quarterSchema = z
  .string({ error: '请选择季度' })
  .trim()
  .regex(/^(19|20|21)\d{2}-Q[1-4]$/, '请选择季度');

export interface Quarter {
  quarter: string;
  start: number;
  end: number;
  /** The start of each of its three months, and the end of the quarter (4 instants). */
  months: [number, number, number, number];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterOf(quarter: string): Quarter {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`not a quarter: ${quarter}`);
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3 + 1;
  const monthStart = (i: number) => {
    const month = first + i;
    return month > 12 ? atShanghai(`${year + 1}-01-01 00:00`) : atShanghai(`${year}-${pad(month)}-01 00:00`);
  };
  const months: [number, number, number, number] = [monthStart(0), monthStart(1), monthStart(2), monthStart(3)];
  return { quarter, start: months[0], end: months[3], months };
}

/** The quarter an instant falls in (Shanghai time). */
export function quarterAt(ms: number): string {
  const [year, month] = formatShanghai(ms, 'YYYY-M').split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: string): string {
  const { start } = quarterOf(quarter);
  return quarterAt(start - 1);
}
