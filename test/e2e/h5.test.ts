/**
 * The H5 journey in Debian's Chromium: sign in as a demo user, open 驿站, see a seeded
 * station, open its detail. Screenshots go to reports/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { STATIONS } from '../../domain/seed/data';
import { startLocalCloud, type RunningCloud } from '../support/local-cloud';

const SHOTS = path.resolve(__dirname, '../../reports/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let cloud: RunningCloud;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  cloud = await startLocalCloud();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
});

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('a resident signs in, opens 驿站, sees seeded stations and opens one', async () => {
  await page.goto(`${cloud.url}/#/pages/stations/index`);
  await page.getByText('去登录').click();
  await page.locator('.login-as--demo-resident').click();

  // Back on 驿站 after sign-in, with the first page of seeded stations.
  await page.locator('.station-card').first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, '01-stations.png') });
  const seededFirstPage = [...STATIONS].sort((a, b) => (a._id < b._id ? -1 : 1)).slice(0, 20).map((s) => s.name);
  expect(await page.locator('.station-card .card__title').allTextContents()).toEqual(seededFirstPage);

  // Filter by kind, then open a station.
  await page.locator('.kind-tab', { hasText: '旅游驿站' }).click();
  await page.locator('.station-card').first().waitFor();
  const names = await page.locator('.station-card .card__title').allTextContents();
  expect([...names].sort()).toEqual(STATIONS.filter((s) => s.kind === 'tourism').map((s) => s.name).sort());
  const firstName = names[0]!;
  await page.locator('.station-card').first().click();
  await page.locator('.station-detail').waitFor();
  await page.getByText('提供的服务').waitFor();
  expect(await page.locator('.station-detail .hero__title').textContent()).toBe(firstName);
  // Let the page-transition animation finish before the picture.
  await page.waitForFunction(() => Math.round(document.querySelector('.station-detail')?.getBoundingClientRect().left ?? -1) === 0);
  await page.screenshot({ path: path.join(SHOTS, '02-station-detail.png') });
});

test('我的 shows the signed-in user and role', async () => {
  await page.goto(`${cloud.url}/#/pages/mine/index`);
  await page.locator('.mine-nickname').waitFor();
  expect(await page.locator('.mine-role').textContent()).toBe('居民');
  await page.screenshot({ path: path.join(SHOTS, '03-mine.png') });
});
