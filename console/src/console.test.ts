/** The console's pure parts: server refusals (from the real router) put beside their field, the unit tree's order, vaccine lines, the HTTP transport. */
import { seededWorld } from '../../test/support/functions';
import { CallError, HttpTransport } from './transport';
import { fieldOfServerError } from './ui/server-error';
import { inTreeOrder } from './ui/tree';
import { parseVaccines, vaccinesText } from './ui/vaccines';
import { accessOf, placeFilter } from './scope';
import type { call, Me, Unit } from './api';
import type { callFunction } from '../../src/services/transport';

/** A refusal as the console's `call` throws it, from the real router's answer. */
async function refusal(fn: string, event: object): Promise<CallError> {
  const w = await world;
  const res = await w.call(fn, event, 'demo-admin');
  if (res.ok) throw new Error(`${fn}.${(event as { action: string }).action} was not refused`);
  return new CallError(res.error.code, res.error.message, res.error.field);
}
const world = seededWorld();
afterAll(async () => (await world).db.close());

test('a server refusal goes beside the field it names (its first segment), else it stays a banner', async () => {
  const price = await refusal('points', { action: 'saveGoods', name: '党徽', price: 0, stock: 5, perUserLimit: 1 });
  expect(fieldOfServerError(price, ['name', 'price', 'stock'])).toEqual({ field: 'price', text: price.message });
  expect(price.message).not.toMatch(/price|参数/);
  const capacity = await refusal('stations', {
    action: 'generateSlots',
    itemId: 'it-yf-center-room',
    from: '2026-12-01',
    to: '2026-12-02',
    template: { weekdays: [1], start: '09:00', end: '10:00', slotMinutes: 60, capacity: 0 },
  });
  expect(capacity.field).toBe('template.capacity');
  expect(fieldOfServerError(capacity, ['itemId', 'from', 'to', 'template'])).toEqual({
    field: 'template',
    text: capacity.message,
  });
  // Not a field of this form, or no field at all: a banner.
  expect(fieldOfServerError(price, ['name'])).toBeNull();
  const missing = await refusal('points', { action: 'restock', goodsId: 'g-nowhere', qty: 1 });
  expect(missing.field).toBeUndefined();
  expect(fieldOfServerError(missing, ['goodsId', 'qty'])).toBeNull();
  expect(fieldOfServerError(new Error('网络不稳定'), ['price'])).toBeNull();
});

// Type-level only (never run): `tsc --noEmit` checks that each @ts-expect-error meets an error.
declare const consoleCall: typeof call;
declare const appCall: typeof callFunction;
export function contractRefusals(): void {
  // @ts-expect-error no such function
  void consoleCall('pointz', 'goods');
  // @ts-expect-error no such action of `points`
  void consoleCall('points', 'goodz');
  // @ts-expect-error the price is a number
  void consoleCall('points', 'saveGoods', { name: '党徽', price: '10', stock: 5, perUserLimit: 1 });
  // @ts-expect-error a field the action does not take
  void consoleCall('points', 'restock', { goodsId: 'g-1', qty: 1, note: '多余' });
  // @ts-expect-error the input is required
  void consoleCall('points', 'restock');
  // @ts-expect-error `mode: 'assign'` needs an openid
  void appCall('requests', 'dispatch', { id: 'r-1', mode: 'assign' });
  // @ts-expect-error no such action of `user`
  void appCall('user', 'goods');
  // The answer is the action's own: restock answers the new stock.
  const restocked: Promise<{ stock: number }> = consoleCall('points', 'restock', { goodsId: 'g-1', qty: 1 });
  void restocked;
  void appCall('user', 'me');
}

const unit = (unitId: string, parentId: string | null, name: string, kind: Unit['kind'] = 'branch'): Unit => ({
  unitId,
  parentId,
  kind,
  kindLabel: '党支部',
  name,
  county: '',
  secretary: null,
  memberCount: 0,
});

test('units come parents first with their depth; an orphan (parent not visible) is a root', () => {
  const order = inTreeOrder([
    unit('b2', 'c1', '乙支部'),
    unit('c1', null, '永福县', 'county'),
    unit('m1', 'c1', '甲大党委', 'committee'),
    unit('b1', 'm1', '丙支部'),
    unit('x', 'hidden', '看得见的支部'),
  ]);
  // Siblings by pinyin: 看 before 永, 甲 before 乙.
  expect(order.map((u) => [u.unitId, u.depth])).toEqual([
    ['x', 0],
    ['c1', 0],
    ['m1', 1],
    ['b1', 2],
    ['b2', 1],
  ]);
});

test('units in a cycle (no root) are left out instead of hanging the page', () => {
  expect(inTreeOrder([unit('a', 'b', '甲'), unit('b', 'a', '乙')])).toEqual([]);
});

test('vaccine lines: parsed, round-tripped, and refused line by line in Chinese', () => {
  const parsed = parseVaccines('flu,流感疫苗,华兰生物,1,0\nhpv，九价HPV疫苗，默沙东，3，60\n');
  expect(parsed).toEqual([
    { code: 'flu', name: '流感疫苗', maker: '华兰生物', doses: 1, intervalDays: 0 },
    { code: 'hpv', name: '九价HPV疫苗', maker: '默沙东', doses: 3, intervalDays: 60 },
  ]);
  expect(parseVaccines(vaccinesText(parsed as never))).toEqual(parsed);
  expect(parseVaccines('')).toBe('请至少填写一种疫苗');
  expect(parseVaccines('flu')).toBe('第 1 行缺少编码或名称');
  expect(parseVaccines('flu,流感疫苗,华兰,9')).toBe('第 1 行的剂次必须是 1 到 5');
  expect(parseVaccines('a,甲\nb,乙,厂,1,-3')).toBe('第 2 行的间隔天数必须是非负整数');
});

describe('HttpTransport', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });
  const answer = (status: number, body: unknown) => jest.fn(async () => new Response(JSON.stringify(body), { status }));

  test('calls <functionsUrl>/<name> relative to the page, with the bearer token and the action in the body', async () => {
    const fetchMock = answer(200, { ok: true, data: { n: 1 } });
    global.fetch = fetchMock as unknown as typeof fetch;
    const t = new HttpTransport({ functionsUrl: '../fn' }, 'http://127.0.0.1:8080/admin/');
    expect(await t.call('points', { action: 'goods' }, 'tok')).toEqual({ ok: true, data: { n: 1 } });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe('http://127.0.0.1:8080/fn/points');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(String(init.body))).toEqual({ action: 'goods' });
  });

  test('a network failure and a non-envelope answer become plain Chinese errors', async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const t = new HttpTransport({ functionsUrl: '../fn' }, 'http://127.0.0.1:8080/admin/');
    const network = await t.call('points', { action: 'goods' }, null).catch((e: unknown) => e);
    expect(network).toBeInstanceOf(CallError);
    expect(network).toMatchObject({ code: 'NETWORK', message: '网络不稳定，请检查网络后重试' });
    global.fetch = jest.fn(
      async () => new Response('<html>bad gateway</html>', { status: 502 }),
    ) as unknown as typeof fetch;
    expect(await t.call('points', { action: 'goods' }, null)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务返回了无法识别的结果（HTTP 502）' },
    });
  });

  test('dev sign-in is offered only when the local cloud answers the empty probe with 400', async () => {
    const t = new HttpTransport({ functionsUrl: '../fn' }, 'http://127.0.0.1:8080/admin/');
    global.fetch = answer(400, {
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'openid 必须是…' },
    }) as unknown as typeof fetch;
    expect(await t.devLoginAvailable()).toBe(true);
    global.fetch = answer(404, {
      ok: false,
      error: { code: 'NOT_FOUND', message: '开发登录仅在本地模式可用' },
    }) as unknown as typeof fetch;
    expect(await t.devLoginAvailable()).toBe(false);
  });

  test('an approved scan carries the token the console keeps; one without it is refused', async () => {
    const t = new HttpTransport({ functionsUrl: '../fn' }, 'http://127.0.0.1:8080/admin/');
    expect(await t.acceptApproval({ token: 'abc' })).toBe('abc');
    await expect(t.acceptApproval({})).rejects.toThrow('扫码确认后没有收到登录凭证，请重新扫码');
  });
});

test('a page lists what the person may act on: staff their own places, a county admin their county, the system admin all', () => {
  const me = (role: Me['role'], scope: Partial<Me['scope']> = {}): Me => ({
    openid: 'u',
    nickname: '某人',
    role,
    roleLabel: '',
    branch: null,
    points: { balance: 0 },
    scope: { unitId: null, unitName: '', stationIds: [], siteIds: [], ...scope },
  });
  const places = [
    { id: 'st-a', county: '桂林市永福县' },
    { id: 'st-b', county: '桂林市秀峰区' },
  ];
  const kept = (m: Me, kind: 'station' | 'site', county: string | null = null) => {
    const keep = placeFilter(accessOf(m), kind, county);
    return keep ? places.filter(keep).map((p) => p.id) : 'all';
  };
  expect(kept(me('admin'), 'station')).toBe('all');
  expect(accessOf(me('admin')).systemAdmin).toBe(true);
  const county = me('admin', { unitId: 'cty-xiufeng' });
  expect(accessOf(county)).toMatchObject({ systemAdmin: false, countyAdmin: true, editsPlaces: true });
  expect(kept(county, 'station', '桂林市秀峰区')).toEqual(['st-b']);
  // A county admin whose county is not known (a scope unit gone) sees nothing rather than everything.
  expect(kept(county, 'station', null)).toEqual([]);
  const staff = me('staff', { stationIds: ['st-a'], siteIds: ['st-b'] });
  expect(accessOf(staff).editsPlaces).toBe(false);
  expect(kept(staff, 'station')).toEqual(['st-a']);
  expect(kept(staff, 'site')).toEqual(['st-b']);
  expect(kept(me('secretary', { unitId: 'br-x' }), 'station')).toEqual([]);
});
