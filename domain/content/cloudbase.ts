import tcb from '@cloudbase/node-sdk';
import { AppError } from '../core/errors';
import type { RefusalKind } from './labels';
import {
  SCENES,
  type ContentCheck,
  type PictureSubmission,
  type PictureVerdict,
  type TextCheck,
  type TextVerdict,
} from './port';

/**
 * WeChat's content security from a CloudBase function, through the node-sdk's `callWxOpenApi` (action `wx.api`), as
 * domain/messages/cloudbase.ts sends subscribe messages:
 * - `security.msgSecCheck` v2: `{ version: 2, openid, scene, content }` → `{ errcode, result: { suggest, label } }`;
 * - `security.mediaCheckAsync` v2: `{ version: 2, openid, scene, media_url, media_type: 2 }` → `{ errcode, trace_id }`;
 *   the verdict is pushed later as the event `wxa_media_check` (`trace_id`, `result: { suggest, label }`), which
 *   `pictureVerdictOf` reads.
 * The function needs `permissions.openapi: ["security.msgSecCheck", "security.mediaCheckAsync"]` (scripts/cloudbaserc.ts).
 * `suggest: "review"` is treated as a refusal: WeChat is unsure, nobody here reviews by hand, and what is published
 * must have passed; the person is asked to rephrase. Any failure of the check itself (errcode, a CloudBase code, the
 * network) is a plain error and nothing is written.
 */

/** WeChat's labels (v2) and the kind a refusal names. */
export const WECHAT_LABELS: Readonly<Record<number, RefusalKind>> = {
  10001: 'ad',
  20001: 'politics',
  20002: 'porn',
  20003: 'abuse',
  20006: 'crime',
  20008: 'fraud',
  20012: 'vulgar',
  20013: 'copyright',
  21000: 'other',
};
export const kindOfLabel = (label: unknown): RefusalKind => WECHAT_LABELS[Number(label)] ?? 'other';

/** What a caller of WeChat's open API needs: `callWxOpenApi` as the node-sdk has it. */
export type WxOpenApi = (options: {
  apiName: string;
  requestData: unknown;
}) => Promise<{ code?: string; result?: unknown }>;

const UNAVAILABLE = '内容安全检查暂时不可用，请稍后再试';
/**
 * WeChat checks as a person who opened the mini-program lately (errcode 61010 otherwise): a console author signed in
 * hours ago by scanning is asked to open it again — the check then passes with their same openid.
 */
const NOT_RECENT = '内容安全检查需要你近期在微信中打开过小程序：请在微信里打开「先锋驿站」小程序后再提交';
const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** A verdict from WeChat's `result`: pass, or refused with the label's kind (review and risky alike). */
function verdictOf(result: unknown): { pass: boolean; kind: RefusalKind | null } {
  const r = record(result);
  if (r.suggest === 'pass') return { pass: true, kind: null };
  return { pass: false, kind: kindOfLabel(r.label) };
}

export class CloudBaseContentCheck implements ContentCheck {
  private api: WxOpenApi | null;

  /** `api`: a caller to use instead of the function's own SDK (a test's SDK pointed at the WeChat stand-in). */
  constructor(options: { api?: WxOpenApi; env?: string } = {}) {
    this.api = options.api ?? null;
    this.env = options.env;
  }
  private readonly env: string | undefined;

  private async call(apiName: string, requestData: unknown): Promise<Record<string, unknown>> {
    let res: { code?: string; result?: unknown };
    try {
      if (!this.api) {
        // Initialised on first use, like the subscribe sender.
        const app = tcb.init({ env: this.env ?? tcb.SYMBOL_CURRENT_ENV });
        this.api = (options) => app.callWxOpenApi(options);
      }
      res = await this.api({ apiName, requestData });
    } catch {
      throw new AppError('INTERNAL', UNAVAILABLE);
    }
    if (res.code) throw new AppError('INTERNAL', UNAVAILABLE);
    const result = record(res.result);
    const errcode = Number(result.errcode ?? result.errCode ?? 0);
    if (errcode === 61010) throw new AppError('INTERNAL', NOT_RECENT);
    if (errcode !== 0) throw new AppError('INTERNAL', UNAVAILABLE);
    return result;
  }

  async checkText({ text, openid, scene }: TextCheck): Promise<TextVerdict> {
    const result = await this.call('security.msgSecCheck', {
      version: 2,
      openid,
      scene: SCENES[scene],
      content: text,
    });
    const verdict = verdictOf(result.result);
    return verdict.pass ? { ok: true } : { ok: false, kind: verdict.kind ?? 'other' };
  }

  async submitPicture({ url, openid, scene }: PictureSubmission): Promise<{ traceId: string }> {
    const result = await this.call('security.mediaCheckAsync', {
      version: 2,
      openid,
      scene: SCENES[scene],
      media_url: url,
      media_type: 2,
    });
    if (typeof result.trace_id !== 'string' || !result.trace_id) throw new AppError('INTERNAL', UNAVAILABLE);
    return { traceId: result.trace_id };
  }
}

/**
 * The verdict in a message WeChat pushed to the function (`Event: "wxa_media_check"`), or null for anything else.
 * Only its trace id ties it to a file: a pushed message naming an unknown trace id changes nothing.
 */
export function pictureVerdictOf(event: unknown): PictureVerdict | null {
  const e = record(event);
  if (e.Event !== 'wxa_media_check') return null;
  if (typeof e.trace_id !== 'string' || !e.trace_id) return null;
  const r = record(e.result);
  if (typeof r.suggest !== 'string') return null;
  return { traceId: e.trace_id, ...verdictOf(r) };
}
