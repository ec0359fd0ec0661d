/** The console's static files at /admin: only what the build writes, right types and caching, nothing outside the folder. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveConsole } from './console-static';

let dir: string;
let server: http.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>管理后台</title>');
  fs.writeFileSync(path.join(dir, 'config.js'), 'window.CONSOLE_CONFIG = {};');
  fs.writeFileSync(path.join(dir, 'assets', 'main-ABC123.js'), 'export {};');
  fs.writeFileSync(path.join(dir, 'assets', 'main-ABC123.css'), 'body{}');
  fs.writeFileSync(path.join(path.dirname(dir), 'outside-secret.txt'), 'secret');
  server = http.createServer((req, res) => void serveConsole(req, res, (req.url ?? '').split(/[?#]/, 1)[0]!, dir));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so paths like /admin/../x reach the server as written (fetch would normalise them). */
function raw(
  method: string,
  target: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/`, { method, path: target }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('index.html, config.js and hashed assets are served with their types; assets are immutable, the rest revalidated', async () => {
  const index = await raw('GET', '/admin/');
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(index.headers['cache-control']).toBe('no-cache');
  expect(index.headers['content-security-policy']).toContain("default-src 'self'");
  expect(index.body).toContain('管理后台');
  const config = await raw('GET', '/admin/config.js');
  expect(config.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(config.headers['cache-control']).toBe('no-cache');
  const js = await raw('GET', '/admin/assets/main-ABC123.js');
  expect(js.headers['cache-control']).toContain('immutable');
  expect((await raw('GET', '/admin/assets/main-ABC123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  const head = await raw('HEAD', '/admin/assets/main-ABC123.js');
  expect(head.status).toBe(200);
  expect(head.body).toBe('');
});

test('/admin redirects to /admin/ (relative asset paths need the slash), keeping the query', async () => {
  const res = await raw('GET', '/admin?x=1');
  expect(res.status).toBe(301);
  expect(res.headers.location).toBe('/admin/?x=1');
});

test.each([
  '/admin/../outside-secret.txt',
  '/admin/%2e%2e/outside-secret.txt',
  '/admin/assets/..%2f..%2foutside-secret.txt',
  '/admin/assets/../index.html',
  '/admin/assets/main-ABC123.js.map',
  '/admin/index.html%00',
  '/admin/%E0%A4%A',
  '/admin/package.json',
])('%s is refused with a 404 in the envelope', async (target) => {
  const res = await raw('GET', target);
  expect(res.status).toBe(404);
  expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '页面不存在' } });
});

test('a method other than GET/HEAD is 405; a missing build names the command that makes it', async () => {
  const post = await raw('POST', '/admin/');
  expect(post.status).toBe(405);
  expect(post.headers.allow).toBe('GET, HEAD');
  fs.renameSync(path.join(dir, 'index.html'), path.join(dir, 'index.off'));
  try {
    const missing = await raw('GET', '/admin/');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.message).toBe('管理后台尚未构建，请运行 npm run build:console');
  } finally {
    fs.renameSync(path.join(dir, 'index.off'), path.join(dir, 'index.html'));
  }
});
