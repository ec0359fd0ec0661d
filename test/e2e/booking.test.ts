/**
 * The booking journey in Chromium: a resident books a slot at a seeded station and sees the code;
 * when the other person in that full slot cancels, the waiting resident is promoted; staff check
 * the booking in.
 */
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
  // Check-in opens two days ahead here, so that tomorrow's booking can be checked in today.
  cloud = await startLocalCloud({ env: { BOOKING_CHECKIN_EARLY_MIN: String(2 * 24 * 60) } });
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
  await page.waitForURL((url) => !url.hash.includes('login'));
}

async function settled(selector: string) {
  await page.locator(selector).first().waitFor();
  await page.waitForFunction((s) => Math.round(document.querySelector(s)?.getBoundingClientRect().left ?? -1) === 0, selector);
}

/** Opens the seeded 多功能活动室 (one seat per slot) on tomorrow's date. */
async function openRoomTomorrow() {
  await page.goto(`${cloud.url}/#/packages/booking/pages/item/index?id=it-yf-center-room`);
  // A fresh document, so no page left in the router's stack from the previous person answers the selectors.
  await page.reload();
  await settled('.item-page');
  await page.locator('.date-chip').nth(1).click();
  await page.locator('.slot').first().waitFor();
}

async function confirmModal(text: string) {
  await page.locator('.taro-modal__foot div', { hasText: text }).or(page.getByText(text, { exact: true })).last().click();
}

test('book, wait, be promoted, be checked in', async () => {
  await page.goto(`${cloud.url}/`);

  // The member finds the station and books the first room slot tomorrow.
  await signInAs('demo-member', '/pages/stations/index');
  await page.locator('.station-card', { hasText: '永福县党群服务中心' }).click();
  await settled('.station-detail');
  await page.locator('.bookable-item', { hasText: '多功能活动室' }).click();
  await settled('.item-page');
  await page.locator('.date-chip').nth(1).click();
  await page.locator('.slot--open').first().click();
  await confirmModal('预约');
  await page.getByText(/预约码 \d{8}/).waitFor();
  await page.screenshot({ path: path.join(SHOTS, '20-booked.png') });
  await confirmModal('确定');
  await page.locator('.slot--mine').first().waitFor();

  // The resident finds that slot full and joins its waiting list.
  await signInAs('demo-resident', '/pages/mine/index');
  await openRoomTomorrow();
  await page.locator('.slot--full').first().click();
  await confirmModal('候补');
  await page.locator('.slot--waiting').first().waitFor();
  await page.screenshot({ path: path.join(SHOTS, '21-waiting.png') });

  // The member cancels; the resident is promoted.
  await signInAs('demo-member', '/pages/mine/index');
  await page.locator('.my-bookings-link').click();
  await settled('.my-bookings');
  await page.locator('.booking-card--active .booking-cancel').click();
  await confirmModal('取消预约');
  await page.locator('.booking-card--cancelled').waitFor();

  await signInAs('demo-resident', '/pages/mine/index');
  await page.locator('.my-bookings-link').click();
  await settled('.my-bookings');
  await page.locator('.booking-card--active').waitFor();
  expect(await page.locator('.booking-card--active').textContent()).toContain('候补成功');
  const code = (await page.locator('.booking-card--active .qr-code__value').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{8}$/);
  await page.screenshot({ path: path.join(SHOTS, '22-promoted.png') });
  await page.goto(`${cloud.url}/#/packages/booking/pages/messages/index`);
  await page.locator('.message--promoted').waitFor();

  // Staff check the resident in.
  await signInAs('demo-staff', '/pages/mine/index');
  await page.locator('.staff-verify').click();
  await settled('.verify-page');
  await page.locator('.verify-mode--booking').click();
  await page.locator('.verify-input input').fill(code);
  await page.locator('.verify-submit').click();
  await page.getByText('签到成功：多功能活动室').waitFor();
  await page.screenshot({ path: path.join(SHOTS, '23-checked-in.png') });
});
