/** Admin pages in Chromium: award points, publish an activity and show its code, generate and close slots. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startLocalCloud, type RunningCloud } from '../support/local-cloud';

const SHOTS = path.resolve(__dirname, '../../reports/e2e');
let cloud: RunningCloud;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  cloud = await startLocalCloud();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
});
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

async function settled(selector: string) {
  await page.locator(selector).first().waitFor();
  await page.waitForFunction((s) => Math.round(document.querySelector(s)?.getBoundingClientRect().left ?? -1) === 0, selector);
}

test('an admin awards points, publishes an activity with its code, and manages slots', async () => {
  await page.goto(`${cloud.url}/#/pages/login/index?from=%2Fpages%2Fmine%2Findex`);
  await page.locator('.login-as--demo-admin').click();
  await page.locator('.admin-points-link').click();
  await settled('.admin-points');

  await page.locator('.admin-award .form-field--openid input').fill('demo-member');
  await page.locator('.admin-award .form-field--points input').fill('10');
  await page.locator('.admin-award .form-field--reason input').fill('社区夜巡表现突出');
  await page.locator('.admin-award .nut-button').click();
  await page.locator('.admin-award .admin-status--ok').waitFor();
  expect(await page.locator('.admin-award .admin-status--ok').textContent()).toContain('+10 分');

  await page.locator('.admin-publish .form-field--title input').fill('党史学习教育专题党课');
  await page.locator('.admin-publish .form-field--place input').fill('向阳社区党群服务中心');
  await page.locator('.admin-publish .nut-button').click();
  await page.locator('.admin-publish .qr-code__value').waitFor();
  expect((await page.locator('.admin-publish .qr-code__value').textContent())?.trim()).toMatch(/^[A-Z0-9]{6}$/);
  await page.screenshot({ path: path.join(SHOTS, '40-admin-activity.png') });

  await page.goto(`${cloud.url}/#/packages/admin/pages/slots/index`);
  await page.reload();
  await page.locator('.admin-slots .card', { hasText: '永福县党群服务中心' }).click();
  const first = page.locator('.item-admin').first();
  await first.waitFor();
  await first.locator('.nut-button', { hasText: '按模板生成时段' }).click();
  await first.getByText(/新建 \d+ 个时段，已存在 \d+ 个/).waitFor();
  await first.locator('.nut-button', { hasText: '关闭当天' }).click();
  await first.getByText(/已关闭 \d+ 个时段/).or(first.getByText('该日期的预约时段不存在')).waitFor();
  await page.screenshot({ path: path.join(SHOTS, '41-admin-slots.png') });
});
