import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseContentCheck } from '../../../domain/content';
import { CloudBaseMiniCodes } from '../../../domain/wxacode';
import { router } from './router';

/**
 * What admins and staff publish (stations, their items, the reason a day is closed, map texts) is checked by WeChat's
 * msgSecCheck; posters' mini-program codes come from WeChat (`wxacode.getUnlimited`). Both are granted in config.json
 * (permissions.openapi, from scripts/cloudbaserc.ts).
 */
let content: CloudBaseContentCheck | null = null;
let miniCodes: CloudBaseMiniCodes | null = null;
export const main = cloudMain(router, () => ({
  content: (content ??= new CloudBaseContentCheck()),
  miniCodes: (miniCodes ??= new CloudBaseMiniCodes()),
}));
