import fs from 'node:fs';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { z } from 'zod';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { clock } from '../domain/core/clock';
import { fail, type ErrorCode } from '../domain/core/errors';
import type { Database } from '../domain/db';
import { addIfAbsent } from '../domain/core/ids';
import { USERS } from '../domain/core/identity';
import type { HostServices } from '../domain/core/services';
import { LocalFileStore, MAX_IMAGE_BASE64, MAX_IMAGE_BYTES } from '../domain/files';
import type { LocalContentCheck } from '../domain/content';
import { LocalPhoneResolver } from '../domain/phone';
import { TokenSigner } from './auth';
import { isConsolePath, serveConsole } from './console-static';

export interface LocalCloudOptions {
  db: Database;
  signer: TokenSigner | null;
  /** The built H5 app, served at `/` when present. */
  staticDir?: string;
  now?: () => number;
  /** Host names accepted beside 127.0.0.1 and localhost (`ALLOWED_HOSTS`); `name` allows any port, `name:port` one. */
  allowedHosts?: readonly string[];
  /** Pictures uploaded through `admin.uploadImage`, served at `/files/<id>` (a folder under DATA_DIR). */
  files?: LocalFileStore;
  /** Content security (domain/content): the word-list checker, whose picture verdicts go out after each answer. */
  content?: LocalContentCheck;
}

const MAX_BODY = 64 * 1024;
/** Only the picture uploads may send more: a 2 MB picture in base64, plus the JSON around it. */
const UPLOAD_ACTIONS: Readonly<Record<string, string>> = { admin: 'uploadImage', requests: 'uploadPhoto' };
export const MAX_UPLOAD_BODY = MAX_IMAGE_BASE64 + 4 * 1024;
const TOO_LARGE = '请求体过大';
/**
 * Actions callable with no token at all: the console's scan-to-sign-in starts and polls before it has one.
 * Every other call needs a token (as on WeChat, where every call carries an openid), public actions included.
 */
const TOKENLESS: Readonly<Record<string, readonly string[]>> = { admin: ['startConsoleLogin', 'pollConsoleLogin'] };
const UPLOAD_TOO_LARGE = `图片不能超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB`;
const devLoginSchema = z.strictObject({
  openid: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});
/** `application/json`, optionally with a UTF-8 charset: the only body a POST may carry. */
const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i;
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Answers once; a response that already started (or a gone socket) is cut instead of written twice. */
function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.writableEnded || res.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** A Host header is accepted only for the loopback names and the configured list (no DNS rebinding). */
export function hostAllowed(header: string | undefined, allowed: readonly string[]): boolean {
  const match = HOST.exec(header?.trim() ?? '');
  if (!match) return false;
  const name = match[1]!.toLowerCase();
  const port = match[2];
  if (port !== undefined && Number(port) > 65535) return false;
  if (name === '127.0.0.1' || name === 'localhost') return true;
  return allowed.some((entry) => entry === name || (port !== undefined && entry === `${name}:${port}`));
}

/** Refuses, before anything is read or written, a POST whose body is not plain UTF-8 JSON. */
function requireJson(req: http.IncomingMessage, maxBody = MAX_BODY): void {
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'INVALID_ARGUMENT', '请求体必须是 JSON（content-type: application/json）');
  }
  const transfer = req.headers['transfer-encoding'];
  if (transfer && transfer.split(',').some((t) => t.trim().toLowerCase() !== 'chunked')) {
    throw new HttpError(415, 'INVALID_ARGUMENT', '不支持该传输编码', { connection: 'close' });
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') throw new HttpError(415, 'INVALID_ARGUMENT', '请求体不能压缩');
  const length = req.headers['content-length'];
  if (length !== undefined && Number(length) > maxBody) throw tooLarge(maxBody);
}

/** Refused before the body is all read: answered at once, the rest read and dropped (lingerAfterRefusal). */
const tooLarge = (maxBody: number) =>
  new HttpError(413, 'INVALID_ARGUMENT', maxBody > MAX_BODY ? UPLOAD_TOO_LARGE : TOO_LARGE);

/** How much of a refused body the server reads and drops, and for how long, before it cuts the connection. */
const LINGER_BYTES = 32 * 1024 * 1024;
const LINGER_MS = 10_000;

/**
 * After an early refusal the answer goes at once, and the server reads and drops what the client still sends.
 * Node closes the socket of a connection's last answer as soon as it is written; with body bytes still arriving
 * that resets the connection, and the client meets a reset or a broken pipe instead of the answer. So the close
 * is a lingering one: half-close after the answer, and close once the body is read. Bounded: past LINGER_BYTES
 * or LINGER_MS the connection is cut.
 */
function lingerAfterRefusal(req: http.IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  const socket = req.socket as Socket & { destroySoon?: () => void };
  let dropped = 0;
  let drained = false;
  let closing = false;
  const cut = () => socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  const closeWhenDone = () => {
    if (closing && drained && socket.writableFinished) cut();
  };
  socket.destroySoon = () => {
    closing = true;
    socket.end();
    socket.once('finish', closeWhenDone);
    closeWhenDone();
  };
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) {
      clearTimeout(timer);
      cut();
    }
  });
  req.once('end', () => {
    drained = true;
    clearTimeout(timer);
    closeWhenDone();
  });
  socket.once('close', () => clearTimeout(timer));
  req.resume();
}

/** The body, up to `maxBody` bytes; past that it is refused at once and the rest is left to lingerAfterRefusal. */
function readBody(req: http.IncomingMessage, maxBody: number): Promise<{ chunks: Buffer[]; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBody) return void chunks.push(chunk);
      // Not req.destroy(): that would reset the connection before the client reads the 413.
      req.off('data', onData);
      chunks.length = 0;
      reject(tooLarge(maxBody));
    };
    req.on('data', onData);
    req.once('end', () => resolve({ chunks, size }));
    // A client that hangs up or garbles the framing mid-body is the client's error, not the server's.
    const cutOff = () => reject(new HttpError(400, 'INVALID_ARGUMENT', '请求体不完整', { connection: 'close' }));
    req.once('error', cutOff);
    req.once('close', () => {
      if (!req.complete) cutOff();
    });
  });
}

async function readJson(req: http.IncomingMessage, maxBody = MAX_BODY): Promise<{ event: unknown; size: number }> {
  const { chunks, size } = await readBody(req, maxBody);
  let text: string;
  try {
    text = utf8.decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', '请求体不是合法的 UTF-8 文本');
  }
  try {
    return { event: text.trim() === '' ? {} : (JSON.parse(text) as unknown), size };
  } catch {
    throw new HttpError(400, 'INVALID_ARGUMENT', '请求体不是合法的 JSON');
  }
}

/** A function name from the path; a malformed escape is just a name that does not exist. */
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Writes a whole enveloped answer straight to a socket the HTTP machinery has given up on, then closes it. */
function answerRaw(socket: Duplex, status: number, message: string, extra = ''): void {
  const body = JSON.stringify(fail('INVALID_ARGUMENT', message));
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\n${extra}connection: close\r\n\r\n${body}`,
  );
}

/** Answers a request the HTTP parser refused (bad request line, header, chunk…) in the same envelope. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  if (inFlight?.req.complete) {
    // Garbage pipelined behind a whole request: that request is being handled; answer it, then hang up.
    inFlight.shouldKeepAlive = false;
    inFlight.once('finish', () => socket.end());
    return;
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') answerRaw(socket, 431, '请求头过大');
  else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') answerRaw(socket, 408, '请求超时');
  else answerRaw(socket, 400, '请求格式不正确');
}

/**
 * The local cloud: the H5 app at `/`, every cloud function at `POST /fn/<name>`,
 * and (only when a signer is given, i.e. in local mode) `POST /auth/dev-login`.
 * Nothing a client sends escapes the handler: every refusal is a status and the `{ ok: false }` envelope.
 */
export function createLocalCloud(options: LocalCloudOptions): http.Server {
  const now = options.now ?? clock.now;
  const allowedHosts = (options.allowedHosts ?? []).map((h) => h.toLowerCase());
  const statics =
    options.staticDir && fs.existsSync(options.staticDir)
      ? sirv(options.staticDir, { single: false, etag: true, dev: false })
      : null;

  async function devLogin(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!options.signer) throw new HttpError(404, 'NOT_FOUND', '开发登录仅在本地模式可用');
    requireJson(req);
    const parsed = devLoginSchema.safeParse((await readJson(req)).event);
    if (!parsed.success)
      throw new HttpError(400, 'INVALID_ARGUMENT', 'openid 必须是 1 到 64 位字母、数字、下划线或连字符');
    const { openid } = parsed.data;
    // An unknown openid signs in as a new resident.
    await addIfAbsent(options.db, USERS, {
      _id: openid,
      nickname: '新居民',
      role: 'resident',
      branchId: null,
      createdAt: now(),
    });
    send(res, 200, { ok: true, data: { token: options.signer.issue(openid, now()) } });
  }

  const signer = options.signer;
  // Phone-number button codes (weapp only): locally a deterministic stand-in, each code once (domain/phone/local.ts).
  const phones = new LocalPhoneResolver();
  /** The ports the domain borrows: the picture folder and the signer (the domain never holds the key). */
  const servicesFor = (req: http.IncomingMessage): HostServices => ({
    files: options.files,
    content: options.content,
    phones,
    credentials: signer
      ? {
          issue: async (openid, _at, session) => ({
            token: signer.issueSession(openid, session.sessionId, session.expiresAt),
            kind: 'bearer',
          }),
        }
      : undefined,
    // The console approve page names this: the socket's own peer (never X-Forwarded-For, which any client writes).
    client: { address: req.socket.remoteAddress ?? null, userAgent: req.headers['user-agent'] ?? null },
    // The Host was checked against the allowlist: the console's QR opens the H5 app on the same address.
    qrBase: `http://${req.headers.host ?? '127.0.0.1'}/#/`,
  });

  async function callFunction(name: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const router = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!router) throw new HttpError(404, 'NOT_FOUND', `云函数不存在：${name.slice(0, 40)}`);
    const header = req.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const caller = token && options.signer ? options.signer.verifyCaller(token, now()) : null;
    const openid = caller?.openid ?? null;
    // A function with tokenless actions reads the body before refusing a caller without a token; the rest refuse first.
    const tokenless = TOKENLESS[name] ?? [];
    const refuse = () => new HttpError(401, 'UNAUTHENTICATED', token ? '登录已失效，请重新登录' : '请先登录');
    // Two functions take pictures, from a signed-in caller; their other actions are held to the usual limit once read.
    const uploadAction = Object.hasOwn(UPLOAD_ACTIONS, name) ? UPLOAD_ACTIONS[name] : undefined;
    const maxBody = uploadAction && openid ? MAX_UPLOAD_BODY : MAX_BODY;
    requireJson(req, maxBody);
    if (!openid && (token || tokenless.length === 0)) throw refuse();
    const { event, size } = await readJson(req, maxBody);
    const action = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
    if (typeof action === 'string' && !Object.hasOwn(router.actions, action)) {
      throw new HttpError(404, 'NOT_FOUND', `未知的操作：${action.slice(0, 40)}`);
    }
    if (
      !openid &&
      !(typeof action === 'string' && tokenless.includes(action) && router.actions[action]!.access === 'public')
    )
      throw refuse();
    if (size > MAX_BODY && action !== uploadAction) throw tooLarge(MAX_BODY);
    const answer = await router.handle(event, { db: options.db, caller, now, services: servicesFor(req) });
    // A console session ended or expired is a sign-in gone, as an expired token is: 401.
    send(res, !answer.ok && answer.error.code === 'UNAUTHENTICATED' ? 401 : 200, answer);
    // A picture's verdict comes after the request answered, as WeChat's pushed one does (never on its path).
    if (options.content) void options.content.flush();
  }

  /** `GET /files/<id>`: a stored picture with its own type; any other name is a 404 that never touches the disk. */
  async function serveFile(id: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const file = options.files ? await options.files.read(id) : null;
    if (!file) throw new HttpError(404, 'NOT_FOUND', '文件不存在');
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': String(file.bytes.length),
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    res.end(req.method === 'HEAD' ? undefined : file.bytes);
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req.headers.host, allowedHosts)) throw new HttpError(403, 'FORBIDDEN', '不接受该主机名的请求');
    const target = req.url ?? '';
    // Only origin-form targets (`/path?query`); absolute-form and `*` name no resource here.
    if (!target.startsWith('/')) throw new HttpError(400, 'INVALID_ARGUMENT', '请求地址不正确');
    const pathname = target.split(/[?#]/, 1)[0]!;
    if (isConsolePath(pathname)) return serveConsole(req, res, pathname);
    if (pathname === '/auth/dev-login' && req.method === 'POST') return devLogin(req, res);
    const fn = /^\/fn\/([^/]+)$/.exec(pathname);
    if (fn && req.method === 'POST') return callFunction(decodeName(fn[1]!), req, res);
    if (fn || pathname.startsWith('/auth/'))
      throw new HttpError(405, 'INVALID_ARGUMENT', '请使用 POST', { allow: 'POST' });
    const file = /^\/files\/([^/]*)$/.exec(pathname);
    if (file && (req.method === 'GET' || req.method === 'HEAD')) return serveFile(decodeName(file[1]!), req, res);
    if (file || pathname.startsWith('/files/'))
      throw file
        ? new HttpError(405, 'INVALID_ARGUMENT', '请使用 GET', { allow: 'GET, HEAD' })
        : new HttpError(404, 'NOT_FOUND', '文件不存在');
    if (statics && (req.method === 'GET' || req.method === 'HEAD')) {
      return statics(req, res, () => send(res, 404, fail('NOT_FOUND', '页面不存在')));
    }
    throw new HttpError(404, 'NOT_FOUND', statics ? '页面不存在' : 'H5 应用尚未构建，请运行 npm run build:h5');
  }

  // A missing Host is refused by the allowlist below, in the envelope, rather than by node's bare 400.
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    // A client that hangs up mid-body or mid-answer is not the server's failure.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    route(req, res).catch((error: unknown) => {
      try {
        if (error instanceof HttpError && error.status === 413) lingerAfterRefusal(req);
        if (error instanceof HttpError) return send(res, error.status, fail(error.code, error.message), error.headers);
        console.error(
          JSON.stringify({
            http: (req.url ?? '').slice(0, 80),
            error: error instanceof Error ? error.name : 'unknown',
          }),
        );
        send(res, 500, fail('INTERNAL', '服务暂时不可用，请稍后再试'));
      } catch {
        res.destroy();
      }
    });
  });
  server.on('clientError', answerClientError);
  // Without these, node answers CONNECT by dropping the socket and an unknown Expect with a bare 417.
  server.on('connect', (_req: http.IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    answerRaw(socket, 405, '不支持 CONNECT', 'allow: GET, HEAD, POST\r\n');
  });
  server.on('checkExpectation', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on('error', () => undefined);
    send(res, 417, fail('INVALID_ARGUMENT', '不支持该 Expect 请求头'), { connection: 'close' });
  });
  return server;
}
