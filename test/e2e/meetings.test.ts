/**
 * 三会一课 in Chromium at 375 px, in both modes: 向阳's secretary plans a 支部党员大会 for the whole branch; a member
 * asks for leave and the secretary approves; another member checks in with the code; once the meeting has begun the
 * secretary records the minutes with two photos, and the attendance is final (出席 1, 请假 1, the rest 缺席).
 * The local cloud's clock starts a minute before the half hour the plan form offers by default (the next half hour
 * on the phone's clock), so the meeting begins during the walk and the minutes can then be recorded.
 */
import zlib from 'node:zlib';
import { clock } from '../../domain/core/clock';
import { MODES, startJourney, type Journey } from '../support/browser';

jest.setTimeout(240_000);

let j: Journey;

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
async function open(route: string, root: string) {
  await j.page.goto(`${j.cloud.url}/#/packages/meetings/pages/${route}`);
  await j.page.reload();
  await j.settled(root);
}
async function confirmModal(text: string) {
  // A refusal beside a field instead of the confirmation: say which.
  const shown = j.page.locator('.taro-modal__foot, .form-field__error, .form-error, .meeting-error').first();
  await shown.waitFor();
  if (!(await j.page.locator('.taro-modal__foot').count()))
    throw new Error(`no confirmation: ${(await shown.textContent()) ?? ''}`);
  await j.page
    .locator('.taro-modal__foot div', { hasText: text })
    .or(j.page.getByText(text, { exact: true }))
    .last()
    .click();
}
const HALF_HOUR = 30 * 60_000;
/** The plan form's default start (the next half hour, at least a minute away), as the page works it out. */
const nextHalfHour = (ms: number) => Math.ceil((ms + 60_000) / HALF_HOUR) * HALF_HOUR;
let meetingStart = 0;
let cloudStarted = 0;

describe.each(MODES)('in %s mode', (mode) => {
  beforeAll(async () => {
    // The server starts a minute before the start the form will offer; the phone keeps its own clock.
    meetingStart = nextHalfHour(clock.now());
    j = await startJourney({ XFYZ_CLOCK: new Date(meetingStart - 60_000).toISOString() }, mode);
    cloudStarted = performance.now();
  }, 60_000);
  afterAll(async () => {
    await j?.close();
  });

  test('a secretary plans a 支部党员大会; a member asks leave, another checks in; minutes with photos make attendance final', async () => {
    const page = j.page;
    const title = mode === 'elder' ? '学习全会精神（大字）' : '学习全会精神';
    // 1. The secretary plans it for the whole branch.
    await signIn('demo-secretary');
    await open('mine/index', '.meetings-page');
    await page.locator('.meetings-plan').click();
    await j.settled('.meeting-plan-page');
    await page.locator('.meeting-type--general').click();
    await page.locator('.form-field--title input').fill(title);
    await page.locator('.form-field--agenda textarea').fill('一、传达学习全会精神；二、党员讨论发言');
    await page.locator('.form-field--place input').fill('向阳社区党群服务中心二楼会议室');
    await j.check('90-meetings-plan.png');
    await page.locator('.meeting-plan__submit').click();
    await confirmModal('安排');
    await j.settled('.meeting-detail-page');
    await page.locator('.meeting-code .qr-code__value').waitFor();
    const code = (await page.locator('.meeting-code .qr-code__value').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const url = page.url();
    await j.check('91-meetings-detail-secretary.png');

    // 2. A member was told; they ask for leave with a reason.
    await signIn('demo-member');
    await open('mine/index', '.meetings-page');
    await page.locator('.meeting-card', { hasText: title }).click();
    await j.settled('.meeting-detail-page');
    await page.locator('.meeting-leave__open').click();
    await page.locator('.form-field--reason textarea').fill('出差在外，无法到会');
    await j.check('92-meetings-leave.png');
    await page.locator('.meeting-leave__submit').click();
    await confirmModal('申请请假');
    await page.locator('.meeting-mine__state', { hasText: '请假待批' }).waitFor();

    // 3. The secretary approves it.
    await signIn('demo-secretary');
    await page.goto(url);
    await page.reload();
    await j.settled('.meeting-detail-page');
    await page.locator('.meeting-person--leaveAsked .meeting-person__approve').click();
    await confirmModal('批准');
    await page.locator('.meeting-person--onLeave').waitFor();

    // 4. Another member (the station's on-duty, a member of 向阳) checks in with the code.
    await signIn('demo-staff');
    await page.goto(url);
    await page.reload();
    await j.settled('.meeting-detail-page');
    await page.locator('.meeting-checkin__code input').fill(code);
    await page.locator('.meeting-checkin__submit').click();
    await page.locator('.meeting-mine__state', { hasText: '已签到' }).waitFor();
    await j.check('93-meetings-checked-in.png');

    // 5. Once it has begun, the secretary records the minutes with two photos.
    const wait = cloudStarted + 62_000 - performance.now();
    if (wait > 0) await page.waitForTimeout(wait);
    await signIn('demo-secretary');
    await page.goto(url);
    await page.reload();
    await j.settled('.meeting-detail-page');
    await page.locator('.meeting-minutes__open').click();
    await j.settled('.meeting-minutes-page');
    await page
      .locator('.form-field--minutes textarea')
      .fill('会议传达学习了全会精神，党员逐一发言，决定本月开展一次入户走访。');
    for (const rgb of [
      [200, 22, 29],
      [250, 200, 40],
    ] as [number, number, number][]) {
      const before = await page.locator('.help-photos__item').count();
      await page.locator('.help-photos__add--photos input[type=file]').setInputFiles({
        name: 'meeting.png',
        mimeType: 'image/png',
        buffer: png(160, 120, rgb),
      });
      await page.locator('.help-photos__item').nth(before).waitFor();
    }
    await j.check('94-meetings-minutes.png');
    await page.locator('.meeting-minutes__submit').click();
    await confirmModal('记录');
    await j.settled('.meeting-detail-page');
    await page.locator('.meeting-record').waitFor();
    expect(await page.locator('.meeting-counts__n').allTextContents()).toEqual([
      '1',
      '1',
      expect.stringMatching(/^\d+$/),
    ]);
    expect(await page.locator('.meeting-photos__img').count()).toBe(2);
    await j.check('95-meetings-held.png');
  });
});
