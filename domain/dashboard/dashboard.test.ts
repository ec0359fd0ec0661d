/** The dashboard against a scenario whose figures are known, on either engine. */
import ExcelJS from 'exceljs';
import { adminWorld, data, type AdminWorld } from '../../test/support/admin-world';
import type { Dashboard } from './dashboard';
import { scanRange } from './scan';

jest.setTimeout(180_000);

/** Shanghai wall-clock time as epoch ms. */
const sh = (t: string) => Date.parse(`${t}+08:00`);

let w: AdminWorld;

/** Bookings and doses are written as the verify actions leave them (status, time, who, where). */
async function booking(id: string, stationId: string, openid: string, checkedInAt: number) {
  await w.db.collection('bookings').add({
    _id: id,
    slotId: `sl-${id}`,
    itemId: 'it-x',
    itemName: '测试服务',
    stationId,
    openid,
    status: 'checkedIn',
    code: id,
    requestId: id,
    seq: 1,
    start: checkedInAt,
    end: checkedInAt + 3_600_000,
    via: 'direct',
    createdAt: checkedInAt - 86_400_000,
    closedAt: null,
    checkedInAt,
    checkedInBy: 'demo-staff',
  });
}
async function dose(id: string, siteId: string, owner: string, completedAt: number) {
  await w.db.collection('appointments').add({
    _id: id,
    owner,
    personId: `p-${id}`,
    idHash: 'h',
    siteId,
    siteName: '接种点',
    slotId: `sl-${id}`,
    vaccine: 'flu',
    vaccineName: '流感疫苗',
    dose: 1,
    status: 'completed',
    code: id,
    requestId: id,
    seat: 'general',
    elder: false,
    maskedName: '李*',
    start: completedAt,
    end: completedAt + 1_800_000,
    createdAt: completedAt - 86_400_000,
    completedAt,
    closedAt: null,
  });
}

beforeAll(async () => {
  w = await adminWorld();
  await w.db
    .collection('users')
    .add({ _id: 'lc-member', nickname: '党员刘梅', role: 'member', branchId: 'br-lc-jiulong', createdAt: w.now });
  // 11-24: two awards, in two counties.
  data(
    await w.call.at(sh('2026-11-24T10:00:00'))('points', {
      action: 'award',
      openid: 'demo-member',
      points: 50,
      reason: '志愿服务表彰',
      requestId: 'dash-award-1',
    }),
  );
  data(
    await w.call.at(sh('2026-11-24T10:05:00'))('points', {
      action: 'award',
      openid: 'lc-member',
      points: 30,
      reason: '双报到服务',
      requestId: 'dash-award-2',
    }),
  );
  // 11-25: a redemption (20 points) picked up the same day; three bookings checked in.
  const order = data(
    await w.call.at(sh('2026-11-25T10:00:00'))<{ pickupCode: string }>(
      'points',
      { action: 'redeem', goodsId: 'g-towel', qty: 1, requestId: 'dash-redeem-1' },
      'demo-member',
    ),
  );
  data(
    await w.call.at(sh('2026-11-25T11:00:00'))(
      'points',
      { action: 'verifyOrder', pickupCode: order.pickupCode },
      'demo-staff',
    ),
  );
  await booking('bk-dash-1', 'st-yf-center', 'demo-member', sh('2026-11-25T09:00:00'));
  await booking('bk-dash-2', 'st-yf-xiangyang', 'demo-resident', sh('2026-11-25T15:00:00'));
  await booking('bk-dash-3', 'st-lc-jiulong', 'lc-member', sh('2026-11-25T23:59:00'));
  // 11-26: two doses at 永福 sites.
  await dose('ap-dash-1', 'vs-yf-01', 'demo-member', sh('2026-11-26T00:00:00'));
  await dose('ap-dash-2', 'vs-yf-02', 'demo-resident', sh('2026-11-26T16:00:00'));
  // Outside the period: 11-27.
  await booking('bk-dash-4', 'st-yf-center', 'demo-member', sh('2026-11-27T00:00:00'));
  data(
    await w.call.at(sh('2026-11-27T08:00:00'))('points', {
      action: 'award',
      openid: 'demo-member',
      points: 7,
      reason: '不在统计期',
      requestId: 'dash-award-3',
    }),
  );
});
afterAll(() => w.db.close());

const board = async (input: Record<string, unknown>) =>
  data(await w.call<Dashboard>('admin', { action: 'dashboard', from: '2026-11-24', to: '2026-11-26', ...input }));

test('everything: 服务人次, points, pickups, active members, top branches and the daily trend', async () => {
  const d = await board({});
  expect(d).toMatchObject({
    scope: { unitId: null, name: '全部' },
    servings: { bookingsCheckedIn: 3, dosesGiven: 2 },
    pointsEarned: 80,
    pointsSpent: 20,
    ordersPickedUp: 1,
    activeMembers: 2,
    truncated: false,
    topBranches: [
      { branchId: 'br-yf-xiangyang', name: '向阳社区党支部', points: 50 },
      { branchId: 'br-lc-jiulong', name: '九龙社区党支部', points: 30 },
    ],
  });
  expect(d.trend).toEqual([
    { date: '2026-11-24', bookingsCheckedIn: 0, dosesGiven: 0, pointsEarned: 80, pointsSpent: 0, ordersPickedUp: 0 },
    { date: '2026-11-25', bookingsCheckedIn: 3, dosesGiven: 0, pointsEarned: 0, pointsSpent: 20, ordersPickedUp: 1 },
    { date: '2026-11-26', bookingsCheckedIn: 0, dosesGiven: 2, pointsEarned: 0, pointsSpent: 0, ordersPickedUp: 0 },
  ]);
});

test('a county: services at its stations and sites, points and pickups of its branches', async () => {
  const d = await board({ unitId: '桂林市永福县' });
  expect(d).toMatchObject({
    servings: { bookingsCheckedIn: 2, dosesGiven: 2 },
    pointsEarned: 50,
    pointsSpent: 20,
    ordersPickedUp: 1,
    activeMembers: 1,
    topBranches: [{ branchId: 'br-yf-xiangyang', points: 50 }],
  });
});

test('a branch: what its members did', async () => {
  expect(await board({ unitId: 'br-lc-jiulong' })).toMatchObject({
    scope: { name: '九龙社区党支部' },
    servings: { bookingsCheckedIn: 1, dosesGiven: 0 },
    pointsEarned: 30,
    pointsSpent: 0,
    ordersPickedUp: 0,
    activeMembers: 1,
  });
  expect(await board({ unitId: 'br-yf-xiangyang' })).toMatchObject({
    servings: { bookingsCheckedIn: 1, dosesGiven: 1 },
    pointsEarned: 50,
    pointsSpent: 20,
    ordersPickedUp: 1,
  });
});

test('a period over 366 days or reversed is refused in Chinese; an unknown unit is NOT_FOUND; only admins', async () => {
  expect(await w.call('admin', { action: 'dashboard', from: '2025-01-01', to: '2026-01-02' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '统计范围不能超过 366 天' },
  });
  expect(await w.call('admin', { action: 'dashboard', from: '2026-11-26', to: '2026-11-24' })).toMatchObject({
    ok: false,
    error: { message: '开始日期不能晚于结束日期' },
  });
  expect(await w.call('admin', { action: 'dashboard', from: '0001-01-01', to: '9999-12-31' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT' },
  });
  expect(
    await w.call('admin', { action: 'dashboard', from: '2026-11-24', to: '2026-11-26', unitId: 'no-such-unit' }),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(
    await w.call('admin', { action: 'dashboard', from: '2026-11-24', to: '2026-11-26' }, 'demo-staff'),
  ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  // A leap year's 366 days is allowed.
  expect((await w.call('admin', { action: 'dashboard', from: '2028-01-01', to: '2028-12-31' })).ok).toBe(true);
});

test('the export holds the same figures in three sheets', async () => {
  const res = data(
    await w.call<{ filename: string; base64: string }>('admin', {
      action: 'dashboardExport',
      from: '2026-11-24',
      to: '2026-11-26',
    }),
  );
  expect(res.filename).toBe('数据看板_全部_2026-11-24_2026-11-26.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(res.base64, 'base64') as unknown as ArrayBuffer);
  const overview = book.getWorksheet('概览')!;
  const figures = Object.fromEntries(
    overview
      .getSheetValues()
      .slice(2)
      .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
  );
  expect(figures).toMatchObject({
    '服务人次：预约签到': 3,
    '服务人次：疫苗接种': 2,
    获得积分: 80,
    使用积分: 20,
    已领取订单: 1,
    活跃党员: 2,
  });
  expect(book.getWorksheet('每日趋势')!.rowCount).toBe(4);
  expect(book.getWorksheet('支部积分排行')!.getRow(2).values).toEqual([undefined, 1, '向阳社区党支部', 50]);
});

test('the paged scan reads every document once across pages and stops at its bound', async () => {
  const at = sh('2026-12-01T10:00:00');
  for (let i = 0; i < 11; i += 1)
    await w.db
      .collection('orders')
      .add({ _id: `scan-${String(i).padStart(2, '0')}`, status: 'scanned', pickedAt: at + Math.floor(i / 4) });
  const seen: string[] = [];
  const all = await scanRange(
    w.db,
    'orders',
    { status: 'scanned' },
    'pickedAt',
    { start: at, end: at + 10 },
    100,
    (d) => seen.push(d._id),
    3,
  );
  expect(all).toEqual({ read: 11, truncated: false });
  expect(seen).toEqual(Array.from({ length: 11 }, (_, i) => `scan-${String(i).padStart(2, '0')}`));
  const bounded = await scanRange(
    w.db,
    'orders',
    { status: 'scanned' },
    'pickedAt',
    { start: at, end: at + 10 },
    7,
    () => undefined,
    3,
  );
  expect(bounded).toEqual({ read: 7, truncated: true });
  const window = await scanRange(
    w.db,
    'orders',
    { status: 'scanned' },
    'pickedAt',
    { start: at + 1, end: at + 2 },
    100,
    () => undefined,
    3,
  );
  expect(window.read).toBe(4);
});
