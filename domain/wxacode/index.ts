/**
 * The wxacode module's door: mini-program codes for printed posters — the port a host lends, WeChat's
 * `wxacode.getUnlimited` through CloudBase, and the local plain QR carrying the same scene.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export type { MiniCode, MiniCodeRequest, MiniCodes } from './port';
export { LocalMiniCodes } from './local';
export { CloudBaseMiniCodes, miniCodeOf, type EnvVersion, type WxOpenApi } from './cloudbase';
