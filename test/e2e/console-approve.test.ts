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

interface Started { ticketId: string; pollSecret: string; qrText: string }
async function startTicket(): Promise<Started> {
  const res = (await (await postJson(`${j.cloud.url}/fn/admin`, { action: 'startConsoleLogin' })).json()) as { data: Started };
  return res.data;
}
const poll = async (t: Started) =>
  ((await (await postJson(`${j.cloud.url}/fn/admin`, { action: 'pollConsoleLogin', ticketId: t.ticketId, pollSecret: t.pollSecret })).json()) as { data: { status: string; token?: string } }).data;

test('an admin signed in on the H5 app opens the QR, reads who the console will be, approves once', async () => {
  await j.signInAs('demo-admin', '/pages/mine/index');
  const t = await startTicket();
  expect(t.qrText.startsWith(`${j.cloud.url}/#/packages/console/pages/approve/index?ticket=`)).toBe(true);
  await j.page.goto(t.qrText);
  await j.settled('.console-approve-page');
  await j.page.getByText('将以 管理员 管理员赵书记 的身份登录管理后台').waitFor();
  await j.shot('console-approve.png');
  expect(await poll(t)).toEqual({ status: 'waiting' });
  await j.page.locator('.console-approve__submit').click();
  await j.page.locator('.console-approve__done').waitFor();
  await j.shot('console-approve-done.png');
  const polled = await poll(t);
  expect(polled.status).toBe('approved');
  const me = (await (await postJson(`${j.cloud.url}/fn/user`, { action: 'me' }, polled.token)).json()) as { data: { openid: string } };
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
