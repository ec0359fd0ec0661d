import { neutralizeCell, toCsv } from './csv';

test('cells a spreadsheet would run as a formula start with a quote; numbers and text stay as they are', () => {
  for (const cell of ['=1+1', '=HYPERLINK("http://x","点我")', '+86 138', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
    expect(neutralizeCell(cell)).toBe(`'${cell}`);
  for (const cell of ['-30', '120', '3.5', '张*', '138****5678', '2026-11-23 09:00', '', "'already"])
    expect(neutralizeCell(cell)).toBe(cell);
});

test('toCsv neutralizes every cell, header included, behind a BOM for Excel', async () => {
  const csv = await toCsv(
    ['姓名', '=列'],
    [
      ['=cmd|" /C calc"!A0', -30],
      ['王*', '@x'],
    ],
  );
  expect(csv.split('\n')).toEqual(["\uFEFF姓名,'=列", '"\'=cmd|"" /C calc""!A0",-30', "王*,'@x", '']);
});

test('a CSV written in chunks is the same as one written at once', async () => {
  const rows = Array.from({ length: 2500 }, (_, i) => [`行${i}`, i % 3 === 0 ? `=${i}` : String(-i), 'a,"b"']);
  const lines = (await toCsv(['序号', '值', '备注'], rows)).split('\n');
  expect(lines).toHaveLength(2502);
  expect(lines[1]).toBe('行0,\'=0,"a,""b"""');
  expect(lines[2499]).toBe('行2498,-2498,"a,""b"""');
  expect(lines[2500]).toBe('行2499,\'=2499,"a,""b"""');
});
