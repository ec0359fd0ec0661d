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

const ROOT = path.resolve(__dirname, '../..');
const PAGES_DIR = path.join(SHOTS, 'pages');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
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
type Mode = 'normal' | 'elder';

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

interface Finding {
  page: string;
  role: Role;
  mode: Mode;
  violations: { id: string; impact: string | null; nodes: number; help: string; targets: string[] }[];
  smallestText: number | null;
  smallText: string[];
  smallTargets: string[];
  /** The document's and the page's scrollWidth, and the elements whose box leaves the 375 px viewport. */
  scrollWidth: number;
  outside: string[];
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
  await page.evaluate(
    (on) => localStorage.setItem('xfyz.elder', JSON.stringify({ data: on ? '1' : '0' })),
    mode === 'elder',
  );
  await page.goto(`${cloud.url}/#/pages/mine/index`);
  await page.reload();
  await page.locator('.taro_page').first().waitFor();
  signedInAs = role;
  currentMode = mode;
}

/** Opens a page and waits for its slide-in and its first load to finish. */
async function open(route: string): Promise<void> {
  await page.goto(`${cloud.url}/#/${route}`);
  await page
    .waitForFunction(
      (r) => {
        const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
          (p) => p.style.display !== 'none' && p.offsetParent !== null,
        );
        const top = pages[pages.length - 1];
        if (!top || !location.hash.includes(r)) return false;
        if (Math.round(top.getBoundingClientRect().left) !== 0) return false;
        return !top.querySelector('.state-view__spinner') && (top.textContent ?? '').trim().length > 0;
      },
      route,
      { timeout: 20_000 },
    )
    .catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(PAGES_DIR, `timeout_${route.replace(/\//g, '_')}.png`) });
      throw error;
    });
  // Lists and images settle after the first answer (no assertion depends on this pause).
  await page.waitForLoadState('networkidle');
  // Two frames, so the screenshot shows what the DOM holds: without them Chromium may hand back the frame it
  // last painted (the page's 正在加载… spinner) although the content is already there.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Runs axe on the whole document (the visible page, the title bar and the tab bar). */
async function axe(): Promise<Finding['violations']> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: unknown,
          opts: unknown,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
        }>;
      };
    };
    return w.axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.length,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

/**
 * What the page shows, measured: the smallest rendered text (placeholders included) and the texts under
 * `min`; the controls under 44 px high; the document's and the page's scrollWidth and every visible element
 * whose box leaves the viewport. Looked at: the page on top, the title bar and the tab bar (the pages Taro
 * keeps below the top one are hidden and have no box).
 */
async function measure(
  min: number,
): Promise<Pick<Finding, 'smallestText' | 'smallText' | 'smallTargets' | 'scrollWidth' | 'outside'>> {
  return page.evaluate((minimum) => {
    const pages = Array.from(document.querySelectorAll<HTMLElement>('.taro_page')).filter(
      (p) => p.offsetParent !== null,
    );
    const top = pages[pages.length - 1] ?? document.body;
    const describe = (el: Element, text: string) =>
      `${(typeof el.className === 'string' && el.className) || el.tagName.toLowerCase()}: ${text.trim().slice(0, 16)}`;
    const shown = (el: Element) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      return getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden="true"]');
    };

    // Text, placeholders included.
    const small: string[] = [];
    let smallest: number | null = null;
    const note = (size: number, what: string) => {
      smallest = smallest === null ? size : Math.min(smallest, size);
      if (size < minimum - 0.01) small.push(`${size}px ${what}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !(node.textContent ?? '').trim() || el.closest('script, style')) continue;
      if (!shown(el)) continue;
      note(parseFloat(getComputedStyle(el).fontSize), describe(el, node.textContent ?? ''));
    }
    for (const el of Array.from(
      document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]'),
    )) {
      const text = el.getAttribute('placeholder') ?? '';
      if (!text.trim() || el.value || !shown(el)) continue;
      note(parseFloat(getComputedStyle(el, '::placeholder').fontSize), `${describe(el, text)} (placeholder)`);
    }

    // Touch targets on the page.
    const targets: string[] = [];
    for (const el of Array.from(
      top.querySelectorAll<HTMLElement>(
        'taro-button-core, button, [role="button"], [role="link"], [role="switch"], input, .nut-cell--clickable',
      ),
    )) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.height < 43.5) targets.push(`${Math.round(rect.height)}px ${describe(el, el.textContent ?? '')}`);
    }

    // Sideways: the document and the page scroll no wider than the viewport, and every visible box stays
    // within it — but what a horizontal scroller holds may run past its edge (it scrolls, by design).
    const width = document.documentElement.clientWidth;
    const frame = new Set<Element>([document.documentElement, document.body, ...pages]);
    for (let el = top.parentElement; el; el = el.parentElement) frame.add(el);
    const scrolls = (el: Element) => {
      if (frame.has(el)) return false;
      const x = getComputedStyle(el).overflowX;
      return x === 'auto' || x === 'scroll';
    };
    const inScroller = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) if (scrolls(a)) return true;
      return false;
    };
    // A picture filling its frame (aspectFill) is cropped by the frame on purpose: what shows is the frame's part.
    const picture = (el: Element) => el.matches('img, taro-image-core, taro-image-core *, svg, canvas, video');
    const croppedWithin = (el: Element) => {
      let clip: Element | null = el.parentElement;
      while (clip && !['hidden', 'clip'].includes(getComputedStyle(clip).overflowX)) clip = clip.parentElement;
      if (!clip) return false;
      const frameBox = clip.getBoundingClientRect();
      return frameBox.left >= -0.5 && frameBox.right <= width + 0.5;
    };
    const outside: string[] = [];
    const flagged = new Set<Element>();
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (el.closest('script, style, svg > *')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.left >= -0.5 && rect.right <= width + 0.5) continue;
      if (getComputedStyle(el).visibility === 'hidden' || inScroller(el)) continue;
      if (picture(el) && croppedWithin(el)) continue;
      flagged.add(el);
      // Name the outermost box that leaves the viewport, not each of its children.
      if (el.parentElement && flagged.has(el.parentElement)) continue;
      outside.push(`${Math.round(rect.left)}–${Math.round(rect.right)} ${describe(el, el.textContent ?? '')}`);
    }
    const scrollWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, top.scrollWidth);
    return {
      smallestText: smallest,
      smallText: [...new Set(small)].slice(0, 20),
      smallTargets: [...new Set(targets)].slice(0, 20),
      scrollWidth,
      outside: outside.slice(0, 20),
    };
  }, min);
}

const cases = (['normal', 'elder'] as Mode[]).flatMap((mode) => VISITS.map((v) => ({ ...v, mode })));

test.each(cases)(
  '$page as $role in $mode mode: axe, nothing sideways, no small text, one 长辈模式 switch',
  async ({ page: route, role, mode }) => {
    await become(role, mode);
    await open(route + queryOf(route));
    const name = `${route.replace(/\/index$/, '').replace(/\//g, '_')}--${role}--${mode}.png`;
    await page.screenshot({ path: path.join(PAGES_DIR, name) });
    expect(await page.evaluate(() => document.documentElement.classList.contains('xf-elder'))).toBe(mode === 'elder');

    // One 长辈模式 switch: the title bar's, or the one the page's own header (or 我的's setting) holds.
    const switches = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('[role="switch"][aria-label^="长辈模式"]')).filter(
          (el) => el.getBoundingClientRect().height > 0,
        ).length,
    );

    const violations = await axe();
    const sizes = await measure(mode === 'elder' ? 18 : 14);
    findings.push({ page: route, role, mode, violations, ...sizes });

    const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const width = page.viewportSize()!.width;
    expect({
      blocking: blocking.map((v) => `${v.impact} ${v.id} ×${v.nodes}: ${v.help} — ${v.targets.join(' | ')}`),
      sideways: sizes.scrollWidth > width ? `scrollWidth ${sizes.scrollWidth} > ${width}` : null,
      outside: sizes.outside,
      smallText: sizes.smallText,
      smallTargets: SHELL_PAGES.has(route) ? sizes.smallTargets : [],
      switches,
    }).toEqual({ blocking: [], sideways: null, outside: [], smallText: [], smallTargets: [], switches: 1 });
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
