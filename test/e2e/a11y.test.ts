/**
 * The page checks: every page of the H5 app at 375 px, in normal and 长辈模式, as each of the six demo
 * users sees the pages their role opens (home and 我的 as every one of them). On every visit:
 * - axe-core (injected from node_modules) finds no serious or critical violation;
 * - nothing scrolls or is cut sideways: the document's scrollWidth and the page's stay within the
 *   viewport, and so does every visible element's box (the content of a horizontal scroller aside);
 * - no rendered text, placeholders included (read from the input's `::placeholder` style), is under
 *   14 px (18 px in 长辈模式), the title bar and the tab bar included.
 * Controls lower than 44 px are measured everywhere and asserted on the pages of the shell (home, 我的,
 * the tab pages, mall lists, sites, my bookings and messages). A screenshot of each visit is kept under
 * reports/e2e/pages/ and the measurements in reports/e2e/a11y.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_ITEMS } from '../../domain/seed/booking-data';
import { STATIONS, VACCINE_SITES } from '../../domain/seed/data';
import { DEMO_GOODS } from '../../domain/seed/points-data';
import { startLocalCloud, type RunningCloud } from '../support/local-cloud';
import { SHOTS } from '../support/browser';
import { checkPage, rememberMode, settle, type Mode, type PageFindings } from '../support/page-checks';

const ROOT = path.resolve(__dirname, '../..');
const PAGES_DIR = path.join(SHOTS, 'pages');
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

type Role = 'resident' | 'member' | 'secretary' | 'staff' | 'county-admin' | 'admin';

/** Every page the app registers, read from src/app.config.ts (pages other helpers add are visited too). */
function registeredPages(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'src/app.config.ts'), 'utf8');
  const main = /pages:\s*\[([^\]]*)\]/
    .exec(text)![1]!
    .match(/'([^']+)'/g)!
    .map((s) => s.slice(1, -1));
  const subs = [...text.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g)].flatMap(([, root, list]) =>
    list!.match(/'([^']+)'/g)!.map((s) => `${root}/${s.slice(1, -1)}`),
  );
  return [...main, ...subs];
}

/** The query a page needs to show something real. */
function queryOf(page: string): string {
  const station = STATIONS.find((s) => DEMO_ITEMS.some((i) => i.stationId === s._id)) ?? STATIONS[0]!;
  const item = DEMO_ITEMS.find((i) => i.stationId === station._id) ?? DEMO_ITEMS[0]!;
  const site = VACCINE_SITES[0]!;
  const queries: Record<string, string> = {
    'packages/booking/pages/station/index': `id=${station._id}`,
    'packages/booking/pages/item/index': `id=${item._id}`,
    'packages/vaccine/pages/site/index': `id=${site._id}`,
    'packages/vaccine/pages/appoint/index': `siteId=${site._id}`,
    'packages/mall/pages/detail/index': `id=${DEMO_GOODS[0]!._id}`,
    // A seeded wish of the demo resident's, open in the 任务大厅 (domain/seed/requests.ts).
    'packages/help/pages/detail/index': 'id=rq-demo-1',
  };
  return queries[page] ? `?${queries[page]}` : '';
}

/** Who looks at a page: staff and admin pages as their role, points pages as a member, the rest as a resident. */
function roleOf(page: string): Role {
  if (page.startsWith('packages/staff/')) return 'staff';
  if (page.startsWith('packages/admin/') || page.startsWith('packages/org/') || page.startsWith('packages/console/'))
    return 'admin';
  if (page.startsWith('packages/mall/') || page === 'pages/points/index') return 'member';
  if (page === 'packages/help/pages/queue/index') return 'admin';
  if (page === 'packages/help/pages/hall/index' || page === 'packages/help/pages/tasks/index') return 'member';
  return 'resident';
}

/** The shell's own pages, whose touch targets are asserted here (other pages' are measured and reported). */
const SHELL_PAGES = new Set([
  'pages/index/index',
  'pages/mine/index',
  'pages/stations/index',
  'pages/vaccine/index',
  'pages/login/index',
  'packages/mall/pages/goods/index',
  'packages/mall/pages/orders/index',
  'packages/mall/pages/ranking/index',
  'packages/vaccine/pages/site/index',
  'packages/vaccine/pages/mine/index',
  'packages/booking/pages/mine/index',
  'packages/messages/pages/inbox/index',
]);

/** The pages a branch secretary and a county admin open from their home and 我的, besides those two. */
const WORK_PAGES: Record<'secretary' | 'county-admin', string[]> = {
  secretary: ['packages/help/pages/queue/index', 'packages/org/pages/applications/index'],
  'county-admin': [
    'packages/help/pages/queue/index',
    'packages/org/pages/applications/index',
    'packages/admin/pages/points/index',
  ],
};

const ROLE_ORDER: Role[] = ['resident', 'member', 'secretary', 'staff', 'county-admin', 'admin'];

/** Home and 我的 differ by role: each is also seen by every role. Visits are grouped by role (one sign-in each). */
const VISITS: { page: string; role: Role }[] = [
  ...registeredPages().map((page) => ({ page, role: roleOf(page) })),
  ...(['member', 'secretary', 'staff', 'county-admin', 'admin'] as Role[]).flatMap((role) => [
    { page: 'pages/index/index', role },
    { page: 'pages/mine/index', role },
    ...(role === 'secretary' || role === 'county-admin' ? WORK_PAGES[role].map((page) => ({ page, role })) : []),
  ]),
].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));

interface Finding extends PageFindings {
  page: string;
  role: Role;
  mode: Mode;
}
const findings: Finding[] = [];
/** Uncaught errors in the app, reported with the findings. */
const pageErrors: string[] = [];

let cloud: RunningCloud;
let browser: Browser;
let page: Page;
let signedInAs: Role | null = null;
let currentMode: Mode | null = null;

beforeAll(async () => {
  fs.mkdirSync(PAGES_DIR, { recursive: true });
  cloud = await startLocalCloud();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('requestfinished', (r) => process.env.A11Y_DEBUG && console.log('done', r.url(), r.postData()?.slice(0, 60)));
  page.on(
    'requestfailed',
    (r) => process.env.A11Y_DEBUG && console.log('failed', r.url(), r.postData()?.slice(0, 60), r.failure()?.errorText),
  );
  await page.goto(`${cloud.url}/`);
  await giveTheResidentThingsToSee();
}, 180_000);

/** Posts to the local cloud's HTTP API (setting up, not under test). */
async function post<T>(url: string, data: unknown, token?: string): Promise<T> {
  const res = await fetch(`${cloud.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(data),
  });
  const answer = (await res.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
  if (!answer.ok) throw new Error(`${url} ${JSON.stringify(data)}: ${answer.error?.message}`);
  return answer.data as T;
}

/** Calls a function over the local cloud's HTTP API as a demo user (setting up, not under test). */
async function call<T>(openid: string, fn: string, body: Record<string, unknown>): Promise<T> {
  const { token } = await post<{ token: string }>('/auth/dev-login', { openid });
  return post<T>(`/fn/${fn}`, body, token);
}

const WAITING_ITEM = '候补演示：党员志愿服务咨询';
/**
 * The resident has a booking (home shows it as next) and a place on a full slot's waiting list
 * (我的 lists it with its position), so those parts of the pages are seen and checked too.
 */
async function giveTheResidentThingsToSee(): Promise<void> {
  const item = DEMO_ITEMS[0]!;
  const day = new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  const open = await call<{ slots: { slotId: string; remaining: number; bookable: boolean }[] }>(
    'demo-resident',
    'stations',
    { action: 'slots', itemId: item._id, date: day },
  );
  const free = open.slots.find((x) => x.bookable && x.remaining > 0);
  if (free)
    await call('demo-resident', 'stations', {
      action: 'book',
      slotId: free.slotId,
      requestId: 'a11y-resident-booking',
    });

  const itemId = 'it-a11y-waiting';
  await call('demo-admin', 'stations', {
    action: 'saveItem',
    itemId,
    stationId: item.stationId,
    name: WAITING_ITEM,
    kind: 'service',
  });
  await call('demo-admin', 'stations', {
    action: 'generateSlots',
    itemId,
    from: day,
    to: day,
    template: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '10:00', slotMinutes: 60, capacity: 1 },
  });
  const full = await call<{ slots: { slotId: string }[] }>('demo-admin', 'stations', {
    action: 'slots',
    itemId,
    date: day,
  });
  const slotId = full.slots[0]!.slotId;
  await call('demo-staff', 'stations', { action: 'book', slotId, requestId: 'a11y-staff-seat' });
  await call('demo-member', 'stations', { action: 'joinWaitlist', slotId });
  await call('demo-resident', 'stations', { action: 'joinWaitlist', slotId });
}

afterAll(async () => {
  fs.writeFileSync(path.join(SHOTS, 'a11y.json'), JSON.stringify(findings, null, 2));
  if (pageErrors.length > 0) fs.writeFileSync(path.join(SHOTS, 'a11y-page-errors.txt'), pageErrors.join('\n'));
  await browser?.close();
  await cloud?.stop();
});

/**
 * Signs in as the demo user of `role`, with the mode remembered as the app stores it: through the login
 * page's button for that user, or — for a demo user the page does not offer — through the local cloud's
 * /auth/dev-login, keeping the token where the app keeps it (src/services/session.ts, Taro's storage format).
 */
async function become(role: Role, mode: Mode): Promise<void> {
  if (signedInAs === role && currentMode === mode) return;
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${cloud.url}/#/pages/login/index?from=${encodeURIComponent('/pages/mine/index')}`);
  await page.reload();
  const button = page.locator(`.login-as--demo-${role}`);
  await page.locator('.login-as').first().waitFor();
  if ((await button.count()) > 0) {
    await button.click();
    await page.waitForURL((url) => !url.hash.includes('login'));
  } else {
    const { token } = await post<{ token: string }>('/auth/dev-login', { openid: `demo-${role}` });
    await page.evaluate((t) => localStorage.setItem('xfyz.token', JSON.stringify({ data: t })), token);
  }
  await rememberMode(page, mode);
  await page.goto(`${cloud.url}/#/pages/mine/index`);
  await page.reload();
  await page.locator('.taro_page').first().waitFor();
  signedInAs = role;
  currentMode = mode;
}

/**
 * Opens a page afresh and waits for its slide-in and its first load to finish. Reloaded: a tab page opened by its
 * URL from a subpage has the router slide that subpage out over it a moment later, and the check would see it.
 */
async function open(route: string): Promise<void> {
  await page.goto(`${cloud.url}/#/${route}`);
  await page.reload();
  await settle(page, { route }).catch(async (error: unknown) => {
    await page.screenshot({ path: path.join(PAGES_DIR, `timeout_${route.replace(/\//g, '_')}.png`) });
    throw error;
  });
}

const cases = (['normal', 'elder'] as Mode[]).flatMap((mode) => VISITS.map((v) => ({ ...v, mode })));

test.each(cases)(
  '$page as $role in $mode mode: axe, nothing sideways, no small text, one 长辈模式 switch',
  async ({ page: route, role, mode }) => {
    await become(role, mode);
    await open(route + queryOf(route));
    const name = `${route.replace(/\/index$/, '').replace(/\//g, '_')}--${role}--${mode}.png`;
    await checkPage(page, {
      mode,
      label: `${route} as ${role}`,
      shot: path.join(PAGES_DIR, name),
      targets: SHELL_PAGES.has(route),
      settle: false,
      record: (found) => findings.push({ page: route, role, mode, ...found }),
    });
  },
  60_000,
);

test('a resident sees their waiting-list place on 我的 with its position and leaves it after confirming', async () => {
  await become('resident', 'normal');
  await open('pages/mine/index');
  const row = page.locator('.waiting-row', { hasText: WAITING_ITEM });
  await row.waitFor();
  expect(await row.locator('.waiting-row__position').textContent()).toBe('候补第 2 位（共 2 人）');
  expect(await page.locator('.my-waitlist-link .mine-count__value').textContent()).toBe('1');
  await page.screenshot({ path: path.join(PAGES_DIR, 'journey_mine-waitlist--resident--normal.png') });

  await row.locator('.waiting-row__leave').click();
  await page.locator('.taro-modal__text', { hasText: '第 2 位将让给后面的人' }).waitFor();
  await page.locator('.taro-model__confirm').click();
  await row.waitFor({ state: 'detached' });
  await page.locator('.mine-waitlist__empty').waitFor();
  await page.waitForFunction(() => document.querySelector('.my-waitlist-link .mine-count__value')?.textContent === '0');
  const places = await call<{ items: unknown[] }>('demo-resident', 'stations', { action: 'myWaitlist' });
  expect(places.items).toEqual([]);
});
