/**
 * Production mode (DEMO=off) in real Chromium: the local cloud starts with reference data only, so the resident's
 * lists are empty and an admin is led to where the first ones are made; then an admin enters a station with a
 * bookable item and its slots, a vaccination site with slots and a goods item through the functions over HTTP (as
 * the console does), and a resident's pages — home, 驿站, the station, its item, 疫苗, the site, the goods and
 * their detail — show them with no 「示例」「原文」「出处」 anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { clock } from '../../domain/core/clock';
import { dayOf } from '../../domain/core/time';
import { startLocalCloud, type RunningCloud } from '../support/local-cloud';
import { SHOTS } from '../support/browser';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DIR = path.join(SHOTS, 'production');
/** The administrator production mode seeds (ADMIN_OPENID, default `admin`), and a resident nobody seeded. */
const ADMIN = 'admin';
const RESIDENT = 'o-first-resident';
const DEMO_WORDS = /示例|原文|出处/;

let cloud: RunningCloud;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(DIR, { recursive: true });
  cloud = await startLocalCloud({ env: { DEMO: 'off' } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
  await page.goto(`${cloud.url}/`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

async function post<T>(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ ok: boolean; data?: T; error?: { message: string } }> {
  const res = await fetch(`${cloud.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { ok: boolean; data?: T; error?: { message: string } };
}

async function tokenOf(openid: string): Promise<string> {
  return (await post<{ token: string }>('/auth/dev-login', { openid })).data!.token;
}

/** Calls a function over the local cloud's HTTP API (setting up, not under test). */
async function call<T>(openid: string, fn: string, body: Record<string, unknown>): Promise<T> {
  const answer = await post<T>(`/fn/${fn}`, body, await tokenOf(openid));
  if (!answer.ok) throw new Error(`${fn} ${JSON.stringify(body)}: ${answer.error?.message}`);
  return answer.data as T;
}

/** Signs in as `openid` the way the app keeps its session (Taro's storage in localStorage). */
async function become(openid: string): Promise<void> {
  const token = await tokenOf(openid);
  await page.evaluate((t) => {
    localStorage.clear();
    localStorage.setItem('xfyz.token', JSON.stringify({ data: t }));
  }, token);
}

/** Opens a route and waits for its page to slide in and finish loading; answers its visible text. */
async function open(route: string, shot: string): Promise<string> {
  await page.goto(`${cloud.url}/#/${route}`);
  await page.reload();
  const base = route.split('?')[0]!;
  await page.waitForFunction(
    (r) => {
      const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
        (p) => p.style.display !== 'none' && p.offsetParent !== null,
      );
      const top = pages[pages.length - 1];
      if (!top || !location.hash.includes(r)) return false;
      if (Math.round(top.getBoundingClientRect().left) !== 0) return false;
      return !top.querySelector('.state-view__spinner') && (top.textContent ?? '').trim().length > 0;
    },
    base,
    { timeout: 20_000 },
  );
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await page.screenshot({ path: path.join(DIR, `${shot}.png`) });
  return page.evaluate(() => document.body.innerText);
}

/** The empty state's message and its action button, on the page on top. */
async function emptyState(): Promise<{ message: string; action: string }> {
  return page.evaluate(() => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (p) => p.style.display !== 'none' && p.offsetParent !== null,
    );
    const top = pages[pages.length - 1]!;
    return {
      message: top.querySelector('.state-view--empty .state-view__text')?.textContent?.trim() ?? '',
      action: top.querySelector('.state-view--empty .state-view__action')?.textContent?.trim() ?? '',
    };
  });
}

const EMPTY_LISTS = [
  ['pages/stations/index', 'empty-stations'],
  ['pages/vaccine/index', 'empty-sites'],
  ['packages/mall/pages/goods/index', 'empty-goods'],
] as const;

test('before anything is entered the lists are empty, say so and offer a next step, with no demo words', async () => {
  const stations = await call<{ items: unknown[] }>(RESIDENT, 'stations', { action: 'list' });
  const sites = await call<{ items: unknown[] }>(RESIDENT, 'vaccine', { action: 'sites' });
  const goods = await call<{ items: unknown[] }>(RESIDENT, 'points', { action: 'goods' });
  expect([stations.items.length, sites.items.length, goods.items.length]).toEqual([0, 0, 0]);

  await become(RESIDENT);
  for (const [route, shot] of EMPTY_LISTS) {
    const text = await open(route, `${shot}-resident`);
    expect(text).not.toMatch(DEMO_WORDS);
    const empty = await emptyState();
    expect({
      route,
      message: empty.message.includes('还没有'),
      action: empty.action !== '',
      console: empty.action.includes('管理后台'),
    }).toEqual({ route, message: true, action: true, console: false });
  }
});

// Production's empty states lead an admin to create the first ones: stations, sites and goods are added in the
// desktop console (管理后台), so an admin's empty list names it on its button (a resident keeps 「回到首页」).
test('an admin on an empty list is led to where the first ones are added (管理后台)', async () => {
  await become(ADMIN);
  const seen: Record<string, { message: string; action: string }> = {};
  for (const [route, shot] of EMPTY_LISTS) {
    await open(route, `${shot}-admin`);
    seen[route] = await emptyState();
  }
  for (const [route] of EMPTY_LISTS)
    expect({ route, ...seen[route] }).toMatchObject({
      route,
      action: expect.stringMatching(/管理后台|添加|新建|上架/),
    });
  // The same in 长辈模式 (large text), for the screenshots: the button keeps its words on its one line.
  await page.evaluate(() => localStorage.setItem('xfyz.elder', JSON.stringify({ data: '1' })));
  for (const [route, shot] of EMPTY_LISTS) {
    await open(route, `${shot}-admin--elder`);
    expect(await emptyState()).toEqual(seen[route]);
  }
  await page.evaluate(() => localStorage.removeItem('xfyz.elder'));
  // On H5 the button opens the console in a tab of its own, beside the app (the goods page is still on top).
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('.taro_page:not([style*="display: none"]) .state-view__action').last().click(),
  ]);
  await tab.waitForURL(/\/admin\//, { timeout: 10_000 });
  expect(new URL(tab.url()).pathname).toBe('/admin/');
  await tab.close();
});

test('entered by an admin over HTTP, the resident pages show it with no 示例, 原文 or 出处', async () => {
  const today = dayOf(clock.now());
  const inAWeek = dayOf(clock.now() + 6 * 86_400_000);
  await call(ADMIN, 'stations', {
    action: 'saveStation',
    stationId: 'st-first',
    name: '城东社区党群服务中心',
    kind: 'center',
    county: '桂林市永福县',
    district: '永福镇',
    address: '永福镇城东路 18 号',
    location: { lat: 24.98, lng: 109.98 },
    openHours: '周一至周日 8:00-18:00',
    phone: '0773-8123456',
    intro: '社区党员和志愿者常驻，提供政策咨询、法律咨询和便民服务。',
    services: ['policy', 'room'],
  });
  await call(ADMIN, 'stations', {
    action: 'saveItem',
    itemId: 'it-first-legal',
    stationId: 'st-first',
    name: '法律咨询',
    kind: 'service',
    description: '律师志愿者坐班答疑',
  });
  await call(ADMIN, 'stations', {
    action: 'generateSlots',
    itemId: 'it-first-legal',
    from: today,
    to: inAWeek,
    template: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '17:00', slotMinutes: 60, capacity: 5 },
  });
  await call(ADMIN, 'vaccine', {
    action: 'saveSite',
    siteId: 'vs-first',
    name: '永福镇卫生院接种点',
    county: '桂林市永福县',
    town: '永福镇',
    address: '永福镇凤山路 2 号',
    location: { lat: 24.99, lng: 109.99 },
    openHours: '8:00-12:00 14:30-17:30',
    vaccines: [{ code: 'flu', name: '流感疫苗', maker: '华兰生物', doses: 1, intervalDays: 0 }],
    amenities: ['饮用水', '休息区'],
    volunteerBranch: { name: '永福镇卫生院党支部', volunteers: 12 },
    contact: '0773-8654321',
    dailyCapacity: 200,
  });
  await call(ADMIN, 'vaccine', {
    action: 'generateSlots',
    siteId: 'vs-first',
    from: today,
    to: inAWeek,
    template: {
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      start: '08:30',
      end: '11:30',
      slotMinutes: 30,
      capacity: 20,
      green: { seats: 5, releaseTime: '18:00' },
    },
  });
  const { goodsId } = await call<{ goodsId: string }>(ADMIN, 'points', {
    action: 'saveGoods',
    name: '环保购物袋',
    description: '可折叠，结实耐用',
    price: 10,
    stock: 100,
    perUserLimit: 2,
    stationId: 'st-first',
  });

  await become(RESIDENT);
  const visits: [string, string][] = [
    ['pages/index/index', 'home'],
    ['pages/stations/index', 'stations'],
    ['packages/booking/pages/station/index?id=st-first', 'station'],
    ['packages/booking/pages/item/index?id=it-first-legal', 'item'],
    ['pages/vaccine/index', 'sites'],
    ['packages/vaccine/pages/site/index?id=vs-first', 'site'],
    ['packages/mall/pages/goods/index', 'goods'],
    [`packages/mall/pages/detail/index?id=${goodsId}`, 'goods-detail'],
  ];
  const seen: Record<string, string[]> = {};
  for (const [route, shot] of visits) {
    const text = await open(route, shot);
    seen[shot] = text.match(new RegExp(`.{0,12}(${DEMO_WORDS.source}).{0,12}`, 'g')) ?? [];
  }
  // Every page visited, and none shows a demo word.
  expect(seen).toEqual(Object.fromEntries(visits.map(([, shot]) => [shot, []])));
  // What the admin entered is what the resident sees.
  expect(await open('pages/stations/index', 'stations-again')).toContain('城东社区党群服务中心');
  expect(await open('pages/vaccine/index', 'sites-again')).toContain('永福镇卫生院接种点');
});
