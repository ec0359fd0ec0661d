/** Workbooks for the roster tests and the bench: a template-shaped one from exceljs, and hostile ones by hand. */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { ROSTER_SHEET } from '../../domain/org/roster';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/**
 * A minimal .xlsx written by hand, as a hostile or unusual client could: one sheet named 花名册, inline strings,
 * an optional `<dimension>` and `padding` bytes of whitespace inside the sheet (which deflate shrinks ~1000×).
 */
export function handmadeXlsx(
  rows: [number, string[]][],
  options: { dimension?: string; padding?: number } = {},
): string {
  const cells = (r: number, values: string[]) =>
    values
      .map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`)
      .join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.dimension ? `<dimension ref="${options.dimension}"/>` : ''}<sheetData>${' '.repeat(options.padding ?? 0)}${rows.map(([r, v]) => `<row r="${r}">${cells(r, v)}</row>`).join('')}</sheetData></worksheet>`;
  const files = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${ROSTER_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return Buffer.from(zipSync(files, { level: 9 })).toString('base64');
}

/** A roster of `rows` distinct, valid members, as Excel would save the template (base64). */
export async function rosterOfSize(rows: number, phonePrefix = '139'): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(ROSTER_SHEET);
  sheet.addRow(['姓名', '手机号']);
  for (let i = 0; i < rows; i += 1)
    sheet.addRow([
      `党员${String.fromCharCode(0x4e00 + (i % 500))}${String.fromCharCode(0x4e00 + Math.floor(i / 500))}`,
      `${phonePrefix}${String(i).padStart(8, '0')}`,
    ]);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
