/**
 * Mini-program codes (小程序码) for printed posters. A poster's code opens one page of the mini-program with a
 * `scene` (at most 32 visible characters) the page reads back.
 * - CloudBase: WeChat's `wxacode.getUnlimited` through the node-sdk's `callWxOpenApi` (domain/wxacode/cloudbase.ts);
 *   the function needs `permissions.openapi: ["wxacode.getUnlimited"]`.
 * - Locally and in tests: a plain QR code (the `qrcode` library) carrying the same scene in the H5 address of the
 *   page (domain/wxacode/local.ts), which a phone's camera or the H5 app opens.
 */
export interface MiniCodeRequest {
  /** Letters and digits, at most 32 (WeChat's limit for an unlimited code). */
  scene: string;
  /** The page the code opens, without a leading slash or parameters, e.g. `packages/map/pages/landmark/index`. */
  page: string;
  /** Width of the code in pixels (WeChat: 280–1280; default 430). */
  width?: number;
}

export interface MiniCode {
  /** The picture as a data URL (`data:image/png;base64,…` or `data:image/jpeg;base64,…`). */
  image: string;
  /** What it is: WeChat's round mini-program code, or the local plain QR. */
  kind: 'wxacode' | 'qr';
  /** What a plain QR carries (the address it opens); '' for WeChat's code, which carries the scene inside WeChat. */
  text: string;
}

export interface MiniCodes {
  /** Draws the code; throws a plain error (AppError INTERNAL) when the platform could not. */
  create(request: MiniCodeRequest): Promise<MiniCode>;
}

declare module '../core/services' {
  interface HostServices {
    /** Mini-program codes for posters: WeChat's in the cloud, a plain QR with the same scene locally. */
    miniCodes?: MiniCodes;
  }
}
