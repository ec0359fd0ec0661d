/**
 * 达标创星 in the desk console (Chromium, 1366×768, a real local cloud whose clock stands in October 2026, after
 * the third quarter ended): 秀峰区's county admin computes the quarter's ratings of the county's branches, opens a
 * branch's breakdown, adjusts its stars (an empty reason refused beside the field first), signs it off through the
 * confirmation that names the branch, the quarter and the stars, and sees it final; the system admin finds the
 * sign-off in the audit log. No ids or codes on any of it. Screenshots in reports/console/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { devLogin, postJson, startLocalCloud, type RunningCloud } from '../support/local-cloud';

jest.setTimeout(180_000);

const SHOTS = path.resolve(__dirname, '../../reports/console');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
/** Twelve days after 2026's third quarter ended (Shanghai time): the quarter a review is about by default. */
const CLOCK = '2026-10-12T09:30:00+08:00';
const QUARTER = '2026-Q3';
const QUARTER_LABEL = '2026年第三季度';
const BRANCH = '解东社区第一党支部';
const REASON = '主题党日另有台账记录，经核实予以认可';

let cloud: RunningCloud;
let browser: Browser;
const pageErrors: string[] = [];

interface RatingView {
  ratingId: string;
  branchId: string;
  branchName: string;
  county: string;
  status: string;
  stars: number;
  proposed: { score: number; stars: number };
  history: { kind: string; stars: number; reason: string }[];
}

async function api<T>(token: string, fn: string, event: object): Promise<T> {
  const body = (await (await postJson(`${cloud.url}/fn/${fn}`, event, token)).json()) as {
    ok: boolean;
    data: T;
    error?: { message: string };
  };
  if (!body.ok) throw new Error(`${fn}.${(event as { action: string }).action}: ${body.error?.message}`);
  return body.data;
}
const settled = (page: Page) =>
  page.waitForFunction(
    () => !document.querySelector('.t-table--loading, .t-table .t-loading, .t-skeleton, .shell__loading'),
  );
/** A screenshot once transitions (a dialog opening) have ended. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number(a.effect?.getComputedTiming().endTime) < Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  await page.screenshot({ path: path.join(SHOTS, name) });
}
/** A fresh console tab signed in by the local cloud's dev sign-in as `openid`. */
async function deskAs(openid: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${cloud.url}/admin/`);
  await page.locator('.sign-in__dev-custom input').fill(openid);
  await page.locator('.sign-in__dev-custom button').click();
  await page.locator('.shell__me').waitFor();
  return page;
}
/** Text a person should never read: ids, openids, setting names, JSON. */
function expectNoCodes(text: string, rating: RatingView): void {
  expect(text).not.toContain(rating.ratingId);
  expect(text).not.toContain(rating.branchId);
  expect(text).not.toMatch(/demo-|[{}]|[A-Z]{2,}_[A-Z]|signedOff|proposed|\d{4}-Q\d/);
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  cloud = await startLocalCloud({ env: { XFYZ_CLOCK: CLOCK } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
});

let rating: RatingView;
let adjustedTo = 0;

test('秀峰区’s county admin computes the quarter, adjusts a branch’s stars with a reason and signs them off', async () => {
  const desk = await deskAs('demo-county-admin');
  await desk.locator('.menu--stars').click();
  await desk.locator('.stars').waitFor();
  await settled(desk);
  // The quarter just ended is the one shown.
  await desk.locator('.stars__quarter input').waitFor();
  expect(await desk.locator('.stars__quarter input').inputValue()).toBe(QUARTER_LABEL);
  await shot(desk, 'stars-01-before.png');

  await desk.locator('.stars__compute', { hasText: `按记录计算${QUARTER_LABEL}得分` }).click();
  await desk.locator('.t-message', { hasText: '已计算 1 个党支部' }).waitFor();
  await settled(desk);
  const row = desk.locator('.stars tbody tr', { hasText: BRANCH });
  await row.waitFor();
  // Their county's branches only.
  const counties = await desk.locator('.stars tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(counties)).toEqual(new Set(['桂林市秀峰区']));
  expect(await row.textContent()).toContain('待审核');
  expect(await desk.locator('.stars .t-pagination__total').textContent()).toContain('共 1 条');
  const token = await devLogin(cloud.url, 'demo-county-admin');
  const listed = await api<{ items: RatingView[] }>(token, 'admin', { action: 'stars', quarter: QUARTER, limit: 50 });
  rating = listed.items.find((r) => r.branchName === BRANCH)!;
  expect(rating).toMatchObject({ status: 'proposed', county: '桂林市秀峰区' });
  expect(await row.locator('td:nth-child(3)').textContent()).toBe(String(rating.proposed.score));
  await shot(desk, 'stars-02-computed.png');

  // The breakdown: every figure under its own name.
  await row.locator('.stars__show').click();
  const breakdown = desk.locator('.t-dialog', { hasText: `${BRANCH} · ${QUARTER_LABEL}` });
  await breakdown.locator('.stars__breakdown').waitFor();
  for (const label of ['按要求召开会议', '出勤率', '点单办结率', '群众满意率', '服务时长', '党员积分活跃'])
    await breakdown.locator('tbody tr', { hasText: label }).waitFor();
  expect(await breakdown.textContent()).toContain(`计算得分 ${rating.proposed.score} 分`);
  expectNoCodes((await breakdown.textContent()) ?? '', rating);
  await shot(desk, 'stars-03-breakdown.png');
  await breakdown.getByRole('button', { name: '关闭' }).click();
  await breakdown.waitFor({ state: 'hidden' });

  // Adjusting: a star more than proposed (one fewer at five); an empty reason is refused beside the field first.
  adjustedTo = rating.proposed.stars >= 5 ? 4 : rating.proposed.stars + 1;
  const names = ['未达星级', '一星级', '二星级', '三星级', '四星级', '五星级'];
  await row.locator('.stars__adjust').click();
  const form = desk.locator('.t-dialog', { hasText: `调整星级：${BRANCH}` });
  await form.locator('.t-form__item', { hasText: '调整理由' }).waitFor();
  await form.locator('.t-form__item', { hasText: '星级' }).first().locator('.t-select').click();
  await desk.locator('.t-select-option', { hasText: names[adjustedTo]! }).click();
  await form.locator('.form-dialog__confirm').click();
  await form.locator('.t-form__item', { hasText: '调整理由' }).getByText('请填写调整理由').waitFor();
  await shot(desk, 'stars-04-adjust-refused.png');
  expect(
    (await api<{ items: RatingView[] }>(token, 'admin', { action: 'stars', quarter: QUARTER, limit: 50 })).items
      .find((r) => r.ratingId === rating.ratingId)!
      .history.some((h) => h.kind === 'adjusted'),
  ).toBe(false);
  await form.locator('textarea').fill(REASON);
  await form.locator('.form-dialog__confirm').click();
  await desk.locator('.t-message', { hasText: `已将${BRANCH}调整为${names[adjustedTo]}，尚待确认` }).waitFor();
  await form.waitFor({ state: 'hidden' });
  await settled(desk);
  await row.locator('.t-tag', { hasText: '已调整' }).waitFor();
  expect(await row.textContent()).toContain(names[adjustedTo]);
  await shot(desk, 'stars-05-adjusted.png');

  // Signing off: the confirmation names the branch, the quarter and the stars; then it is final.
  await row.locator('.stars__signoff').click();
  const confirm = desk.locator('.t-dialog', { hasText: '确认后不能再调整' });
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain(`确认「${BRANCH}」${QUARTER_LABEL}为${names[adjustedTo]}`);
  await shot(desk, 'stars-06-signoff-confirm.png');
  await confirm.locator('.stars__signoff-confirm').click();
  await desk.locator('.t-message', { hasText: `已确认${BRANCH}为${names[adjustedTo]}` }).waitFor();
  await settled(desk);
  await row.locator('.t-tag', { hasText: '已确认' }).waitFor();
  expect(await row.locator('.stars__adjust, .stars__signoff').count()).toBe(0);
  const after = (
    await api<{ items: RatingView[] }>(token, 'admin', { action: 'stars', quarter: QUARTER, limit: 50 })
  ).items.find((r) => r.ratingId === rating.ratingId)!;
  expect(after).toMatchObject({ status: 'signedOff', stars: adjustedTo });
  expect(after.history.map((h) => h.kind).slice(-2)).toEqual(['adjusted', 'signedOff']);
  await shot(desk, 'stars-07-signed-off.png');

  // The history in the breakdown: computed, adjusted with the reason, signed off by the county admin.
  await row.locator('.stars__show').click();
  await breakdown.locator('.stars__history li', { hasText: '确认为' }).waitFor();
  const history = (await breakdown.locator('.stars__history').textContent()) ?? '';
  expect(history).toContain(`秀峰区管理员周敏 调整为${names[adjustedTo]}，理由：${REASON}`);
  expect(history).toContain(`秀峰区管理员周敏 确认为${names[adjustedTo]}`);
  // The whole dialog, its 关闭 included, fits the 768-pixel-high desk.
  const close = await breakdown.getByRole('button', { name: '关闭' }).boundingBox();
  expect(close!.y + close!.height).toBeLessThanOrEqual(768);
  await shot(desk, 'stars-08-history.png');
  expectNoCodes(((await desk.locator('.stars').textContent()) ?? '') + history, rating);
  await breakdown.getByRole('button', { name: '关闭' }).click();
  await desk.context().close();
  expect(pageErrors).toEqual([]);
});

test('the system admin finds the sign-off in the audit log, in plain Chinese', async () => {
  expect(rating).toBeDefined();
  const desk = await deskAs('demo-admin');
  await desk.locator('.menu--audit').click();
  await desk.locator('.audit-table tbody tr').first().waitFor();
  await desk.locator('.audit-page__action').click();
  await desk.locator('.t-select-option', { hasText: '确认星级' }).click();
  await desk.locator('.audit-page__search').click();
  const row = desk.locator('.audit-table tbody tr', { hasText: '秀峰区管理员周敏' }).filter({ hasText: BRANCH });
  await row.first().waitFor();
  expect(await desk.locator('.audit-table tbody tr').count()).toBe(1);
  expect(await row.textContent()).toContain('确认星级');
  expect(await row.textContent()).toContain('确认了');
  await shot(desk, 'stars-09-audit.png');
  await row.locator('.audit-page__detail').click();
  const detail = desk.locator('.audit-dialog');
  await detail.locator('.audit-detail__sentence', { hasText: BRANCH }).waitFor();
  await shot(desk, 'stars-10-audit-detail.png');
  expectNoCodes(
    ((await desk.locator('.audit-page').textContent()) ?? '') + ((await detail.textContent()) ?? ''),
    rating,
  );
  await desk.context().close();
  expect(pageErrors).toEqual([]);
});
