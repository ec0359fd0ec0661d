/** Roster import (花名册): what a hostile workbook can make it do, and what a match on it may decide. */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { handmadeXlsx, rosterOfSize } from '../../test/support/xlsx';

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

const HEADER: [number, string[]] = [1, ['姓名', '手机号']];

test('a handmade workbook is read like the template: inline strings, the rows that exist', async () => {
  const file = handmadeXlsx([HEADER, [2, ['钱学文', '13700000001']], [5, ['孙立新', '13700000002']]]);
  const done = await data<{ added: number; errors: unknown[] }>('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: file }, 'demo-admin');
  expect(done).toMatchObject({ added: 2, errors: [] });
});

test('a sheet whose only data row is at row 1,048,576 is refused before any row is read, writing nothing', async () => {
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

test('a small zip that inflates past the limit is refused while inflating, writing nothing', async () => {
  const before = await everything();
  const bomb = handmadeXlsx([HEADER, [2, ['钱学文', '13700000004']]], { padding: 14 * 1024 * 1024 });
  expect(bomb.length).toBeLessThan(60_000);
  expect(await w.call('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: bomb }, 'demo-admin')).toEqual({
    ok: false, error: { code: 'INVALID_ARGUMENT', message: '文件解压后超过 4 MB，不像是花名册：请使用模板', field: 'fileBase64' },
  });
  expect(await everything()).toBe(before);
});

test('the largest roster the limits allow (1,000 rows) is imported whole', async () => {
  const file = await rosterOfSize(1000);
  const done = await data<{ added: number; errors: unknown[] }>('org', { action: 'importRoster', branchId: 'br-lc-qicai', fileBase64: file }, 'demo-admin');
  expect(done).toMatchObject({ added: 1000, errors: [] });
});
