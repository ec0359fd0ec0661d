import { neutralizeCell, toCsv } from './csv';

test('cells a spreadsheet would run as a formula start with a quote; numbers and text stay as they are', () => {
  for (const cell of ['=1+1', '=HYPERLINK("http://x","点我")', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeCell(cell)).toBe(`'${cell}`);
  for (const cell of ['-30', '120', '3.5', '张*', '138****5678', '2026-11-23 09:00', '', "'already"]) expect(neutralizeCell(cell)).toBe(cell);
});

test('toCsv neutralizes every cell, header included, behind a BOM for Excel', () => {
  const csv = toCsv(['姓名', '=列'], [['=cmd|" /C calc"!A0', -30], ['王*', '@x']]);
  expect(csv.split('\n')).toEqual(["\uFEFF姓名,'=列", '"\'=cmd|"" /C calc""!A0",-30', "王*,'@x", '']);
});
