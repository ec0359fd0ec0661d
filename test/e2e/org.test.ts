/** The org subpackage in Chromium: a resident joins a branch from its invite link; the secretary approves. */
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

/** Signs in as any openid (the login page lists only the four classic demo users). */
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
async function confirmModal(text: string) {
  await j.page
    .locator('.taro-modal__foot div', { hasText: text })
    .or(j.page.getByText(text, { exact: true }))
    .last()
    .click();
}
async function call<T>(fn: string, event: object): Promise<T> {
  return j.page.evaluate(
    async ([name, body]) => {
      const token =
        (
          JSON.parse(localStorage.getItem('xfyz.token') ?? '{}') as {
            data?: string;
          }
        ).data ?? '';
      const res = await fetch(`/fn/${name}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
      });
      return ((await res.json()) as { data: T }).data;
    },
    [fn, event] as const,
  );
}

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    j = await startJourney({}, mode);
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('a resident joins 向阳社区党支部 by its invite link; the secretary sees the application and approves it', async () => {
    await signIn('demo-secretary');
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/applications/index`);
    await j.page.reload();
    await j.settled('.applications-page');
    await j.page.getByText('暂无待审核的加入支部申请').waitFor();
    await j.page.locator('.invite__show').click();
    const code = (await j.page.locator('.invite .qr-code__value').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await j.check('70-org-invite.png');

    await signIn('e2e-joiner');
    // A code cut short is told what a code looks like, beside the field, and finds no branch.
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/join/index`);
    await j.page.reload();
    await j.settled('.join-page');
    await j.page.locator('.join-code__input input').fill(code.slice(0, 6));
    await j.page.locator('.join-code__check').click();
    await j.page
      .locator('.join-code__error', {
        hasText: '邀请码是 8 位字母或数字，你填了 6 位，请核对',
      })
      .waitFor();
    expect(await j.page.locator('.join-code__branch').count()).toBe(0);
    await j.check('70b-org-join-short-code.png');
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/join/index?code=${code}`);
    await j.page.reload();
    await j.settled('.join-page');
    await j.page.locator('.join-code__branch', { hasText: '向阳社区党支部' }).waitFor();
    await j.page.locator('.join-field--realName input').fill('李');
    await j.page.locator('.join-field--realName .join-field__error').waitFor();
    expect(await j.page.locator('.join-field--realName .join-field__error').textContent()).toContain('姓名应为');
    await j.page.locator('.join-field--realName input').fill('李建华');
    await j.page.locator('.join-field--phone input').fill('1381234');
    expect(await j.page.locator('.join-field--phone .join-field__error').textContent()).toContain(
      '手机号应为 11 位数字',
    );
    await j.check('71-org-join-errors.png');
    await j.page.locator('.join-field--phone input').fill('13812340000');
    expect(await j.page.locator('.join-field__error').count()).toBe(0);
    await j.page.locator('.join-form__submit').click();
    await confirmModal('提交');
    await j.page.getByText('申请已提交给「向阳社区党支部」书记', { exact: false }).waitFor();
    await confirmModal('确定');
    await j.page.locator('.join-mine__item--pending').waitFor();
    await j.check('72-org-join-sent.png');

    await signIn('demo-secretary');
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/applications/index`);
    await j.page.reload();
    await j.settled('.applications-page');
    const row = j.page.locator('.application', { hasText: '李建华' });
    await row.waitFor();
    expect(await row.textContent()).toContain('138****0000');
    await j.check('73-org-applications.png');
    await row.locator('.application__approve').click();
    await confirmModal('通过');
    await j.page.getByText('暂无待审核的加入支部申请').waitFor();

    await signIn('e2e-joiner');
    expect(await call('user', { action: 'me' })).toMatchObject({
      role: 'member',
      branch: { name: '向阳社区党支部' },
    });
  });

  test('a rejection needs a reason, written beside the buttons, and the applicant sees it', async () => {
    await signIn('demo-secretary');
    const { code } = await call<{ code: string }>('org', {
      action: 'createInvite',
      branchId: 'br-yf-xiangyang',
    });
    await signIn('e2e-joiner-2');
    await call('org', {
      action: 'apply',
      code,
      realName: '赵丽',
      phone: '13700001234',
      requestId: 'e2e-reject-apply-1',
    });
    await signIn('demo-secretary');
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/applications/index`);
    await j.page.reload();
    await j.settled('.applications-page');
    const row = j.page.locator('.application', { hasText: '赵丽' });
    await row.locator('.application__reject').click();
    await row.locator('.application__reject', { hasText: '确认不通过' }).click();
    expect(await row.locator('.application__error').textContent()).toContain('请填写不通过的原因');
    await row.locator('.application__reason input').fill('非本社区党员，请到所在社区申请');
    await j.check('75-org-reject.png');
    await row.locator('.application__reject').click();
    await confirmModal('不通过');
    await j.page.getByText('暂无待审核的加入支部申请').waitFor();
    await signIn('e2e-joiner-2');
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/join/index`);
    await j.page.reload();
    await j.page.locator('.join-mine__item--rejected', { hasText: '非本社区党员' }).waitFor();
    await j.check('75b-org-join-rejected.png');
  });

  test('the 长辈模式 switch on the join page changes the text size', async () => {
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/join/index`);
    await j.page.reload();
    await j.settled('.join-page');
    const before = await j.page
      .locator('.join-code .card__title')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await j.page.locator('.elder-toggle').click();
    const after = await j.page
      .locator('.join-code .card__title')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // The switch makes the text larger from normal mode, smaller from 长辈模式.
    if (j.mode === 'normal') expect(after).toBeGreaterThan(before);
    else expect(after).toBeLessThan(before);
    await j.shot('74-org-join-switched.png');
    await j.page.locator('.elder-toggle').click();
  });

  test('停用邀请码: the secretary stops the code after confirming, and its link no longer lets anyone apply', async () => {
    await j.page.setViewportSize({ width: 375, height: 812 });
    await signIn('demo-secretary');
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/applications/index`);
    await j.page.reload();
    await j.settled('.applications-page');
    await j.page.locator('.invite__show').click();
    const code = (await j.page.locator('.invite .qr-code__value').textContent())!.trim();
    await j.page.locator('.invite__revoke').waitFor();
    await j.check('76-org-invite-375.png');
    await j.page.locator('.invite__revoke').click();
    await j.page
      .locator('.taro-modal__text', {
        hasText: `停用后邀请码 ${code} 和它的二维码不能再用于申请加入`,
      })
      .waitFor();
    await confirmModal('停用');
    // The card offers a new code; the stopped one is gone from the page.
    await j.page.locator('.invite__show').waitFor();
    expect(await j.page.locator('.invite .qr-code__value').count()).toBe(0);

    await signIn('e2e-joiner-3');
    await j.page.goto(`${j.cloud.url}/#/packages/org/pages/join/index?code=${code}`);
    await j.page.reload();
    await j.settled('.join-page');
    await j.page
      .locator('.join-code__error', {
        hasText: '邀请码已停用，请向支部书记索取新的邀请码',
      })
      .waitFor();
    expect(await j.page.locator('.join-code__branch').count()).toBe(0);
    await j.check('77-org-join-revoked.png');
  });
});
