/** Roster import (花名册): what a hostile workbook can make it do, and what a match on it may decide. */
import ExcelJS from 'exceljs';
import { COLLECTIONS } from '../collections';
import { ROSTER_SHEET } from './roster';
import { dump, seededWorld } from '../../test/support/functions';
import { handmadeXlsx, rosterOfSize } from '../../test/support/xlsx';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const everything = () =>
  dump(
    w.db,
    Object.keys(COLLECTIONS).filter((name) => name !== 'auditLog'),
  );
async function data<T>(fn: string, event: object, who: string): Promise<T> {
  const res = await w.call<T>(fn, event, who);
  if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

const HEADER: [number, string[]] = [1, ['姓名', '手机号']];

test('a handmade workbook is read like the template: inline strings, the rows that exist', async () => {
  const file = handmadeXlsx([HEADER, [2, ['钱学文', '13700000001']], [5, ['孙立新', '13700000002']]]);
  const done = await data<{ added: number; errors: unknown[] }>(
    'org',
    { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: file },
    'demo-admin',
  );
  expect(done).toMatchObject({ added: 2, errors: [] });
});

test('a sheet whose only data row is at row 1,048,576 is refused before any row is read, writing nothing', async () => {
  const before = await everything();
  const lone = handmadeXlsx([HEADER, [1_048_576, ['钱学文', '13700000003']]]);
  expect(
    await w.call('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: lone }, 'demo-admin'),
  ).toEqual({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '一次最多导入 1000 行，请分批导入', field: 'fileBase64' },
  });
  // A sheet that declares a dimension past the limit is refused on the declaration alone.
  const declared = handmadeXlsx([HEADER, [2, ['钱学文', '13700000003']]], { dimension: 'A1:B1048576' });
  expect(
    await w.call('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: declared }, 'demo-admin'),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '一次最多导入 1000 行，请分批导入' },
  });
  expect(await everything()).toBe(before);
});

test('a small zip that inflates past the limit is refused while inflating, writing nothing', async () => {
  const before = await everything();
  const bomb = handmadeXlsx([HEADER, [2, ['钱学文', '13700000004']]], { padding: 14 * 1024 * 1024 });
  expect(bomb.length).toBeLessThan(60_000);
  expect(
    await w.call('org', { action: 'importRoster', branchId: 'br-yf-longquan', fileBase64: bomb }, 'demo-admin'),
  ).toEqual({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '文件解压后超过 4 MB，不像是花名册：请使用模板', field: 'fileBase64' },
  });
  expect(await everything()).toBe(before);
});

test('the largest roster the limits allow (1,000 rows) is imported whole', async () => {
  const file = await rosterOfSize(1000);
  const done = await data<{ added: number; errors: unknown[] }>(
    'org',
    { action: 'importRoster', branchId: 'br-lc-qicai', fileBase64: file },
    'demo-admin',
  );
  expect(done).toMatchObject({ added: 1000, errors: [] });
});

test("a roster match waits for the secretary's one-tap confirmation, audited; whoever types a listed name first is not let in", async () => {
  const file = handmadeXlsx([HEADER, [2, ['周丽华', '13700000021']]]);
  await data('org', { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: file }, 'demo-secretary');
  const { code } = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-yf-xiangyang' },
    'demo-secretary',
  );
  // An impostor who knows the name and phone applies first: they wait, flagged as matching the roster.
  const impostor = await data<{ applicationId: string; status: string }>(
    'org',
    { action: 'apply', code, realName: '周丽华', phone: '13700000021', requestId: 'roster-impostor-1' },
    'roster-impostor',
  );
  expect(impostor.status).toBe('pending');
  expect(await data('user', { action: 'me' }, 'roster-impostor')).toMatchObject({ role: 'resident' });
  // The real member applies too; the secretary sees both, both flagged, and confirms the one they know.
  const real = await data<{ applicationId: string; status: string }>(
    'org',
    { action: 'apply', code, realName: '周丽华', phone: '13700000021', requestId: 'roster-real-1' },
    'roster-real',
  );
  expect(real.status).toBe('pending');
  const listed = await data<{ items: { applicationId: string; matchedRoster: boolean; status: string }[] }>(
    'org',
    { action: 'applications', status: 'pending' },
    'demo-secretary',
  );
  const flagged = listed.items.filter((i) => [impostor.applicationId, real.applicationId].includes(i.applicationId));
  expect(flagged.map((i) => i.matchedRoster)).toEqual([true, true]);
  await data('org', { action: 'review', applicationId: real.applicationId, decision: 'approve' }, 'demo-secretary');
  expect(await data('user', { action: 'me' }, 'roster-real')).toMatchObject({
    role: 'member',
    branch: { branchId: 'br-yf-xiangyang' },
  });
  const entry = (await w.db.collection('auditLog').where({ op: 'org.review', targetId: real.applicationId }).get())[0];
  expect(entry).toMatchObject({
    actor: 'demo-secretary',
    before: { status: 'pending', matchedRoster: true },
    after: { status: 'approved' },
  });

  // A roster imported after someone applied flags their application; it does not approve it.
  const late = await data<{ applicationId: string }>(
    'org',
    { action: 'apply', code, realName: '吴国栋', phone: '13700000022', requestId: 'roster-late-1' },
    'roster-late',
  );
  const imported = await data<{ matched: number }>(
    'org',
    {
      action: 'importRoster',
      branchId: 'br-yf-xiangyang',
      fileBase64: handmadeXlsx([HEADER, [2, ['吴国栋', '13700000022']]]),
    },
    'demo-secretary',
  );
  expect(imported.matched).toBe(1);
  expect(await w.db.collection('orgApplications').doc(late.applicationId).get()).toMatchObject({
    status: 'pending',
    matchedRoster: true,
  });
});

test("入党日期 from the roster: Excel's own dates and typed ones, given to the member when they join, never over a secretary's", async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(ROSTER_SHEET);
  sheet.addRow(['姓名', '手机号', '入党日期']);
  // A date typed into Excel is stored as a day number with a date format.
  sheet.addRow(['郑红梅', '13700000031', new Date(Date.UTC(2001, 6, 1))]);
  sheet.addRow(['冯建国', '13700000032', '1998/7/1']);
  sheet.addRow(['何小燕', '13700000033', '2001-02-30']);
  sheet.addRow(['陆明远', '13700000034', '1921-06-30']);
  sheet.addRow(['韩东升', '13700000035', '']);
  const file = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  const first = await data<{ added: number; dated: number; errors: { row: number; reason: string }[] }>(
    'org',
    { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: file },
    'demo-secretary',
  );
  expect(first).toMatchObject({
    added: 3,
    dated: 0,
    errors: [
      { row: 4, reason: '入党日期应写作 2001-07-01 或 2001/7/1' },
      { row: 5, reason: '入党日期不能早于 1921 年 7 月 1 日' },
    ],
  });

  const { code } = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-yf-xiangyang' },
    'demo-secretary',
  );
  const joinAs = async (openid: string, realName: string, phone: string) => {
    const app = await data<{ applicationId: string }>(
      'org',
      { action: 'apply', code, realName, phone, requestId: `${openid}-apply` },
      openid,
    );
    await data('org', { action: 'review', applicationId: app.applicationId, decision: 'approve' }, 'demo-secretary');
  };
  const dateOf = async (openid: string) =>
    (await data<{ joinDate: string | null }>('org', { action: 'joinDate' }, openid)).joinDate;
  await joinAs('roster-zheng', '郑红梅', '13700000031');
  await joinAs('roster-feng', '冯建国', '13700000032');
  await joinAs('roster-han', '韩东升', '13700000035');
  expect([await dateOf('roster-zheng'), await dateOf('roster-feng'), await dateOf('roster-han')]).toEqual([
    '2001-07-01',
    '1998-07-01',
    null,
  ]);

  // The secretary corrects one; a later sheet fills the missing date and leaves the corrected one alone.
  await data('org', { action: 'setJoinDate', openid: 'roster-feng', joinDate: '1998-07-02' }, 'demo-secretary');
  const later = handmadeXlsx([
    [1, ['姓名', '手机号', '入党日期']],
    [2, ['冯建国', '13700000032', '1998年7月1日']],
    [3, ['韩东升', '13700000035', '2005.7.1']],
  ]);
  const second = await data<{ added: number; dated: number; unchanged: number }>(
    'org',
    { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: later },
    'demo-secretary',
  );
  expect(second).toMatchObject({ added: 0, dated: 1, unchanged: 1 });
  expect([await dateOf('roster-feng'), await dateOf('roster-han')]).toEqual(['1998-07-02', '2005-07-01']);
  const audited = await w.db.collection('auditLog').where({ op: 'org.importRoster', actor: 'demo-secretary' }).get();
  expect(audited.at(-1)).toMatchObject({
    targetId: 'br-yf-xiangyang',
    after: { added: 0, dated: 1, unchanged: 1, errors: 0 },
  });
  // The same sheet again changes nothing.
  const before = await everything();
  expect(
    await data('org', { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: later }, 'demo-secretary'),
  ).toMatchObject({ dated: 0, unchanged: 2 });
  expect(await everything()).toBe(before);
});
