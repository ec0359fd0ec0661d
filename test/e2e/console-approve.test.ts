/**
 * The console's scan-to-sign-in, approved from the H5 app: the QR's text is the approve page's address;
 * the page names who the console will sign in as, one tap approves, and the console's poll gets the token.
 */
import { startJourney, type Journey } from '../support/browser';
import { postJson } from '../support/local-cloud';

let j: Journey;
beforeAll(async () => {
  j = await startJourney();
});
afterAll(() => j.close());

interface Started {
  ticketId: string;
  pollSecret: string;
  qrText: string;
}
async function startTicket(): Promise<Started> {
  const res = (await (await postJson(`${j.cloud.url}/fn/admin`, { action: 'startConsoleLogin' })).json()) as {
    data: Started;
  };
  return res.data;
}
const poll = async (t: Started) =>
  (
    (await (
      await postJson(`${j.cloud.url}/fn/admin`, {
        action: 'pollConsoleLogin',
        ticketId: t.ticketId,
        pollSecret: t.pollSecret,
      })
    ).json()) as { data: { status: string; token?: string } }
  ).data;

test('an admin signed in on the H5 app opens the QR, reads who the console will be, approves once', async () => {
  await j.signInAs('demo-admin', '/pages/mine/index');
  const t = await startTicket();
  expect(t.qrText.startsWith(`${j.cloud.url}/#/packages/console/pages/approve/index?ticket=`)).toBe(true);
  await j.page.goto(t.qrText);
  await j.settled('.console-approve-page');
  await j.page.getByText('将以 管理员赵书记 的身份登录管理后台').waitFor();
  await j.shot('console-approve.png');
  expect(await poll(t)).toEqual({ status: 'waiting' });
  await j.page.locator('.console-approve__submit').click();
  await j.page.locator('.console-approve__done').waitFor();
  await j.shot('console-approve-done.png');
  const polled = await poll(t);
  expect(polled.status).toBe('approved');
  const me = (await (await postJson(`${j.cloud.url}/fn/user`, { action: 'me' }, polled.token)).json()) as {
    data: { openid: string };
  };
  expect(me.data.openid).toBe('demo-admin');
  expect(await poll(t)).toEqual({ status: 'expired' });
});

test('in 长辈模式 the page is in large text; a resident is told they have no console access', async () => {
  // Taro's H5 storage keeps `{ data }` as JSON; a full reload makes the page read it afresh.
  await j.page.evaluate(() => localStorage.setItem('xfyz.elder', JSON.stringify({ data: '1' })));
  const t = await startTicket();
  await j.page.goto(t.qrText);
  await j.page.reload();
  await j.page.locator('.console-approve-page.elder').waitFor();
  await j.page.getByText('确认登录', { exact: true }).waitFor();
  await j.shot('console-approve-elder.png');
  await j.page.evaluate(() => localStorage.removeItem('xfyz.elder'));
  await j.signInAs('demo-resident', '/pages/mine/index');
  await j.page.goto(t.qrText);
  await j.page.reload();
  await j.page.getByText(/你当前的身份是「居民」，没有管理后台的权限/).waitFor();
  await j.shot('console-approve-resident.png');
  expect(await j.page.locator('.console-approve__submit').count()).toBe(0);
  expect(await poll(t)).toEqual({ status: 'waiting' });
});

test('我的 → 管理后台登录 lists the console just signed in and signs it out: its next call is refused', async () => {
  await j.page.setViewportSize({ width: 375, height: 812 });
  await j.signInAs('demo-admin', '/pages/mine/index');
  const t = await startTicket();
  await j.page.goto(t.qrText);
  await j.settled('.console-approve-page');
  await j.page.locator('.console-approve__submit').click();
  await j.page.locator('.console-approve__done').waitFor();
  const polled = await poll(t);
  expect(polled.status).toBe('approved');
  const me = async () =>
    (await (await postJson(`${j.cloud.url}/fn/user`, { action: 'me' }, polled.token)).json()) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
  expect((await me()).ok).toBe(true);

  await j.page.goto(`${j.cloud.url}/#/packages/console/pages/sessions/index`);
  await j.page.reload();
  await j.settled('.console-sessions-page');
  // This one and the first test's: both signed in from 127.0.0.1, both live for 8 hours.
  const cards = j.page.locator('.console-session', { hasText: '127.0.0.1' });
  await cards.nth(1).waitFor();
  expect(await cards.count()).toBe(2);
  expect(await cards.first().textContent()).toContain('有效至');
  await j.shot('console-sessions.png');
  await j.page.evaluate(() => localStorage.setItem('xfyz.elder', JSON.stringify({ data: '1' })));
  await j.page.reload();
  await j.page.locator('.console-sessions-page.elder .console-session').first().waitFor();
  await j.shot('console-sessions-elder.png');
  await j.page.evaluate(() => localStorage.removeItem('xfyz.elder'));
  await j.page.reload();
  await cards.nth(1).waitFor();

  for (const left of [1, 0]) {
    await j.page.locator('.console-session__revoke').first().click();
    await j.page.locator('.taro-modal__text', { hasText: '那台电脑的下一次操作会被拒绝' }).waitFor();
    await j.page
      .locator('.taro-modal__foot div', { hasText: '退出登录' })
      .or(j.page.getByText('退出登录', { exact: true }))
      .last()
      .click();
    await j.page.waitForFunction((n) => document.querySelectorAll('.console-session').length === n, left);
  }
  await j.page.getByText('现在没有电脑登录着你的管理后台', { exact: false }).waitFor();
  expect(await me()).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED', message: '这个管理后台登录已在小程序中退出，请重新扫码登录' },
  });
  await j.page.setViewportSize({ width: 390, height: 844 });
});
