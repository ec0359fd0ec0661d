/**
 * 先锋岗, 诚信经营户 and 我的足迹 in English, in Chromium at 375 px, in both modes. A party member switches the map to
 * English, filters it to posts and opens 碧桂园小区's 「红管家」 building post (its English name; the member masked
 * and the branch, which have no English form, marked as Chinese; the four stars the county signed off for that
 * branch in English), then a trusted shop (its plaque and the branch that recommends it), then 我的足迹 (empty,
 * then with a check-in and its points). No Chinese characters on those pages but what carries lang="zh-CN"; axe 0
 * serious. Back to 中文 on the footprint page, the Chinese words are as they were.
 */
import type { Page } from 'playwright-core';
import { callAs, chineseShown, signOffStars } from '../support/page-calls';
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

const COUNTY = '玉林市容县';
const BRANCH = '碧桂园小区党支部';
const POST = { id: 'lm-rx-hgj-lou', en: 'Red Steward building post, Biguiyuan' };
const SHOP = { id: 'lm-rx-gucheng-shop', en: 'Trusted shops, Rongzhou Old Town Street' };
/** 民国小镇红色街区 (demo seed), in GCJ-02, with its poster's scene. */
const JIEQU = { id: 'lm-rx-jiequ', en: 'Minguo Town Red Block', scene: 'RXJQ2021', lat: 22.8568, lng: 110.5592 };

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').trim();

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    j = await startJourney({}, mode);
    await j.page.setViewportSize({ width: 375, height: 812 });
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  const english = async (name: string) => {
    await j.check(name);
    expect({ page: name, chinese: await chineseShown(j.page) }).toEqual({ page: name, chinese: [] });
  };

  test('from the English map: a 先锋岗, a 诚信经营户 and 我的足迹, all in English', async () => {
    const page = j.page;
    // The county signs off 碧桂园小区党支部's 达标创星 for the quarter just ended: four stars.
    await j.signInAs('demo-admin', '/pages/index/index');
    await signOffStars(page, COUNTY, BRANCH, 4);

    // A party member switches the map to English and filters it to posts.
    await j.signInAs('demo-member', '/pages/stations/index');
    await page.locator('.map-entry').click();
    await j.settled('.map-page');
    await page.locator('.map-page .lang-switch').click();
    await page.locator('.map-kind--post', { hasText: 'Posts' }).waitFor();
    await page.locator('.map-kind--post').click();
    await page.locator('.map-place', { hasText: POST.en }).waitFor();

    // The post: its English name, the member masked and the branch as given (marked Chinese), the stars in English.
    await page.locator('.map-place', { hasText: POST.en }).click();
    await j.settled('.post-page');
    await page.locator('.post-page .branch-stars').waitFor();
    expect(await text(page, '.post-page .hero__title')).toBe(POST.en);
    expect(await text(page, '.post-page .hero__sub')).toBe('Party member post');
    expect(await text(page, '.post-who__name')).toBe('Comrade 陈*明');
    expect(await text(page, '.post-who__branch')).toBe(BRANCH);
    expect(await page.locator('.post-who__branch').getAttribute('lang')).toBe('zh-CN');
    expect(await text(page, '.post-page .branch-stars')).toBe('★★★★☆ 4-star branch');
    expect(await text(page, '.post-ask')).toBe('Ask for help');
    const post = (await page.locator('.post-page').textContent()) ?? '';
    expect(post).toContain('Service hours');
    expect(post).toContain('Daily 8:00-20:00');
    expect(post).toContain('A building');
    expect(post).toContain('Directions');
    expect(await page.title()).toBe(POST.en);
    await english('map-90-post-en.png');

    // Back on the map, a trusted shop: its plaque and the branch that recommends it.
    await page.goBack();
    await j.settled('.map-page');
    await page.locator('.map-kind--shop').click();
    await page.locator('.map-place', { hasText: SHOP.en }).waitFor();
    await page.locator('.map-place', { hasText: SHOP.en }).click();
    await j.settled('.shop-page');
    await page.locator('.shop-page .branch-stars').waitFor();
    expect(await text(page, '.shop-page .hero__title')).toBe(SHOP.en);
    expect(await text(page, '.shop-plate__words')).toBe('Trusted shop');
    expect(await text(page, '.shop-plate__state')).toBe('Plaque on show: an honest business');
    expect(await text(page, '.shop-plate__branch')).toBe(`Recommended by ${BRANCH}`);
    expect(await text(page, '.shop-page .branch-stars')).toBe('★★★★☆ 4-star branch');
    const shop = (await page.locator('.shop-page').textContent()) ?? '';
    expect(shop).toContain('Opening hours');
    expect(shop).toContain('Daily 9:00-21:00');
    await english('map-91-shop-en.png');

    // 我的足迹 from the map: nothing yet, said in English with the way to the map.
    await page.goBack();
    await j.settled('.map-page');
    await page.locator('.map-link--footprint').click();
    await j.settled('.footprint-page');
    await page.locator('.footprint-page .state-view--empty').waitFor();
    expect(await text(page, '.footprint-page .state-view__text')).toBe(
      'No check-ins yet. Scan the code at a red landmark to check in, and it shows here.',
    );
    expect(await text(page, '.footprint-page .state-view__action')).toBe('Open the Party Map');
    await english('map-92-footprint-empty-en.png');

    // A check-in at 民国小镇红色街区 (on the spot, with its poster's code): listed with its points, in English.
    await callAs(page, 'stations', {
      action: 'checkIn',
      landmarkId: JIEQU.id,
      scene: JIEQU.scene,
      location: { lat: JIEQU.lat, lng: JIEQU.lng },
      datum: 'gcj02',
    });
    await page.reload();
    await page.locator('.footprint-item', { hasText: JIEQU.en }).waitFor();
    expect(await page.locator('.footprint-summary__label').allTextContents()).toEqual([
      'check-in',
      'place',
      'routes completed',
    ]);
    expect(await text(page, '.footprint-item__meta')).toMatch(
      /^Red landmark · \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} · \+2 points$/,
    );
    expect(await text(page, '.paged-list__end')).toBe('— The end —');
    await english('map-93-footprint-en.png');

    // Back to 中文: the same page in its Chinese words.
    await page.locator('.footprint-page .lang-switch').click();
    await page.locator('.footprint-summary__label', { hasText: '次打卡' }).waitFor();
    expect(await text(page, '.footprint-item__meta')).toMatch(/^红色地标 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} · \+2 积分$/);
    expect(await text(page, '.footprint-item__name')).toBe('民国小镇红色街区');
    expect(await text(page, '.paged-list__end')).toBe('— 已经到底了 —');
  }, 120_000);
});
