/** The .xlsx writer, read back by exceljs (what Excel and WPS follow) and by the roster import's own reader. */
import ExcelJS from 'exceljs';
import { readSheet, workbookBase64 } from '.';

async function readBack(base64: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return book;
}

test('sheets, bold headers, widths, text kept as text, numbers as numbers, empty cells empty', async () => {
  const base64 = await workbookBase64([
    {
      name: '操作日志',
      columns: [{ header: '时间', width: 20 }, { header: '说明' }, { header: '积分' }],
      rows: [
        ['2027-01-31 23:59', '兑换「大米」×1 & <备注> "引号"', -30],
        ['2027-02-01 00:00', null, 12.5],
        ['=HYPERLINK("x")', '+1', 0],
      ],
    },
    { name: '填写说明', columns: [{ header: '填写说明', width: 90 }], rows: [['第一行'], ['第二行']] },
  ]);
  const book = await readBack(base64);
  expect(book.worksheets.map((s) => s.name)).toEqual(['操作日志', '填写说明']);
  const log = book.getWorksheet('操作日志')!;
  expect(log.getRow(1).values).toEqual([undefined, '时间', '说明', '积分']);
  expect(log.getCell('A1').font?.bold).toBe(true);
  expect(log.getCell('A2').font?.bold).toBeFalsy();
  expect(log.getColumn(1).width).toBe(20);
  expect(log.getColumn(2).width).toBe(16);
  expect(log.getCell('B2').value).toBe('兑换「大米」×1 & <备注> "引号"');
  expect(log.getCell('C2').value).toBe(-30);
  expect(log.getCell('B3').value).toBeNull();
  expect(log.getCell('C3').value).toBe(12.5);
  // Never a formula: neutralized as the CSV export is.
  expect(log.getCell('A4').value).toBe(`'=HYPERLINK("x")`);
  expect(log.getCell('B4').value).toBe(`'+1`);
  expect(log.getCell('A4').formula).toBeUndefined();
  expect(book.getWorksheet('填写说明')!.getCell('A3').value).toBe('第二行');
  expect(book.getWorksheet('填写说明')!.getColumn(1).width).toBe(90);
});

test('characters XML cannot hold are dropped, wide rows get column names past Z, sheet names follow Excel’s rules', async () => {
  const columns = Array.from({ length: 30 }, (_, i) => ({ header: `列${i + 1}` }));
  const base64 = await workbookBase64([
    {
      name: '导出: 2027/01 [全部]?',
      columns,
      rows: [[`控制\u0001字符\u001f`, `半个\ud800代理`, ...Array.from({ length: 28 }, (_, i) => i)]],
    },
    { name: '导出: 2027/01 [全部]?', columns: [{ header: '同名' }], rows: [] },
  ]);
  const book = await readBack(base64);
  const [first, second] = book.worksheets;
  expect(first!.name).toBe('导出  2027 01  全部  ');
  expect(second!.name).not.toBe(first!.name);
  expect(first!.getCell('A2').value).toBe('控制字符');
  expect(first!.getCell('B2').value).toBe('半个代理');
  expect(first!.getCell('AD1').value).toBe('列30');
  expect(first!.getCell('AD2').value).toBe(27);
});

test('the roster import reads what the writer wrote (the template a secretary fills in)', async () => {
  const base64 = await workbookBase64([
    { name: '花名册', columns: [{ header: '姓名' }, { header: '手机号' }], rows: [['张三', '13800000000']] },
  ]);
  const sheet = await readSheet(Buffer.from(base64, 'base64'), '花名册', {
    maxInflatedBytes: 1024 * 1024,
    maxRow: 10,
    maxColumn: 4,
  });
  expect(sheet.map((r) => [r.row, [...r.cells.values()]])).toEqual([
    [1, ['姓名', '手机号']],
    [2, ['张三', '13800000000']],
  ]);
});

test('20,000 rows are written in chunks, handing the event loop back between them', async () => {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 0);
  const base64 = await workbookBase64([
    {
      name: '大表',
      columns: [{ header: '序号' }, { header: '名称' }],
      rows: Array.from({ length: 20_000 }, (_, i) => [i, `第${i}行`]),
    },
  ]);
  clearInterval(timer);
  expect(ticks).toBeGreaterThan(0);
  const sheet = (await readBack(base64)).worksheets[0]!;
  expect(sheet.rowCount).toBe(20_001);
  expect(sheet.getCell('B20001').value).toBe('第19999行');
});
