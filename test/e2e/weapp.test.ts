/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 *
 * Renders pages of the built weapp (dist/weapp) with miniprogram-simulate and WeChat's own wxml
 * compiler. The only thing replaced is the CloudBase network: `wx.cloud.callFunction` is routed to
 * the real function routers over a seeded embedded database.
 */
import { clock } from '../../domain/core/clock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { LocalDatabase } from '../../domain/db/local/engine';
import { STATIONS } from '../../domain/seed/data';
import { DEMO_GOODS } from '../../domain/seed/points-data';
import { seedIfEmpty } from '../../domain/seed/seed';

const DIST = path.resolve(__dirname, '../../dist/weapp');
type Options = Record<string, unknown>;
const g = globalThis as unknown as Record<string, unknown>;

let db: LocalDatabase;
const calls: { name: string; action: unknown }[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.js')))
    throw new Error('dist/weapp is missing: run `npm run build:weapp` first');
  db = LocalDatabase.open(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-weapp-')));
  await seedIfEmpty(db, clock.now());

  // The platform as Taro's weapp output expects it.
  let app: Options = {};
  const pages: Options[] = [];
  g.App = (options: Options) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (options: Options) => {
    const { data, onLoad, onShow, onReady, onUnload, ...methods } = options;
    // miniprogram-simulate defines the global Component while it loads a page's script.
    const component = g.Component as (o: Options) => void;
    component({
      data,
      methods: { ...methods, onLoad, onShow, onReady, onUnload },
      lifetimes: {
        attached(this: Options) {
          pages.push(this);
          (onLoad as ((q: object) => void) | undefined)?.call(this, { id: STATIONS[0]!._id });
          (onShow as (() => void) | undefined)?.call(this);
        },
        ready(this: Options) {
          (onReady as (() => void) | undefined)?.call(this);
        },
      },
    });
  };
  const wx = g.wx as Record<string, unknown>;
  wx.cloud = {
    init: () => undefined,
    // The thin seam: WeChat's network replaced by an in-process call, identity from the "platform".
    callFunction: async ({ name, data }: { name: string; data: { action: string } }) => {
      calls.push({ name, action: data.action });
      const result = await FUNCTIONS[name]!.handle(data, { db, caller: { openid: 'demo-member' }, now: Date.now });
      return { result, errMsg: 'cloud.callFunction:ok' };
    },
  };
  wx.getSystemInfoSync ??= () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2 });

  require(path.join(DIST, 'app.js'));
  (app.onLaunch as ((o: object) => void) | undefined)?.call(app, { path: 'pages/index/index', query: {} });
}, 60_000);

afterAll(() => db?.close());

async function renderPage(page: string) {
  const id = simulate.load(path.join(DIST, page), { rootPath: DIST });
  const comp = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  comp.attach(parent);
  return comp;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (check()) return;
    await simulate.sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('the 驿站 tab page renders the seeded stations through wx.cloud.callFunction', async () => {
  const comp = await renderPage('pages/stations/index');
  const firstPage = [...STATIONS].sort((a, b) => (a._id < b._id ? -1 : 1)).slice(0, 20);
  await until(() => comp.dom!.textContent!.includes(firstPage[0]!.name), 'the first station');
  const text = comp.dom!.textContent!;
  for (const station of firstPage) expect(text).toContain(station.name);
  // Seeded stations fit the first page of 20, so the list says it has reached the end.
  expect(STATIONS.length).toBeLessThanOrEqual(20);
  expect(text).toContain('— 已经到底了 —');
  expect(calls).toContainEqual({ name: 'stations', action: 'list' });
});

test('the station detail page in the booking subpackage renders one station and its services', async () => {
  const comp = await renderPage('packages/booking/pages/station/index');
  const station = STATIONS[0]!;
  await until(() => comp.dom!.textContent!.includes('提供的服务'), 'the detail');
  expect(comp.dom!.textContent).toContain(station.name);
  expect(comp.dom!.textContent).toContain(`提供的服务（${(station.services ?? []).length}）`);
});

test('the mall subpackage lists the seeded goods with their points prices', async () => {
  const comp = await renderPage('packages/mall/pages/goods/index');
  await until(() => comp.dom!.textContent!.includes(DEMO_GOODS[0]!.name), 'the goods');
  const text = comp.dom!.textContent!;
  for (const g of DEMO_GOODS) expect(text).toContain(g.name);
  expect(text).toContain(`${DEMO_GOODS[0]!.price} 积分`);
  expect(calls).toContainEqual({ name: 'points', action: 'goods' });
});

test('the service-hall home renders the service grid and the next booking from user.overview', async () => {
  const comp = await renderPage('pages/index/index');
  await until(() => comp.dom!.textContent!.includes('你好'), 'the overview');
  const text = comp.dom!.textContent!;
  for (const label of ['办事服务', '驿站预约', '疫苗接种', '积分兑换', '我的预约', '消息', '我的下一个预约'])
    expect(text).toContain(label);
  // A member sees the member services; the demo member is not staff, so no work area.
  expect(text).toContain('我的积分');
  expect(text).not.toContain('工作台');
  expect(calls).toContainEqual({ name: 'user', action: 'overview' });
  // 通知公告 come from the server (domain/notices); the block shows only when there are some.
  expect(calls).toContainEqual({ name: 'org', action: 'notices' });
});

test('我的 renders the counts, the waiting list and the 长辈模式 switch, with the member fields for a member', async () => {
  const comp = await renderPage('pages/mine/index');
  await until(
    () => comp.dom!.textContent!.includes('我的候补') && !comp.dom!.textContent!.includes('加载'),
    'the overview and waiting list',
  );
  await until(() => comp.dom!.textContent!.includes('没有候补中的时段'), 'the empty waiting list');
  const text = comp.dom!.textContent!;
  for (const label of [
    '党员王建国',
    '积分余额',
    '所在党支部',
    '驿站预约',
    '候补',
    '疫苗接种',
    '兑换订单',
    '消息',
    '长辈模式',
  ])
    expect(text).toContain(label);
  expect(calls).toContainEqual({ name: 'stations', action: 'myWaitlist' });
});
