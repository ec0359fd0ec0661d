/** The console's pure parts: server errors put beside their field, the unit tree's order, vaccine lines, the HTTP transport. */
import { HttpTransport } from './transport';
import { fieldOfServerError } from './ui/server-error';
import { inTreeOrder } from './ui/tree';
import { parseVaccines, vaccinesText } from './ui/vaccines';
import type { Unit } from './api';

test('the router\'s 「参数 x：…」 names the field; anything else stays a banner', () => {
  expect(fieldOfServerError('参数 price：数值必须大于等于 1')).toEqual({ field: 'price', text: '数值必须大于等于 1' });
  expect(fieldOfServerError('参数 template.weekdays：请至少选择一天')).toEqual({ field: 'template', text: '请至少选择一天' });
  expect(fieldOfServerError('兑换结束时间必须晚于开始时间')).toBeNull();
  expect(fieldOfServerError('请求：参数不正确')).toBeNull();
});

const unit = (unitId: string, parentId: string | null, name: string, kind: Unit['kind'] = 'branch'): Unit => ({ unitId, parentId, kind, name, county: '', secretary: null, memberCount: 0 });

test('units come parents first with their depth; an orphan (parent not visible) is a root', () => {
  const order = inTreeOrder([
    unit('b2', 'c1', '乙支部'), unit('c1', null, '永福县', 'county'), unit('m1', 'c1', '甲大党委', 'committee'),
    unit('b1', 'm1', '丙支部'), unit('x', 'hidden', '看得见的支部'),
  ]);
  // Siblings by pinyin: 看 before 永, 甲 before 乙.
  expect(order.map((u) => [u.unitId, u.depth])).toEqual([['x', 0], ['c1', 0], ['m1', 1], ['b1', 2], ['b2', 1]]);
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
    expect(await t.call('points', { action: 'goods' }, null)).toEqual({ ok: false, error: { code: 'NETWORK', message: '网络不稳定，请检查网络后重试' } });
    global.fetch = jest.fn(async () => new Response('<html>bad gateway</html>', { status: 502 })) as unknown as typeof fetch;
    expect(await t.call('points', { action: 'goods' }, null)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '服务返回了无法识别的结果（HTTP 502）' } });
  });

  test('dev sign-in is offered only when the local cloud answers the empty probe with 400', async () => {
    const t = new HttpTransport({ functionsUrl: '../fn' }, 'http://127.0.0.1:8080/admin/');
    global.fetch = answer(400, { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'openid 必须是…' } }) as unknown as typeof fetch;
    expect(await t.devLoginAvailable()).toBe(true);
    global.fetch = answer(404, { ok: false, error: { code: 'NOT_FOUND', message: '开发登录仅在本地模式可用' } }) as unknown as typeof fetch;
    expect(await t.devLoginAvailable()).toBe(false);
  });

  test('an approved scan carries the token the console keeps; one without it is refused', async () => {
    const t = new HttpTransport({ functionsUrl: '../fn' }, 'http://127.0.0.1:8080/admin/');
    expect(await t.acceptApproval({ token: 'abc' })).toBe('abc');
    await expect(t.acceptApproval({})).rejects.toThrow('扫码确认后没有收到登录凭证，请重新扫码');
  });
});
