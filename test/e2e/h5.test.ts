/**
 * The H5 journey in Debian's Chromium: sign in as a demo user, open 驿站, see a seeded
 * station, open its detail; each of the six demo users signs in from the sign-in page and finds their
 * own work first on the home page. Screenshots go to reports/e2e/.
 */
import { STATIONS } from '../../domain/seed/data';
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    j = await startJourney({}, mode);
  }, 60_000);
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
    await j.check('01-stations.png');
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
    await j.check('02-station-detail.png');
  });

  test('我的 shows the signed-in user and role', async () => {
    await j.page.goto(`${j.cloud.url}/#/pages/mine/index`);
    await j.page.locator('.mine-nickname').waitFor();
    expect(await j.page.locator('.mine-role').textContent()).toBe('居民');
    await j.settled('.mine-page');
    await j.check('03-mine.png');
    // A resident finds the way into a branch from 我的; a resident sees no review of applications.
    expect(await j.page.locator('.org-applications-link').count()).toBe(0);
    await j.page.locator('.org-join-link').click();
    await j.page.locator('.join-page').waitFor();
    await j.check('03b-org-join.png');
  });

  /** Each demo user, what their home's work area is called, and the counts it leads with. */
  const ROLES = [
    { openid: 'demo-resident', role: '居民', title: '我的办事', tiles: [] },
    {
      openid: 'demo-member',
      role: '党员',
      title: '党员先锋',
      tiles: ['balance', 'openActivities', 'hall', 'tasks'],
    },
    {
      openid: 'demo-secretary',
      role: '党支部书记',
      title: '工作台',
      tiles: ['pendingRequests', 'pendingApplications', 'pendingVolunteers'],
    },
    {
      openid: 'demo-staff',
      role: '驿站工作人员',
      title: '工作台',
      tiles: ['todayBookings', 'todayCheckedIn', 'todayAppointments'],
    },
    {
      openid: 'demo-county-admin',
      role: '县区管理员',
      title: '工作台',
      tiles: ['pendingRequests', 'pendingApplications', 'pendingVolunteers'],
    },
    {
      openid: 'demo-admin',
      role: '系统管理员',
      title: '工作台',
      tiles: ['pendingRequests', 'pendingApplications', 'pendingOrders'],
    },
  ] as const;

  test('the sign-in page offers all six demo users, and each finds their own work first at home', async () => {
    await j.page.evaluate(() => localStorage.clear());
    await j.page.goto(`${j.cloud.url}/#/pages/login/index?from=${encodeURIComponent('/pages/index/index')}`);
    for (const r of ROLES) await j.page.locator(`.login-as--${r.openid}`).waitFor();
    await j.settled('.login-page');
    await j.check('04-sign-in.png');

    for (const r of ROLES) {
      await j.signInAs(r.openid, '/pages/index/index');
      const work = j.page.locator('.home-work');
      await work.waitFor();
      await j.settled('.home-page');
      expect(await work.locator('.home-section__title').first().textContent()).toContain(r.title);
      expect(await work.locator('.home-section__note').textContent()).toContain(r.role);
      for (const tile of r.tiles) {
        const value = await work.locator(`.home-tile--${tile} .home-tile__value`).textContent();
        expect(value).toMatch(/^\d+$/);
      }
      // 办结率 and 满意率 only once a branch has accepted a 点单; before that, an invitation to ask.
      await j.page.locator('.home-help').waitFor();
      if ((await j.page.locator('.home-help--none').count()) === 0)
        expect(
          Number(await j.page.locator('.home-help__item--requests .home-help__value').textContent()),
        ).toBeGreaterThan(0);
      else expect(await j.page.locator('.home-help__item--finish').count()).toBe(0);
      await j.check(`05-home-${r.openid}.png`);
    }
  });
});
