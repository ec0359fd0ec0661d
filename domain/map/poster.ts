/**
 * A red landmark's printed poster and the code on it. The code opens the landmark page with the landmark's scene
 * (`wxacode.getUnlimited` in the cloud; locally a plain QR of the H5 address with the same scene, domain/wxacode);
 * a page opened by the code alone (WeChat passes the scene, no landmark id) finds its landmark by the scene.
 */
import { z } from 'zod';
import { pictureAddress } from '../files';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { fields } from '../core/validation';
import { LocalMiniCodes, type MiniCodes } from '../wxacode';
import type { HostServices } from '../core/services';
import { CHECKIN_KINDS, LANDMARK_KINDS } from './labels';
import { LANDMARKS, LANDMARK_SCENES, landmarkDocSchema, sceneSchema } from './model';
import { readLandmark } from './shared';

/** The page a poster's code opens (the landmark page of the map subpackage), as WeChat wants it: no slash, no query. */
export const LANDMARK_PAGE = 'packages/map/pages/landmark/index';

/** The host's code maker; where none is lent (the local cloud, tests), a plain QR with the same scene. */
const miniCodesOf = (services: HostServices | undefined): MiniCodes =>
  services?.miniCodes ?? new LocalMiniCodes(services?.qrBase ?? '');

export const landmarkPoster = action({
  input: z.strictObject({ landmarkId: fields.id }),
  access: ['admin'],
  // A county admin prints the posters of their county's landmarks; one with no county is the system admin's.
  async scope({ landmarkId }, ctx) {
    const parsed = landmarkDocSchema.safeParse(await ctx.db.collection(LANDMARKS).doc(landmarkId).get());
    if (!parsed.success) return null;
    return parsed.data.county ? { county: parsed.data.county } : { system: true as const };
  },
  async run({ landmarkId }, ctx) {
    const l = await readLandmark(ctx.db, landmarkId);
    if (!CHECKIN_KINDS.includes(l.kind) || !l.scene)
      throw new AppError('INVALID_ARGUMENT', `「${l.name}」不是打卡点，没有打卡海报`, 'landmarkId');
    const code = await miniCodesOf(ctx.services).create({ scene: l.scene, page: LANDMARK_PAGE, width: 430 });
    return {
      landmarkId: l._id,
      name: l.name,
      nameEn: l.nameEn,
      kindLabel: LANDMARK_KINDS[l.kind].zh,
      intro: l.intro,
      hours: l.hours,
      county: l.county,
      address: l.address,
      picture: l.pictures[0] ? pictureAddress(l.pictures[0]) : null,
      /** The code as a data URL: WeChat's mini-program code, or locally a plain QR. */
      image: code.image,
      codeKind: code.kind,
    };
  },
});

/** The landmark a poster's scene belongs to: what the landmark page asks when WeChat opened it with the scene alone. */
export const landmarkByScene = action({
  input: z.strictObject({ scene: sceneSchema }),
  access: 'public',
  async run({ scene }, ctx) {
    const code = scene.toUpperCase();
    const link = await ctx.db.collection(LANDMARK_SCENES).doc(code).get();
    const landmarkId = typeof link?.landmarkId === 'string' ? link.landmarkId : '';
    const parsed = landmarkId
      ? landmarkDocSchema.safeParse(await ctx.db.collection(LANDMARKS).doc(landmarkId).get())
      : null;
    // A scene an admin has since replaced (a reprinted poster) no longer names its landmark.
    if (!parsed?.success || !parsed.data.active || parsed.data.scene?.toUpperCase() !== code)
      throw new AppError('NOT_FOUND', '没有找到这个二维码对应的打卡点，请扫描现场的二维码', 'scene');
    return { landmarkId: parsed.data._id, name: parsed.data.name, nameEn: parsed.data.nameEn };
  },
});
