/**
 * 先锋岗 and 诚信经营户 in Chromium at 375 px, in both modes. 向阳社区's secretary puts a 先锋岗 on the map (savePost,
 * as the console does); a resident opens the map, filters it to 先锋岗, opens that post from the list — its member
 * masked, its branch, and the four stars the county signed off for that branch beside it on the map — taps 「找他办事」, sends the ask (the branch already chosen), and the secretary finds it in the
 * branch's queue. Then a 诚信经营户 from the map: its 亮牌 and the branch that recommends it.
 */
import type { Page } from 'playwright-core';
import { callAs, signOffStars } from '../support/page-calls';
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

const BRANCH = '向阳社区党支部';

async function confirmModal(page: Page, text: string) {
  await page
    .locator('.taro-modal__foot div', { hasText: text })
    .or(page.getByText(text, { exact: true }))
    .last()
    .click();
}

describe.each(MODES)('in %s mode', (mode) => {
  const POST = mode === 'elder' ? '向阳社区三栋先锋岗（长辈）' : '向阳社区三栋先锋岗';
  const TITLE = mode === 'elder' ? '三栋楼道灯坏了（长辈）' : '三栋楼道灯坏了';

  beforeAll(async () => {
    j = await startJourney({}, mode);
    await j.page.setViewportSize({ width: 375, height: 812 });
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('open a 先锋岗 from the map, 找他办事, and the ask reaches the branch queue', async () => {
    const page = j.page;
    // 向阳社区's secretary puts a 先锋岗 on the map.
    await j.signInAs('demo-secretary', '/pages/index/index');
    await callAs(page, 'stations', {
      action: 'savePost',
      kind: 'post',
      name: POST,
      intro: '楼道、邻里和便民的事，党员帮你办。',
      hours: '工作日 9:00-17:00',
      address: '永福县永福镇向阳社区 3 栋',
      location: { lat: 24.9856, lng: 109.9845 },
      placeType: 'building',
      holderName: '王小华',
      branchId: 'br-yf-xiangyang',
      requestId: `e2e-post-${mode}`,
    });

    // The county signs off the branch's 达标创星 for the quarter just ended: four stars.
    await j.signInAs('demo-admin', '/pages/index/index');
    await signOffStars(page, '桂林市永福县', BRANCH, 4);

    // A resident: the map, filtered to 先锋岗, the post from the list with its branch's stars.
    await j.signInAs('demo-resident', '/pages/stations/index');
    await page.locator('.map-entry').click();
    await j.settled('.map-page');
    await page.locator('.map-kind--post').click();
    await page.waitForFunction(
      (name) => Array.from(document.querySelectorAll('.map-place__name')).some((n) => n.textContent === name),
      POST,
    );
    await page
      .locator('.map-place', { hasText: POST })
      .locator('.map-place__stars', { hasText: '四星级支部' })
      .waitFor();
    await j.check('95b-map-post-stars.png');
    await page.locator('.map-place', { hasText: POST }).click();
    await j.settled('.post-page');
    await page.locator('.post-who__name').waitFor();
    expect(await page.locator('.post-who__name').textContent()).toBe('王*华 同志');
    expect(await page.locator('.post-who__branch').textContent()).toBe(BRANCH);
    const body = (await page.locator('.post-page').textContent()) ?? '';
    expect(body).not.toContain('王小华');
    expect(body).toContain('先锋岗所在楼栋');
    expect(body).not.toMatch(/示例|原文|出处/);
    await j.check('96-post.png');

    // 找他办事: the ask form with the branch chosen and the post named.
    await page.locator('.post-ask').click();
    await j.settled('.help-ask-page');
    expect(await page.locator('.help-ask__post').textContent()).toBe(`找他办事：从「${POST}」向「${BRANCH}」点单`);
    await page.locator('.help-kind__item--issue').click();
    await page.locator('.help-chip--category').first().click();
    await page.locator('.form-field--title input').fill(TITLE);
    await page.locator('.form-field--text textarea').fill('三栋二单元楼道灯坏了一个星期，晚上上下楼看不见。');
    await page.locator('.form-field--contactName input').fill('李秀兰');
    await page.locator('.form-field--contactPhone input').fill('13907730001');
    await j.check('96a-post-ask.png');
    await page.locator('.help-ask__submit').click();
    await page.locator('.taro-modal__text', { hasText: `将交给「${BRANCH}」书记受理` }).waitFor();
    await confirmModal(page, '提交');
    await page.locator('.help-sent').waitFor();

    // The secretary finds it in the branch's queue; the request names the post it came from.
    await j.signInAs('demo-secretary', '/pages/index/index');
    await page.goto(`${j.cloud.url}/#/packages/help/pages/queue/index`);
    await page.reload();
    await j.settled('.help-queue-page');
    await page.locator('.help-card', { hasText: TITLE }).waitFor();
    // The card says which post it was asked from.
    expect(await page.locator('.help-card', { hasText: TITLE }).locator('.help-card__post').textContent()).toBe(
      `找他办事：${POST}`,
    );
    await j.check('96b-post-queue.png');
    const queue = await callAs<{ items: { title: string; postName: string | null; unitName: string }[] }>(
      page,
      'requests',
      { action: 'queue' },
    );
    expect(queue.items.find((i) => i.title === TITLE)).toMatchObject({ postName: POST, unitName: BRANCH });
  }, 120_000);

  test('open a 诚信经营户 from the map and see its 亮牌', async () => {
    const page = j.page;
    await j.signInAs('demo-resident', '/pages/stations/index');
    await page.locator('.map-entry').click();
    await j.settled('.map-page');
    await page.locator('.map-kind--shop').click();
    const name = '容州古城商业街党员诚信经营户';
    await page.waitForFunction(
      (n) => Array.from(document.querySelectorAll('.map-place__name')).some((e) => e.textContent === n),
      name,
    );
    await page.locator('.map-place', { hasText: name }).click();
    await j.settled('.shop-page');
    await page.locator('.shop-plate__state').waitFor();
    expect(await page.locator('.shop-plate__state').textContent()).toBe('已亮牌，诚信经营');
    expect(await page.locator('.shop-plate__words').textContent()).toBe('诚信经营户');
    expect(await page.locator('.shop-plate__branch').textContent()).toBe('由「碧桂园小区党支部」推荐');
    await j.check('97-shop.png');
  }, 60_000);
});
