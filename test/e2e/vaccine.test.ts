/**
 * The vaccination journey in Chromium: a resident adds a family member aged 65 (an ID number from
 * our own generator), books a green-channel seat and sees the code; staff verify it; the roster
 * shows only masked data.
 */
import { dayOf } from '../../domain/core/time';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { startJourney, type Journey } from '../support/browser';

let j: Journey;
beforeAll(async () => {
  // Staff may complete tomorrow's appointment today here.
  j = await startJourney({ VACCINE_VERIFY_EARLY_DAYS: '2' });
});
afterAll(async () => {
  await j?.close();
});

const button = (text: string) => j.page.getByText(text, { exact: true }).last();

test('add an elder, book a green seat, staff verify, roster masked', async () => {
  const born = `${Number(dayOf(Date.now()).slice(0, 4)) - 66}-03-08`;
  const idNumber = makeIdNumber('450326', born, 246);
  await j.page.goto(`${j.cloud.url}/`);
  await j.signInAs('demo-resident', '/pages/vaccine/index');

  await j.page.locator('.site-card').first().click();
  await j.settled('.site-detail');
  await j.page.locator('.appoint-button').click();
  await j.settled('.appoint-page');
  await j.page.locator('.add-person-link').click();
  await j.settled('.people-page');
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
  await j.shot('30-people.png');

  await j.page.goBack();
  await j.settled('.appoint-page');
  await j.page.locator('.choose-person', { hasText: '李桂兰' }).click();
  await j.page.locator('.appoint-page.elder').waitFor();
  await j.page.locator('.vaccine-slot.slot--open').first().click();
  await button('预约').click();
  await j.page.getByText(/预约码 \d{8}/).waitFor();
  await j.shot('31-appointed.png');
  await button('确定').click();
  await j.settled('.my-appointments');
  const card = j.page.locator('.appointment-card--active').first();
  expect(await card.textContent()).toContain('绿色通道');
  const code = (await card.locator('.qr-code__value').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{8}$/);

  await j.signInAs('demo-staff', '/pages/mine/index');
  await j.page.locator('.staff-verify').click();
  await j.settled('.verify-page');
  await j.page.locator('.verify-mode--vaccine').click();
  await j.page.locator('.verify-input input').fill(code);
  await j.page.locator('.verify-submit').click();
  await j.page.locator('.taro-modal__foot div', { hasText: '核验' }).click();
  await j.page.getByText('核验成功：李**').waitFor();
  await j.shot('32-verified.png');

  await j.page.goto(
    `${j.cloud.url}/#/packages/staff/pages/vaccine-roster/index?date=${dayOf(Date.now() + 86_400_000)}`,
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
  await j.shot('33-roster-masked.png');
});
