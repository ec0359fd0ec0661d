/** Roster import (花名册): what a hostile workbook can make it do, and what a match on it may decide. */
import { strToU8, zipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { ROSTER_SHEET } from './roster';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const everything = () => dump(w.db, Object.keys(COLLECTIONS).filter((name) => name !== 'auditLog'));
async function data<T>(fn: string, event: object, who: string): Promise<T> {
  const res = await w.call<T>(fn, event, who);
  if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/**
 * A minimal .xlsx written by hand, as a hostile or unusual client could: one sheet named 花名册, inline strings,
 * an optional `<dimension>` and `padding` bytes of whitespace inside the sheet (which deflate shrinks ~1000×).
 */
function handmadeXlsx(rows: [number, string[]][], options: { dimension?: string; padding?: number } = {}): string {
  const cells = (r: number, values: string[]) =>
    values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`).join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${options.dimension ? `<dimension ref="${options.dimension}"/>` : ''}<sheetData>${' '.repeat(options.padding ?? 0)}${rows.map(([r, v]) => `<row r="${r}">${cells(r, v)}</row>`).join('')}</sheetData></worksheet>`;
  const files = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${ROSTER_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  return Buffer.from(zipSync(files, { level: 9 })).toString('base64');
}

const HEADER: [number, string[]] = [1, ['姓名', '手机号']];

test('a handmade workbook is read like the template: inline strings, the rows that exist', async () => {
  const file = handmadeXlsx([HEADER, [2, ['钱学文', '13700000001']], [5, ['孙立新', '13700000002']]]);
  const done = await data<{ added: number; errors: unknown[] }>('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: file }, 'demo-admin');
  expect(done).toMatchObject({ added: 2, errors: [] });
});

test.failing('a sheet whose only data row is at row 1,048,576 is refused before any row is read, writing nothing', async () => {
  const before = await everything();
  const lone = handmadeXlsx([HEADER, [1_048_576, ['钱学文', '13700000003']]]);
  expect(await w.call('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: lone }, 'demo-admin')).toEqual({
    ok: false, error: { code: 'INVALID_ARGUMENT', message: '一次最多导入 1000 行，请分批导入', field: 'fileBase64' },
  });
  // A sheet that declares a dimension past the limit is refused on the declaration alone.
  const declared = handmadeXlsx([HEADER, [2, ['钱学文', '13700000003']]], { dimension: 'A1:B1048576' });
  expect(await w.call('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: declared }, 'demo-admin')).toMatchObject({
    ok: false, error: { code: 'INVALID_ARGUMENT', message: '一次最多导入 1000 行，请分批导入' },
  });
  expect(await everything()).toBe(before);
});

test.failing('a small zip that inflates past the limit is refused while inflating, writing nothing', async () => {
  const before = await everything();
  const bomb = handmadeXlsx([HEADER, [2, ['钱学文', '13700000004']]], { padding: 14 * 1024 * 1024 });
  expect(bomb.length).toBeLessThan(60_000);
  expect(await w.call('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: bomb }, 'demo-admin')).toEqual({
    ok: false, error: { code: 'INVALID_ARGUMENT', message: '文件解压后超过 4 MB，不像是花名册：请使用模板', field: 'fileBase64' },
  });
  expect(await everything()).toBe(before);
});

test('the largest roster the limits allow (1,000 rows) is imported whole', async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(ROSTER_SHEET);
  sheet.addRow(['姓名', '手机号']);
  for (let i = 0; i < 1000; i += 1) sheet.addRow([`党员${String.fromCharCode(0x4e00 + (i % 500))}${String.fromCharCode(0x4e00 + Math.floor(i / 500))}`, `139${String(i).padStart(8, '0')}`]);
  const file = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  const done = await data<{ added: number; errors: unknown[] }>('org', { action: 'importRoster', branchId: 'br-lc-qicai', fileBase64: file }, 'demo-admin');
  expect(done).toMatchObject({ added: 1000, errors: [] });
});
