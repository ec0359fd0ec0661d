/**
 * The points journey in Chromium: a member checks in to a seeded activity by its code and sees the
 * balance rise, redeems goods and sees the order with its pickup code; staff verify the code; the
 * member sees the order picked up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { OPENING_BALANCES, POINT_RULES } from '../../domain/seed/points-data';
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

async function signInAs(openid: string, from: string) {
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${cloud.url}/#/pages/login/index?from=${encodeURIComponent(from)}`);
  await page.locator(`.login-as--${openid}`).click();
}

/** Waits until the visible page's transition has finished, for a clean screenshot. */
async function settled(selector: string) {
  await page.locator(selector).first().waitFor();
  await page.waitForFunction((s) => Math.round(document.querySelector(s)?.getBoundingClientRect().left ?? -1) === 0, selector);
}

test('check in, redeem, verify, picked up', async () => {
  const opening = OPENING_BALANCES.find((o) => o.openid === 'demo-member')!.points;
  const zhuti = POINT_RULES.find((r) => r._id === 'r-zhuti')!.points;
  await page.goto(`${cloud.url}/`);
  await signInAs('demo-member', '/pages/points/index');

  // Check in to the seeded 主题党日 by its code.
  await page.locator('.points-balance').waitFor();
  expect(await page.locator('.points-balance').textContent()).toBe(String(opening));
  await page.locator('.checkin__input input').fill('DEMO01');
  await page.locator('.checkin .nut-button', { hasText: '签到' }).click();
  await page.locator('.checkin__ok').waitFor();
  await page.waitForFunction((want) => document.querySelector('.points-balance')?.textContent === want, String(opening + zhuti));
  await page.screenshot({ path: path.join(SHOTS, '10-points-checked-in.png') });

  // Redeem a towel in the mall.
  await page.getByText('积分商城').click();
  await settled('.mall-page');
  await page.locator('.goods-card', { hasText: '毛巾两条装' }).click();
  await settled('.goods-detail');
  await page.locator('.redeem-button').click();
  await page.getByText('兑换', { exact: true }).last().click();
  await settled('.orders-page');
  const code = (await page.locator('.order-card--pending .qr-code__value').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{8}$/);
  await page.screenshot({ path: path.join(SHOTS, '11-order-pickup-code.png') });

  // Staff verify the code.
  await signInAs('demo-staff', '/pages/mine/index');
  await page.locator('.staff-verify').click();
  await settled('.verify-page');
  await page.locator('.verify-input input').fill(code);
  await page.locator('.verify-submit').click();
  await page.getByText('核销成功').waitFor();
  await page.screenshot({ path: path.join(SHOTS, '12-staff-verified.png') });

  // The member sees the order picked up.
  await signInAs('demo-member', '/pages/points/index');
  await page.locator('.points-balance').waitFor();
  expect(await page.locator('.points-balance').textContent()).toBe(String(opening + zhuti - 20));
  await page.getByText('我的订单').click();
  await settled('.orders-page');
  await page.locator('.order-card--picked').waitFor();
  expect(await page.locator('.order-card--picked .order-card__status').textContent()).toBe('已领取');
  expect(await page.locator('.order-card--pending').count()).toBe(0);
  await page.screenshot({ path: path.join(SHOTS, '13-order-picked.png') });
});
