/**
 * The booking journey in Chromium: a resident books a slot at a seeded station, the confirmation naming
 * who, where and when, and sees the code; when the other person in that full slot cancels (confirming
 * the same summary), the waiting resident is promoted; 我的预约 names the station; staff check the
 * booking in.
 */
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

/** Opens the seeded 多功能活动室 (one seat per slot) on tomorrow's date. */
async function openRoomTomorrow() {
  await j.page.goto(`${j.cloud.url}/#/packages/booking/pages/item/index?id=it-yf-center-room`);
  // A fresh document, so no page left in the router's stack from the previous person answers the selectors.
  await j.page.reload();
  await j.settled('.item-page');
  await j.page.locator('.date-chip').nth(1).click();
  await j.page.locator('.slot').first().waitFor();
}

/** The text of the dialog on top. */
async function modalText() {
  const text = j.page.locator('.taro-modal__text').last();
  await text.waitFor();
  return text.textContent();
}

async function confirmModal(text: string) {
  await j.page
    .locator('.taro-modal__foot div', { hasText: text })
    .or(j.page.getByText(text, { exact: true }))
    .last()
    .click();
}

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    // Check-in opens two days ahead here, so that tomorrow's booking can be checked in today.
    j = await startJourney({ BOOKING_CHECKIN_EARLY_MIN: String(2 * 24 * 60) }, mode);
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('book, wait, be promoted, be checked in', async () => {
    await j.page.goto(`${j.cloud.url}/`);

    // The member finds the station and books the first room slot tomorrow.
    await j.signInAs('demo-member', '/pages/stations/index');
    await j.page.locator('.station-card', { hasText: '永福县党群服务中心' }).click();
    await j.settled('.station-detail');
    await j.check('19a-station.png');
    await j.page.locator('.bookable-item', { hasText: '多功能活动室' }).click();
    await j.settled('.item-page');
    await j.check('19b-item.png');
    // Every chip names its weekday and date: 今天 and 明天 too.
    expect(await j.page.locator('.date-chip').first().textContent()).toMatch(/^今天 周.\d{1,2}月\d{1,2}日$/);
    expect(await j.page.locator('.date-chip').nth(1).textContent()).toMatch(/^明天 周.\d{1,2}月\d{1,2}日$/);
    await j.page.locator('.date-chip').nth(1).click();
    await j.page.locator('.slot--open[aria-label^="明天"]').first().click();
    const asked = (await modalText()) ?? '';
    expect(asked).toMatch(/预约人：\S+/);
    expect(asked).toContain('项目：多功能活动室');
    expect(asked).toMatch(/地点：永福县党群服务中心（.+）/);
    expect(asked).toMatch(/时间：明天 \d{1,2}月\d{1,2}日 周. \d\d:\d\d\u2060–\u2060\d\d:\d\d/);
    await confirmModal('预约');
    await j.page.getByText(/预约码 \d{8}/).waitFor();
    expect(await modalText()).toContain('地点：永福县党群服务中心');
    await j.page.waitForTimeout(400); // the dialog's fade-in
    await j.shot('20-booked.png');
    await confirmModal('确定');
    await j.page.locator('.slot--mine').first().waitFor();
    await j.check('20b-item-booked.png');

    // The resident finds that slot full and joins its waiting list.
    await j.signInAs('demo-resident', '/pages/mine/index');
    await openRoomTomorrow();
    await j.page.locator('.slot--full').first().click();
    await confirmModal('候补');
    await j.page.locator('.slot--waiting').first().waitFor();
    await j.page.waitForTimeout(400); // the dialog's fade-in
    await j.shot('21-waiting.png');
    await confirmModal('确定');
    await j.page.locator('.taro-modal__text').last().waitFor({ state: 'hidden' });
    await j.check('21-waiting-slot.png');

    // The member cancels; the resident is promoted.
    await j.signInAs('demo-member', '/pages/mine/index');
    await j.page.locator('.my-bookings-link').click();
    await j.settled('.my-bookings');
    expect(await j.page.locator('.booking-card--active').textContent()).toContain('永福县党群服务中心');
    await j.check('21a-my-bookings.png');
    await j.page.locator('.booking-card--active .booking-cancel').click();
    const cancelAsked = (await modalText()) ?? '';
    expect(cancelAsked).toContain('项目：多功能活动室');
    expect(cancelAsked).toContain('地点：永福县党群服务中心');
    expect(cancelAsked).toMatch(/时间：\d{1,2}月\d{1,2}日 周. /);
    await j.page.waitForTimeout(400);
    await j.shot('21b-cancel-summary.png');
    await confirmModal('取消预约');
    await j.page.locator('.booking-card--cancelled').waitFor();

    await j.signInAs('demo-resident', '/pages/mine/index');
    await j.page.locator('.my-bookings-link').click();
    await j.settled('.my-bookings');
    await j.page.locator('.booking-card--active').waitFor();
    expect(await j.page.locator('.booking-card--active').textContent()).toContain('候补成功');
    const code = (await j.page.locator('.booking-card--active .qr-code__value').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{8}$/);
    await j.check('22-promoted.png');
    await j.page.goto(`${j.cloud.url}/#/packages/messages/pages/inbox/index`);
    await j.page.locator('.message--promoted').waitFor();
    await j.check('22b-inbox.png');

    // Staff check the resident in.
    await j.signInAs('demo-staff', '/pages/mine/index');
    await j.page.locator('.staff-verify').click();
    await j.settled('.verify-page');
    await j.check('23a-verify.png');
    await j.page.locator('.verify-mode--booking').click();
    await j.page.locator('.verify-input input').fill(code);
    await j.page.locator('.verify-submit').click();
    await confirmModal('签到');
    await j.page.getByText('签到成功：多功能活动室').waitFor();
    await j.check('23-checked-in.png');

    // The item page in 长辈模式 at 375 px: nothing wider than the screen (the date strip scrolls inside itself).
    await j.page.setViewportSize({ width: 375, height: 812 });
    await j.signInAs('demo-resident', '/pages/mine/index');
    await openRoomTomorrow();
    // In 长辈模式 already when the journey runs in it; else by the switch.
    if (j.mode === 'normal')
      await j.page
        .getByRole('switch', { name: /长辈模式/ })
        .first()
        .click();
    await j.page.locator('.item-page.elder').waitFor();
    const outside = await j.page.evaluate(() =>
      Array.from(document.querySelectorAll('.item-page *'))
        .filter((e) => !e.closest('.date-strip'))
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.right > 375.5 || r.left < -0.5))
        .map(({ e, r }) => `${String(e.className).slice(0, 40)} ${Math.round(r.left)}..${Math.round(r.right)}`),
    );
    expect(outside).toEqual([]);
    await j.check('24-item-elder.png', 'elder');
    if (j.mode === 'normal')
      await j.page
        .getByRole('switch', { name: /长辈模式/ })
        .first()
        .click();
  });
});
