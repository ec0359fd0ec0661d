/** The organisation: tree, invitations, approval, moves that keep the ledger, and roster import from a real .xlsx. */
import ExcelJS from 'exceljs';
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { ROSTER_SHEET } from './roster';

type World = Awaited<ReturnType<typeof seededWorld>>;
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);

let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

async function data<T>(fn: string, event: object, who: string): Promise<T> {
  const res = await w.call<T>(fn, event, who);
  if (!res.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
/** The 消息 a person has about the branch (module 活动). */
const inbox = async (openid: string) =>
  (
    await data<{ items: { title: string; body: string; page: string | null }[] }>(
      'user',
      { action: 'messages', module: 'activities' },
      openid,
    )
  ).items;
// The audit log records every attempt (a second import too); "changes nothing" is about the data.
const everything = () =>
  dump(
    w.db,
    Object.keys(COLLECTIONS).filter((name) => name !== 'auditLog'),
  );

interface Unit {
  unitId: string;
  parentId: string | null;
  kind: string;
  name: string;
  county: string;
  secretary: { openid: string } | null;
  memberCount: number;
}

test('the seeded tree: seven counties, their 大党委/党委 and 联盟, and every seeded branch under its county', async () => {
  const { units } = await data<{ units: Unit[] }>('org', { action: 'tree' }, 'demo-admin');
  expect(
    units
      .filter((u) => u.kind === 'county')
      .map((u) => u.name)
      .sort(),
  ).toEqual(['北流市', '容县', '永福县', '泰宁县', '灵川县', '秀峰区', '陆川县'].sort());
  const byId = new Map(units.map((u) => [u.unitId, u]));
  expect(byId.get('br-lc-jiulong')).toMatchObject({ kind: 'branch', parentId: 'cm-lc-jiulong' });
  expect(byId.get('cm-lc-jiulong')).toMatchObject({
    kind: 'committee',
    name: '八里街九龙社区大党委',
    parentId: 'cty-lingchuan',
  });
  expect(byId.get('cm-xf-jiedong')).toMatchObject({ kind: 'committee', name: '解东社区党委' });
  expect(byId.get('br-yf-xiangyang')).toMatchObject({ secretary: { openid: 'demo-secretary' } });
  // Every branch's county is its root's.
  for (const u of units.filter((x) => x.kind === 'branch')) {
    let at: Unit | undefined = u;
    while (at?.parentId) at = byId.get(at.parentId);
    expect([u.unitId, at?.kind, at?.county]).toEqual([u.unitId, 'county', u.county]);
  }
  // 向阳社区: demo-member, demo-staff and its secretary.
  expect(byId.get('br-yf-xiangyang')!.memberCount).toBe(3);
  expect(byId.get('cty-yongfu')!.memberCount).toBe(4);
  // A county admin sees their county; a secretary their branch and what is above it.
  const county = await data<{ units: Unit[] }>('org', { action: 'tree' }, 'demo-county-admin');
  expect(new Set(county.units.map((u) => u.county))).toEqual(new Set(['桂林市秀峰区']));
  const secretary = await data<{ units: Unit[] }>('org', { action: 'tree' }, 'demo-secretary');
  expect(secretary.units.map((u) => u.unitId).sort()).toEqual(['br-yf-xiangyang', 'cty-yongfu']);
});

test('units: a branch under a committee, the kinds that may nest, a retried request makes one unit', async () => {
  const before = await everything();
  const bad = [
    [
      { action: 'saveUnit', parentId: 'br-yf-xiangyang', kind: 'branch', name: '错误支部', requestId: 'unit-bad-1' },
      'INVALID_ARGUMENT',
    ],
    [
      { action: 'saveUnit', parentId: 'cm-xf-jiedong', kind: 'committee', name: '错误党委', requestId: 'unit-bad-2' },
      'INVALID_ARGUMENT',
    ],
    [
      { action: 'saveUnit', parentId: 'cty-yongfu', kind: 'county', name: '错误县', requestId: 'unit-bad-3' },
      'INVALID_ARGUMENT',
    ],
    [
      { action: 'saveUnit', parentId: 'cty-nowhere', kind: 'branch', name: '错误支部', requestId: 'unit-bad-4' },
      'NOT_FOUND',
    ],
    [
      { action: 'saveUnit', parentId: 'cty-yongfu', kind: 'branch', name: '向阳社区党支部', requestId: 'unit-bad-5' },
      'CONFLICT',
    ],
    [
      {
        action: 'saveUnit',
        unitId: 'br-yf-xiangyang',
        parentId: 'cty-yongfu',
        kind: 'committee',
        name: '向阳社区党委',
        requestId: 'unit-bad-6',
      },
      'CONFLICT',
    ],
    [
      {
        action: 'saveUnit',
        unitId: 'br-yf-xiangyang',
        parentId: 'cm-xf-jiedong',
        kind: 'branch',
        name: '向阳社区党支部',
        requestId: 'unit-bad-7',
      },
      'CONFLICT',
    ],
  ] as const;
  for (const [event, code] of bad)
    expect([event.name, codeOf(await w.call('org', event, 'demo-admin'))]).toEqual([event.name, code]);
  expect(await everything()).toBe(before);

  const first = await data<{ unitId: string; created: boolean }>(
    'org',
    {
      action: 'saveUnit',
      parentId: 'cm-lc-qicai',
      kind: 'branch',
      name: '七彩社区第二党支部',
      requestId: 'unit-new-1',
    },
    'demo-admin',
  );
  const again = await data<{ unitId: string; created: boolean }>(
    'org',
    {
      action: 'saveUnit',
      parentId: 'cm-lc-qicai',
      kind: 'branch',
      name: '七彩社区第二党支部',
      requestId: 'unit-new-1',
    },
    'demo-admin',
  );
  expect([first.created, again]).toEqual([true, { unitId: first.unitId, created: false }]);
  // A branch is also a branch where points and rankings look for it.
  expect(await w.db.collection('branches').doc(first.unitId).get()).toMatchObject({
    name: '七彩社区第二党支部',
    county: '桂林市灵川县',
  });
  await data(
    'org',
    {
      action: 'saveUnit',
      unitId: first.unitId,
      parentId: 'cm-lc-qicai',
      kind: 'branch',
      name: '七彩社区第三党支部',
      requestId: 'unit-new-2',
    },
    'demo-admin',
  );
  expect(await w.db.collection('branches').doc(first.unitId).get()).toMatchObject({ name: '七彩社区第三党支部' });
});

test('invitation: a resident applies with real name and phone (sealed), the secretary approves, they are 党员 of the branch', async () => {
  const invite = await data<{ code: string; qrText: string; expiresAt: number }>(
    'org',
    { action: 'createInvite', branchId: 'br-yf-xiangyang' },
    'demo-secretary',
  );
  expect(invite.qrText).toBe(`/packages/org/pages/join/index?code=${invite.code}`);
  // The live code is given again, so a printed QR stays valid.
  expect(
    (await data<{ code: string }>('org', { action: 'createInvite', branchId: 'br-yf-xiangyang' }, 'demo-admin')).code,
  ).toBe(invite.code);
  expect(await data('org', { action: 'joinInfo', code: invite.code.toLowerCase() }, 'joiner-1')).toMatchObject({
    branchName: '向阳社区党支部',
    county: '桂林市永福县',
  });
  expect(codeOf(await w.call('org', { action: 'joinInfo', code: 'ZZZZZZZZ' }, 'joiner-1'))).toBe('NOT_FOUND');

  const before = await everything();
  for (const [event, message] of [
    [{ realName: '李', phone: '13812340000' }, /姓名/],
    [{ realName: '李建华', phone: '1381234' }, /手机号/],
    [{ realName: 'Li Jianhua', phone: '13812340000' }, /姓名/],
  ] as const) {
    const res = await w.call(
      'org',
      { action: 'apply', code: invite.code, requestId: 'apply-bad-1', ...event },
      'joiner-1',
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(message);
  }
  expect(await everything()).toBe(before);

  const applied = await data<{ applicationId: string; status: string }>(
    'org',
    { action: 'apply', code: invite.code, realName: '李建华', phone: '13812340000', requestId: 'apply-req-1' },
    'joiner-1',
  );
  expect(applied.status).toBe('pending');
  // One tap sent twice: one application.
  expect(
    await data(
      'org',
      { action: 'apply', code: invite.code, realName: '李建华', phone: '13812340000', requestId: 'apply-req-1' },
      'joiner-1',
    ),
  ).toEqual(applied);
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'apply', code: invite.code, realName: '李建华', phone: '13812340000', requestId: 'apply-req-2' },
        'joiner-1',
      ),
    ),
  ).toBe('CONFLICT');
  const stored = JSON.stringify(await w.db.collection('orgApplications').get());
  for (const secret of ['李建华', '13812340000']) expect(stored).not.toContain(secret);

  const list = await data<{
    items: { applicationId: string; realName: string; phoneMasked: string; status: string; branchName: string }[];
  }>('org', { action: 'applications', status: 'pending' }, 'demo-secretary');
  expect(list.items).toEqual([
    expect.objectContaining({
      applicationId: applied.applicationId,
      realName: '李建华',
      phoneMasked: '138****0000',
      branchName: '向阳社区党支部',
    }),
  ]);
  await data('org', { action: 'review', applicationId: applied.applicationId, decision: 'approve' }, 'demo-secretary');
  // The applicant is told once, in plain words, with the way back to their application.
  expect(await inbox('joiner-1')).toEqual([
    expect.objectContaining({ title: '你已加入「向阳社区党支部」', page: '/packages/org/pages/join/index' }),
  ]);
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'review', applicationId: applied.applicationId, decision: 'reject', reason: '重复' },
        'demo-secretary',
      ),
    ),
  ).toBe('CONFLICT');
  expect(await data('user', { action: 'me' }, 'joiner-1')).toMatchObject({
    role: 'member',
    roleLabel: '党员',
    branch: { branchId: 'br-yf-xiangyang', name: '向阳社区党支部' },
  });
  const user = await w.db.collection('users').doc('joiner-1').get();
  expect(JSON.stringify(user)).not.toContain('李建华');
  expect(user).toMatchObject({ identity: { maskedName: '李**', maskedPhone: '138****0000' } });
  // The member is found by their real name, and may now check in to activities.
  const found = await data<{ items: { openid: string; realName: string }[] }>(
    'org',
    { action: 'searchMembers', keyword: '建华' },
    'demo-secretary',
  );
  expect(found.items).toEqual([expect.objectContaining({ openid: 'joiner-1', realName: '李建华' })]);
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'apply', code: invite.code, realName: '李建华', phone: '13812340000', requestId: 'apply-req-3' },
        'joiner-1',
      ),
    ),
  ).toBe('CONFLICT');
});

test('a rejection needs a reason the applicant sees; staff and admins cannot apply', async () => {
  const { code } = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-yf-longquan' },
    'demo-admin',
  );
  const applied = await data<{ applicationId: string }>(
    'org',
    { action: 'apply', code, realName: '赵丽', phone: '13700001234', requestId: 'apply-reject-1' },
    'joiner-2',
  );
  expect(
    codeOf(
      await w.call('org', { action: 'review', applicationId: applied.applicationId, decision: 'reject' }, 'demo-admin'),
    ),
  ).toBe('INVALID_ARGUMENT');
  await data(
    'org',
    { action: 'review', applicationId: applied.applicationId, decision: 'reject', reason: '不是本社区党员' },
    'demo-admin',
  );
  expect(await data('org', { action: 'myApplications' }, 'joiner-2')).toEqual({
    items: [expect.objectContaining({ status: 'rejected', reason: '不是本社区党员', branchName: '龙泉社区党支部' })],
  });
  const told = await inbox('joiner-2');
  expect(told).toEqual([expect.objectContaining({ title: '加入「龙泉社区党支部」的申请未通过' })]);
  expect(told[0]!.body).toContain('原因：不是本社区党员');
  expect(await data('user', { action: 'me' }, 'joiner-2')).toMatchObject({ role: 'resident', branch: null });
  for (const who of ['demo-staff', 'demo-admin', 'demo-secretary']) {
    expect(
      codeOf(
        await w.call(
          'org',
          { action: 'apply', code, realName: '赵丽', phone: '13700001234', requestId: `apply-role-${who}` },
          who,
        ),
      ),
    ).toBe('CONFLICT');
  }
});

test('moving a member between branches keeps their balance and every ledger entry', async () => {
  const ledgerBefore = await data<{ items: unknown[] }>('points', { action: 'ledger' }, 'demo-member');
  const summaryBefore = await data<{ balance: number }>('points', { action: 'summary' }, 'demo-member');
  await data('org', { action: 'moveMember', openid: 'demo-member', branchId: 'br-yf-longquan' }, 'demo-admin');
  expect(await data('user', { action: 'me' }, 'demo-member')).toMatchObject({
    branch: { branchId: 'br-yf-longquan' },
    points: { balance: summaryBefore.balance },
  });
  expect(await data('points', { action: 'ledger' }, 'demo-member')).toEqual(ledgerBefore);
  expect(await w.db.collection('pointAccounts').doc('demo-member').get()).toMatchObject({
    branchId: 'br-yf-longquan',
    balance: summaryBefore.balance,
  });
  // The secretary of 向阳 no longer reaches them; an award by the admin lands in the new branch's ledger.
  expect(
    codeOf(
      await w.call(
        'points',
        { action: 'award', openid: 'demo-member', points: 5, reason: '志愿服务', requestId: 'move-award-1' },
        'demo-secretary',
      ),
    ),
  ).toBe('FORBIDDEN');
  await data(
    'points',
    { action: 'award', openid: 'demo-member', points: 5, reason: '志愿服务', requestId: 'move-award-2' },
    'demo-admin',
  );
  const entries = await w.db.collection('ledger').where({ openid: 'demo-member' }).limit(100).get();
  expect(entries.filter((e) => e.branchId === 'br-yf-longquan')).toHaveLength(1);
  expect(
    codeOf(
      await w.call('org', { action: 'moveMember', openid: 'demo-secretary', branchId: 'br-yf-longquan' }, 'demo-admin'),
    ),
  ).toBe('CONFLICT');
  await data('org', { action: 'moveMember', openid: 'demo-member', branchId: 'br-yf-xiangyang' }, 'demo-admin');
});

test('secretary: the admin sets one; the former secretary stays a member of the branch', async () => {
  await data('org', { action: 'setSecretary', unitId: 'br-yf-xiangyang', openid: 'demo-member' }, 'demo-admin');
  expect(await data('user', { action: 'me' }, 'demo-member')).toMatchObject({
    role: 'secretary',
    roleLabel: '党支部书记',
    branch: { branchId: 'br-yf-xiangyang' },
  });
  expect(await data('user', { action: 'me' }, 'demo-secretary')).toMatchObject({
    role: 'member',
    branch: { branchId: 'br-yf-xiangyang' },
  });
  expect(
    codeOf(await w.call('org', { action: 'setSecretary', unitId: 'cty-yongfu', openid: 'demo-member' }, 'demo-admin')),
  ).toBe('INVALID_ARGUMENT');
  expect(
    codeOf(
      await w.call('org', { action: 'setSecretary', unitId: 'br-yf-xiangyang', openid: 'demo-admin' }, 'demo-admin'),
    ),
  ).toBe('CONFLICT');
  await data('org', { action: 'setSecretary', unitId: 'br-yf-xiangyang', openid: 'demo-secretary' }, 'demo-admin');
  expect(await data('user', { action: 'me' }, 'demo-member')).toMatchObject({ role: 'member' });
});

test('staff assignments: set by an admin, listed with names; a county admin keeps assignments elsewhere', async () => {
  await w.db
    .collection('users')
    .add({ _id: 'staff-two', nickname: '值班员二', role: 'staff', branchId: null, createdAt: w.now });
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'assignStaff', openid: 'demo-member', stationIds: ['st-yf-center'], siteIds: [] },
        'demo-admin',
      ),
    ),
  ).toBe('CONFLICT');
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'assignStaff', openid: 'staff-two', stationIds: ['st-nowhere'], siteIds: [] },
        'demo-admin',
      ),
    ),
  ).toBe('NOT_FOUND');
  await data(
    'org',
    {
      action: 'assignStaff',
      openid: 'staff-two',
      stationIds: ['st-yf-center', 'st-xf-jiedong'],
      siteIds: ['vs-yf-01'],
    },
    'demo-admin',
  );
  // 秀峰's admin replaces only 秀峰's part.
  await data(
    'org',
    { action: 'assignStaff', openid: 'staff-two', stationIds: ['st-xf-zhengyang'], siteIds: [] },
    'demo-county-admin',
  );
  expect(await w.db.collection('users').doc('staff-two').get()).toMatchObject({
    stationIds: ['st-yf-center', 'st-xf-zhengyang'],
    siteIds: ['vs-yf-01'],
  });
  const listed = await data<{ items: { openid: string; stations: { name: string }[] }[] }>(
    'org',
    { action: 'staff' },
    'demo-admin',
  );
  expect(listed.items.map((i) => i.openid)).toEqual(expect.arrayContaining(['demo-staff', 'staff-two']));
  const county = await data<{ items: { openid: string }[] }>('org', { action: 'staff' }, 'demo-county-admin');
  expect(county.items.map((i) => i.openid)).toEqual(['staff-two']);
});

async function rosterFile(rows: (string | number | null)[][], headers: string[] = ['姓名', '手机号']): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(ROSTER_SHEET);
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

test('roster import from a real .xlsx: good rows added, bad rows with reasons, a second import changes nothing, the people match when they join', async () => {
  // The template opens and has the columns the import reads.
  const template = await data<{ filename: string; base64: string }>(
    'org',
    { action: 'rosterTemplate' },
    'demo-secretary',
  );
  expect(template.filename).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ArrayBuffer);
  expect(book.getWorksheet(ROSTER_SHEET)!.getRow(1).values).toEqual([undefined, '姓名', '手机号', '入党日期']);

  // Someone already waiting to join 向阳 is let in when the roster names them.
  const { code } = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-yf-xiangyang' },
    'demo-secretary',
  );
  const waiting = await data<{ applicationId: string; status: string }>(
    'org',
    { action: 'apply', code, realName: '周建国', phone: '13600000003', requestId: 'import-wait-1' },
    'joiner-3',
  );
  expect(waiting.status).toBe('pending');

  const file = await rosterFile([
    ['陈国强', '13600000001'],
    ['黄丽', 13600000002],
    ['周建国', '136 0000 0003'],
    ['', '13600000004'],
    ['林小', ''],
    ['吴x', '13600000005'],
    ['郑伟', '1360000'],
    [null, null],
    ['陈国强', '13600000001'],
    ['阿依古丽·买买提', '13600000006'],
  ]);
  const first = await data<{
    added: number;
    unchanged: number;
    matched: number;
    errors: { row: number; reason: string }[];
  }>('org', { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: file }, 'demo-secretary');
  expect(first).toEqual({
    branchId: 'br-yf-xiangyang',
    added: 4,
    unchanged: 0,
    dated: 0,
    matched: 1,
    errors: [
      { row: 5, reason: '缺少姓名' },
      { row: 6, reason: '缺少手机号' },
      { row: 7, reason: expect.stringContaining('姓名应为') },
      { row: 8, reason: expect.stringContaining('手机号应为 11 位数字') },
      { row: 10, reason: '与第 2 行重复' },
    ],
  });
  // Flagged, not let in: the secretary confirms a roster match with one tap.
  expect(await data('user', { action: 'me' }, 'joiner-3')).toMatchObject({ role: 'resident' });
  expect(await w.db.collection('orgApplications').doc(waiting.applicationId).get()).toMatchObject({
    status: 'pending',
    matchedRoster: true,
  });
  await data('org', { action: 'review', applicationId: waiting.applicationId, decision: 'approve' }, 'demo-secretary');
  expect(await data('user', { action: 'me' }, 'joiner-3')).toMatchObject({
    role: 'member',
    branch: { branchId: 'br-yf-xiangyang' },
  });
  const stored = JSON.stringify(await w.db.collection('orgRoster').get());
  for (const secret of ['陈国强', '13600000001', '黄丽']) expect(stored).not.toContain(secret);

  const before = await everything();
  const second = await data<{ added: number; unchanged: number; matched: number }>(
    'org',
    { action: 'importRoster', branchId: 'br-yf-xiangyang', fileBase64: file },
    'demo-secretary',
  );
  expect(second).toMatchObject({ added: 0, unchanged: 4, matched: 0 });
  expect(await everything()).toBe(before);

  // Someone on the roster joins with the same name and phone: flagged for the secretary's one tap.
  const joined = await data<{ applicationId: string; status: string }>(
    'org',
    { action: 'apply', code, realName: '黄丽', phone: '13600000002', requestId: 'import-join-1' },
    'joiner-4',
  );
  expect(joined.status).toBe('pending');
  expect(await w.db.collection('orgApplications').doc(joined.applicationId).get()).toMatchObject({
    matchedRoster: true,
  });
  await data('org', { action: 'review', applicationId: joined.applicationId, decision: 'approve' }, 'demo-secretary');
  expect(await data('user', { action: 'me' }, 'joiner-4')).toMatchObject({
    role: 'member',
    branch: { branchId: 'br-yf-xiangyang' },
  });
  // A different phone is a different person: they wait for the secretary, unflagged.
  const other = await data<{ applicationId: string; status: string }>(
    'org',
    { action: 'apply', code, realName: '陈国强', phone: '13600000009', requestId: 'import-join-2' },
    'joiner-5',
  );
  expect(other.status).toBe('pending');
  expect(await w.db.collection('orgApplications').doc(other.applicationId).get()).toMatchObject({
    matchedRoster: false,
  });

  // Files that are not a roster are refused whole, writing nothing.
  const refused = await everything();
  expect(
    codeOf(
      await w.call(
        'org',
        {
          action: 'importRoster',
          branchId: 'br-yf-xiangyang',
          fileBase64: Buffer.from('not a workbook').toString('base64'),
        },
        'demo-secretary',
      ),
    ),
  ).toBe('INVALID_ARGUMENT');
  expect(
    await w.call(
      'org',
      {
        action: 'importRoster',
        branchId: 'br-yf-xiangyang',
        fileBase64: await rosterFile([['陈国强', '13600000001']], ['名字', '电话号码']),
      },
      'demo-secretary',
    ),
  ).toEqual({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '第 1 行应为表头，包含「姓名」和「手机号」两列（请使用模板）' },
  });
  expect(
    codeOf(await w.call('org', { action: 'importRoster', branchId: 'cty-yongfu', fileBase64: file }, 'demo-admin')),
  ).toBe('NOT_FOUND');
  expect(await everything()).toBe(refused);
});

test('members: paged by branch, with real names for the branch and balances; a secretary sees their branch only', async () => {
  const all: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page += 1) {
    const res = await data<{
      items: { openid: string; branchId: string; balance: number }[];
      nextCursor: string | null;
    }>('org', { action: 'members', unitId: 'cty-yongfu', limit: 2, ...(cursor ? { cursor } : {}) }, 'demo-admin');
    expect(res.items.length).toBeLessThanOrEqual(2);
    all.push(...res.items.map((i) => i.openid));
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  expect(new Set(all).size).toBe(all.length);
  expect(all).toEqual(
    expect.arrayContaining([
      'demo-member',
      'demo-staff',
      'demo-secretary',
      'joiner-1',
      'joiner-3',
      'joiner-4',
      'demo-admin',
    ]),
  );
  const mine = await data<{ items: { branchId: string; balance: number; openid: string }[] }>(
    'org',
    { action: 'members', limit: 50 },
    'demo-secretary',
  );
  expect(new Set(mine.items.map((i) => i.branchId))).toEqual(new Set(['br-yf-xiangyang']));
  expect(mine.items.find((i) => i.openid === 'demo-member')!.balance).toBeGreaterThan(0);
});

test("the dashboard takes any unit of the tree: a county its places and branches, a 大党委 its branches' members", async () => {
  const period = { from: '2026-11-01', to: '2026-11-30' };
  type Board = { scope: { unitId: string; name: string }; pointsEarned: number; topBranches: { branchId: string }[] };
  const county = await data<Board>('admin', { action: 'dashboard', ...period, unitId: 'cty-yongfu' }, 'demo-admin');
  expect(county.scope).toEqual({ unitId: 'cty-yongfu', name: '永福县' });
  const byName = await data<Board>('admin', { action: 'dashboard', ...period, unitId: '桂林市永福县' }, 'demo-admin');
  expect(county.pointsEarned).toBe(byName.pointsEarned);
  expect(county.topBranches.every((b) => b.branchId.startsWith('br-yf-'))).toBe(true);
  const committee = await data<Board>(
    'admin',
    { action: 'dashboard', ...period, unitId: 'cm-lc-jiulong' },
    'demo-admin',
  );
  expect(committee.scope.name).toBe('八里街九龙社区大党委');
  expect(committee.topBranches.every((b) => b.branchId === 'br-lc-jiulong')).toBe(true);
  // A secretary's own branch; a county admin's own county.
  expect(
    codeOf(await w.call('admin', { action: 'dashboard', ...period, unitId: 'br-yf-xiangyang' }, 'demo-secretary')),
  ).toBe('ok');
  expect(
    codeOf(await w.call('admin', { action: 'dashboard', ...period, unitId: 'cty-xiufeng' }, 'demo-county-admin')),
  ).toBe('ok');
});

test('setRole: a member made resident leaves their branch and keeps their points; placed in a branch again as member', async () => {
  await w.db
    .collection('users')
    .add({ _id: 'role-member', nickname: '龙泉党员', role: 'member', branchId: 'br-yf-longquan', createdAt: w.now });
  await data(
    'points',
    { action: 'award', openid: 'role-member', points: 30, reason: '志愿服务', requestId: 'role-award-1' },
    'demo-admin',
  );
  await data('org', { action: 'setRole', openid: 'role-member', role: 'resident' }, 'demo-admin');
  expect(await data('user', { action: 'me' }, 'role-member')).toMatchObject({
    role: 'resident',
    branch: null,
    points: { balance: 30 },
  });
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'setRole', openid: 'role-member', role: 'member', scopeUnitId: 'cty-yongfu' },
        'demo-admin',
      ),
    ),
  ).toBe('INVALID_ARGUMENT');
  await data(
    'org',
    { action: 'setRole', openid: 'role-member', role: 'member', scopeUnitId: 'br-yf-longquan' },
    'demo-admin',
  );
  expect(await data('user', { action: 'me' }, 'role-member')).toMatchObject({
    role: 'member',
    branch: { branchId: 'br-yf-longquan' },
    points: { balance: 30 },
  });
  // Made a county admin of 永福, then acting only there.
  await data(
    'org',
    { action: 'setRole', openid: 'role-member', role: 'admin', scopeUnitId: 'cty-yongfu' },
    'demo-admin',
  );
  expect(await data('user', { action: 'me' }, 'role-member')).toMatchObject({
    role: 'admin',
    scope: { unitId: 'cty-yongfu', unitName: '永福县' },
  });
  expect(codeOf(await w.call('org', { action: 'createInvite', branchId: 'br-xf-jiedong' }, 'role-member'))).toBe(
    'FORBIDDEN',
  );
  expect(codeOf(await w.call('org', { action: 'createInvite', branchId: 'br-yf-longquan' }, 'role-member'))).toBe('ok');
});

test('two applications sent at once by one person: one stays pending, the other is refused', async () => {
  const { code } = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-yf-jizhi1' },
    'demo-admin',
  );
  const answers = await Promise.all(
    ['race-req-a1', 'race-req-b2', 'race-req-c3'].map((requestId) =>
      w.call('org', { action: 'apply', code, realName: '孙立', phone: '13500001111', requestId }, 'joiner-race'),
    ),
  );
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.filter((a) => !a.ok).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT']);
  expect(await w.db.collection('orgApplications').where({ openid: 'joiner-race' }).count()).toBe(1);
});

// ---------------------------------------------------------------------------------------------
// Hardening, round two (issue 19).
// ---------------------------------------------------------------------------------------------

test("an admin is placed by their scope only: a county admin cannot change another county's admin whose branch lies in theirs", async () => {
  // 永福's admin is a party member of a 秀峰 branch: that does not put them in 秀峰's admin's hands.
  await w.db.collection('users').add({
    _id: 'yf-admin-in-xf-branch',
    nickname: '永福管理员',
    role: 'admin',
    scopeUnitId: 'cty-yongfu',
    branchId: 'br-xf-jiedong',
    createdAt: w.now,
  });
  const before = await w.db.collection('users').doc('yf-admin-in-xf-branch').get();
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'setRole', openid: 'yf-admin-in-xf-branch', role: 'member', scopeUnitId: 'br-xf-jiedong' },
        'demo-county-admin',
      ),
    ),
  ).toBe('FORBIDDEN');
  expect(
    codeOf(
      await w.call(
        'user',
        { action: 'setRole', openid: 'yf-admin-in-xf-branch', role: 'resident' },
        'demo-county-admin',
      ),
    ),
  ).toBe('FORBIDDEN');
  expect(await w.db.collection('users').doc('yf-admin-in-xf-branch').get()).toEqual(before);
  // The system admin still may.
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'setRole', openid: 'yf-admin-in-xf-branch', role: 'member', scopeUnitId: 'br-xf-jiedong' },
        'demo-admin',
      ),
    ),
  ).toBe('ok');
});

test('invite codes: renewing expires the older codes at once; a secretary can revoke a code, and it no longer admits anyone', async () => {
  const first = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-lc-jiulong' },
    'demo-admin',
  );
  const renewed = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-lc-jiulong', renew: true },
    'demo-admin',
  );
  expect(renewed.code).not.toBe(first.code);
  expect(codeOf(await w.call('org', { action: 'joinInfo', code: first.code }, 'joiner-renew'))).toBe('TOO_LATE');
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'apply', code: first.code, realName: '赵新', phone: '13812349999', requestId: 'apply-old-code' },
        'joiner-renew',
      ),
    ),
  ).toBe('TOO_LATE');
  expect(codeOf(await w.call('org', { action: 'joinInfo', code: renewed.code }, 'joiner-renew'))).toBe('ok');

  // Revoked by the branch's managers only; a revoked code is refused and the next request makes a new one.
  expect(codeOf(await w.call('org', { action: 'revokeInvite', code: renewed.code }, 'demo-county-admin'))).toBe(
    'FORBIDDEN',
  ); // 秀峰's admin, a 灵川 branch
  expect(codeOf(await w.call('org', { action: 'revokeInvite', code: 'ZZZZZZZZ' }, 'demo-admin'))).toBe('NOT_FOUND');
  expect(await data('org', { action: 'revokeInvite', code: renewed.code }, 'demo-admin')).toMatchObject({
    code: renewed.code,
    revoked: true,
  });
  expect(codeOf(await w.call('org', { action: 'joinInfo', code: renewed.code }, 'joiner-renew'))).toBe('TOO_LATE');
  const next = await data<{ code: string }>('org', { action: 'createInvite', branchId: 'br-lc-jiulong' }, 'demo-admin');
  expect([next.code === renewed.code, next.code === first.code]).toEqual([false, false]);
  // Recorded in the audit log with the code's state before and after.
  const entries = await w.db.collection('auditLog').where({ op: 'org.revokeInvite' }).get();
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({
    targetId: renewed.code,
    actor: 'demo-admin',
    before: { revokedAt: null },
    after: { revokedBy: 'demo-admin' },
  });
});

interface TreeUnit {
  unitId: string;
  kind: string;
  county: string;
  archived?: boolean;
}

test('the tree reads every unit: 1,100 units whose ids sort first do not hide the counties or empty the member lists', async () => {
  // As if one county admin had added them (directly: the cap on units per parent would stop saveUnit first).
  await w.db.runTransaction(async (tx) => {
    for (let i = 0; i < 1100; i += 1) {
      await tx.collection('orgUnits').add({
        _id: `00-flood-${String(i).padStart(4, '0')}`,
        parentId: 'cty-xiufeng',
        kind: 'branch',
        name: `灌水支部${i}`,
        county: '桂林市秀峰区',
        secretary: null,
        createdAt: w.now,
      });
    }
  });
  const { units } = await data<{ units: TreeUnit[] }>('org', { action: 'tree' }, 'demo-admin');
  expect(units.filter((u) => u.kind === 'county')).toHaveLength(7);
  expect(units.some((u) => u.unitId === 'br-yf-xiangyang')).toBe(true);
  const members = await data<{ items: { openid: string }[] }>(
    'org',
    { action: 'members', unitId: 'br-yf-xiangyang' },
    'demo-admin',
  );
  expect(members.items.map((m) => m.openid)).toEqual(expect.arrayContaining(['demo-member']));
  // A secretary elsewhere still sees their branch and its county, whatever 秀峰 holds.
  const secretaryTree = await data<{ units: TreeUnit[] }>('org', { action: 'tree' }, 'demo-secretary');
  expect(secretaryTree.units.map((u) => u.unitId).sort()).toEqual(['br-yf-xiangyang', 'cty-yongfu']);
  // And 秀峰 may not grow further under that county: units per parent are capped.
  expect(
    await w.call(
      'org',
      { action: 'saveUnit', parentId: 'cty-xiufeng', kind: 'branch', name: '又一个支部', requestId: 'unit-flood-next' },
      'demo-county-admin',
    ),
  ).toMatchObject({
    ok: false,
    error: { code: 'LIMIT_REACHED', message: expect.stringContaining('最多') },
  });
});

test('a unit can be archived: only when empty; it leaves the tree and its invite codes stop; it can be restored', async () => {
  // A branch with members cannot be archived.
  expect(
    await w.call('org', { action: 'archiveUnit', unitId: 'br-yf-xiangyang', archived: true }, 'demo-admin'),
  ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  const made = await data<{ unitId: string }>(
    'org',
    {
      action: 'saveUnit',
      parentId: 'cm-lc-jiulong',
      kind: 'branch',
      name: '九龙社区第二党支部',
      requestId: 'unit-archive-1',
    },
    'demo-admin',
  );
  const { code } = await data<{ code: string }>('org', { action: 'createInvite', branchId: made.unitId }, 'demo-admin');
  // A county admin elsewhere may not; the system admin may.
  expect(
    await w.call('org', { action: 'archiveUnit', unitId: made.unitId, archived: true }, 'demo-county-admin'),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await data('org', { action: 'archiveUnit', unitId: made.unitId, archived: true }, 'demo-admin')).toMatchObject(
    { unitId: made.unitId, archived: true },
  );
  const { units } = await data<{ units: TreeUnit[] }>('org', { action: 'tree' }, 'demo-admin');
  expect(units.some((u) => u.unitId === made.unitId)).toBe(false);
  expect(codeOf(await w.call('org', { action: 'joinInfo', code }, 'joiner-archived'))).toBe('NOT_FOUND');
  expect(
    codeOf(
      await w.call(
        'org',
        { action: 'saveUnit', parentId: made.unitId, kind: 'branch', name: '下级', requestId: 'unit-archive-2' },
        'demo-admin',
      ),
    ),
  ).not.toBe('ok');
  // A committee with a live branch under it cannot be archived.
  expect(
    await w.call('org', { action: 'archiveUnit', unitId: 'cm-lc-jiulong', archived: true }, 'demo-admin'),
  ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  // Restored, it is back.
  await data('org', { action: 'archiveUnit', unitId: made.unitId, archived: false }, 'demo-admin');
  const back = await data<{ units: TreeUnit[] }>('org', { action: 'tree' }, 'demo-admin');
  expect(back.units.some((u) => u.unitId === made.unitId)).toBe(true);
  const entries = await w.db.collection('auditLog').where({ op: 'org.archiveUnit', targetId: made.unitId }).get();
  expect(entries).toHaveLength(2);
});
