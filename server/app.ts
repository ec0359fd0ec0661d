import fs from 'node:fs';
import http from 'node:http';
import sirv from 'sirv';
import { z } from 'zod';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { fail, type ErrorCode } from '../domain/core/errors';
import type { Database } from '../domain/db';
import { addIfAbsent } from '../domain/core/ids';
import { USERS } from '../domain/user/model';
import { TokenSigner } from './auth';

export interface LocalCloudOptions {
  db: Database;
  signer: TokenSigner | null;
  /** The built H5 app, served at `/` when present. */
  staticDir?: string;
  now?: () => number;
}

const MAX_BODY = 64 * 1024;
const devLoginSchema = z.strictObject({ openid: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

class HttpError extends Error {
  constructor(readonly status: number, readonly code: ErrorCode, message: string) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, 'INVALID_ARGUMENT', '请求体过大');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', '请求体不是合法的 JSON');
  }
}

/**
 * The local cloud: the H5 app at `/`, every cloud function at `POST /fn/<name>`,
 * and (only when a signer is given, i.e. in local mode) `POST /auth/dev-login`.
 */
export function createLocalCloud(options: LocalCloudOptions): http.Server {
  const now = options.now ?? Date.now;
  const statics = options.staticDir && fs.existsSync(options.staticDir)
    ? sirv(options.staticDir, { single: false, etag: true, dev: false })
    : null;

  async function devLogin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!options.signer) throw new HttpError(404, 'NOT_FOUND', '开发登录仅在本地模式可用');
    const parsed = devLoginSchema.safeParse(await readJson(req));
    if (!parsed.success) throw new HttpError(400, 'INVALID_ARGUMENT', 'openid 必须是 1 到 64 位字母、数字、下划线或连字符');
    const { openid } = parsed.data;
    // An unknown openid signs in as a new resident.
    await addIfAbsent(options.db, USERS, { _id: openid, nickname: '新居民', role: 'resident', branchId: null, createdAt: now() });
    send(res, 200, { ok: true, data: { token: options.signer.issue(openid, now()) } });
  }

  async function callFunction(name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const router = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!router) throw new HttpError(404, 'NOT_FOUND', `云函数不存在：${name.slice(0, 40)}`);
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const openid = token && options.signer ? options.signer.verify(token, now()) : null;
    if (!openid) throw new HttpError(401, 'UNAUTHENTICATED', token ? '登录已失效，请重新登录' : '请先登录');
    const event = await readJson(req);
    const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
    if (typeof action === 'string' && !Object.hasOwn(router.actions, action)) {
      throw new HttpError(404, 'NOT_FOUND', `未知的操作：${action.slice(0, 40)}`);
    }
    send(res, 200, await router.handle(event, { db: options.db, caller: { openid }, now }));
  }

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = async () => {
      if (url.pathname === '/auth/dev-login' && req.method === 'POST') return devLogin(req, res);
      const fn = /^\/fn\/([^/]+)$/.exec(url.pathname);
      if (fn && req.method === 'POST') return callFunction(decodeURIComponent(fn[1]!), req, res);
      if (fn || url.pathname.startsWith('/auth/')) throw new HttpError(405, 'INVALID_ARGUMENT', '请使用 POST');
      if (statics && (req.method === 'GET' || req.method === 'HEAD')) {
        return statics(req, res, () => send(res, 404, fail('NOT_FOUND', '页面不存在')));
      }
      throw new HttpError(404, 'NOT_FOUND', statics ? '页面不存在' : 'H5 应用尚未构建，请运行 npm run build:h5');
    };
    route().catch((error: unknown) => {
      if (error instanceof HttpError) return send(res, error.status, fail(error.code, error.message));
      console.error(JSON.stringify({ http: url.pathname, error: error instanceof Error ? error.name : 'unknown' }));
      send(res, 500, fail('INTERNAL', '服务暂时不可用，请稍后再试'));
    });
  });
}
