/**
 * 党建地图 in the desk console (Chromium, 1366×768, a real local cloud): an admin adds a red landmark with typed
 * coordinates, finds it in the list, opens its poster (the local plain QR with the landmark's scene) and prints it —
 * the print media shows the sheet alone, one A4 page, then one A5 page. Then a phone at 375 px opens the landmark
 * page by that poster's scene alone (as WeChat opens a mini-program code: no landmark id), in both modes.
 * Screenshots in reports/console/ (the desk) and reports/e2e/ (the phone).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { devLogin, postJson, startLocalCloud, type RunningCloud } from '../support/local-cloud';

const DESK_SHOTS = path.resolve(__dirname, '../../reports/console');
const PHONE_SHOTS = path.resolve(__dirname, '../../reports/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const NAME = '湘江战役纪念点';

let cloud: RunningCloud;
let browser: Browser;
let desk: Page;
const pageErrors: string[] = [];

async function api<T>(token: string, fn: string, event: object): Promise<T> {
  const body = (await (await postJson(`${cloud.url}/fn/${fn}`, event, token)).json()) as {
    ok: boolean;
    data: T;
    error?: { message: string };
  };
  if (!body.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${body.error?.message}`);
  return body.data;
}
const settled = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('.t-table--loading, .t-table .t-loading, .shell__loading'));
/** Pages in a PDF Chromium printed (each page object once). */
const pagesOf = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
/** The first page's size in millimetres, from its MediaBox (points). */
function pageMm(pdf: Buffer): [number, number] {
  const box = /MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('no MediaBox');
  const mm = (pt: string) => Math.round((Number(pt) / 72) * 25.4);
  return [mm(box[3]!) - mm(box[1]!), mm(box[4]!) - mm(box[2]!)];
}

beforeAll(async () => {
  fs.mkdirSync(DESK_SHOTS, { recursive: true });
  fs.mkdirSync(PHONE_SHOTS, { recursive: true });
  cloud = await startLocalCloud();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  desk.on('pageerror', (error) => pageErrors.push(error.message));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

test('an admin adds a red landmark with typed coordinates and prints its poster (A4, then A5)', async () => {
  await desk.goto(`${cloud.url}/admin/`);
  await desk.locator('.dev-login--demo-admin').click();
  await desk.locator('.shell__me').waitFor();
  await desk.locator('.menu--map').click();
  await desk.locator('.map-page').waitFor();
  await settled(desk);
  await desk.locator('.map-page tbody tr', { hasText: '民国小镇红色街区' }).waitFor();
  await desk.screenshot({ path: path.join(DESK_SHOTS, 'map-01-landmarks.png') });

  await desk.locator('.map-page__add').click();
  const form = desk.locator('.map-place-form');
  await form.getByRole('dialog').or(form).first().waitFor();
  await form.locator('.t-form__item', { hasText: '名称' }).first().locator('input').fill(NAME);
  await form.locator('.t-form__item', { hasText: '所在县区' }).locator('input').fill('桂林市秀峰区');
  await form.locator('.t-form__item', { hasText: '地址' }).first().locator('input').fill('秀峰区解放西路 1 号');
  await form.locator('.map-form__lat input').fill('25.2801');
  await form.locator('.map-form__lng input').fill('110.2902');
  await form.locator('.map-form__radius input').fill('300');
  await form.locator('.t-form__item', { hasText: '开放时间' }).locator('input').fill('全天开放');
  await form
    .locator('.t-form__item', { hasText: '介绍' })
    .first()
    .locator('textarea')
    .fill('纪念红军长征途经桂北的历史，党员群众在这里重温入党誓词。');
  // A wrong number first: refused beside the field, nothing sent.
  await form.locator('.map-form__radius input').fill('5');
  await form.locator('.map-form__radius input').blur();
  await desk.locator('.form-dialog__confirm').click();
  await form.getByText('打卡范围应在 10 到 5000 之间').waitFor();
  await desk.screenshot({ path: path.join(DESK_SHOTS, 'map-02-form-refused.png') });
  await form.locator('.map-form__radius input').fill('300');
  await form.locator('.map-form__radius input').blur();
  await desk.locator('.form-dialog__confirm').click();
  await desk.getByText(`已保存「${NAME}」`).waitFor();
  await settled(desk);

  const row = desk.locator('.map-page tbody tr', { hasText: NAME });
  await row.waitFor();
  expect(await row.textContent()).toContain('300 米内可打卡');
  // The admin never sees a code or an id.
  const token = await devLogin(cloud.url, 'demo-admin');
  const listed = await api<{ items: { name: string; landmarkId: string; scene: string | null }[] }>(token, 'stations', {
    action: 'mapAdminList',
    kind: 'red',
    limit: 50,
  });
  const mine = listed.items.find((l) => l.name === NAME)!;
  expect(mine.scene).toMatch(/^[A-Z0-9]{1,32}$/);
  const shown = (await desk.locator('.map-page').textContent()) ?? '';
  expect(shown).not.toContain(mine.scene!);
  expect(shown).not.toContain(mine.landmarkId);

  await row.locator('.map-row__poster').click();
  const sheet = desk.locator('.poster-sheet');
  await sheet.waitFor();
  await desk.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.poster-sheet__code');
    return Boolean(img && img.complete && img.naturalWidth > 0);
  });
  expect(await sheet.locator('.poster-sheet__name').textContent()).toBe(NAME);
  expect(await sheet.textContent()).toContain('纪念红军长征途经桂北的历史');
  expect(await sheet.textContent()).toContain('用手机扫描上方二维码，即可打卡');
  expect(await sheet.textContent()).not.toContain(mine.scene!);
  await desk.screenshot({ path: path.join(DESK_SHOTS, 'map-03-poster.png') });

  // 打印: the print media shows the sheet alone, on one A4 page.
  await desk.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await desk.locator('.poster__print').click();
  expect(await desk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await desk.emulateMedia({ media: 'print' });
  const visible = await desk.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.shell__menu, .poster-dialog .t-dialog__footer')).map(
      (el) => getComputedStyle(el).visibility,
    ),
  );
  expect(visible.every((v) => v === 'hidden')).toBe(true);
  const a4 = await desk.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pagesOf(a4)).toBe(1);
  expect(pageMm(a4)).toEqual([210, 297]);
  await desk.setViewportSize({ width: 794, height: 1123 });
  await desk.screenshot({ path: path.join(DESK_SHOTS, 'map-04-poster-print-a4.png') });
  await desk.emulateMedia({ media: 'screen' });
  await desk.setViewportSize({ width: 1366, height: 768 });

  await desk.locator('.poster-dialog').getByText('A5 纸').click();
  await desk.emulateMedia({ media: 'print' });
  const a5 = await desk.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pagesOf(a5)).toBe(1);
  expect(pageMm(a5)).toEqual([148, 210]);
  await desk.emulateMedia({ media: 'screen' });
  expect(pageErrors).toEqual([]);
});

describe.each(['normal', 'elder'] as const)('a phone in %s mode', (mode) => {
  test('opens the landmark page by the poster’s scene alone (no landmark id) at 375 px', async () => {
    const token = await devLogin(cloud.url, 'demo-admin');
    const listed = await api<{ items: { name: string; scene: string | null }[] }>(token, 'stations', {
      action: 'mapAdminList',
      kind: 'red',
      limit: 50,
    });
    const scene = listed.items.find((l) => l.name === NAME)!.scene!;
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    await context.addInitScript((on: boolean) => {
      localStorage.setItem('xfyz.elder', JSON.stringify({ data: on ? '1' : '0' }));
    }, mode === 'elder');
    const phone = await context.newPage();
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    await phone.goto(`${cloud.url}/#/pages/login/index?from=${encodeURIComponent('/pages/stations/index')}`);
    await phone.locator('.login-as--demo-member').click();
    await phone.waitForURL((url) => !url.hash.includes('login'));
    // As the mini-program code opens it: the scene (lower case, as a hand-typed address might carry it), no id.
    await phone.goto(`${cloud.url}/#/packages/map/pages/landmark/index?scene=${scene.toLowerCase()}`);
    // A hash change while the tab page is still mounting can leave Taro's H5 router showing the tab: load afresh,
    // as a scanned code opens the page.
    await phone.reload();
    await phone
      .locator('.landmark-page', { hasText: NAME })
      .waitFor()
      .catch(async (e: unknown) => {
        await phone.screenshot({ path: path.join(PHONE_SHOTS, `map-scene-failed--${mode}.png`) });
        throw e;
      });
    await phone.locator('.landmark-page .checkin__button').waitFor();
    expect(await phone.evaluate(() => document.documentElement.classList.contains('xf-elder'))).toBe(mode === 'elder');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.screenshot({ path: path.join(PHONE_SHOTS, `map-scene-landmark--${mode}.png`) });
    // A scene no poster carries: a plain refusal, no page of another landmark.
    await phone.goto(`${cloud.url}/#/packages/map/pages/landmark/index?scene=ZZZZ9999`);
    await phone.reload();
    await phone.getByText('没有找到这个二维码对应的打卡点').first().waitFor();
    await phone.screenshot({ path: path.join(PHONE_SHOTS, `map-scene-unknown--${mode}.png`) });
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
