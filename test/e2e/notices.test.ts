/**
 * 通知公告 and 政治生日 in Chromium at 375 px, in both modes: a secretary publishes a pinned notice to 向阳社区's
 * members and enters a member's 入党日期; the member finds the notice on the home page, reads it (counted once for
 * the secretary), sees the list, and on the anniversary (the server's clock at 08:00 Shanghai of a chosen day) the
 * card 「入党 26 周年」; the secretary's month of birthdays.
 */
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;
const TITLE = '本周五下午召开支部党员大会';

async function signIn(openid: string) {
  const token = await j.page.evaluate(async (id) => {
    const res = await fetch('/auth/dev-login', {
      method: 'POST',
      body: JSON.stringify({ openid: id }),
      headers: { 'content-type': 'application/json' },
    });
    return ((await res.json()) as { data: { token: string } }).data.token;
  }, openid);
  await j.page.evaluate((t) => localStorage.setItem('xfyz.token', JSON.stringify({ data: t })), token);
}
async function call<T>(fn: string, event: object): Promise<T> {
  const body = await j.page.evaluate(
    async ([name, payload]) => {
      const token = (JSON.parse(localStorage.getItem('xfyz.token') ?? '{}') as { data?: string }).data ?? '';
      const res = await fetch(`/fn/${name}`, {
        method: 'POST',
        body: JSON.stringify(payload),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      return (await res.json()) as { ok: boolean; data: unknown; error?: { message: string } };
    },
    [fn, event] as const,
  );
  if (!body.ok) throw new Error(`${fn}: ${body.error?.message}`);
  return body.data as T;
}
async function open(path: string, root: string) {
  await j.page.goto(`${j.cloud.url}/#${path}`);
  await j.page.reload();
  await j.settled(root);
}

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    // The server's clock: 1 July 2027, 08:00 Shanghai, the day demo-member joined the party 26 years before;
    // the local cloud runs its timer jobs every 2 seconds.
    j = await startJourney({ XFYZ_CLOCK: '2027-07-01T08:00:00+08:00', JOB_INTERVAL_MS: '2000' }, mode);
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test("a secretary's notice reaches a member's home; reading it counts once; the 政治生日 card on the day", async () => {
    await signIn('demo-secretary');
    const { noticeId } = await call<{ noticeId: string }>('org', {
      action: 'publishNotice',
      title: TITLE,
      body: '各位党员：本周五下午 3 点在社区党群服务中心三楼会议室召开支部党员大会，请按时参加。',
      scope: 'branch',
      pinned: true,
      requestId: `e2e-notice-${mode}`,
    });
    await call('org', { action: 'setJoinDate', openid: 'demo-member', joinDate: '2001-07-01' });

    await signIn('demo-member');
    await open('/pages/index/index', '.home-page');
    const onHome = j.page.locator('.home-notices .home-notice', { hasText: TITLE });
    await onHome.waitFor();
    expect(await onHome.textContent()).toContain('【置顶】');
    await onHome.scrollIntoViewIfNeeded();
    await j.check('80-notices-home.png');

    await onHome.click();
    await j.settled('.notice-detail-page');
    await j.page.getByText('请按时参加', { exact: false }).waitFor();
    expect(await j.page.locator('.notice-detail-page').textContent()).toContain('向阳社区党支部');
    await j.check('81-notice-detail.png');

    await open('/packages/notices/pages/list/index', '.notice-list-page');
    const card = j.page.locator('.notice-card', { hasText: TITLE });
    await card.waitFor();
    // Read now: no longer marked new.
    expect(await card.locator('.notice-card__title--new').count()).toBe(0);
    await j.page.locator('.notice-link', { hasText: '我的政治生日' }).waitFor();
    await j.check('82-notices-list.png');

    // The timer job has sent the card (within a few of its 2-second runs).
    for (let i = 0; i < 30; i += 1) {
      const me = await call<{ card: unknown }>('org', { action: 'myPartyBirthday' });
      if (me.card) break;
      await j.page.waitForTimeout(500);
    }
    await j.page.locator('.notice-link', { hasText: '我的政治生日' }).click();
    await j.settled('.party-birthday-page');
    await j.page.getByText('入党 26 周年').waitFor();
    await j.check('83-party-birthday.png');
    const inbox = await call<{ items: { title: string }[] }>('user', { action: 'messages' });
    expect(inbox.items.map((m) => m.title)).toEqual(
      expect.arrayContaining(['今天是你入党 26 周年的政治生日', `通知：${TITLE}`]),
    );

    await signIn('demo-secretary');
    const managed = await call<{ items: { noticeId: string; readCount: number }[] }>('org', {
      action: 'managedNotices',
    });
    expect(managed.items.find((n) => n.noticeId === noticeId)?.readCount).toBe(1);
    await open('/packages/notices/pages/birthdays/index', '.birthdays-page');
    await j.page.locator('.birthday-row', { hasText: '入党 26 周年' }).waitFor();
    await j.check('84-birthdays-month.png');
  });
});
