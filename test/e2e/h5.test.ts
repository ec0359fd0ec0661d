/**
 * The H5 journey in Debian's Chromium: sign in as a demo user, open 驿站, see a seeded
 * station, open its detail. Screenshots go to reports/e2e/.
 */
import { STATIONS } from '../../domain/seed/data';
import { startJourney, type Journey } from '../support/browser';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(async () => {
  await j?.close();
});

test('a resident signs in, opens 驿站, sees seeded stations and opens one', async () => {
  await j.page.goto(`${j.cloud.url}/#/pages/stations/index`);
  // The home tab stays in the DOM behind 驿站 (its link reads 「去登录 ›」): take the 驿站 page's button.
  await j.page.getByText('去登录', { exact: true }).click();
  await j.page.locator('.login-as--demo-resident').click();

  // Back on 驿站 after sign-in, with the first page of seeded stations.
  await j.page.locator('.station-card').first().waitFor();
  await j.shot('01-stations.png');
  const seededFirstPage = [...STATIONS]
    .sort((a, b) => (a._id < b._id ? -1 : 1))
    .slice(0, 20)
    .map((s) => s.name);
  expect(await j.page.locator('.station-card .card__title').allTextContents()).toEqual(seededFirstPage);

  // Filter by kind, then open a station.
  await j.page.locator('.kind-tab', { hasText: '旅游驿站' }).click();
  await j.page.locator('.station-card').first().waitFor();
  const names = await j.page.locator('.station-card .card__title').allTextContents();
  expect([...names].sort()).toEqual(
    STATIONS.filter((s) => s.kind === 'tourism')
      .map((s) => s.name)
      .sort(),
  );
  const firstName = names[0]!;
  await j.page.locator('.station-card').first().click();
  await j.page.locator('.station-detail').waitFor();
  await j.page.getByText('提供的服务').waitFor();
  expect(await j.page.locator('.station-detail .hero__title').textContent()).toBe(firstName);
  // Let the page-transition animation finish before the picture.
  await j.page.waitForFunction(
    () => Math.round(document.querySelector('.station-detail')?.getBoundingClientRect().left ?? -1) === 0,
  );
  await j.shot('02-station-detail.png');
});

test('我的 shows the signed-in user and role', async () => {
  await j.page.goto(`${j.cloud.url}/#/pages/mine/index`);
  await j.page.locator('.mine-nickname').waitFor();
  expect(await j.page.locator('.mine-role').textContent()).toBe('居民');
  await j.shot('03-mine.png');
  // A resident finds the way into a branch from 我的; a resident sees no review of applications.
  expect(await j.page.locator('.org-applications-link').count()).toBe(0);
  await j.page.locator('.org-join-link').click();
  await j.page.locator('.join-page').waitFor();
});
