/**
 * 党建地图 and 红色打卡 in Chromium at 375 px, in both modes: a party member opens the map from the 驿站 list (an
 * offline layer: nothing leaves the machine), filters it to 红色地标, opens a landmark from the list below the map,
 * then arrives by its poster's scene in the address. Chromium's position is overridden with a WGS-84 fix (what a
 * browser gives), which the server converts to GCJ-02: from 5 km away the check-in is refused beside the button; on
 * the spot it succeeds with the 红色打卡 rule's points; a second try the same day (a second phone of theirs that still
 * shows the button) is refused by the server; the 足迹 lists it.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { distanceMetres } from '../../domain/core/geo';
import { wgs84ToGcj02 } from '../../domain/map';
import { MODES, SHOTS, startJourney, type Journey } from '../support/browser';
import { chineseShown } from '../support/page-calls';
import { checkPage } from '../support/page-checks';

let j: Journey;

/** 民国小镇红色街区 (demo seed), in GCJ-02, radius 200 m, poster scene RXJQ2021. */
const JIEQU = { id: 'lm-rx-jiequ', name: '民国小镇红色街区', scene: 'RXJQ2021', lat: 22.8568, lng: 110.5592 };

/** The WGS-84 fix a phone at `gcj` reports (the conversion inverted by iteration: a few centimetres off). */
function wgsOf(gcj: { lat: number; lng: number }) {
  let w = { ...gcj };
  for (let i = 0; i < 4; i += 1) {
    const g = wgs84ToGcj02(w);
    w = { lat: w.lat + (gcj.lat - g.lat), lng: w.lng + (gcj.lng - g.lng) };
  }
  return { latitude: w.lat, longitude: w.lng, accuracy: 10 };
}

const landmarkUrl = (withScene: boolean) =>
  `${j.cloud.url}/#/packages/map/pages/landmark/index?id=${JIEQU.id}${withScene ? `&scene=${JIEQU.scene}` : ''}`;

/**
 * The illustrative route 「行走的党课：三基地三展馆一街区」 (demo seed: GCJ-02, radius 150 m, poster scenes), in the
 * order that walks it in the least time from 民国小镇红色街区 (about 3.8 km between the circles' edges).
 */
const ROUTE = {
  id: 'rt-rx-xingzou',
  name: '行走的党课：三基地三展馆一街区',
  en: 'Walking Party Class: three bases, three halls, one block',
};
const STOPS = [
  { id: 'lm-rx-jidi-2', scene: 'RXJD0002', lat: 22.8497, lng: 110.5648, radius: 150 },
  { id: 'lm-rx-zhanguan-2', scene: 'RXZG0002', lat: 22.8532, lng: 110.5539, radius: 150 },
  { id: 'lm-rx-zhanguan-1', scene: 'RXZG0001', lat: 22.8589, lng: 110.5487, radius: 150 },
  { id: 'lm-rx-jidi-1', scene: 'RXJD0001', lat: 22.8621, lng: 110.5533, radius: 150 },
  { id: 'lm-rx-zhanguan-3', scene: 'RXZG0003', lat: 22.8644, lng: 110.5627, radius: 150 },
  { id: 'lm-rx-jidi-3', scene: 'RXJD0003', lat: 22.8702, lng: 110.5711, radius: 150 },
];
/** MAP_MAX_SPEED_KMH's default: the fastest believable travel between two check-ins. */
const MAX_KMH = 200;

/** How long (ms) the journey from one place's circle to the next's takes at MAX_KMH, with a second to spare. */
const travelMs = (a: { lat: number; lng: number; radius: number }, b: typeof a) =>
  (Math.max(0, distanceMetres(a, b) - a.radius - b.radius) / (MAX_KMH * 1000)) * 3_600_000 + 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A second phone: its own context at 375 px, in the journey's mode, signed in as `openid`. */
async function secondPhone(openid: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await j.browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    permissions: ['geolocation'],
    geolocation: wgsOf({ lat: JIEQU.lat + 0.045, lng: JIEQU.lng }),
  });
  await context.addInitScript((on: boolean) => {
    if (localStorage.getItem('xfyz.elder') === null)
      localStorage.setItem('xfyz.elder', JSON.stringify({ data: on ? '1' : '0' }));
  }, j.mode === 'elder');
  const page = await context.newPage();
  await page.goto(`${j.cloud.url}/#/pages/login/index?from=${encodeURIComponent('/pages/stations/index')}`);
  await page.locator(`.login-as--${openid}`).click();
  await page.waitForURL((url) => !url.hash.includes('login'));
  return { context, page };
}

async function openCheckInPage(page: Page) {
  await page.goto(landmarkUrl(true));
  await page.locator('.landmark-page .checkin__button').waitFor();
}

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    j = await startJourney({}, mode);
    await j.page.context().grantPermissions(['geolocation'], { origin: j.cloud.url });
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('open the map, filter, open a landmark, check in by its poster, refused a second time', async () => {
    await j.page.setViewportSize({ width: 375, height: 812 });
    await j.signInAs('demo-member', '/pages/stations/index');
    await j.page.locator('.map-entry').click();
    await j.settled('.map-page');

    // The map (Leaflet on the offline grid) and, below it, the same places as a list.
    await j.page.locator('.leaflet-container').waitFor();
    await j.page.locator('.xf-map-pin, .xf-map-cluster').first().waitFor();
    await j.page.locator('.map-place').first().waitFor();
    const kinds = await j.page.locator('.map-place__kind').allTextContents();
    expect(new Set(kinds).size).toBeGreaterThan(1);
    expect(await j.page.locator('.leaflet-tile-container img[src^="http"]').count()).toBe(0);
    await j.check('60-map.png');

    // Filtered to 红色地标: only red landmarks in the list, the chip pressed.
    await j.page.locator('.map-kind--red').click();
    await j.page.waitForFunction(
      () =>
        document.querySelectorAll('.map-place').length > 0 &&
        Array.from(document.querySelectorAll('.map-place__kind')).every((k) => k.textContent === '红色地标'),
    );
    expect(await j.page.locator('.map-kind--red').getAttribute('aria-pressed')).toBe('true');
    await j.check('61-map-red.png');

    // Opened from the list: what it is, and how to check in (no scene yet: scan the poster).
    await j.page.locator('.map-place', { hasText: JIEQU.name }).click();
    await j.settled('.landmark-page');
    await j.page.getByText('打卡人次').waitFor();
    const body = (await j.page.locator('.landmark-page').textContent()) ?? '';
    expect(body).toContain('全天开放');
    expect(body).toContain('玉林市容县容州镇民国小镇');
    expect(body).toMatch(/所在路线.*第 \d+ 站，共 \d+ 站/);
    expect(body).toContain('相关报道：《容县：抓示范创党建街区 强引领促提质升级》');
    expect(body).not.toMatch(/示例|原文|出处/);
    await j.check('62-landmark.png');

    // Arrived by the poster's code (the scene in the address), 5 km away: refused beside the button.
    await j.page.context().setGeolocation(wgsOf({ lat: JIEQU.lat + 0.045, lng: JIEQU.lng }));
    await openCheckInPage(j.page);
    // Their second phone, on the same spot, shows the button too: the second try.
    const other = await j.browser.newContext({
      storageState: await j.page.context().storageState(),
      viewport: { width: 375, height: 812 },
      permissions: ['geolocation'],
      geolocation: wgsOf({ lat: JIEQU.lat - 0.0004, lng: JIEQU.lng }),
    });
    const second = await other.newPage();
    await openCheckInPage(second);

    await j.page.locator('.checkin__button').click();
    const refusal = j.page.locator('.checkin__problem');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /^你离「民国小镇红色街区」还有约 \d+(\.\d)? 公里，到 200 米以内才能打卡$/,
    );
    await j.check('63-checkin-far.png');

    // On the spot: checked in, with the 红色打卡 rule's 2 points.
    await j.page.context().setGeolocation(wgsOf({ lat: JIEQU.lat + 0.0005, lng: JIEQU.lng }));
    await j.page.locator('.checkin__button').click();
    await j.page.locator('.checkin-done').waitFor();
    expect(await j.page.locator('.checkin-done__title').textContent()).toBe('打卡成功，获得 2 积分');
    await j.page.getByText('1 人次').waitFor();
    await j.check('64-checkin-done.png');

    // The same day again, from the other phone: the server refuses, beside the button.
    await second.locator('.checkin__button').click();
    await second.locator('.checkin__problem').waitFor();
    expect(await second.locator('.checkin__problem').textContent()).toBe(
      '今天已在「民国小镇红色街区」打过卡，明天再来吧',
    );
    await other.close();
    // And the page, opened again, says so instead of offering the button.
    await j.page.reload();
    await j.page.locator('.checkin-today').waitFor();
    expect(await j.page.locator('.checkin__button').count()).toBe(0);

    // 我的足迹 lists it.
    await j.page.locator('.checkin-today .checkin-done__link').click();
    await j.settled('.footprint-page');
    await j.page.locator('.footprint-item', { hasText: JIEQU.name }).waitFor();
    expect(await j.page.locator('.footprint-item__meta').first().textContent()).toContain('+2 积分');
    await j.check('65-footprint.png');
  }, 120_000);

  test('walk the route to its certificate, in Chinese and, on a second phone, in English', async () => {
    const shot = (name: string) => path.join(SHOTS, name.replace(/\.png$/, `--${j.mode}.png`));
    const en = await secondPhone('demo-resident');
    const check = (page: Page, name: string) => checkPage(page, { mode: j.mode, label: name, shot: shot(name) });
    const english = async (page: Page, name: string) => {
      await check(page, name);
      expect({ page: name, chinese: await chineseShown(page) }).toEqual({ page: name, chinese: [] });
    };

    // 红色路线 from the map: the demo route, marked as one, with the member's 1 of 7 stops.
    await j.page.goto(`${j.cloud.url}/#/packages/map/pages/map/index`);
    await j.settled('.map-page');
    await j.page.locator('.map-link--routes').click();
    await j.settled('.routes-page');
    const card = j.page.locator('.route-card', { hasText: ROUTE.name });
    await card.waitFor();
    expect(await card.locator('.route-demo').textContent()).toBe('演示路线：站点名称和位置仅供体验');
    expect(await card.locator('.route-progress__text').textContent()).toBe('已打卡 1/7 站');
    expect(await card.locator('.route-stop--visited').count()).toBe(1);
    await j.check('66-routes.png');
    await card.click();
    await j.settled('.route-page');
    expect(await j.page.locator('.route-row').count()).toBe(7);
    expect(await j.page.locator('.route-left').textContent()).toBe('还差 6 站，全部打卡后可领取路线证书');
    await j.check('67-route.png');

    // The second phone in English: the switch on the map, remembered; the map filtered, a landmark opened.
    await en.page.goto(`${j.cloud.url}/#/packages/map/pages/map/index`);
    await en.page.locator('.map-page .lang-switch').click();
    await en.page.locator('.map-kind--red', { hasText: 'Red sites' }).waitFor();
    await en.page.locator('.map-place').first().waitFor();
    await english(en.page, 'map-80-map-en.png');
    await en.page.locator('.map-kind--red').click();
    await en.page.waitForFunction(
      () =>
        document.querySelectorAll('.map-place').length > 0 &&
        Array.from(document.querySelectorAll('.map-place__kind')).every((k) => k.textContent === 'Red landmark'),
    );
    await english(en.page, 'map-81-map-red-en.png');
    await en.page.locator('.map-place', { hasText: 'Minguo Town Red Block' }).click();
    await en.page.locator('.landmark-page').waitFor();
    await en.page.getByText('Opening hours').waitFor();
    expect(await en.page.locator('.landmark-page').textContent()).toContain('Open all day');
    await english(en.page, 'map-82-landmark-en.png');

    // Its check-in in English: refused from 5 km away, then on the spot.
    await en.page.goto(`${j.cloud.url}/#/packages/map/pages/landmark/index?id=${JIEQU.id}&scene=${JIEQU.scene}`);
    await en.page.locator('.checkin__button').click();
    await en.page.locator('.checkin__problem').waitFor();
    expect(await en.page.locator('.checkin__problem').textContent()).toMatch(
      /^You are about \d+(\.\d)? km away\. Come within 200 m to check in\.$/,
    );
    await english(en.page, 'map-83-checkin-far-en.png');
    await en.context.setGeolocation(wgsOf({ lat: JIEQU.lat, lng: JIEQU.lng + 0.0004 }));
    await en.page.locator('.checkin__button').click();
    await en.page.locator('.checkin-done').waitFor();
    expect(await en.page.locator('.checkin-done__title').textContent()).toBe('Checked in');
    await english(en.page, 'map-84-checkin-done-en.png');

    // The other six stops, each phone at the spot with its poster's code, no sooner than travel allows.
    let from = { lat: JIEQU.lat, lng: JIEQU.lng, radius: 200 };
    let since = performance.now();
    for (const stop of STOPS) {
      await sleep(Math.max(0, travelMs(from, stop) - (performance.now() - since)));
      for (const phone of [{ context: j.page.context(), page: j.page }, en]) {
        await phone.context.setGeolocation(wgsOf({ lat: stop.lat + 0.0003, lng: stop.lng }));
        // Opened afresh, as a scanned poster opens it.
        await phone.page.goto(`${j.cloud.url}/#/packages/map/pages/landmark/index?id=${stop.id}&scene=${stop.scene}`);
        await phone.page.reload();
        await phone.page.locator('.checkin__button').click();
        await phone.page.locator('.checkin-done, .checkin__problem').first().waitFor();
        expect(await phone.page.locator('.checkin__problem').count()).toBe(0);
      }
      since = performance.now();
      from = stop;
    }

    // The last stop completes the route: the member's certificate, drawn on the device and downloadable.
    expect(await j.page.locator('.checkin-done__route').textContent()).toContain(`你走完了「${ROUTE.name}」全程`);
    await j.check('68-route-done.png');
    await j.page.locator('.checkin-done__certificate').click();
    await j.settled('.certificate-page');
    await j.page.locator('.certificate-picture').waitFor();
    const body = (await j.page.locator('.certificate-page').textContent()) ?? '';
    expect(body).toContain('党员王建国');
    expect(body).toContain('走完了以下路线的全部 7 站');
    expect(body).toContain(ROUTE.name);
    expect(body).toMatch(/起止日期：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await j.page.locator('.certificate-stop').count()).toBe(7);
    // The picture is the drawing (a PNG as wide as the canvas), named for screen readers.
    const picture = await j.page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('.certificate-picture img');
      return {
        src: img?.src.slice(0, 22),
        width: img?.naturalWidth,
        label: img?.closest('[aria-label]')?.getAttribute('aria-label'),
      };
    });
    expect(picture).toEqual({
      src: 'data:image/png;base64,',
      width: 750,
      label: `党员王建国的路线证书：${ROUTE.name}`,
    });
    const [download] = await Promise.all([
      j.page.waitForEvent('download'),
      j.page.locator('.certificate-actions .nut-button').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`路线证书-${ROUTE.name}.png`);
    await j.check('69-certificate.png');
    // The route says it is complete.
    await j.page.goto(`${j.cloud.url}/#/packages/map/pages/route/index?id=${ROUTE.id}`);
    await j.page.locator('.route-certificate').waitFor();
    expect(await j.page.locator('.route-progress__text').textContent()).toBe('已走完');

    // The same on the English phone: its certificate, the route, the routes, a station and the tab bar.
    expect(await en.page.locator('.checkin-done__route').textContent()).toContain(
      `You completed the whole route “${ROUTE.en}”`,
    );
    await en.page.locator('.checkin-done__certificate').click();
    await en.page.locator('.certificate-picture').waitFor();
    const enBody = (await en.page.locator('.certificate-page').textContent()) ?? '';
    expect(enBody).toContain('completed all 7 stops of');
    expect(enBody).toContain(ROUTE.en);
    expect(enBody).toMatch(/Dates: \d{1,2} [A-Z][a-z]{2} \d{4}/);
    await english(en.page, 'map-85-certificate-en.png');
    await en.page.goto(`${j.cloud.url}/#/packages/map/pages/route/index?id=${ROUTE.id}`);
    await en.page.locator('.route-certificate').waitFor();
    expect(await en.page.locator('.route-progress__text').textContent()).toBe('Completed');
    await english(en.page, 'map-86-route-en.png');
    await en.page.goto(`${j.cloud.url}/#/packages/map/pages/routes/index`);
    await en.page.locator('.route-card').first().waitFor();
    expect(await en.page.locator('.route-demo').first().textContent()).toBe(
      'Demo route: stop names and places are for trying the app',
    );
    await english(en.page, 'map-87-routes-en.png');
    await en.page.goto(`${j.cloud.url}/#/packages/booking/pages/station/index?id=st-yf-fengshan`);
    await en.page.reload();
    await en.page.locator('.station-detail').getByText('Opening hours').waitFor();
    await english(en.page, 'map-88-station-en.png');
    await en.page.goto(`${j.cloud.url}/#/pages/stations/index`);
    await en.page.reload();
    await en.page.locator('.weui-tabbar__label').first().waitFor();
    await en.page.waitForFunction(() => document.querySelector('.weui-tabbar__label')?.textContent === 'Home');
    expect(await en.page.locator('.weui-tabbar__label').allTextContents()).toEqual([
      'Home',
      'Points',
      'Stations',
      'Vaccines',
      'Me',
    ]);
    await en.page.screenshot({ path: shot('map-89-tabbar-en.png') });
    // Back to Chinese: the tab bar too.
    await en.page.goto(`${j.cloud.url}/#/packages/map/pages/routes/index`);
    await en.page.locator('.routes-page .lang-switch').click();
    await en.page.locator('.routes-page .route-progress__text', { hasText: '已走完' }).waitFor();
    await en.page.goto(`${j.cloud.url}/#/pages/stations/index`);
    await en.page.waitForFunction(() => document.querySelector('.weui-tabbar__label')?.textContent === '首页');
    await en.context.close();
  }, 300_000);
});
