/**
 * The vaccination journey in Chromium: a resident adds a family member aged 65 (an ID number from
 * our own generator), books a green-channel seat and sees the code; staff verify it; the roster
 * shows only masked data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dayOf } from '../../domain/core/time';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { startLocalCloud, type RunningCloud } from '../support/local-cloud';

const SHOTS = path.resolve(__dirname, '../../reports/e2e');
let cloud: RunningCloud;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  // Staff may complete tomorrow's appointment today here.
  cloud = await startLocalCloud({ env: { VACCINE_VERIFY_EARLY_DAYS: '2' } });
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
const button = (text: string) => page.getByText(text, { exact: true }).last();

test('add an elder, book a green seat, staff verify, roster masked', async () => {
  const born = `${Number(dayOf(Date.now()).slice(0, 4)) - 66}-03-08`;
  const idNumber = makeIdNumber('450326', born, 246);
  await page.goto(`${cloud.url}/`);
  await signInAs('demo-resident', '/pages/vaccine/index');

  await page.locator('.site-card').first().click();
  await settled('.site-detail');
  await page.locator('.appoint-button').click();
  await settled('.appoint-page');
  await page.locator('.add-person-link').click();
  await settled('.people-page');
  await page.locator('.person-field--name input').fill('李桂兰');
  await page.locator('.person-field--idNumber input').fill(`${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`);
  await page.getByText('身份证号校验位不正确').waitFor();
  await page.locator('.person-field--idNumber input').fill(idNumber);
  await page.locator('.person-field--phone input').fill('13977001234');
  await page.locator('.add-person__submit').click();
  await page.locator('.person-row', { hasText: '李桂兰' }).waitFor();
  expect(await page.locator('.person-row').textContent()).toContain('可走绿色通道');
  await page.screenshot({ path: path.join(SHOTS, '30-people.png') });

  await page.goBack();
  await settled('.appoint-page');
  await page.locator('.choose-person', { hasText: '李桂兰' }).click();
  await page.locator('.appoint-page.elder').waitFor();
  await page.locator('.vaccine-slot.slot--open').first().click();
  await button('预约').click();
  await page.getByText(/预约码 \d{8}/).waitFor();
  await page.screenshot({ path: path.join(SHOTS, '31-appointed.png') });
  await button('确定').click();
  await settled('.my-appointments');
  const card = page.locator('.appointment-card--active').first();
  expect(await card.textContent()).toContain('绿色通道');
  const code = (await card.locator('.qr-code__value').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{8}$/);

  await signInAs('demo-staff', '/pages/mine/index');
  await page.locator('.staff-verify').click();
  await settled('.verify-page');
  await page.locator('.verify-mode--vaccine').click();
  await page.locator('.verify-input input').fill(code);
  await page.locator('.verify-submit').click();
  await page.getByText('核验成功：李**').waitFor();
  await page.screenshot({ path: path.join(SHOTS, '32-verified.png') });

  await page.goto(`${cloud.url}/#/packages/staff/pages/vaccine-roster/index?date=${dayOf(Date.now() + 86_400_000)}`);
  await page.reload();
  await settled('.vaccine-roster-page');
  const row = page.locator('.vaccine-roster-row').first();
  await row.waitFor();
  const text = (await page.locator('.vaccine-roster-page').textContent()) ?? '';
  expect(text).toContain(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
  expect(text).toContain('139****1234');
  expect(text).not.toContain(idNumber);
  expect(text).not.toContain('李桂兰');
  expect(text).not.toContain('13977001234');
  await page.screenshot({ path: path.join(SHOTS, '33-roster-masked.png') });
});
