/**
 * A red landmark's poster and the scene look-up, on every engine: the poster's code carries the landmark's scene
 * (locally a plain QR, in the cloud WeChat's code through the stand-in), only an admin of the landmark's county
 * prints it, and a page opened with the scene alone finds its landmark — until an admin gives it a new code.
 */
import QRCode from 'qrcode';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { seededWorld } from '../../test/support/functions';
import { startWeChatDouble } from '../../test/support/wechat-double';
import { CloudBaseMiniCodes } from '../wxacode';
import { DEMO_LANDMARKS } from '../seed/map-data';
import { LANDMARK_PAGE } from './poster';

jest.setTimeout(180_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
type Answer =
  { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string; field?: string } };
const JIEQU = DEMO_LANDMARKS.find((l) => l._id === 'lm-rx-jiequ')!;
const XF = DEMO_LANDMARKS.find((l) => l._id === 'lm-xf-zuji')!;

let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const poster = (landmarkId: string, openid = 'demo-admin') =>
  w.call('stations', { action: 'landmarkPoster', landmarkId }, openid) as Promise<Answer>;
const byScene = (scene: string, openid: string | null = 'demo-resident') =>
  w.call('stations', { action: 'landmarkByScene', scene }, openid) as Promise<Answer>;
const codeOf = (res: Answer) => (res.ok ? 'ok' : res.error.code);
const png = (dataUrl: unknown) => Buffer.from(String(dataUrl).replace(/^data:image\/png;base64,/, ''), 'base64');

describe('the poster', () => {
  test('locally: the name, the introduction and a plain QR carrying the landmark’s scene (never shown as text)', async () => {
    const res = await poster(JIEQU._id);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ name: JIEQU.name, intro: JIEQU.intro, codeKind: 'qr', kindLabel: '红色地标' });
    expect(png(res.data.image)).toEqual(
      await QRCode.toBuffer(`scene=${JIEQU.scene}`, { errorCorrectionLevel: 'M', margin: 2, width: 430 }),
    );
    expect(JSON.stringify(res.data)).not.toContain(JIEQU.scene!);
  });

  test('in the cloud: WeChat’s code for the landmark page with the same scene', async () => {
    const wx = await startWeChatDouble();
    try {
      const res = (await FUNCTIONS.stations!.handle(
        { action: 'landmarkPoster', landmarkId: XF._id },
        {
          db: w.db,
          caller: { openid: 'demo-admin' },
          now: () => w.now,
          services: { miniCodes: new CloudBaseMiniCodes({ api: wx.api() }) },
        },
      )) as Answer;
      expect(codeOf(res)).toBe('ok');
      expect(res.ok && res.data.codeKind).toBe('wxacode');
      expect(wx.codes).toEqual([expect.objectContaining({ scene: XF.scene, page: LANDMARK_PAGE })]);
      // WeChat failing: a plain error, no picture.
      wx.failNext(45009);
      const busy = (await FUNCTIONS.stations!.handle(
        { action: 'landmarkPoster', landmarkId: XF._id },
        {
          db: w.db,
          caller: { openid: 'demo-admin' },
          now: () => w.now,
          services: { miniCodes: new CloudBaseMiniCodes({ api: wx.api() }) },
        },
      )) as Answer;
      expect(busy.ok ? null : busy.error).toMatchObject({
        code: 'INTERNAL',
        message: '今天生成小程序码的次数已达上限，请明天再试',
      });
    } finally {
      await wx.close();
    }
  });

  test('scoped: a county admin prints their county’s posters only; others may not print', async () => {
    expect(codeOf(await poster(XF._id, 'demo-county-admin'))).toBe('ok');
    expect(codeOf(await poster(JIEQU._id, 'demo-county-admin'))).toBe('FORBIDDEN');
    expect(codeOf(await poster(JIEQU._id, 'demo-member'))).toBe('FORBIDDEN');
    expect(codeOf(await poster(JIEQU._id, 'demo-secretary'))).toBe('FORBIDDEN');
    expect(codeOf(await poster('lm-none'))).toBe('NOT_FOUND');
  });

  test('a shop has no poster to print', async () => {
    const res = await poster('lm-rx-gucheng-shop');
    expect(res.ok ? null : res.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'landmarkId' });
    expect(res.ok ? '' : res.error.message).toContain('不是打卡点');
  });
});

describe('the landmark by its scene', () => {
  test('a poster’s scene finds its landmark, in any case, signed in or not', async () => {
    expect(await byScene(JIEQU.scene!)).toEqual({
      ok: true,
      data: { landmarkId: JIEQU._id, name: JIEQU.name, nameEn: JIEQU.nameEn },
    });
    expect(await byScene(JIEQU.scene!.toLowerCase())).toMatchObject({ ok: true, data: { landmarkId: JIEQU._id } });
    expect(await byScene(XF.scene!, null)).toMatchObject({ ok: true, data: { landmarkId: XF._id } });
  });

  test('an unknown or malformed scene is refused beside the code', async () => {
    const unknown = await byScene('ZZZZ9999');
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'NOT_FOUND', field: 'scene' });
    expect(codeOf(await byScene('a b'))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await byScene('A'.repeat(33)))).toBe('INVALID_ARGUMENT');
  });

  test('a new code retires the old poster; an archived landmark is found by none', async () => {
    const saved = (await w.call(
      'stations',
      {
        action: 'saveLandmark',
        landmarkId: XF._id,
        name: XF.name,
        address: XF.address,
        county: XF.county,
        location: XF.location,
        radius: XF.radius,
        scene: 'XFNEW002',
        requestId: 'poster-test-rescene-0001',
      },
      'demo-admin',
    )) as Answer;
    expect(codeOf(saved)).toBe('ok');
    expect(codeOf(await byScene(XF.scene!))).toBe('NOT_FOUND');
    expect(await byScene('xfnew002')).toMatchObject({ ok: true, data: { landmarkId: XF._id } });
    const reprinted = await poster(XF._id);
    expect(png(reprinted.ok && reprinted.data.image)).toEqual(
      await QRCode.toBuffer('scene=XFNEW002', { errorCorrectionLevel: 'M', margin: 2, width: 430 }),
    );

    const archived = (await w.call(
      'stations',
      { action: 'archiveMapPlace', kind: 'place', id: XF._id, archived: true },
      'demo-admin',
    )) as Answer;
    expect(codeOf(archived)).toBe('ok');
    expect(codeOf(await byScene('XFNEW002'))).toBe('NOT_FOUND');
    expect(codeOf(await poster(XF._id))).toBe('NOT_FOUND');
  });
});
