import tcb from '@cloudbase/node-sdk';
import { AppError } from '../core/errors';
import type { MiniCode, MiniCodeRequest, MiniCodes } from './port';

/** What a caller of WeChat's open API needs: `callWxOpenApi` as the node-sdk has it. */
export type WxOpenApi = (options: {
  apiName: string;
  requestData: unknown;
}) => Promise<{ code?: string; result?: unknown }>;

/** Which version of the mini-program the code opens: the released one in production, or a trial/develop build. */
export type EnvVersion = 'release' | 'trial' | 'develop';

const UNAVAILABLE = '小程序码暂时生成不了，请稍后再试';
/** WeChat's errcodes that name a cause an admin can act on. */
const ERRCODE_TEXT: Readonly<Record<string, string>> = {
  '41030': '小程序码生成失败：打卡页面还没有随小程序发布，请发布新版本后再试',
  '45009': '今天生成小程序码的次数已达上限，请明天再试',
  '40097': '小程序码生成失败：打卡码格式不对',
};

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The picture's type by its first bytes; null when the bytes are no picture (an error page, JSON). */
function imageType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Bytes from what the gateway may hand back: base64 text, a serialised Buffer (`{ type: 'Buffer', data }`), bytes. */
function bytesOf(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (typeof value === 'string') {
    const base64 = Buffer.from(value, 'base64');
    if (imageType(base64)) return base64;
    const binary = Buffer.from(value, 'latin1');
    return imageType(binary) ? binary : null;
  }
  const r = record(value);
  if (r.type === 'Buffer' && Array.isArray(r.data)) return Buffer.from(r.data as number[]);
  return null;
}

/**
 * The picture in an answer of `wxacode.getUnlimited` through `callWxOpenApi`: WeChat answers the image itself
 * (its bytes, carried by the gateway as base64 or a serialised Buffer, alone or as `{ contentType, buffer }` as
 * wx-server-sdk returns it) or, on failure, JSON `{ errcode, errmsg }`. Anything else is an error.
 */
export function miniCodeOf(result: unknown): { ok: true; image: string } | { ok: false; errcode: string } {
  const r = record(result);
  const errcode = String(r.errcode ?? r.errCode ?? 0);
  if (errcode !== '0') return { ok: false, errcode };
  const bytes = bytesOf(r.buffer ?? result);
  const type = bytes ? imageType(bytes) : null;
  if (!bytes || !type) return { ok: false, errcode: 'not-an-image' };
  return { ok: true, image: `data:${type};base64,${bytes.toString('base64')}` };
}

/**
 * WeChat's `wxacode.getUnlimited` (HTTPS `POST /wxa/getwxacodeunlimit`) through the node-sdk's `callWxOpenApi`
 * (action `wx.api`), as domain/content/cloudbase.ts checks texts: `{ scene, page, check_path, env_version, width }`
 * → the picture. `check_path: false` so a code can be printed before the version carrying the page is released
 * (WeChat then opens it in the version `env_version` names). Any failure is a plain error and nothing is kept.
 * Tested against the WeChat stand-in (test/support/wechat-double).
 */
export class CloudBaseMiniCodes implements MiniCodes {
  private api: WxOpenApi | null;
  private readonly env: string | undefined;
  private readonly envVersion: EnvVersion;

  /** `api`: a caller to use instead of the function's own SDK (a test's SDK pointed at the WeChat stand-in). */
  constructor(options: { api?: WxOpenApi; env?: string; envVersion?: EnvVersion } = {}) {
    this.api = options.api ?? null;
    this.env = options.env;
    this.envVersion = options.envVersion ?? 'release';
  }

  async create({ scene, page, width = 430 }: MiniCodeRequest): Promise<MiniCode> {
    let res: { code?: string; result?: unknown };
    try {
      if (!this.api) {
        // Initialised on first use: loading the function costs nothing when nobody prints a poster.
        const app = tcb.init({ env: this.env ?? tcb.SYMBOL_CURRENT_ENV });
        this.api = (options) => app.callWxOpenApi(options);
      }
      res = await this.api({
        apiName: 'wxacode.getUnlimited',
        requestData: {
          scene,
          page: page.replace(/^\//, ''),
          check_path: false,
          env_version: this.envVersion,
          width: Math.min(1280, Math.max(280, Math.round(width))),
        },
      });
    } catch {
      throw new AppError('INTERNAL', UNAVAILABLE);
    }
    if (res.code) throw new AppError('INTERNAL', UNAVAILABLE);
    const answer = miniCodeOf(res.result);
    if (!answer.ok) throw new AppError('INTERNAL', ERRCODE_TEXT[answer.errcode] ?? UNAVAILABLE);
    return { image: answer.image, kind: 'wxacode', text: '' };
  }
}
