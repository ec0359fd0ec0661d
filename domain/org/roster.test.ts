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
