import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { neutralizeCell } from '../core/csv';

export type Cell = string | number | null;
export interface Sheet {
  name: string;
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}

/**
 * An .xlsx workbook as base64, for `{ filename, base64 }` answers. Text cells stay text (a string is never written
 * as a formula) and are neutralized as the CSV export does, in case one is saved as CSV. write-excel-file (on
 * fflate) rather than exceljs: the functions that export stay small and load fast.
 */
export async function workbookBase64(sheets: Sheet[]): Promise<string> {
  const books = [];
  for (const sheet of sheets) {
    const data: Row[] = [sheet.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const }))];
    for (let i = 0; i < sheet.rows.length; i += 1) {
      if (i > 0 && i % 1000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      data.push(
        sheet.rows[i]!.map((cell) =>
          cell === null
            ? null
            : typeof cell === 'string'
              ? { value: neutralizeCell(cell), type: String }
              : { value: cell, type: Number },
        ),
      );
    }
    books.push({ data, sheet: sheet.name, columns: sheet.columns.map((c) => ({ width: c.width ?? 16 })) });
  }
  const buffer = await writeXlsxFile(books).toBuffer();
  return buffer.toString('base64');
}
