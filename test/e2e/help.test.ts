/**
 * 群众点单 → 支部下单 → 党员接单 in Chromium at 375 px: a resident asks for help with a photo and picks
 * 向阳社区党支部; its secretary accepts and publishes it to the 任务大厅; a member claims it while a volunteer's
 * claim (from the hall they had open) is refused; the member finishes with a photo; the resident confirms and
 * rates; the member's points rise by the 志愿服务 rule; the 心愿墙 shows the wish with the name masked.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { MODES, SHOTS, startJourney, type Journey } from '../support/browser';

const TITLE = '给独居的张奶奶买一台收音机';
const CONTACT = '王桂芳';
const PHONE = '13912345678';

let j: Journey;

/** A small solid-colour PNG (the server checks the bytes are an image). */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function signIn(page: Page, openid: string) {
  const token = await page.evaluate(async (id) => {
    const res = await fetch('/auth/dev-login', {
      method: 'POST',
      body: JSON.stringify({ openid: id }),
      headers: { 'content-type': 'application/json' },
    });
    return ((await res.json()) as { data: { token: string } }).data.token;
  }, openid);
  await page.evaluate((t) => localStorage.setItem('xfyz.token', JSON.stringify({ data: t })), token);
}
async function open(page: Page, route: string, root: string) {
  await page.goto(`${j.cloud.url}/#/packages/help/pages/${route}`);
  await page.reload();
  await page.locator(root).first().waitFor();
  await page.waitForFunction(
    (s) => Math.round(document.querySelector(s)?.getBoundingClientRect().left ?? -1) === 0,
    root,
  );
}
async function confirmModal(page: Page, text: string) {
  await page
    .locator('.taro-modal__foot div', { hasText: text })
    .or(page.getByText(text, { exact: true }))
    .last()
    .click();
}
/** Calls a function as whoever is signed in on `page`; answers the envelope (refusals included). */
async function call<T>(
  page: Page,
  fn: string,
  event: object,
): Promise<{
  ok: boolean;
  data: T;
  error?: { code: string; message: string };
}> {
  return page.evaluate(
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
      return (await res.json()) as {
        ok: boolean;
        data: T;
        error?: { code: string; message: string };
      };
    },
    [fn, event] as const,
  );
}

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    j = await startJourney({}, mode);
    await j.page.setViewportSize({ width: 375, height: 812 });
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('a wish goes from the resident to the branch, to a member, and back to the resident', async () => {
    const page = j.page;
    // The member's points before, and what the 志愿服务 rule gives.
    await signIn(page, 'demo-member');
    const pointsBefore = (await call<{ balance: number }>(page, 'points', { action: 'summary' })).data.balance;
    const rules = (await call<{ items: { ruleId: string; points: number }[] }>(page, 'points', { action: 'rules' }))
      .data.items;
    const zhiyuan = rules.find((r) => r.ruleId === 'r-zhiyuan')!.points;

    // 1. The resident asks, with a photo, choosing 向阳社区党支部 by county.
    await signIn(page, 'demo-resident');
    await open(page, 'ask/index', '.help-ask-page');
    await j.check('79-help-ask-empty.png');
    await page.locator('.help-ask__submit').click();
    await page.locator('.form-field--title .form-field__error').waitFor();
    expect(await page.locator('.form-field--contactPhone .form-field__error').textContent()).toContain(
      '请填写联系电话',
    );
    await page.locator('.help-kind__item--wish').click();
    await page.locator('.help-chip--category', { hasText: '长者' }).click();
    await page.locator('.form-field--title input').fill(TITLE);
    await page.locator('.form-field--text textarea').fill('张奶奶 82 岁独居，眼睛不好，想要一台能听戏曲的收音机。');
    await page.locator('.help-photos__add--photos input[type=file]').setInputFiles({
      name: 'radio.png',
      mimeType: 'image/png',
      buffer: png(160, 120, [200, 22, 29]),
    });
    await page.locator('.help-photos__item').first().waitFor();
    await page.locator('.help-chip--county', { hasText: '永福' }).click();
    await page.locator('.help-community__row--br-yf-xiangyang').click();
    await page.locator('.form-field--place input').fill('向阳社区 3 栋 2 单元');
    await page.locator('.form-field--contactName input').fill(CONTACT);
    await page.locator('.form-field--contactPhone input').fill('139123');
    expect(await page.locator('.form-field--contactPhone .form-field__error').textContent()).toContain('11 位');
    await page.locator('.form-field--contactPhone input').fill(PHONE);
    expect(await page.locator('.form-field__error').count()).toBe(0);
    await j.check('80-help-ask.png');
    await page.locator('.help-ask__submit').click();
    await page
      .locator('.taro-modal__text', {
        hasText: '将交给「向阳社区党支部」书记受理',
      })
      .waitFor();
    await confirmModal(page, '提交');
    await page.locator('.help-sent').waitFor();
    // The form is cleared for the next one.
    expect(await page.locator('.form-field--title input').inputValue()).toBe('');
    await j.check('81-help-asked.png');
    const mine = (
      await call<{ items: { id: string; title: string; status: string }[] }>(page, 'requests', { action: 'mine' })
    ).data.items;
    const id = mine.find((r) => r.title === TITLE)!.id;
    expect(mine.find((r) => r.id === id)!.status).toBe('submitted');

    // 2. The secretary accepts it and publishes it to the 任务大厅.
    await signIn(page, 'demo-secretary');
    await open(page, 'queue/index', '.help-queue-page');
    await page.locator('.help-card', { hasText: TITLE }).waitFor();
    await j.check('82-help-queue.png');
    await page.locator('.help-card', { hasText: TITLE }).locator('.help-card__open').click();
    await page.locator('.help-detail-page .help-review__accept').waitFor();
    await j.check('82b-help-review.png');
    // The secretary sees the contact in clear.
    expect(await page.locator('.help-detail-page .help-detail__contact').textContent()).toContain(PHONE);
    await page.locator('.help-review__accept').click();
    await confirmModal(page, '受理');
    await page.locator('.help-dispatch__submit').waitFor();
    await j.check('83-help-dispatch.png');
    await page.locator('.help-dispatch__submit').click();
    await page.locator('.taro-modal__text', { hasText: '发布到任务大厅' }).waitFor();
    await confirmModal(page, '发布');
    await page.locator('.help-detail-page .help-status--open').waitFor();

    // 3. A volunteer has the hall open; the member claims first; the volunteer's claim is refused.
    const other = await j.browser.newPage({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
    });
    await other.goto(`${j.cloud.url}/`);
    await signIn(other, 'demo-volunteer');
    await open(other, 'hall/index', '.help-hall-page');
    await other.locator('.help-card', { hasText: TITLE }).waitFor();

    await signIn(page, 'demo-member');
    await open(page, 'hall/index', '.help-hall-page');
    const card = page.locator('.help-card', { hasText: TITLE });
    await card.waitFor();
    expect(await card.textContent()).not.toContain(PHONE);
    await j.check('84-help-hall.png');
    await card.locator('.help-hall__claim').click();
    await confirmModal(page, '认领');
    await page.locator('.help-detail-page .help-work').waitFor();
    expect(await page.locator('.help-detail-page .help-detail__contact').textContent()).toContain(PHONE);

    await other.locator('.help-card', { hasText: TITLE }).locator('.help-hall__claim').click();
    await confirmModal(other, '认领');
    await other.locator('.taro-modal__text', { hasText: '该心愿已被认领' }).waitFor();
    await other.screenshot({
      path: path.join(SHOTS, `84b-help-claim-refused--${j.mode}.png`),
    });
    await other.close();

    // 4. The member finishes with a photo.
    await page.locator('.help-work .form-field--text textarea').fill('已买好收音机送到张奶奶家，调好了戏曲频道。');
    await page.locator('.help-work__finish').click();
    expect(await page.locator('.help-work .form-field--work-photos .form-field__error').textContent()).toContain(
      '至少上传 1 张照片',
    );
    await page.locator('.help-photos__add--work-photos input[type=file]').setInputFiles({
      name: 'done.png',
      mimeType: 'image/png',
      buffer: png(160, 120, [19, 168, 168]),
    });
    await page.locator('.help-work .help-photos__item').first().waitFor();
    await j.check('85-help-finish.png');
    await page.locator('.help-work__finish').click();
    await confirmModal(page, '提交办结');
    await page.locator('.help-detail-page .help-status--finished').waitFor();

    // 5. The resident confirms and rates.
    await signIn(page, 'demo-resident');
    await open(page, `detail/index?id=${id}`, '.help-detail-page');
    await page.locator('.help-confirm').waitFor();
    // Her own request: who handles it and every step, no dispatch words and no doubled role.
    const mineText = (await page.locator('.help-detail-page').textContent()) ?? '';
    for (const jargon of ['派单方式', '时间银行', '任务大厅', '名额', '党员党员'])
      expect(mineText).not.toContain(jargon);
    await page.locator('.help-confirm__submit').click();
    expect(await page.locator('.help-confirm .form-field--rating .form-field__error').textContent()).toContain(
      '请为这次服务打分',
    );
    await page.locator('.help-stars__star--5').click();
    await page.locator('.help-confirm .form-field--comment textarea').fill('党员同志很热心，谢谢！');
    await j.check('86-help-confirm.png');
    await page.locator('.help-confirm__submit').click();
    await confirmModal(page, '确认办结');
    await page.locator('.help-detail-page .help-status--confirmed').waitFor();
    expect(await page.locator('.help-detail__rating').textContent()).toContain('★★★★★');
    const steps = await page.locator('.help-timeline__step').count();
    expect(steps).toBeGreaterThanOrEqual(6);
    await j.check('87-help-confirmed.png');

    // 6. The member's points rose by the 志愿服务 rule, once.
    await signIn(page, 'demo-member');
    const pointsAfter = (await call<{ balance: number }>(page, 'points', { action: 'summary' })).data.balance;
    expect(pointsAfter - pointsBefore).toBe(zhiyuan);
    // Claimants see the contact masked once it is confirmed.
    const seen = (await call<{ request: { contact: { phone: string } } }>(page, 'requests', { action: 'detail', id }))
      .data.request.contact.phone;
    expect(seen).not.toBe(PHONE);

    // 7. The 心愿墙 shows it, the name masked.
    await open(page, 'wall/index', '.help-wall-page');
    const wish = page.locator('.help-wish', { hasText: TITLE });
    await wish.waitFor();
    const who = (await wish.locator('.help-wish__who').textContent()) ?? '';
    expect(who).toContain('王');
    expect(who).not.toContain(CONTACT);
    expect(await page.locator('.help-wall-page').textContent()).not.toContain(PHONE);
    await j.check('88-help-wall.png');

    // 8. Every step told the resident, in the one 消息 inbox.
    await signIn(page, 'demo-resident');
    const inbox = (
      await call<{
        items: { kind: string; refId: string | null; title: string }[];
      }>(page, 'user', {
        action: 'messages',
        module: 'requests',
        limit: 50,
      })
    ).data.items;
    const kinds = inbox.filter((m) => m.refId === id).map((m) => m.kind);
    for (const k of ['submitted', 'accepted', 'open', 'claimed', 'finished', 'confirmed'])
      expect(kinds).toContain(`request.${k}`);
    // Each title says what happened to which request.
    const confirmedTitle = inbox.find((m) => m.refId === id && m.kind === 'request.confirmed')?.title ?? '';
    expect(confirmedTitle).toMatch(/^点单「.+」已办结$/);
  }, 180_000);

  test('the 长辈模式 switch on the ask page changes the text size', async () => {
    await signIn(j.page, 'demo-resident');
    await open(j.page, 'ask/index', '.help-ask-page');
    const before = await j.page
      .locator('.help-ask .card__title')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await j.page.locator('.elder-toggle').click();
    const after = await j.page
      .locator('.help-ask .card__title')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // The switch makes the text larger from normal mode, smaller from 长辈模式.
    if (j.mode === 'normal') expect(after).toBeGreaterThan(before);
    else expect(after).toBeLessThan(before);
    await j.shot('89-help-ask-switched.png');
    await j.page.locator('.elder-toggle').click();
  });

  test('a resident registers as a volunteer with 向阳社区党支部, its secretary approves in 志愿者审核, and a claim given up goes back to the hall', async () => {
    const page = j.page;
    const VOLUNTEER = 'e2e-volunteer';
    // 1. The resident registers, naming the community branch, and waits for its secretary.
    await signIn(page, VOLUNTEER);
    await open(page, 'volunteer/index', '.help-volunteer-page');
    await page.locator('.help-volunteer__submit').click();
    await page
      .locator('.form-field--unitId .form-field__error', {
        hasText: '请选择所在社区的党支部',
      })
      .or(page.getByText('请选择所在社区的党支部'))
      .first()
      .waitFor();
    await page.locator('.form-field--realName input').fill('陈志强');
    await page.locator('.form-field--phone input').fill('13977001234');
    await page.locator('.help-chip--county', { hasText: '永福' }).click();
    await page.locator('.help-community__row--br-yf-xiangyang').click();
    await j.check('90-help-volunteer-form.png');
    await page.locator('.help-volunteer__submit').click();
    await page.locator('.taro-modal__text', { hasText: '由该支部书记审核' }).waitFor();
    await confirmModal(page, '登记');
    await page.locator('.help-volunteer-status--pending', { hasText: '等待支部审核' }).waitFor();
    expect(await page.locator('.help-volunteer-status--pending').textContent()).toContain('向阳社区党支部');
    await j.check('91-help-volunteer-waiting.png');
    // Not yet approved: the hall refuses the claim.
    expect((await call(page, 'requests', { action: 'claim', id: 'rq-demo-1' })).ok).toBe(false);

    // 2. The secretary approves in the queue's 志愿者审核 tab.
    await signIn(page, 'demo-secretary');
    await open(page, 'queue/index', '.help-queue-page');
    await page.locator('.help-tab--volunteers').click();
    const item = page.locator(`.help-volunteer-item--${VOLUNTEER}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('陈志强');
    expect(await item.textContent()).not.toContain('13977001234');
    await j.check('92-help-queue-volunteers.png');
    // In 长辈模式 the 志愿者审核 tab is still wholly on screen (from normal mode: after flipping the switch).
    if (j.mode === 'normal') await page.locator('.elder-toggle').click();
    const box = (await page.locator('.help-tab--volunteers').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    if (j.mode === 'normal') {
      await j.shot('92b-help-queue-volunteers-elder.png');
      await page.locator('.elder-toggle').click();
    }
    await item.locator('.help-volunteer-item__approve').click();
    await page.locator('.taro-modal__text', { hasText: '将成为本社区的志愿者' }).waitFor();
    await confirmModal(page, '通过');
    await item.waitFor({ state: 'detached' });
    await page.getByText('没有等待审核的志愿者').waitFor();

    // 3. A wish published to the hall, claimed by the new volunteer, then given up from the detail page.
    await signIn(page, 'demo-resident');
    const asked = await call<{ id: string }>(page, 'requests', {
      action: 'ask',
      kind: 'wish',
      category: '长者',
      title: '帮李大爷修一下收音机天线',
      text: '李大爷的收音机天线断了，收不到台。',
      photos: [],
      unitId: 'br-yf-xiangyang',
      contactName: CONTACT,
      contactPhone: PHONE,
      publicOnWall: true,
      requestId: 'e2e-help-release-1',
    });
    expect(asked.ok).toBe(true);
    const id = asked.data.id;
    await signIn(page, 'demo-secretary');
    expect(
      (
        await call(page, 'requests', {
          action: 'review',
          id,
          decision: 'accept',
        })
      ).ok,
    ).toBe(true);
    expect((await call(page, 'requests', { action: 'dispatch', id, mode: 'hall' })).ok).toBe(true);
    await signIn(page, VOLUNTEER);
    await open(page, 'volunteer/index', '.help-volunteer-page');
    await page.locator('.help-timebank').waitFor();
    expect((await call(page, 'requests', { action: 'claim', id })).ok).toBe(true);

    await open(page, 'tasks/index', '.help-tasks-page');
    await page.locator('.help-card', { hasText: '帮李大爷修一下收音机天线' }).locator('.help-tasks__release').waitFor();
    await j.check('93-help-tasks-release.png');
    await open(page, `detail/index?id=${id}`, '.help-detail-page');
    await page.locator('.help-release').waitFor();
    await page.locator('.help-release').scrollIntoViewIfNeeded();
    await j.check('94-help-detail-release.png');
    if (j.mode === 'normal') {
      await page.locator('.elder-toggle').click();
      await page.locator('.help-release').scrollIntoViewIfNeeded();
      await j.shot('94b-help-detail-release-elder.png');
      await page.locator('.elder-toggle').click();
    }
    await page.locator('.help-release').click();
    await page.locator('.taro-modal__text', { hasText: '名额回到任务大厅' }).waitFor();
    await confirmModal(page, '放弃认领');
    await page.locator('.help-detail-page .help-status--open').waitFor();
    expect(await page.locator('.help-release').count()).toBe(0);
    const hall = await call<{ items: { id: string }[] }>(page, 'requests', {
      action: 'hall',
    });
    expect(hall.data.items.map((r) => r.id)).toContain(id);
  }, 180_000);
});
