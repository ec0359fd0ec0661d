import ExcelJS from 'exceljs';
import { neutralizeCell } from '../core/csv';

export type Cell = string | number | null;
export interface Sheet {
  name: string;
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}

/**
 * An .xlsx workbook as base64, for `{ filename, base64 }` answers. Text cells stay text (exceljs never
 * turns a string into a formula) and are neutralized as the CSV export does, in case one is saved as CSV.
 */
export async function workbookBase64(sheets: Sheet[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  book.creator = '先锋驿站';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    ws.getRow(1).font = { bold: true };
    for (let i = 0; i < sheet.rows.length; i += 1) {
      if (i > 0 && i % 1000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      ws.addRow(sheet.rows[i]!.map((cell) => (typeof cell === 'string' ? neutralizeCell(cell) : cell)));
    }
  }
  const buffer = await book.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}
