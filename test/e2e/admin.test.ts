/**
 * Admin pages in Chromium: award points to a member found by search, publish an activity with its code,
 * generate slots and close a day — every writing button asks first, and a double tap has one effect.
 */
import { postJson } from '../support/local-cloud';
import { MODES, startJourney, type Journey } from '../support/browser';

let j: Journey;

/** Calls a function as a demo user through the local cloud's HTTP API. */
async function callAs<T>(openid: string, fn: string, body: object): Promise<T> {
  const login = (await (await postJson(`${j.cloud.url}/auth/dev-login`, { openid })).json()) as {
    data: { token: string };
  };
  const res = (await (await postJson(`${j.cloud.url}/fn/${fn}`, body, login.data.token)).json()) as {
    ok: boolean;
    data: T;
  };
  if (!res.ok) throw new Error(JSON.stringify(res));
  return res.data;
}

/** Two taps in the same instant, as a trembling finger makes them (before the page can redraw). */
async function doubleTap(selector: string) {
  await j.page.locator(selector).evaluate((el) => {
    (el as HTMLElement).click();
    (el as HTMLElement).click();
  });
}

const modalButton = (text: string) => j.page.locator('.taro-modal__foot div', { hasText: text });

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    j = await startJourney({}, mode);
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('an admin awards points, publishes an activity with its code, and manages slots — one effect per double tap', async () => {
    await j.page.goto(`${j.cloud.url}/#/pages/login/index?from=%2Fpages%2Fmine%2Findex`);
    await j.page.locator('.login-as--demo-admin').click();
    await j.check('39-admin-mine.png');
    await j.page.locator('.admin-points-link').click();
    await j.settled('.admin-points');
    await j.check('40a-admin-points.png');

    // Award: the member is found by name, not typed as an openid.
    await j.page.locator('.admin-award .form-field--openid .picker-value').click();
    await j.page.locator('.admin-award .search-picker__panel input').fill('王建国');
    await j.page.locator('.member-option--demo-member').click();
    await j.page.locator('.admin-award .form-field--points input').fill('10');
    await j.page.locator('.admin-award .form-field--reason input').fill('社区夜巡表现突出');
    await j.check('40-admin-award-filled.png');
    await doubleTap('.admin-award__submit');
    await j.page
      .locator('.taro-modal__content', {
        hasText: '给 党员王建国 记 10 分：社区夜巡表现突出',
      })
      .waitFor();
    await j.shot('40-admin-award-confirm.png');
    await modalButton('记入台账').click();
    await j.page.locator('.admin-award .admin-status--ok').waitFor();
    expect(await j.page.locator('.admin-award .admin-status--ok').textContent()).toContain('党员王建国 +10 分');
    const ledger = await callAs<{ items: { reason: string }[] }>('demo-member', 'points', {
      action: 'ledger',
      limit: 50,
    });
    expect(ledger.items.filter((e) => e.reason === '社区夜巡表现突出')).toHaveLength(1);
    // The form is cleared after success; a missing entry is named beside its own field.
    await j.page.locator('.admin-award__submit').click();
    expect(await j.page.locator('.admin-award .form-field--openid .form-field__error').textContent()).toBe(
      '请选择党员',
    );
    expect(await j.page.locator('.admin-award .form-field--points .form-field__error').count()).toBe(0);

    // Publish: chosen times, one activity for a double tap, and its code as a QR.
    await j.page.locator('.admin-publish .form-field--title input').fill('党史学习教育专题党课');
    await j.page.locator('.admin-publish .form-field--place input').fill('向阳社区党群服务中心');
    await doubleTap('.admin-publish__submit');
    await j.page
      .locator('.taro-modal__content', {
        hasText: '发布「党史学习教育专题党课」',
      })
      .waitFor();
    await modalButton('发布').click();
    await j.page.locator('.admin-publish .qr-code__value').waitFor();
    expect((await j.page.locator('.admin-publish .qr-code__value').textContent())?.trim()).toMatch(/^[A-Z0-9]{6}$/);
    // Every open activity, page by page (the seeded ones may fill more than a page).
    const titles: string[] = [];
    for (let cursor: string | null | undefined, pages = 0; pages < 20 && cursor !== null; pages += 1) {
      const page = await callAs<{
        items: { title: string }[];
        nextCursor: string | null;
      }>('demo-member', 'points', {
        action: 'activities',
        limit: 50,
        ...(cursor ? { cursor } : {}),
      });
      titles.push(...page.items.map((a) => a.title));
      cursor = page.nextCursor;
    }
    expect(titles.filter((t) => t === '党史学习教育专题党课')).toHaveLength(1);
    await j.check('41-admin-activity.png');

    // Slots: a station and item chosen by search, a template with time pickers, and a closed day with its reason.
    await j.page.goto(`${j.cloud.url}/#/packages/admin/pages/slots/index`);
    await j.page.reload();
    await j.settled('.admin-slots');
    await j.check('42a-admin-slots.png');
    await j.page.locator('.admin-choose .picker-value').click();
    await j.page.locator('.admin-choose .search-picker__panel input').fill('永福县党群');
    await j.page.locator('.station-option', { hasText: '永福县党群服务中心' }).click();
    await j.page.locator('.item-option').first().click();
    await j.page.locator('.admin-generate__submit').click();
    await modalButton('生成').click();
    await j.page.getByText(/新建 \d+ 个时段，已存在 \d+ 个/).waitFor();
    // Closing without a reason is refused beside the reason field, before anything is sent.
    await j.page.locator('.admin-close__submit').click();
    expect(await j.page.locator('.admin-close .form-field--reason .form-field__error').textContent()).toBe(
      '请填写关闭原因（会通知已预约的居民）',
    );
    await j.page.locator('.admin-close .form-field--reason input').fill('设备检修');
    await j.page.locator('.admin-close__submit').click();
    await j.page
      .locator('.taro-modal__content', { hasText: '关闭「永福县党群服务中心' })
      .or(
        j.page.locator('.admin-close .form-field__error', {
          hasText: '这一天没有开放的时段',
        }),
      )
      .waitFor();
    await j.shot('42-admin-close-confirm.png');
    if (await modalButton('关闭当天').count()) {
      await modalButton('关闭当天').click();
      await j.page.getByText(/已关闭 \d+ 个时段/).waitFor();
    }
    await j.check('42-admin-slots.png');
  });
});
