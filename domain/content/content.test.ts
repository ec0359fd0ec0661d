/**
 * Content security's port on its own: the local word-list checker and its picture queue, the guard's refusals in
 * plain Chinese, and the CloudBase adapter through the real node-sdk against the WeChat stand-in
 * (test/support/wechat-double): pass, risky per label, review, errcodes and CloudBase refusals, the pushed verdict.
 */
import { AppError } from '../core/errors';
import { startWeChatDouble, type WeChatDouble } from '../../test/support/wechat-double';
import {
  CloudBaseContentCheck,
  LOST_MARKER,
  LocalContentCheck,
  PICTURE_MARKER,
  assertTextsPass,
  pictureVerdictOf,
} from './index';

const bytes = (extra = '') => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.from(extra, 'latin1')]);

describe('the local checker', () => {
  test('texts: every kind of its word list is refused with its kind; ordinary words pass', async () => {
    const check = new LocalContentCheck();
    const t = (text: string) => check.checkText({ text, openid: 'o', scene: 'forum' });
    expect(await t('楼道灯坏了，请帮忙修一下')).toEqual({ ok: true });
    expect(await t('加 微信 领优惠')).toEqual({ ok: false, kind: 'ad' });
    expect(await t('你个王八蛋')).toEqual({ ok: false, kind: 'abuse' });
    expect(await t('楼下有人赌博')).toEqual({ ok: false, kind: 'crime' });
    expect(await t('刷单返利，日入过百')).toEqual({ ok: false, kind: 'fraud' });
    expect(await t('盗版资源免费送')).toEqual({ ok: false, kind: 'copyright' });
  });

  test('pictures: no verdict on the request path; the queue answers later, by the marker in the bytes', async () => {
    const delivered: unknown[] = [];
    const check = new LocalContentCheck({ deliver: async (v) => void delivered.push(v) });
    const ok = await check.submitPicture({ fileId: 'a', url: '/files/a', openid: 'o', scene: 'forum', bytes: bytes() });
    const bad = await check.submitPicture({
      fileId: 'b',
      url: '/files/b',
      openid: 'o',
      scene: 'forum',
      bytes: bytes(`${PICTURE_MARKER}porn`),
    });
    const lost = await check.submitPicture({
      fileId: 'c',
      url: '/files/c',
      openid: 'o',
      scene: 'forum',
      bytes: bytes(LOST_MARKER),
    });
    expect(new Set([ok.traceId, bad.traceId, lost.traceId]).size).toBe(3);
    expect(delivered).toEqual([]);
    expect(await check.flush()).toBe(2);
    expect(delivered).toEqual([
      { traceId: ok.traceId, pass: true, kind: null },
      { traceId: bad.traceId, pass: false, kind: 'porn' },
    ]);
    expect(await check.flush()).toBe(0);
  });
});

describe('the guard', () => {
  test('the first refused field is named with its kind; a refusal is INVALID_ARGUMENT at the field', async () => {
    const services = { content: new LocalContentCheck() };
    await expect(
      assertTextsPass(services, 'o', 'forum', [
        { field: 'title', name: '标题', text: '扫码领红包' },
        { field: 'text', name: '内容', text: '你个混蛋' },
      ]),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: '标题含有广告内容，请修改后再提交', field: 'title' });
    await expect(
      assertTextsPass(services, 'o', 'comment', [{ field: 'comment', name: '评价', text: '  ' }]),
    ).resolves.toBeUndefined();
    // A host that lends no checker still meets the word list.
    await expect(
      assertTextsPass(undefined, 'o', 'comment', [{ field: 'reason', name: '理由', text: '滚蛋' }]),
    ).rejects.toMatchObject({ message: '理由含有辱骂内容，请修改后再提交' });
  });
});

describe('WeChat through CloudBase (the stand-in)', () => {
  let wx: WeChatDouble;
  let check: CloudBaseContentCheck;
  beforeAll(async () => {
    wx = await startWeChatDouble();
    check = new CloudBaseContentCheck({ api: wx.api() });
  });
  afterAll(() => wx.close());
  beforeEach(() => {
    wx.rules.length = 0;
    wx.calls.length = 0;
  });

  test('msgSecCheck v2: the author, the scene and the text go out; pass passes', async () => {
    expect(await check.checkText({ text: '帮老人修门锁', openid: 'o-author', scene: 'comment' })).toEqual({ ok: true });
    expect(wx.calls).toEqual([
      {
        apiName: 'security.msgSecCheck',
        body: { version: 2, openid: 'o-author', scene: 2, content: '帮老人修门锁' },
      },
    ]);
  });

  test.each([
    [10001, 'ad'],
    [20001, 'politics'],
    [20002, 'porn'],
    [20003, 'abuse'],
    [20006, 'crime'],
    [20008, 'fraud'],
    [20012, 'vulgar'],
    [20013, 'copyright'],
    [21000, 'other'],
    [29999, 'other'],
  ])('risky with label %i is refused as %s', async (label, kind) => {
    wx.rules.push({ contains: '坏词', suggest: 'risky', label });
    expect(await check.checkText({ text: '有坏词', openid: 'o', scene: 'forum' })).toEqual({ ok: false, kind });
  });

  test('review is refused too (nobody reviews by hand; only what passed is published)', async () => {
    wx.rules.push({ contains: '拿不准', suggest: 'review', label: 20012 });
    expect(await check.checkText({ text: '拿不准的话', openid: 'o', scene: 'forum' })).toEqual({
      ok: false,
      kind: 'vulgar',
    });
  });

  test('an errcode or a CloudBase refusal is a plain error, never a pass', async () => {
    for (const errcode of [-1, 40003]) {
      wx.failNext(errcode);
      const error = await check.checkText({ text: '普通的话', openid: 'o', scene: 'forum' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'INTERNAL', message: '内容安全检查暂时不可用，请稍后再试' });
    }
    // 61010: the author has not opened the mini-program lately (a console signed in hours ago) — told what to do.
    wx.failNext(61010);
    await expect(check.checkText({ text: '普通的话', openid: 'o', scene: 'forum' })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: '内容安全检查需要你近期在微信中打开过小程序：请在微信里打开「先锋驿站」小程序后再提交',
    });
    wx.refuseNext('PERMISSION_DENIED');
    await expect(
      check.submitPicture({ fileId: 'cloud://x', url: 'https://tmp/x.png', openid: 'o', scene: 'forum' }),
    ).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  test('mediaCheckAsync v2 answers a trace id; the pushed wxa_media_check is read back by it', async () => {
    wx.rules.push({ contains: 'bad.png', suggest: 'risky', label: 20002 });
    const good = await check.submitPicture({
      fileId: 'cloud://env/good.png',
      url: 'https://tmp.example/good.png',
      openid: 'o-author',
      scene: 'forum',
    });
    const bad = await check.submitPicture({
      fileId: 'cloud://env/bad.png',
      url: 'https://tmp.example/bad.png',
      openid: 'o-author',
      scene: 'forum',
    });
    expect(wx.calls[0]).toEqual({
      apiName: 'security.mediaCheckAsync',
      body: { version: 2, openid: 'o-author', scene: 3, media_url: 'https://tmp.example/good.png', media_type: 2 },
    });
    expect(pictureVerdictOf(wx.pushed(good.traceId))).toEqual({ traceId: good.traceId, pass: true, kind: null });
    expect(pictureVerdictOf(wx.pushed(bad.traceId))).toEqual({ traceId: bad.traceId, pass: false, kind: 'porn' });
    // Anything else reaching the function is no verdict.
    expect(pictureVerdictOf({ action: 'ask' })).toBeNull();
    expect(pictureVerdictOf({ Event: 'wxa_media_check', result: { suggest: 'pass' } })).toBeNull();
  });
});
