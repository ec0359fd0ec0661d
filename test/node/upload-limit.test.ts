/**
 * An upload over the limit, sent to the real local cloud in its own process (as a browser or curl meets it):
 * the server refuses it before reading it all, and the client must still read the 413 envelope rather than a
 * reset or a broken pipe.
 */
import http from 'node:http';
import net from 'node:net';
import { devLogin, startLocalCloud, type RunningCloud } from '../support/local-cloud';

let cloud: RunningCloud;
let token: string;
beforeAll(async () => {
  cloud = await startLocalCloud();
  token = await devLogin(cloud.url, 'demo-resident');
}, 180_000);
afterAll(() => cloud.stop());

const HEAD = Buffer.from('{"action":"uploadPhoto","contentType":"image/png","dataBase64":"');
const TAIL = Buffer.from('"}');

/** Streams `bytes` of body (declared length, or chunked) while the server answers, and reads the answer. */
function sendLarge(
  bytes: number,
  framing: 'length' | 'chunked',
): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const url = new URL('/fn/requests', cloud.url);
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    if (framing === 'length') headers['content-length'] = String(HEAD.length + bytes + TAIL.length);
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers,
      agent: false,
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.write(HEAD);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end(TAIL);
    };
    pump();
  });
}

test('an upload over the limit gets the 413 envelope, not a reset or a broken pipe, however it is framed', async () => {
  const answers: unknown[] = [];
  for (const framing of ['length', 'chunked'] as const) {
    for (let i = 0; i < 3; i += 1) answers.push([framing, await sendLarge(6 * 1024 * 1024, framing)]);
  }
  // fetch (what the H5 app uses) with the whole body at once.
  const body = Buffer.concat([HEAD, Buffer.alloc(6 * 1024 * 1024, 0x41), TAIL]);
  for (let i = 0; i < 3; i += 1) {
    try {
      const res = await fetch(`${cloud.url}/fn/requests`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      answers.push(['fetch', { status: res.status, body: await res.text() }]);
    } catch (error) {
      answers.push(['fetch', { error: (error as { cause?: { code?: string } }).cause?.code ?? String(error) }]);
    }
  }
  for (const answer of answers)
    expect(answer).toEqual([expect.any(String), { status: 413, body: expect.stringContaining('图片不能超过 2 MB') }]);
  // The server is still there for the next caller.
  const me = await fetch(`${cloud.url}/fn/user`, {
    method: 'POST',
    body: '{"action":"me"}',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  expect(me.status).toBe(200);
}, 120_000);

test('a refused body is drained only so far: past 32 MB the connection is cut, and the server carries on', async () => {
  // A raw client that keeps sending whatever it hears: it reads the 413, and the server cuts it after 32 MB.
  const url = new URL(cloud.url);
  const socket = net.connect(Number(url.port), url.hostname);
  let heard = '';
  socket.on('data', (c: Buffer) => (heard += c.toString('utf8')));
  const written = await new Promise<number>((resolve) => {
    let total = 0;
    const limit = 200 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    socket.once('error', () => resolve(total));
    socket.once('close', () => resolve(total));
    socket.write(
      `POST /fn/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${limit}\r\n\r\n`,
    );
    const pump = () => {
      while (total < limit) {
        total += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    pump();
  });
  socket.destroy();
  expect(heard).toMatch(/^HTTP\/1\.1 413 [^]*图片不能超过 2 MB/);
  expect(written).toBeGreaterThan(32 * 1024 * 1024);
  expect(written).toBeLessThan(200 * 1024 * 1024);
  const me = await fetch(`${cloud.url}/fn/user`, {
    method: 'POST',
    body: '{"action":"me"}',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  expect(me.status).toBe(200);
}, 120_000);
