/**
 * The function entries (cloudfunctions/<fn>/src/index.ts) lend WeChat's content checker (issue 22): each admin
 * function, run as CloudBase runs it — its caller in the invocation context, the database and the open API reached
 * through the node-sdk from the function's environment — asks `security.msgSecCheck` (v2, the admin's openid) about
 * what an admin publishes, and a refused text writes nothing. The SDK's one service address is a small switch here:
 * `wx.api` goes to the WeChat stand-in, everything else to the CloudBase database double.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { COLLECTIONS } from '../domain/collections';
import { CloudBaseDatabase } from '../domain/db/cloudbase';
import { startCloudBaseDouble, type CloudBaseDouble } from '../test/support/cloudbase-double/server';
import { startWeChatDouble, type WeChatDouble } from '../test/support/wechat-double';

let double: CloudBaseDouble;
let wx: WeChatDouble;
let front: http.Server;
let db: CloudBaseDatabase;
const saved = { ...process.env };
const ADMIN = 'entry-admin';

function forward(target: string, body: Buffer, res: http.ServerResponse) {
  const req = http.request(target, { method: 'POST', headers: { 'content-type': 'application/json' } }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (c: Buffer) => chunks.push(c));
    answer.on('end', () => {
      res.writeHead(answer.statusCode ?? 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(Buffer.concat(chunks));
    });
  });
  req.end(body);
}

beforeAll(async () => {
  double = await startCloudBaseDouble();
  double.createCollections(Object.keys(COLLECTIONS));
  wx = await startWeChatDouble();
  front = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let action = '';
      try {
        action = String((JSON.parse(body.toString('utf8')) as { action?: unknown }).action ?? '');
      } catch {
        action = '';
      }
      forward(action === 'wx.api' ? wx.url : double.url, body, res);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', () => resolve()));
  // The function's environment, as CloudBase sets it, pointing the SDK at the switch.
  Object.assign(process.env, double.sdkEnv(), {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${(front.address() as AddressInfo).port}/admin` }),
  });
  db = new CloudBaseDatabase({ env: double.envId, serviceUrl: double.url, secretId: 'x', secretKey: 'y' });
  await db.collection('users').add({ _id: ADMIN, nickname: '管理员', role: 'admin', branchId: null, createdAt: 0 });
  wx.rules.push({ contains: '不该发布', suggest: 'risky', label: 10001 });
});
afterAll(async () => {
  process.env = saved;
  await wx.close();
  await double.close();
  await new Promise((resolve) => front.close(resolve));
});

/** How CloudBase hands a mini-program caller to a function: in the context, never the event. */
const context = { environment: JSON.stringify({ WX_OPENID: ADMIN }) };
const everything = async () => {
  const out: Record<string, unknown[]> = {};
  for (const name of Object.keys(COLLECTIONS)) out[name] = await db.collection(name).limit(1000).get();
  return JSON.stringify(out);
};

type Entry = (event: unknown, context?: unknown) => Promise<unknown>;
/** Each: the function, its entry, an admin's event, the refused field, its name on the form, WeChat's scene. */
const entries: [string, () => Promise<{ main: Entry }>, object, string, string, number][] = [
  [
    'points',
    () => import('./points/src/index'),
    { action: 'saveGoods', name: '毛巾', description: '这是不该发布的说明', price: 5, stock: 1, perUserLimit: 1 },
    'description',
    '说明',
    1,
  ],
  [
    'stations',
    () => import('./stations/src/index'),
    {
      action: 'saveStation',
      stationId: 'st-entry',
      name: '测试驿站',
      kind: 'center',
      county: '桂林市永福县',
      district: '永福镇',
      address: '县城中心',
      intro: '这是不该发布的简介',
    },
    'intro',
    '简介',
    1,
  ],
  [
    'vaccine',
    () => import('./vaccine/src/index'),
    {
      action: 'saveSite',
      siteId: 'vs-entry',
      name: '不该发布的接种点',
      county: '桂林市永福县',
      town: '永福镇',
      address: '县城中心',
      vaccines: [{ code: 'flu', name: '流感疫苗', maker: '华兰生物', doses: 1, intervalDays: 0 }],
      volunteerBranch: { name: '向阳社区党支部', volunteers: 3 },
    },
    'name',
    '名称',
    1,
  ],
  [
    'org',
    () => import('./org/src/index'),
    { action: 'saveUnit', parentId: null, kind: 'county', name: '不该发布县', requestId: 'entry-unit-1' },
    'name',
    '名称',
    1,
  ],
  [
    'admin',
    () => import('./admin/src/index'),
    { action: 'adjustStars', ratingId: 'no-such-rating', stars: 3, reason: '这是不该发布的理由' },
    'reason',
    '调整理由',
    2,
  ],
];

test.each(entries)(
  'the %s entry asks WeChat about what an admin publishes, and a refusal writes nothing',
  async (_name, load, event, field, label, scene) => {
    const { main } = await load();
    const before = await everything();
    const calls = wx.calls.length;
    expect(await main(event, context)).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: `${label}含有广告内容，请修改后再提交`, field },
    });
    const asked = wx.calls.slice(calls);
    expect(asked.length).toBeGreaterThan(0);
    for (const call of asked)
      expect(call).toMatchObject({ apiName: 'security.msgSecCheck', body: { version: 2, openid: ADMIN, scene } });
    expect(asked.map((c) => c.body.content)).toContainEqual(expect.stringContaining('不该发布'));
    expect(await everything()).toBe(before);
  },
);

test('an unavailable check, or an author WeChat has not seen lately, writes nothing either, and says so in plain Chinese', async () => {
  const { main } = await import('./points/src/index');
  const before = await everything();
  wx.failNext(-1);
  expect(await main({ action: 'saveGoods', name: '毛巾', price: 5, stock: 1, perUserLimit: 1 }, context)).toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: '内容安全检查暂时不可用，请稍后再试' },
  });
  // A console author who has not opened the mini-program lately (WeChat's 61010) is told what to do.
  wx.failNext(61010);
  expect(await main({ action: 'saveGoods', name: '毛巾', price: 5, stock: 1, perUserLimit: 1 }, context)).toEqual({
    ok: false,
    error: {
      code: 'INTERNAL',
      message: '内容安全检查需要你近期在微信中打开过小程序：请在微信里打开「先锋驿站」小程序后再提交',
    },
  });
  expect(await everything()).toBe(before);
  // Plain words pass and are saved.
  expect(await main({ action: 'saveGoods', name: '毛巾', price: 5, stock: 1, perUserLimit: 1 }, context)).toMatchObject(
    { ok: true },
  );
});
