/**
 * 党建地图 and 红色打卡 in Chromium at 375 px, in both modes: a party member opens the map from the 驿站 list (an
 * offline layer: nothing leaves the machine), filters it to 红色地标, opens a landmark from the list below the map,
 * then arrives by its poster's scene in the address. Chromium's position is overridden with a WGS-84 fix (what a
 * browser gives), which the server converts to GCJ-02: from 5 km away the check-in is refused beside the button; on
 * the spot it succeeds with the 红色打卡 rule's points; a second try the same day (a second phone of theirs that still
 * shows the button) is refused by the server; the 足迹 lists it.
 */
import type { Page } from 'playwright-core';
import { wgs84ToGcj02 } from '../../domain/map';
import { MODES, startJourney, type Journey } from '../support/browser';

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
});
