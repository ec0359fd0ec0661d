/**
 * Mini-program codes: WeChat's `wxacode.getUnlimited` through the real node-sdk's `callWxOpenApi` against the WeChat
 * stand-in (what is sent, the picture answered, each failure a plain error), the shapes the gateway may carry the
 * picture in, and the local plain QR with the same scene.
 */
import QRCode from 'qrcode';
import { startWeChatDouble, type WeChatDouble } from '../../test/support/wechat-double';
import { CloudBaseMiniCodes, LocalMiniCodes, miniCodeOf } from '.';

const PAGE = 'packages/map/pages/landmark/index';
const pngOf = (dataUrl: string) => Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');

describe('through CloudBase (the WeChat stand-in)', () => {
  let wx: WeChatDouble;
  let codes: CloudBaseMiniCodes;
  beforeAll(async () => {
    wx = await startWeChatDouble();
    codes = new CloudBaseMiniCodes({ api: wx.api() });
  });
  afterAll(() => wx.close());

  test('sends the scene, the page without a slash, check_path false and the version; answers the PNG', async () => {
    const code = await codes.create({ scene: 'RXJQ2021', page: `/${PAGE}`, width: 430 });
    expect(code.kind).toBe('wxacode');
    expect(code.image).toMatch(/^data:image\/png;base64,/);
    const call = wx.calls.at(-1)!;
    expect(call.apiName).toBe('wxacode.getUnlimited');
    expect(call.body).toEqual({ scene: 'RXJQ2021', page: PAGE, check_path: false, env_version: 'release', width: 430 });
    // The picture is the one WeChat drew for this page and scene.
    const drawn = wx.codes.at(-1)!;
    expect(drawn).toMatchObject({ page: PAGE, scene: 'RXJQ2021', envVersion: 'release' });
    expect(pngOf(code.image)).toEqual(await QRCode.toBuffer(drawn.text, { width: 280 }));
  });

  test('a trial build and an out-of-range width (clamped to WeChat’s 280–1280)', async () => {
    const trial = new CloudBaseMiniCodes({ api: wx.api(), envVersion: 'trial' });
    await trial.create({ scene: 'XFZJ0001', page: PAGE, width: 5000 });
    expect(wx.calls.at(-1)!.body).toMatchObject({ env_version: 'trial', width: 1280 });
  });

  test('WeChat’s refusals are plain errors; nothing else is returned', async () => {
    wx.failNext(45009);
    await expect(codes.create({ scene: 'RXJQ2021', page: PAGE })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: '今天生成小程序码的次数已达上限，请明天再试',
    });
    wx.failNext(-1);
    await expect(codes.create({ scene: 'RXJQ2021', page: PAGE })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: '小程序码暂时生成不了，请稍后再试',
    });
    // A scene WeChat refuses (more than 32 characters): the stand-in answers 40097.
    await expect(codes.create({ scene: 'A'.repeat(33), page: PAGE })).rejects.toMatchObject({
      message: '小程序码生成失败：打卡码格式不对',
    });
    wx.refuseNext('PERMISSION_DENIED');
    await expect(codes.create({ scene: 'RXJQ2021', page: PAGE })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: '小程序码暂时生成不了，请稍后再试',
    });
  });

  test('with check_path the stand-in refuses a page that is not released (41030)', async () => {
    // The adapter never asks check_path; the stand-in's rule is tested directly through the SDK.
    const res = await wx.api()({
      apiName: 'wxacode.getUnlimited',
      requestData: { scene: 'RXJQ2021', page: PAGE, check_path: true },
    });
    expect(res.result).toMatchObject({ errcode: 41030 });
    wx.pages.add(PAGE);
    const ok = await wx.api()({
      apiName: 'wxacode.getUnlimited',
      requestData: { scene: 'RXJQ2021', page: PAGE, check_path: true },
    });
    expect(miniCodeOf(ok.result).ok).toBe(true);
  });
});

describe('the picture in the gateway’s answer', () => {
  let png: Buffer;
  beforeAll(async () => {
    png = await QRCode.toBuffer('x');
  });
  test('base64, a serialised Buffer, or wx-server-sdk’s { contentType, buffer }', () => {
    const url = `data:image/png;base64,${png.toString('base64')}`;
    expect(miniCodeOf(png.toString('base64'))).toEqual({ ok: true, image: url });
    expect(miniCodeOf({ type: 'Buffer', data: [...png] })).toEqual({ ok: true, image: url });
    expect(miniCodeOf({ contentType: 'image/png', buffer: png.toString('base64'), errCode: 0 })).toEqual({
      ok: true,
      image: url,
    });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(miniCodeOf(jpeg.toString('base64'))).toMatchObject({
      ok: true,
      image: expect.stringMatching(/^data:image\/jpeg/),
    });
  });
  test('an errcode, or anything that is no picture, is a failure', () => {
    expect(miniCodeOf({ errcode: 41030, errmsg: 'invalid page' })).toEqual({ ok: false, errcode: '41030' });
    expect(miniCodeOf('<html>busy</html>')).toEqual({ ok: false, errcode: 'not-an-image' });
    expect(miniCodeOf({})).toEqual({ ok: false, errcode: 'not-an-image' });
  });
});

describe('locally', () => {
  test('a plain QR of the H5 address with the same scene', async () => {
    const code = await new LocalMiniCodes('http://127.0.0.1:8080/#/').create({ scene: 'RXJQ2021', page: PAGE });
    expect(code).toMatchObject({ kind: 'qr', text: `http://127.0.0.1:8080/#/${PAGE}?scene=RXJQ2021` });
    expect(pngOf(code.image)).toEqual(
      await QRCode.toBuffer(code.text, { errorCorrectionLevel: 'M', margin: 2, width: 430 }),
    );
  });
  test('without an address: the scene alone, as the app’s scan reads it', async () => {
    const code = await new LocalMiniCodes().create({ scene: 'XFZJ0001', page: PAGE });
    expect(code.text).toBe('scene=XFZJ0001');
  });
});
