/**
 * The vaccination journey in Chromium: a resident adds a family member aged 65 (an ID number from
 * our own generator; an empty form first says which fields are missing), is asked before 长辈模式
 * switches on, books a green-channel seat tomorrow with a summary naming who, what, where and when,
 * sees the code, finds the appointment in 我的接种预约 and a 消息 in the inbox; staff verify it; the
 * roster shows only masked data.
 */
import { dayOf } from '../../domain/core/time';
import { clock } from '../../domain/core/clock';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

const button = (text: string) => j.page.getByText(text, { exact: true }).last();

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    // Staff may complete tomorrow's appointment today here.
    j = await startJourney({ VACCINE_VERIFY_EARLY_DAYS: '2' }, mode);
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('add an elder, book a green seat, staff verify, roster masked', async () => {
    const born = `${Number(dayOf(clock.now()).slice(0, 4)) - 66}-03-08`;
    const idNumber = makeIdNumber('450326', born, 246);
    // The phone the issue measured: 375 px wide.
    await j.page.setViewportSize({ width: 375, height: 812 });
    await j.page.goto(`${j.cloud.url}/`);
    await j.signInAs('demo-resident', '/pages/vaccine/index');

    await j.page.locator('.site-card').first().click();
    await j.settled('.site-detail');
    await j.check('28-site.png');
    await j.page.locator('.appoint-button').click();
    await j.settled('.appoint-page');
    // The page opens on today while today has an open slot, else on the first day with one; every chip names its date.
    const opened = (await j.page.locator('.date-chip--active').getAttribute('aria-label')) ?? '';
    expect(opened).toMatch(/^((今天|明天) )?\d{1,2}月\d{1,2}日 周[日一二三四五六]$/);
    expect(await j.page.locator('.date-chip').first().textContent()).toMatch(/^今天 周.\d{1,2}月\d{1,2}日$/);
    await j.page.locator('.vaccine-slot').first().waitFor();
    expect(await j.page.locator('.vaccine-slot.slot--open').count()).toBeGreaterThan(0);
    await j.check('30a-appoint.png');
    if (!opened.startsWith('今天')) {
      // Today has nothing left to book (the run is late in the day in Shanghai): that is why it opened later.
      await j.page.locator('.date-chip').first().click();
      await j.page.locator('.vaccine-slot[aria-label^="今天"], .state-view--empty').first().waitFor();
      expect(await j.page.locator('.vaccine-slot.slot--open').count()).toBe(0);
    }
    // A slot that is over says so and offers no seats.
    await j.page.locator('.date-chip').first().click();
    await j.page.locator('.vaccine-slot[aria-label^="今天"], .state-view--empty').first().waitFor();
    for (const label of await j.page.locator('.vaccine-slot.slot--ended .slot__label').allTextContents())
      expect(label).toBe('已结束');
    await j.page.locator('.add-person-link').click();
    await j.settled('.people-page');
    await j.check('29a-people.png');
    // An empty form says which fields are missing, beside each.
    await j.page.locator('.add-person__submit').click();
    for (const missing of ['请填写姓名', '请填写身份证号', '请填写手机号']) await j.page.getByText(missing).waitFor();
    await j.check('29-people-missing.png');
    await j.page.locator('.person-field--name input').fill('李桂兰');
    await j.page
      .locator('.person-field--idNumber input')
      .fill(`${idNumber.slice(0, 17)}${idNumber[17] === '0' ? '1' : '0'}`);
    await j.page.getByText('身份证号校验位不正确').waitFor();
    await j.page.locator('.person-field--idNumber input').fill(idNumber);
    await j.page.locator('.person-field--phone input').fill('13977001234');
    await j.page.locator('.add-person__submit').click();
    await j.page.locator('.person-row', { hasText: '李桂兰' }).waitFor();
    expect(await j.page.locator('.person-row').textContent()).toContain('可走绿色通道');
    await j.check('30-people.png');

    await j.page.goBack();
    await j.settled('.appoint-page');
    // Choosing someone over 60 asks before switching to large text; nothing switches by itself.
    await j.page.locator('.choose-person', { hasText: '李桂兰' }).click();
    // (In 长辈模式 already, nothing is asked.)
    if (j.mode === 'normal') {
      await j.page.getByText('为 李桂兰 切换到长辈模式（大字）？').waitFor();
      expect(await j.page.locator('.appoint-page.elder').count()).toBe(0);
      await button('切换').click();
    }
    await j.page.locator('.appoint-page.elder').waitFor();
    // Nothing wider than the 375 px screen in 长辈模式 (the date strip scrolls sideways inside itself).
    const outside = await j.page.evaluate(() =>
      Array.from(document.querySelectorAll('.appoint-page *'))
        .filter((e) => !e.closest('.date-strip'))
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.right > 375.5 || r.left < -0.5))
        .map(({ e, r }) => `${String(e.className).slice(0, 40)} ${Math.round(r.left)}..${Math.round(r.right)}`),
    );
    expect(outside).toEqual([]);
    expect(await j.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await j.check('30b-appoint-elder.png', 'elder');
    // Tomorrow (the roster below is tomorrow's).
    await j.page.locator('.date-chip').nth(1).click();
    await j.page.locator('.vaccine-slot.slot--open[aria-label^="明天"]').first().click();
    const confirm = j.page.locator('.taro-modal__content, .taro-modal__text').last();
    await confirm.waitFor();
    const asked = (await confirm.textContent()) ?? '';
    expect(asked).toContain('接种人：李桂兰');
    expect(asked).toMatch(/疫苗：.+ 第\u00a01\u00a0剂/);
    expect(asked).toMatch(/地点：.+（.+）/);
    expect(asked).toMatch(/时间：明天 \d{1,2}月\d{1,2}日 周. \d\d:\d\d\u2060–\u2060\d\d:\d\d/);
    await button('预约').click();
    await j.page.getByText(/预约码 \d{8}/).waitFor();
    const done = (await j.page.locator('.taro-modal__content, .taro-modal__text').last().textContent()) ?? '';
    expect(done).toContain('接种人：李桂兰');
    expect(done).toContain('我的接种预约');
    await j.page.waitForTimeout(400); // the dialog's fade-in
    await j.shot('31-appointed.png');
    await button('我的预约').click();
    await j.settled('.my-appointments');
    const card = j.page.locator('.appointment-card--active').first();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('绿色通道');
    expect(cardText).toContain('接种人 李**');
    expect(cardText).toMatch(/明天 |\d{1,2}月\d{1,2}日 周/);
    await j.check('31b-my-appointments.png', 'elder');
    const code = (await card.locator('.qr-code__value').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{8}$/);
    // The appointment left a 消息.
    await j.page.goto(`${j.cloud.url}/#/packages/messages/pages/inbox/index`);
    await j.page.locator('.message--vaccine', { hasText: '接种预约成功：李**' }).first().waitFor();
    await j.check('31c-inbox.png', 'elder');

    await j.signInAs('demo-staff', '/pages/mine/index');
    await j.page.locator('.staff-verify').click();
    await j.settled('.verify-page');
    await j.check('32a-verify.png');
    await j.page.locator('.verify-mode--vaccine').click();
    await j.page.locator('.verify-input input').fill(code);
    await j.page.locator('.verify-submit').click();
    await j.page.locator('.taro-modal__foot div', { hasText: '核验' }).click();
    await j.page.getByText('核验成功：李**').waitFor();
    await j.check('32-verified.png');

    await j.page.goto(
      `${j.cloud.url}/#/packages/staff/pages/vaccine-roster/index?date=${dayOf(clock.now() + 86_400_000)}`,
    );
    await j.page.reload();
    await j.settled('.vaccine-roster-page');
    const row = j.page.locator('.vaccine-roster-row').first();
    await row.waitFor();
    const text = (await j.page.locator('.vaccine-roster-page').textContent()) ?? '';
    expect(text).toContain(`${idNumber.slice(0, 4)}${'*'.repeat(13)}${idNumber.slice(-1)}`);
    expect(text).toContain('139****1234');
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain('李桂兰');
    expect(text).not.toContain('13977001234');
    await j.check('33-roster-masked.png');
  });
});
