/**
 * The points journey in Chromium: a member checks in to a seeded activity by its code and sees the
 * balance rise, redeems goods and sees the order with its pickup code; staff verify the code; the
 * member sees the order picked up.
 */
import { OPENING_BALANCES, POINT_RULES } from '../../domain/seed/points-data';
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    j = await startJourney({}, mode);
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('check in, redeem, verify, picked up', async () => {
    const opening = OPENING_BALANCES.find((o) => o.openid === 'demo-member')!.points;
    const zhuti = POINT_RULES.find((r) => r._id === 'r-zhuti')!.points;
    await j.page.goto(`${j.cloud.url}/`);
    await j.signInAs('demo-member', '/pages/points/index');

    // Check in to the seeded 主题党日 by its code.
    await j.page.locator('.points-balance').waitFor();
    expect(await j.page.locator('.points-balance').textContent()).toBe(String(opening));
    await j.check('10a-points.png');
    expect(await j.page.locator('.checkin__input input').getAttribute('placeholder')).toBe('输入活动签到码');
    await j.page.locator('.checkin__input input').fill('DEMO01');
    await j.page.locator('.checkin .nut-button', { hasText: '签到' }).click();
    await j.page.locator('.checkin__ok').waitFor();
    await j.page.waitForFunction(
      (want) => document.querySelector('.points-balance')?.textContent === want,
      String(opening + zhuti),
    );
    await j.check('10-points-checked-in.png');

    // Redeem a towel in the mall.
    await j.page.getByText('积分商城').click();
    await j.settled('.mall-page');
    await j.check('10b-mall.png');
    await j.page.locator('.goods-card', { hasText: '毛巾两条装' }).click();
    await j.settled('.goods-detail');
    await j.check('10c-goods.png');
    await j.page.locator('.redeem-button').click();
    await j.page.getByText('兑换', { exact: true }).last().click();
    await j.settled('.orders-page');
    const code = (await j.page.locator('.order-card--pending .qr-code__value').first().textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{8}$/);
    await j.check('11-order-pickup-code.png');

    // Staff verify the code.
    await j.signInAs('demo-staff', '/pages/mine/index');
    await j.page.locator('.staff-verify').click();
    await j.settled('.verify-page');
    await j.check('12a-verify.png');
    await j.page.locator('.verify-input input').fill(code);
    await j.page.locator('.verify-submit').click();
    await j.page.locator('.taro-modal__foot div', { hasText: '核销' }).click();
    await j.page.getByText('核销成功').waitFor();
    await j.check('12-staff-verified.png');

    // The member sees the order picked up.
    await j.signInAs('demo-member', '/pages/points/index');
    await j.page.locator('.points-balance').waitFor();
    expect(await j.page.locator('.points-balance').textContent()).toBe(String(opening + zhuti - 20));
    await j.check('13a-points.png');
    await j.page.getByText('我的订单').click();
    await j.settled('.orders-page');
    await j.page.locator('.order-card--picked').waitFor();
    expect(await j.page.locator('.order-card--picked .order-card__status').textContent()).toBe('已领取');
    expect(await j.page.locator('.order-card--pending').count()).toBe(0);
    await j.check('13-order-picked.png');
  });

  test('a resident gets no check-in form, but what points are and how party members earn them', async () => {
    await j.page.goto(`${j.cloud.url}/`);
    await j.signInAs('demo-resident', '/pages/points/index');
    await j.page.locator('.points-about').waitFor();
    expect(await j.page.locator('.checkin').count()).toBe(0);
    expect(await j.page.locator('.points-about').textContent()).toContain('党员');
    expect(await j.page.locator('.points-page').textContent()).not.toContain('DEMO');
    await j.check('09-points-resident.png');
  });
});
