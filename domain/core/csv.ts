import { stringify } from 'csv-stringify/sync';

/**
 * Every CSV the product hands out goes through here. A cell a spreadsheet would read as a formula
 * (starting with = + - @, or a tab or carriage return that some programs skip before one) gets a
 * leading `'`, so an exported name such as `=HYPERLINK(...)` stays text (CSV injection).
 */
export function neutralizeCell(value: string): string {
  // A plain number (a points change of -30) is no formula and stays a number in the spreadsheet.
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A UTF-8 CSV with a BOM (Excel reads the Chinese right), header first, every cell neutralized. */
export function toCsv(columns: string[], rows: (string | number | boolean)[][]): string {
  return stringify(rows.map((r) => r.map((cell) => neutralizeCell(String(cell)))), { header: true, columns: columns.map(neutralizeCell), bom: true });
}
