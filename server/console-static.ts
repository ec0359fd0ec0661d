/**
 * The desktop admin console (dist/console, built by `npm run build:console`) at `/admin/` on the local cloud.
 * Only the files the build writes can be named (index.html, config.js, assets/<name>.<ext>), so no path
 * can leave the folder. Hashed assets are cached for a year; index.html and config.js are revalidated.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { ROOT } from './config';

export const CONSOLE_DIR = path.join(ROOT, 'dist', 'console');
const FILE = /^(?:index\.html|config\.js|assets\/[A-Za-z0-9_-]{1,80}\.(?:js|css|png|svg|woff2?))$/;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
/** The console loads only its own files and calls only this origin; TDesign sets inline styles. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'none'";

function answer(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ ok: false, error: { code, message } });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/** Whether a path belongs to the console (`/admin` and below). */
export function isConsolePath(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

/** Serves one request under `/admin`; `dir` is the built console (dist/console). */
export async function serveConsole(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  dir = CONSOLE_DIR,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return answer(res, 405, 'INVALID_ARGUMENT', '请使用 GET', { allow: 'GET, HEAD' });
  if (pathname === '/admin') {
    // Relative asset paths need the trailing slash.
    const query = (req.url ?? '').slice(pathname.length).split('#', 1)[0] ?? '';
    res.writeHead(301, {
      location: `/admin/${query.startsWith('?') ? query : ''}`,
      'content-length': '0',
      'cache-control': 'no-store',
    });
    return void res.end();
  }
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice('/admin/'.length)) || 'index.html';
  } catch {
    return answer(res, 404, 'NOT_FOUND', '页面不存在');
  }
  if (!FILE.test(name)) return answer(res, 404, 'NOT_FOUND', '页面不存在');
  let body: Buffer;
  try {
    body = await fs.promises.readFile(path.join(dir, name));
  } catch {
    const built = fs.existsSync(path.join(dir, 'index.html'));
    return answer(res, 404, 'NOT_FOUND', built ? '页面不存在' : '管理后台尚未构建，请运行 npm run build:console');
  }
  const hashed = name.startsWith('assets/');
  res.writeHead(200, {
    'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
    'content-length': String(body.length),
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(name === 'index.html' ? { 'content-security-policy': CSP, 'referrer-policy': 'same-origin' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
