/** Admin pages in Chromium: award points, publish an activity and show its code, generate and close slots. */
import { startJourney, type Journey } from '../support/browser';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(async () => {
  await j?.close();
});

test('an admin awards points, publishes an activity with its code, and manages slots', async () => {
  await j.page.goto(`${j.cloud.url}/#/pages/login/index?from=%2Fpages%2Fmine%2Findex`);
  await j.page.locator('.login-as--demo-admin').click();
  await j.page.locator('.admin-points-link').click();
  await j.settled('.admin-points');

  await j.page.locator('.admin-award .form-field--openid input').fill('demo-member');
  await j.page.locator('.admin-award .form-field--points input').fill('10');
  await j.page.locator('.admin-award .form-field--reason input').fill('社区夜巡表现突出');
  await j.page.locator('.admin-award .nut-button').click();
  await j.page.locator('.admin-award .admin-status--ok').waitFor();
  expect(await j.page.locator('.admin-award .admin-status--ok').textContent()).toContain('+10 分');

  await j.page.locator('.admin-publish .form-field--title input').fill('党史学习教育专题党课');
  await j.page.locator('.admin-publish .form-field--place input').fill('向阳社区党群服务中心');
  await j.page.locator('.admin-publish .nut-button').click();
  await j.page.locator('.admin-publish .qr-code__value').waitFor();
  expect((await j.page.locator('.admin-publish .qr-code__value').textContent())?.trim()).toMatch(/^[A-Z0-9]{6}$/);
  await j.shot('40-admin-activity.png');

  await j.page.goto(`${j.cloud.url}/#/packages/admin/pages/slots/index`);
  await j.page.reload();
  await j.page.locator('.admin-slots .card', { hasText: '永福县党群服务中心' }).click();
  const first = j.page.locator('.item-admin').first();
  await first.waitFor();
  await first.locator('.nut-button', { hasText: '按模板生成时段' }).click();
  await first.getByText(/新建 \d+ 个时段，已存在 \d+ 个/).waitFor();
  await first.locator('.nut-button', { hasText: '关闭当天' }).click();
  await first.getByText(/已关闭 \d+ 个时段/).or(first.getByText('该日期的预约时段不存在')).waitFor();
  await j.shot('41-admin-slots.png');
});
