/**
 * A stand-in for WeChat's open API as a CloudBase function reaches it: the node-sdk's `callWxOpenApi` posts
 * `{ action: 'wx.api', apiName, requestData }` to the CloudBase API, which answers `{ data: { responseData } }` (WeChat's
 * JSON as a string) or a CloudBase-level `{ code, message }`. Thin on purpose: `security.msgSecCheck` and
 * `security.mediaCheckAsync` (v2) with the fields WeChat requires, verdicts by a rule a test sets, errcodes on demand,
 * and the `wxa_media_check` message WeChat would push for a trace id; `wxacode.getUnlimited` answering a PNG (a plain
 * QR of the page and scene, so a test can tell codes apart) for a valid scene and a published page. The real SDK is
 * pointed at it as the database double is (test/support/cloudbase-double).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import tcb from '@cloudbase/node-sdk';
import QRCode from 'qrcode';

export interface Rule {
  /** Matched against a text's content or a picture's media_url. */
  contains: string;
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

export interface WeChatDouble {
  url: string;
  envId: string;
  /** Every open-API call, in order. */
  calls: { apiName: string; body: Record<string, unknown> }[];
  /** Verdicts by content; anything unmatched passes (label 100). */
  rules: Rule[];
  /** The next call answers this WeChat errcode (e.g. -1 busy, 40003 bad openid) instead. */
  failNext(errcode: number): void;
  /** The next call is refused by CloudBase itself (e.g. PERMISSION_DENIED: the function lacks the permission). */
  refuseNext(code: string): void;
  /** Pages of the released version: `wxacode.getUnlimited` with `check_path` true refuses any other (41030). */
  pages: Set<string>;
  /** What each `wxacode.getUnlimited` drew: the page and scene, with the text its PNG's QR carries. */
  codes: { page: string; scene: string; envVersion: string; width: number; text: string }[];
  /** The message WeChat pushes for a picture's trace id, by the rules; null for a trace id it never issued. */
  pushed(traceId: string): Record<string, unknown> | null;
  /** The node-sdk's callWxOpenApi, pointed here. */
  api(): (options: { apiName: string; requestData: unknown }) => Promise<{ code?: string; result?: unknown }>;
  close(): Promise<void>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export async function startWeChatDouble(): Promise<WeChatDouble> {
  const envId = 'wechat-double-env';
  const calls: WeChatDouble['calls'] = [];
  const rules: Rule[] = [];
  const pictures = new Map<string, string>();
  const pages = new Set<string>();
  const codes: WeChatDouble['codes'] = [];
  let errcodeNext: number | null = null;
  let codeNext: string | null = null;
  let seq = 0;
  const verdict = (text: string) => {
    const rule = rules.find((r) => text.includes(r.contains));
    return rule ? { suggest: rule.suggest, label: rule.label } : { suggest: 'pass', label: 100 };
  };

  /**
   * `wxacode.getUnlimited` (POST /wxa/getwxacodeunlimit): `scene` of 1–32 visible characters from WeChat's set,
   * `page` without a leading slash or parameters (and released, when `check_path` is not false), `width` 280–1280.
   * Answers the picture's bytes (here base64, as the gateway's responseData carries them) or `{ errcode, errmsg }`.
   */
  async function miniCode(body: Record<string, unknown>): Promise<Record<string, unknown> | string> {
    const scene = body.scene;
    if (typeof scene !== 'string' || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/.test(scene))
      return { errcode: 40097, errmsg: 'invalid scene' };
    const page = str(body.page);
    if (page.startsWith('/') || page.includes('?')) return { errcode: 41030, errmsg: 'invalid page' };
    if (body.check_path !== false && !pages.has(page)) return { errcode: 41030, errmsg: 'page not released' };
    const envVersion = str(body.env_version) || 'release';
    if (!['release', 'trial', 'develop'].includes(envVersion)) return { errcode: 40097, errmsg: 'invalid env_version' };
    const width = body.width === undefined ? 430 : Number(body.width);
    if (!Number.isFinite(width) || width < 280 || width > 1280) return { errcode: 40097, errmsg: 'invalid width' };
    const text = `wxacode:${page}?scene=${scene}`;
    codes.push({ page, scene, envVersion, width, text });
    return (await QRCode.toBuffer(text, { width: 280 })).toString('base64');
  }

  async function answer(apiName: string, body: Record<string, unknown>): Promise<Record<string, unknown> | string> {
    if (errcodeNext !== null) {
      const errcode = errcodeNext;
      errcodeNext = null;
      return { errcode, errmsg: 'double: failed on purpose' };
    }
    if (apiName === 'wxacode.getUnlimited') return miniCode(body);
    if (body.version !== 2) return { errcode: 47001, errmsg: 'version must be 2' };
    if (!str(body.openid)) return { errcode: 40003, errmsg: 'invalid openid' };
    if (![1, 2, 3, 4].includes(Number(body.scene))) return { errcode: 40129, errmsg: 'invalid scene' };
    if (apiName === 'security.msgSecCheck') {
      const content = str(body.content);
      if (!content || content.length > 2500) return { errcode: 47001, errmsg: 'content' };
      const result = verdict(content);
      return {
        errcode: 0,
        errmsg: 'ok',
        trace_id: `text-${(seq += 1)}`,
        result,
        detail: [{ strategy: 'content_model', errcode: 0, ...result }],
      };
    }
    if (apiName === 'security.mediaCheckAsync') {
      const mediaUrl = str(body.media_url);
      if (!/^https?:\/\//.test(mediaUrl) || body.media_type !== 2) return { errcode: 47001, errmsg: 'media' };
      const traceId = `trace-${(seq += 1)}`;
      pictures.set(traceId, mediaUrl);
      return { errcode: 0, errmsg: 'ok', trace_id: traceId };
    }
    return { errcode: 48001, errmsg: 'api unauthorized' };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(body));
      };
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return reply({ code: 'INVALID_PARAM', message: 'not JSON' });
      }
      if (body.action !== 'wx.api') return reply({ code: 'INVALID_ACTION', message: String(body.action) });
      const apiName = str(body.apiName);
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(str(body.requestData) || '{}') as Record<string, unknown>;
      } catch {
        return reply({ code: 'INVALID_PARAM', message: 'requestData' });
      }
      calls.push({ apiName, body: data });
      if (codeNext !== null) {
        const code = codeNext;
        codeNext = null;
        return reply({ code, message: 'double: refused on purpose', requestId: 'double' });
      }
      void answer(apiName, data).then((answered) =>
        reply({
          data: { responseData: typeof answered === 'string' ? answered : JSON.stringify(answered) },
          requestId: 'double',
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  server.unref();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
  process.env.TENCENTCLOUD = 'true';
  const app = tcb.init({ env: envId, serviceUrl: url, secretId: 'double-secret-id', secretKey: 'double-secret-key' });

  return {
    url,
    envId,
    calls,
    rules,
    pages,
    codes,
    failNext: (errcode) => void (errcodeNext = errcode),
    refuseNext: (code) => void (codeNext = code),
    pushed(traceId) {
      const mediaUrl = pictures.get(traceId);
      if (mediaUrl === undefined) return null;
      const result = verdict(mediaUrl);
      return {
        ToUserName: 'gh_double',
        FromUserName: 'o_platform_push',
        CreateTime: 1_764_000_000,
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: 'wx_double',
        trace_id: traceId,
        version: 2,
        detail: [{ strategy: 'content_model', errcode: 0, ...result, prob: 90 }],
        errcode: 0,
        errmsg: 'ok',
        result,
      };
    },
    api: () => (options) => app.callWxOpenApi(options),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
