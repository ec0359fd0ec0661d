/** The points module against the embedded engine: earning, the ledger, the mall and its invariants. */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { checkPointsInvariants } from './invariants';
import { OPENING_BALANCES } from '../seed/points-data';

// Through the real SDK against the CloudBase double (the cloudbase-* projects) a storm takes seconds, not milliseconds.
jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const expectClean = async (w: World) => {
  for (const r of await checkPointsInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
};
const everything = (w: World) => dump(w.db, Object.keys(COLLECTIONS));
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);

/** Makes `n` members of one branch with `points` each, posted as admin awards. */
async function members(w: World, n: number, points: number, prefix = 'm'): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
  for (const id of ids) {
    await w.db
      .collection('users')
      .add({ _id: id, nickname: `党员${id}`, role: 'member', branchId: 'br-yf-xiangyang', createdAt: w.now });
    if (points > 0) {
      const res = await w.call(
        'points',
        { action: 'award', openid: id, points, reason: '测试积分', requestId: `seed-${id}` },
        'demo-admin',
      );
      expect(res.ok).toBe(true);
    }
  }
  return ids;
}

async function newGoods(w: World, input: Record<string, unknown>): Promise<string> {
  const res = await w.call<{ goodsId: string }>(
    'points',
    { action: 'saveGoods', name: '测试商品', price: 10, stock: 10, perUserLimit: 5, ...input },
    'demo-admin',
  );
  if (!res.ok) throw new Error(res.error.message);
  return res.data.goodsId;
}

describe('earning', () => {
  let w: World;
  beforeAll(async () => {
    w = await seededWorld();
  });
  afterAll(() => w.db.close());

  test('a member checks in with the activity code once, and the balance and ledger move together', async () => {
    const opening = OPENING_BALANCES[0]!.points;
    const res = await w.call<{ points: number; balance: number }>('points', { action: 'checkin', code: 'demo01' });
    expect(res).toEqual({ ok: true, data: expect.objectContaining({ points: 5, balance: opening + 5 }) });
    expect(await w.call('points', { action: 'checkin', code: 'DEMO01' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await w.call('points', { action: 'summary' })).toEqual({
      ok: true,
      data: { balance: opening + 5, earned: opening + 5, spent: 0 },
    });
    const ledger = await w.call<{ items: { amount: number; balanceAfter: number; kind: string }[] }>('points', {
      action: 'ledger',
    });
    expect(ledger.ok && ledger.data.items.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([
      ['checkin', 5, opening + 5],
      ['award', opening, opening],
    ]);
    await expectClean(w);
  });

  test('check-in opens 10 minutes before the start and closes at the end', async () => {
    const pub = await w.call<{ code: string }>(
      'points',
      {
        action: 'publishActivity',
        title: '党课',
        ruleId: 'r-sanhui',
        start: '2026-11-23 12:00',
        end: '2026-11-23 13:00',
        requestId: 'pub-dangke-1',
      },
      'demo-admin',
    );
    if (!pub.ok) throw new Error(pub.error.message);
    const at = (time: string) => Date.parse(`${time}+08:00`);
    const callAt = (time: string) =>
      w.call.at(at(time))('points', { action: 'checkin', code: pub.data.code }, 'demo-member');
    expect(codeOf(await callAt('2026-11-23T11:49:59'))).toBe('TOO_EARLY');
    expect(codeOf(await callAt('2026-11-23T13:00:01'))).toBe('TOO_LATE');
    expect(codeOf(await callAt('2026-11-23T11:50:00'))).toBe('ok');
    expect(codeOf(await w.call('points', { action: 'checkin', code: 'ZZZZZZ' }))).toBe('NOT_FOUND');
  });

  test('a daily cap limits the points a rule awards, in Shanghai days', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const pub = await w.call<{ code: string }>(
        'points',
        {
          action: 'publishActivity',
          title: `学习${i}`,
          ruleId: 'r-xuexi',
          start: '2026-11-24 00:10',
          end: '2026-11-24 23:50',
          requestId: `pub-xuexi-${i}`,
        },
        'demo-admin',
      );
      if (!pub.ok) throw new Error(pub.error.message);
      codes.push(pub.data.code);
    }
    const at = Date.parse('2026-11-24T09:00:00+08:00');
    const results = [];
    for (const code of codes)
      results.push(await w.call.at(at)<{ points: number }>('points', { action: 'checkin', code }, 'demo-member'));
    // Study is 2 points a time, 6 a day at most.
    expect(results.map((r) => (r.ok ? r.data.points : r.error.code))).toEqual([2, 2, 2, 'LIMIT_REACHED']);
    await expectClean(w);
  });

  test('residents do not earn party points', async () => {
    expect(codeOf(await w.call('points', { action: 'checkin', code: 'DEMO02' }, 'demo-resident'))).toBe('FORBIDDEN');
  });

  test('admin awards and corrections name the admin, never go below zero, and are idempotent', async () => {
    const [m] = await members(w, 1, 0, 'aw');
    const award = {
      action: 'award',
      openid: m,
      points: 30,
      reason: '疫情防控志愿服务表现突出',
      requestId: 'award-0001',
    };
    const answers = await Promise.all(Array.from({ length: 10 }, () => w.call('points', award, 'demo-admin')));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ok: true, data: { points: 30, balance: 30 } });
    const before = await everything(w);
    expect(codeOf(await w.call('points', { ...award, points: -31, requestId: 'award-0002' }, 'demo-admin'))).toBe(
      'INSUFFICIENT_POINTS',
    );
    expect(await everything(w)).toBe(before);
    expect(
      await w.call('points', { ...award, points: -30, requestId: 'award-0003', reason: '重复登记更正' }, 'demo-admin'),
    ).toMatchObject({ ok: true, data: { balance: 0 } });
    const entries = await w.db.collection('ledger').where({ openid: m! }).get();
    expect(entries.map((e) => [e.kind, e.amount, e.adminId])).toEqual(
      expect.arrayContaining([
        ['award', 30, 'demo-admin'],
        ['correction', -30, 'demo-admin'],
      ]),
    );
    for (const who of ['demo-member', 'demo-staff', 'demo-resident'])
      expect(codeOf(await w.call('points', { ...award, requestId: 'award-0004' }, who))).toBe('FORBIDDEN');
    await expectClean(w);
  });
});

describe('mall', () => {
  let w: World;
  beforeAll(async () => {
    w = await seededWorld();
  });
  afterAll(() => w.db.close());

  test('500 concurrent redemptions by 100 members for 50 units: exactly 50 sold, every invariant holds', async () => {
    const ids = await members(w, 100, 25, 'rush');
    const goodsId = await newGoods(w, { name: '秒杀大米', price: 10, stock: 50, perUserLimit: 2 });
    const calls = Array.from({ length: 500 }, (_, i) =>
      w.call('points', { action: 'redeem', goodsId, qty: 1, requestId: `rush-${i}-req` }, ids[i % 100]!),
    );
    const results = await Promise.all(calls);
    const sold = results.filter((r) => r.ok).length;
    expect(sold).toBe(50);
    const reasons = new Set(results.filter((r) => !r.ok).map(codeOf));
    expect([...reasons].every((c) => ['SOLD_OUT', 'LIMIT_REACHED', 'INSUFFICIENT_POINTS'].includes(c))).toBe(true);
    const g = await w.db.collection('goods').doc(goodsId).get();
    expect(g).toMatchObject({ stock: 0, sold: 50, stocked: 50 });
    await expectClean(w);
  });

  test('the same requestId sent 10 times at once: one order, ten identical answers', async () => {
    const [m] = await members(w, 1, 100, 'idem');
    const goodsId = await newGoods(w, { price: 15 });
    const event = { action: 'redeem', goodsId, qty: 2, requestId: 'same-request-1' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => w.call('points', event, m!)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ok: true, data: { balance: 70 } });
    expect(await w.db.collection('orders').where({ openid: m! }).count()).toBe(1);
    // The same requestId from someone else is a different request.
    const [other] = await members(w, 1, 100, 'idem2');
    expect(await w.call('points', event, other!)).toMatchObject({ ok: true, data: { balance: 70 } });
    await expectClean(w);
  });

  test('the per-user limit holds under concurrent calls by one member', async () => {
    const [m] = await members(w, 1, 1000, 'lim');
    const goodsId = await newGoods(w, { price: 1, stock: 100, perUserLimit: 3 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        w.call('points', { action: 'redeem', goodsId, qty: 1, requestId: `lim-${i}-abc` }, m!),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).every((r) => codeOf(r) === 'LIMIT_REACHED')).toBe(true);
    await expectClean(w);
  });

  test('cancel before pickup refunds once; staff verify the pickup code once', async () => {
    const [m] = await members(w, 1, 100, 'cv');
    const goodsId = await newGoods(w, { price: 20 });
    const first = await w.call<{ orderId: string; pickupCode: string }>(
      'points',
      { action: 'redeem', goodsId, qty: 1, requestId: 'cv-first-1' },
      m!,
    );
    const second = await w.call<{ orderId: string; pickupCode: string }>(
      'points',
      { action: 'redeem', goodsId, qty: 1, requestId: 'cv-second-1' },
      m!,
    );
    if (!first.ok || !second.ok) throw new Error('redeem failed');
    expect(first.data.pickupCode).toMatch(/^\d{8}$/);
    const cancels = await Promise.all(
      [1, 2].map(() => w.call('points', { action: 'cancelOrder', orderId: first.data.orderId }, m!)),
    );
    expect(cancels.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
    expect(codeOf(await w.call('points', { action: 'cancelOrder', orderId: second.data.orderId }, 'demo-member'))).toBe(
      'NOT_FOUND',
    );
    expect(
      codeOf(await w.call('points', { action: 'verifyOrder', pickupCode: first.data.pickupCode }, 'demo-staff')),
    ).toBe('NOT_FOUND');
    expect(codeOf(await w.call('points', { action: 'verifyOrder', pickupCode: second.data.pickupCode }, m!))).toBe(
      'FORBIDDEN',
    );
    const verified = await Promise.all(
      [1, 2].map(() => w.call('points', { action: 'verifyOrder', pickupCode: second.data.pickupCode }, 'demo-staff')),
    );
    expect(verified.map(codeOf).sort()).toEqual(['CONFLICT', 'ok']);
    // Once picked, the code is gone.
    expect(
      codeOf(await w.call('points', { action: 'verifyOrder', pickupCode: second.data.pickupCode }, 'demo-staff')),
    ).toBe('NOT_FOUND');
    expect(codeOf(await w.call('points', { action: 'cancelOrder', orderId: second.data.orderId }, m!))).toBe(
      'CONFLICT',
    );
    const orders = await w.call<{ items: { status: string }[] }>('points', { action: 'orders' }, m!);
    expect(orders.ok && orders.data.items.map((o) => o.status)).toEqual(['picked', 'cancelled']);
    expect(await w.call('points', { action: 'summary' }, m!)).toEqual({
      ok: true,
      data: { balance: 80, earned: 100, spent: 20 },
    });
    await expectClean(w);
  });

  test('cancel and expiry racing on one order refund exactly once', async () => {
    const ids = await members(w, 20, 50, 'race');
    const goodsId = await newGoods(w, { price: 10, stock: 20 });
    const orderIds: string[] = [];
    for (const id of ids) {
      const r = await w.call<{ orderId: string }>(
        'points',
        { action: 'redeem', goodsId, qty: 1, requestId: `race-${id}` },
        id,
      );
      if (r.ok) orderIds.push(r.data.orderId);
    }
    const { expireOrders } = await import('./jobs');
    const later = w.now + 8 * DAY;
    await Promise.all([
      expireOrders(w.db, later),
      ...orderIds.map((orderId, i) => w.call.at(later)('points', { action: 'cancelOrder', orderId }, ids[i]!)),
      expireOrders(w.db, later),
    ]);
    const statuses = (await w.db.collection('orders').where({ goodsId }).get()).map((o) => o.status);
    expect(statuses.every((s) => s === 'cancelled' || s === 'expired')).toBe(true);
    expect(await w.db.collection('goods').doc(goodsId).get()).toMatchObject({ stock: 20, sold: 0 });
    await expectClean(w);
  });

  test('redemption-day goods are redeemable only inside the event window', async () => {
    const [m] = await members(w, 1, 200, 'ev');
    const inside = await w.call(
      'points',
      { action: 'redeem', goodsId: 'g-rice', qty: 1, requestId: 'ev-inside-1' },
      m!,
    );
    expect(codeOf(inside)).toBe('ok');
    const outside = await w.call.at(w.now + 40 * DAY)(
      'points',
      { action: 'redeem', goodsId: 'g-rice', qty: 1, requestId: 'ev-outside-1' },
      m!,
    );
    expect(outside).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('积分兑换日') },
    });
  });

  test('bad input is refused with a readable message and writes nothing', async () => {
    const before = await everything(w);
    const cases: [unknown, string, string?][] = [
      [{ action: 'redeem', goodsId: 'g-towel', qty: 0, requestId: 'bad-000001' }, 'INVALID_ARGUMENT'],
      [{ action: 'redeem', goodsId: 'g-towel', qty: -1, requestId: 'bad-000002' }, 'INVALID_ARGUMENT'],
      [{ action: 'redeem', goodsId: 'g-towel', qty: 1.5, requestId: 'bad-000003' }, 'INVALID_ARGUMENT'],
      [{ action: 'redeem', goodsId: 'g-towel', qty: 1e9, requestId: 'bad-000004' }, 'INVALID_ARGUMENT'],
      [{ action: 'redeem', goodsId: 'g-towel', qty: '1', requestId: 'bad-000005' }, 'INVALID_ARGUMENT'],
      [{ action: 'redeem', goodsId: 'g-towel', qty: 1 }, 'INVALID_ARGUMENT'],
      [{ action: 'redeem', goodsId: 'g-none', qty: 1, requestId: 'bad-000006' }, 'NOT_FOUND'],
      [{ action: 'redeem', goodsId: 'g-oil', qty: 2, requestId: 'bad-000007' }, 'LIMIT_REACHED'],
      [{ action: 'redeem', goodsId: 'g-towel', qty: 1, requestId: 'x'.repeat(65) }, 'INVALID_ARGUMENT'],
      [
        { action: 'award', openid: 'demo-member', points: 0.5, reason: '小数', requestId: 'bad-000008' },
        'INVALID_ARGUMENT',
        'demo-admin',
      ],
      [
        { action: 'award', openid: 'demo-member', points: 1e6, reason: '太多', requestId: 'bad-000009' },
        'INVALID_ARGUMENT',
        'demo-admin',
      ],
      [
        { action: 'award', openid: 'nobody', points: 5, reason: '不存在', requestId: 'bad-000010' },
        'NOT_FOUND',
        'demo-admin',
      ],
      [{ action: 'saveGoods', name: '', price: 1, stock: 1, perUserLimit: 1 }, 'INVALID_ARGUMENT', 'demo-admin'],
      [{ action: 'saveGoods', name: '商品', price: 1, stock: 1, perUserLimit: 1 }, 'FORBIDDEN', 'demo-staff'],
      [{ action: 'restock', goodsId: 'g-towel', qty: 0 }, 'INVALID_ARGUMENT', 'demo-admin'],
      [{ action: 'restock', goodsId: 'g-none', qty: 5 }, 'NOT_FOUND', 'demo-admin'],
      [{ action: 'checkin', code: '12' }, 'INVALID_ARGUMENT'],
      [{ action: 'verifyOrder', pickupCode: '1234' }, 'INVALID_ARGUMENT', 'demo-staff'],
      [{ action: 'cancelOrder', orderId: 'od_nothing' }, 'NOT_FOUND'],
      [{ action: 'ledger', cursor: 'abc' }, 'INVALID_ARGUMENT'],
      [{ action: 'leaderboard', scope: 'county' }, 'INVALID_ARGUMENT'],
      [{ action: 'export', from: '2026-13-01', to: '2026-11-30' }, 'INVALID_ARGUMENT', 'demo-admin'],
      [
        {
          action: 'publishActivity',
          title: '党课',
          ruleId: 'r-sanhui',
          start: '2026-11-23 12:00',
          end: '2026-11-23 11:00',
          requestId: 'pub-backwards',
        },
        'INVALID_ARGUMENT',
        'demo-admin',
      ],
      [['redeem'], 'INVALID_ARGUMENT'],
    ];
    for (const [event, code, who] of cases) {
      const res = await w.call('points', event, who ?? 'demo-member');
      expect(`${JSON.stringify(event).slice(0, 60)} → ${codeOf(res)}`).toBe(
        `${JSON.stringify(event).slice(0, 60)} → ${code}`,
      );
      if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // g-oil allows one each: the LIMIT_REACHED case above asked for two.
    expect(await everything(w)).toBe(before);
  });

  test('admins see low stock, restock, and stock + sold stays equal to what was stocked', async () => {
    const low = await w.call<{ items: { goodsId: string; lowStock: boolean }[] }>(
      'points',
      { action: 'goods', lowStockOnly: true, limit: 50 },
      'demo-admin',
    );
    expect(low.ok && low.data.items.map((g) => g.goodsId)).toContain('g-umbrella');
    const member = await w.call<{ items: Record<string, unknown>[] }>(
      'points',
      { action: 'goods', limit: 50 },
      'demo-member',
    );
    expect(member.ok && member.data.items.every((g) => !('lowStock' in g))).toBe(true);
    expect(await w.call('points', { action: 'restock', goodsId: 'g-umbrella', qty: 10 }, 'demo-admin')).toEqual({
      ok: true,
      data: { goodsId: 'g-umbrella', stock: 13 },
    });
    await expectClean(w);
  });
});

describe('ranking and export', () => {
  let w: World;
  beforeAll(async () => {
    w = await seededWorld();
  });
  afterAll(() => w.db.close());

  test('members rank by points earned within their branch, with my own rank', async () => {
    const ids = await members(w, 3, 0, 'rk');
    for (const [i, id] of ids.entries())
      await w.call(
        'points',
        { action: 'award', openid: id, points: (i + 1) * 50, reason: '排名测试', requestId: `rank-${id}` },
        'demo-admin',
      );
    const res = await w.call<{ items: { nickname: string; earned: number; mine: boolean }[]; me: { rank: number } }>(
      'points',
      { action: 'leaderboard', scope: 'member', limit: 3 },
    );
    expect(res.ok && res.data.items.map((r) => [r.nickname, r.earned, r.mine])).toEqual([
      ['党员rk002', 150, false],
      [expect.any(String), 120, true],
      ['党员rk001', 100, false],
    ]);
    // Rank, nickname, branch (and the points ranked by) only: no openid of anyone.
    expect(res.ok && res.data.items.map((r) => Object.keys(r).sort())).toEqual(
      Array(3).fill(['branch', 'earned', 'mine', 'nickname', 'rank']),
    );
    expect(JSON.stringify(res)).not.toMatch(/"(rk00\d|demo-member)"|openid/);
    expect(res.ok && res.data.me.rank).toBe(2);
    const branches = await w.call<{ items: { branchId: string; average: number; members: number }[] }>('points', {
      action: 'leaderboard',
      scope: 'branch',
    });
    const xiangyang = branches.ok ? branches.data.items.find((b) => b.branchId === 'br-yf-xiangyang') : undefined;
    expect(xiangyang).toMatchObject({ members: 4, average: (150 + 120 + 100 + 50) / 4 });
    expect(branches.ok && branches.data.items[0]!.branchId).toBe('br-yf-xiangyang');
  });

  test('export writes the branch ledger for a period as CSV, naming the admin', async () => {
    const res = await w.call<{ csv: string; rows: number; filename: string }>(
      'points',
      { action: 'export', branchId: 'br-yf-xiangyang', from: '2026-11-01', to: '2026-11-30' },
      'demo-admin',
    );
    if (!res.ok) throw new Error(res.error.message);
    const lines = res.data.csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('时间,姓名,openid,党支部,类型,事由,积分变动,变动后余额,经办管理员');
    expect(lines).toHaveLength(res.data.rows + 1);
    expect(res.data.rows).toBe(4);
    expect(lines.some((l) => l.includes('党员王建国') && l.includes('管理员赵书记'))).toBe(true);
    const empty = await w.call<{ rows: number }>(
      'points',
      { action: 'export', from: '2025-01-01', to: '2025-01-31' },
      'demo-admin',
    );
    expect(empty.ok && empty.data.rows).toBe(0);
    expect(
      codeOf(await w.call('points', { action: 'export', from: '2026-11-01', to: '2026-11-30' }, 'demo-staff')),
    ).toBe('FORBIDDEN');
    // A nickname a spreadsheet would run as a formula reaches the CSV as text (shared helper, domain/core/csv.ts).
    await w.db.collection('users').add({
      _id: 'csv-evil',
      nickname: '=HYPERLINK("http://evil","点我")',
      role: 'member',
      branchId: 'br-yf-xiangyang',
      createdAt: w.now,
    });
    await w.call(
      'points',
      { action: 'award', openid: 'csv-evil', points: 5, reason: '@SUM(1)', requestId: 'csv-evil-award' },
      'demo-admin',
    );
    const evil = await w.call<{ csv: string }>(
      'points',
      { action: 'export', branchId: 'br-yf-xiangyang', from: '2026-11-01', to: '2026-11-30' },
      'demo-admin',
    );
    expect(evil.ok && evil.data.csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(evil.ok && evil.data.csv).toContain("'@SUM(1)");
    expect(evil.ok && evil.data.csv).not.toMatch(/(^|,)[=@]/m);
  });
});
