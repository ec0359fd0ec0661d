/** The audit log, on either engine: every staff and admin action leaves one entry; nothing can alter one. */
import ExcelJS from 'exceljs';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { adminWorld, data, type AdminWorld } from '../../test/support/admin-world';
import { makeIdNumber } from '../privacy/idnumber';
import { OPERATIONS } from './labels';
import { AUDIT } from './model';
import { isAudited } from './record';

jest.setTimeout(180_000);

interface Item {
  auditId: string;
  at: number;
  actor: string;
  actorName: string;
  role: string;
  fn: string;
  action: string;
  targetId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
interface Page {
  items: Item[];
  nextCursor: string | null;
}

let w: AdminWorld;
beforeAll(async () => {
  w = await adminWorld();
});
afterAll(() => w.db.close());

const search = async (filter: Record<string, unknown> = {}, who = 'demo-admin') =>
  data(await w.call<Page>('admin', { action: 'audit', ...filter }, who));
const allEntries = () => w.db.collection(AUDIT).limit(1000).get();

test('an admin saving goods leaves who, role, what, which document, before and after, when', async () => {
  const created = data(
    await w.call<{ goodsId: string }>('points', {
      action: 'saveGoods',
      name: '党徽',
      price: 10,
      stock: 5,
      perUserLimit: 1,
    }),
  );
  data(await w.call('points', { action: 'restock', goodsId: created.goodsId, qty: 3 }));
  const { items } = await search({ targetId: created.goodsId });
  expect(items.map((i) => i.action)).toEqual(['restock', 'saveGoods']);
  const [restock, save] = items as [Item, Item];
  expect(save).toMatchObject({
    actor: 'demo-admin',
    actorName: '管理员赵书记',
    role: 'admin',
    fn: 'points',
    before: null,
    after: { name: '党徽', stock: 5 },
  });
  expect(save.at).toBe(w.now);
  expect(restock.before).toMatchObject({ stock: 5 });
  expect(restock.after).toMatchObject({ stock: 8, stocked: 8 });
});

test('role changes, awards and staff pickups are recorded; member actions and refusals are not', async () => {
  const before = (await allEntries()).length;
  data(await w.call('user', { action: 'setRole', openid: 'demo-resident', role: 'member' }));
  data(
    await w.call('points', {
      action: 'award',
      openid: 'demo-member',
      points: 100,
      reason: '志愿服务表彰',
      requestId: 'audit-award-1',
    }),
  );
  const order = data(
    await w.call<{ orderId: string; pickupCode: string }>(
      'points',
      { action: 'redeem', goodsId: 'g-towel', qty: 1, requestId: 'audit-redeem-1' },
      'demo-member',
    ),
  );
  data(await w.call('points', { action: 'verifyOrder', pickupCode: order.pickupCode }, 'demo-staff'));
  // Refused: wrong role, bad input. Not staff/admin actions: a member's redemption and check-in.
  expect((await w.call('points', { action: 'restock', goodsId: 'g-towel', qty: 1 }, 'demo-staff')).ok).toBe(false);
  expect((await w.call('points', { action: 'restock', goodsId: 'g-towel', qty: -1 })).ok).toBe(false);
  await w.call('points', { action: 'checkin', code: 'DEMO01' }, 'demo-member');
  const entries = await allEntries();
  expect(entries.length - before).toBe(3);
  const role = (await search({ operation: 'user.setRole' })).items[0]!;
  expect(role).toMatchObject({ targetId: 'demo-resident', before: { role: 'resident' }, after: { role: 'member' } });
  const award = (await search({ operation: 'award' })).items[0]!;
  expect(award).toMatchObject({ targetId: 'demo-member', after: { _id: 'demo-member' } });
  expect(Number(award.after!.balance) - Number(award.before!.balance)).toBe(100);
  const pickup = (await search({ actor: 'demo-staff' })).items[0]!;
  expect(pickup).toMatchObject({
    role: 'staff',
    fn: 'points',
    action: 'verifyOrder',
    targetId: order.orderId,
    after: { status: 'picked' },
  });
  await w.call('user', { action: 'setRole', openid: 'demo-resident', role: 'resident' });
});

test('entries never hold an ID number, a phone number or sealed data', async () => {
  const idNumber = makeIdNumber('450326', '19500101', 17);
  const person = data(
    await w.call<{ personId: string }>(
      'vaccine',
      { action: 'addPerson', name: '李秀英', idNumber, phone: '13907730001' },
      'demo-member',
    ),
  );
  expect(person.personId).toBeTruthy();
  data(await w.call('vaccine', { action: 'releasePerson', idNumber }, 'demo-staff'));
  data(
    await w.call('stations', {
      action: 'saveStation',
      stationId: 'st-audit-test',
      name: '测试驿站',
      kind: 'center',
      county: '桂林市永福县',
      district: '永福镇',
      address: '永福县测试路 1 号',
      phone: '0773-8512345',
      intro: `联系 13907730001，证件 ${idNumber}`,
    }),
  );
  const text = JSON.stringify(await allEntries());
  expect(text).not.toContain(idNumber);
  expect(text).not.toContain(idNumber.slice(0, 17));
  expect(text).not.toContain('13907730001');
  expect(text).not.toContain('0773-8512345');
  expect(text).not.toMatch(/Sealed|idHash|secretHash/);
  const release = (await search({ operation: 'vaccine.releasePerson' })).items[0]!;
  expect(release).toMatchObject({ actor: 'demo-staff', role: 'staff' });
  const station = (await search({ targetId: 'st-audit-test' })).items[0]!;
  expect(String(station.after!.intro)).toContain('[手机号已隐藏]');
  expect(String(station.after!.intro)).toContain('[证件号已隐藏]');
});

test('search pages newest first and filters by period; only admins read the log', async () => {
  for (let i = 0; i < 5; i += 1)
    data(await w.call.at(w.now + 86_400_000 + i)('points', { action: 'restock', goodsId: 'g-book', qty: 1 }));
  const first = await search({ targetId: 'g-book', limit: 2 });
  expect(first.items.map((i) => i.at)).toEqual([w.now + 86_400_004, w.now + 86_400_003]);
  const second = await search({ targetId: 'g-book', limit: 2, cursor: first.nextCursor });
  expect(second.items.map((i) => i.at)).toEqual([w.now + 86_400_002, w.now + 86_400_001]);
  const third = await search({ targetId: 'g-book', limit: 2, cursor: second.nextCursor });
  expect(third).toMatchObject({ items: [{ at: w.now + 86_400_000 }], nextCursor: null });
  // 2026-11-23T02:00Z is 11-23 in Shanghai; the restocks were on 11-24.
  expect((await search({ targetId: 'g-book', from: '2026-11-24', to: '2026-11-24' })).items).toHaveLength(5);
  expect((await search({ targetId: 'g-book', from: '2026-11-23', to: '2026-11-23' })).items).toHaveLength(0);
  expect(await w.call('admin', { action: 'audit', from: '2025-01-01', to: '2026-12-31' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '查询范围不能超过 366 天' },
  });
  for (const who of ['demo-staff', 'demo-member', 'demo-resident']) {
    expect(await w.call('admin', { action: 'audit' }, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await w.call('admin', { action: 'auditExport', from: '2026-11-23', to: '2026-11-24' }, who)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  }
});

test('the export is an xlsx workbook with one row per entry of the period', async () => {
  const res = data(
    await w.call<{ filename: string; base64: string; rows: number }>('admin', {
      action: 'auditExport',
      from: '2026-11-23',
      to: '2026-11-24',
    }),
  );
  expect(res.filename).toBe('操作日志_2026-11-23_2026-11-24.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(res.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('操作日志')!;
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    '时间',
    '操作人',
    '角色',
    '操作',
    '说明',
    '修改前',
    '修改后',
    '操作人 openid',
    '对象编号',
  ]);
  // Rows in plain Chinese: the sentence and labelled values, never a function name or JSON.
  const texts = sheet
    .getSheetValues()
    .slice(2)
    .map((row) => (Array.isArray(row) ? row.slice(1, 8).join('|') : ''));
  expect(texts.some((t) => t.includes('管理员赵书记 上架了商品「党徽」'))).toBe(true);
  expect(texts.join('\n')).not.toMatch(/points\.|saveGoods|[{}]/);
  const entries = (await allEntries()).filter(
    (e) => Number(e.at) < Date.parse('2026-11-24T16:00:00Z') && e.op !== 'admin.auditExport',
  );
  expect(sheet.rowCount - 1).toBe(entries.length);
  expect(res.rows).toBe(entries.length);
  // The export itself is recorded (who took data out).
  expect((await search({ operation: 'auditExport' })).items).toHaveLength(1);
});

test('no action of any function alters or removes an entry, whatever it is sent', async () => {
  const snapshot = new Map((await allEntries()).map((e) => [e._id, JSON.stringify(e)]));
  const someId = [...snapshot.keys()][0]!;
  const payloads = [
    {},
    { auditId: someId, _id: someId, targetId: someId, id: someId },
    { collection: AUDIT, goodsId: someId, openid: someId },
  ];
  for (const [fn, router] of Object.entries(FUNCTIONS)) {
    for (const action of Object.keys(router.actions)) {
      for (const payload of payloads) await w.call(fn, { action, ...payload }, 'demo-admin');
    }
  }
  const after = new Map((await allEntries()).map((e) => [e._id, JSON.stringify(e)]));
  for (const [id, text] of snapshot) expect(after.get(id)).toBe(text);
  expect(after.size).toBeGreaterThanOrEqual(snapshot.size);
});

test('which actions are audited: role-restricted ones without ordinary roles, except the console’s own reads', () => {
  expect(isAudited('points.saveGoods', ['admin'])).toBe(true);
  expect(isAudited('stations.verify', ['staff', 'admin'])).toBe(true);
  expect(isAudited('points.checkin', ['member', 'staff', 'admin'])).toBe(false);
  expect(isAudited('points.goods', 'public')).toBe(false);
  expect(isAudited('user.me', 'signedIn')).toBe(false);
  expect(isAudited('admin.audit', ['admin'])).toBe(false);
  expect(isAudited('admin.auditExport', ['admin'])).toBe(true);
  // Plain page views are not recorded; reads of real names are.
  expect(isAudited('requests.queue', ['secretary', 'admin'])).toBe(false);
  expect(isAudited('stations.roster', ['staff', 'admin'])).toBe(false);
  expect(isAudited('org.members', ['admin', 'secretary'])).toBe(true);
  expect(isAudited('org.searchMembers', ['admin', 'secretary'])).toBe(true);
});

test('every recorded action has its words: a Chinese name and a sentence', () => {
  for (const [fn, router] of Object.entries(FUNCTIONS)) {
    for (const [action, def] of Object.entries(router.actions)) {
      const op = `${fn}.${action}`;
      if (!isAudited(op, (def as { access: unknown }).access)) continue;
      expect([op, OPERATIONS[op]?.label]).toEqual([op, expect.stringMatching(/^[\u3400-\u9fff]+$/)]);
    }
  }
});

test('an entry reads as a sentence with labelled fields: who, did what, to what; page views leave none', async () => {
  const asked = data(
    await w.call<{ id: string }>(
      'requests',
      {
        action: 'ask',
        kind: 'issue',
        category: '安全',
        title: '楼道灯坏了，晚上上下楼看不清台阶',
        text: '三单元二楼的楼道灯坏了一个星期',
        photos: [],
        unitId: 'br-yf-xiangyang',
        contactName: '李秀兰',
        contactPhone: '13812345678',
        publicOnWall: false,
        requestId: 'audit-words-ask-1',
      },
      'demo-resident',
    ),
  );
  const count = async () => (await allEntries()).length;
  const before = await count();
  data(await w.call('requests', { action: 'queue' }, 'demo-secretary'));
  data(await w.call('requests', { action: 'volunteers' }, 'demo-secretary'));
  expect(await count()).toBe(before);
  data(await w.call('requests', { action: 'review', id: asked.id, decision: 'accept' }, 'demo-secretary'));
  const entry = (await search({ operation: 'requests.review' })).items[0] as Item & {
    sentence: string;
    operation: string;
    changes: { label: string; before: string | null; after: string | null }[];
  };
  expect(entry.sentence).toBe('党支部书记 向阳社区书记刘红梅 受理了点单「楼道灯坏了，晚上上下楼看不清台阶」');
  expect(entry.operation).toBe('受理点单');
  expect(entry.changes).toEqual([{ field: 'status', label: '状态', before: '待受理', after: '已受理' }]);

  data(
    await w.call('org', { action: 'setRole', openid: 'demo-resident', role: 'member', scopeUnitId: 'br-yf-xiangyang' }),
  );
  const role = (await search({ operation: 'setRole' })).items[0] as typeof entry;
  expect(role.sentence).toBe('管理员赵书记 调整了「居民小李」的角色');
  expect(role.changes).toEqual(
    expect.arrayContaining([
      { field: 'role', label: '角色', before: '居民', after: '党员' },
      { field: 'branchId', label: '所在支部', before: null, after: '向阳社区党支部' },
    ]),
  );
  const words = [entry, role]
    .flatMap((e) => [e.sentence, ...e.changes.flatMap((c) => [c.label, c.before ?? '', c.after ?? ''])])
    .join('|');
  expect(words).not.toMatch(/requests\.|demo-|br-|[{}]/);
  data(await w.call('org', { action: 'setRole', openid: 'demo-resident', role: 'resident' }));
});

test('organisation changes record the person and their state before and after; reads of real names leave an entry', async () => {
  await w.db.collection('users').add({
    _id: 'audit-staff',
    nickname: '审计值班员',
    role: 'staff',
    branchId: null,
    stationIds: ['st-yf-center'],
    siteIds: [],
    createdAt: w.now,
  });
  data(
    await w.call('org', { action: 'setRole', openid: 'demo-resident', role: 'member', scopeUnitId: 'br-yf-longquan' }),
  );
  data(await w.call('org', { action: 'moveMember', openid: 'demo-resident', branchId: 'br-yf-xiangyang' }));
  data(
    await w.call('org', { action: 'assignStaff', openid: 'audit-staff', stationIds: ['st-xf-jiedong'], siteIds: [] }),
  );
  data(await w.call('org', { action: 'setSecretary', unitId: 'br-yf-longquan', openid: 'demo-resident' }));
  const one = async (operation: string) => (await search({ operation })).items[0]!;
  expect(await one('org.setRole')).toMatchObject({
    targetId: 'demo-resident',
    before: { role: 'resident', branchId: null },
    after: { role: 'member', branchId: 'br-yf-longquan' },
  });
  expect(await one('org.moveMember')).toMatchObject({
    targetId: 'demo-resident',
    before: { branchId: 'br-yf-longquan' },
    after: { branchId: 'br-yf-xiangyang' },
  });
  expect(await one('org.assignStaff')).toMatchObject({
    targetId: 'audit-staff',
    before: { stationIds: ['st-yf-center'] },
    after: { stationIds: ['st-xf-jiedong'] },
  }); // the system admin replaces them all
  expect(await one('org.setSecretary')).toMatchObject({
    targetId: 'br-yf-longquan',
    before: { secretary: null },
    after: { secretary: 'demo-resident' },
  });

  // Bulk reads of real names: who looked, where, for what, and how many came back.
  data(await w.call('org', { action: 'members', unitId: 'br-yf-xiangyang' }, 'demo-secretary'));
  data(await w.call('org', { action: 'searchMembers', keyword: '王' }, 'demo-secretary'));
  expect(await one('org.members')).toMatchObject({
    actor: 'demo-secretary',
    targetId: 'br-yf-xiangyang',
    after: { unitId: 'br-yf-xiangyang', returned: expect.any(Number) },
  });
  expect(await one('org.searchMembers')).toMatchObject({
    actor: 'demo-secretary',
    after: { keyword: '王', returned: expect.any(Number) },
  });
  data(await w.call('org', { action: 'setRole', openid: 'demo-resident', role: 'resident' }));
});

test('a user with a sealed identity leaves neither the sealed name nor the person hash in a role change entry', async () => {
  const { code } = data(await w.call<{ code: string }>('org', { action: 'createInvite', branchId: 'br-yf-jizhi1' }));
  const applied = data(
    await w.call<{ applicationId: string }>(
      'org',
      { action: 'apply', code, realName: '郑秀芳', phone: '13907731234', requestId: 'audit-apply-1' },
      'audit-joiner',
    ),
  );
  data(await w.call('org', { action: 'review', applicationId: applied.applicationId, decision: 'approve' }));
  const user = await w.db.collection('users').doc('audit-joiner').get();
  const identity = user!.identity as { name: string; personHash: string };
  data(await w.call('user', { action: 'setRole', openid: 'audit-joiner', role: 'resident' }));
  const text = JSON.stringify(await allEntries());
  expect(text).not.toContain(identity.name);
  expect(text).not.toContain(identity.personHash);
  expect(text).not.toContain('郑秀芳');
});
