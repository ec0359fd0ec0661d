/**
 * The desktop admin console in Chromium at 1366×768 against a real local cloud (fresh data folder):
 * every page renders (screenshots in reports/console/), then the admin's journey across the console,
 * the H5 app and the audit log.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalCloud, type RunningCloud } from '../support/local-cloud';

const SHOTS = path.resolve(__dirname, '../../reports/console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGES = ['dashboard', 'members', 'branches', 'roles', 'goods', 'activities', 'stations', 'sites', 'audit'] as const;

let cloud: RunningCloud;
let browser: Browser;
let desk: Page;
const pageErrors: string[] = [];

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  cloud = await startLocalCloud();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  desk.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('/admin serves the console with relative, hashed assets; other paths under it are refused', async () => {
  const redirect = await fetch(`${cloud.url}/admin`, { redirect: 'manual' });
  expect(redirect.status).toBe(301);
  expect(redirect.headers.get('location')).toBe('/admin/');
  const index = await fetch(`${cloud.url}/admin/`);
  expect(index.status).toBe(200);
  const html = await index.text();
  expect(html).toMatch(/src="\.\/assets\/main-[A-Z0-9]+\.js"/);
  expect(html).toContain('href="./assets/main-');
  expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
  for (const bad of ['/admin/../package.json', '/admin/%2e%2e/package.json', '/admin/assets/../../server/app.ts', '/admin/secret.txt']) {
    const res = await fetch(`${cloud.url}${bad}`);
    expect([404]).toContain(res.status);
  }
  expect((await fetch(`${cloud.url}/admin/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(405);
});

test('signed out: the sign-in page offers the scan QR (or says plainly why not) and, locally, dev sign-in', async () => {
  await desk.goto(`${cloud.url}/admin/`);
  await desk.locator('.sign-in__card').waitFor();
  await desk.locator('.sign-in__qr-image, .sign-in__placeholder--error').first().waitFor();
  await desk.locator('.dev-login--demo-admin').waitFor();
  await shot(desk, '00-sign-in.png');
});

test('every page renders at 1366×768 for a dev-signed-in admin', async () => {
  await desk.locator('.dev-login--demo-admin').click();
  await desk.locator('.shell__me').waitFor();
  for (const [i, route] of PAGES.entries()) {
    await desk.locator(`.menu--${route}`).click();
    await desk.locator(`.${route === 'members' ? 'members-page' : `${route}-page`}`).waitFor();
    // Settled: no table or card still loading.
    await desk.waitForFunction(() => !document.querySelector('.t-loading__parent .t-loading, .t-table--loading, .t-skeleton'), undefined, { timeout: 15_000 }).catch(() => undefined);
    await desk.waitForTimeout(300);
    await shot(desk, `${String(i + 1).padStart(2, '0')}-${route}.png`);
  }
  expect(pageErrors).toEqual([]);
});
