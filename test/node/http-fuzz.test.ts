/**
 * Raw-HTTP fuzzing of the local cloud over TCP sockets (the JSON fuzz suite covers events): malformed
 * request lines, targets, methods, headers (Host, Content-Length, chunked framing), encodings and
 * bodies, from a hand-written table of known killers and from fast-check generators. Every answer is
 * a status with the `{ ok: false, error: { code, message } }` envelope (or a success), never a 5xx and
 * never an unanswered request the server could have answered; afterwards the same server process
 * (same pid) still answers a normal request correctly and logged no internal error.
 */
import fc from 'fast-check';
import net from 'node:net';
import zlib from 'node:zlib';
import { ERROR_CODES } from '../../domain/core/errors';
import { devLogin, postJson, startLocalCloud, type RunningCloud } from '../support/local-cloud';

interface Answer {
  status: number | null;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * How a case is sent. `answer`: the bytes form a complete request (or a framing error the parser
 * sees at once), so the server must answer. `eof`: the bytes may leave the parser waiting for more,
 * so the client half-closes; the server must then answer with the envelope or just close.
 */
type Mode = 'answer' | 'eof';

let cloud: RunningCloud;
let port: number;
let pid: number | undefined;
let token: string;
const serverLog: string[] = [];
const tally = { events: 0, answered: 0, closed: 0, byStatus: new Map<number, number>() };

beforeAll(async () => {
  cloud = await startLocalCloud();
  port = Number(new URL(cloud.url).port);
  pid = cloud.child.pid;
  cloud.child.stderr!.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  token = await devLogin(cloud.url, 'http-fuzz');
}, 60_000);

afterAll(async () => {
  console.log(
    `http-fuzz: ${tally.events} raw requests, ${tally.answered} answered, ${tally.closed} cut by the client (EOF or reset); statuses ${JSON.stringify(Object.fromEntries([...tally.byStatus].sort((a, b) => a[0] - b[0])))}`,
  );
  await cloud.stop('SIGINT');
});

/** Reads one HTTP response (skipping 1xx) off the socket; null status when the server closed without one. */
function exchange(bytes: Buffer | string, mode: Mode): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const head = (Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes).startsWith('HEAD ');
    const socket = net.connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let done = false;
    const finish = (answer: Answer) => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(answer);
    };
    const tryParse = () => {
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const lines = buffer.subarray(0, end).toString('latin1').split('\r\n');
        const status = /^HTTP\/1\.[01] (\d{3}) /.exec(lines[0]!);
        if (!status) return finish({ status: -1, headers: {}, body: buffer });
        const headers: Record<string, string> = {};
        for (const line of lines.slice(1)) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        const code = Number(status[1]);
        if (code >= 100 && code < 200) {
          buffer = buffer.subarray(end + 4); // an interim 100 Continue
          continue;
        }
        const rest = buffer.subarray(end + 4);
        const length = head ? '0' : headers['content-length'];
        if (length !== undefined) {
          if (rest.length >= Number(length)) finish({ status: code, headers, body: rest.subarray(0, Number(length)) });
        } else if (code === 304 || code === 204) {
          finish({ status: code, headers, body: Buffer.alloc(0) });
        }
        return; // otherwise the body runs to the close
      }
    };
    socket.on('connect', () => {
      socket.write(bytes);
      if (mode === 'eof') socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      tryParse();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close while we still write a large request; what it answered before counts.
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      if (done) return;
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return finish({ status: buffer.length === 0 ? null : -1, headers: {}, body: buffer });
      const status = /^HTTP\/1\.[01] (\d{3}) /.exec(buffer.subarray(0, end).toString('latin1'));
      finish({ status: status ? Number(status[1]) : -1, headers: {}, body: buffer.subarray(end + 4) });
    });
  });
}

/** Sends one case and checks the invariant every answer must keep; answers the status for finer checks. */
async function probe(bytes: Buffer | string, mode: Mode): Promise<number | null> {
  tally.events += 1;
  const head = (Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes).startsWith('HEAD ');
  const answer = await exchange(bytes, mode);
  if (answer.status === null) {
    // Only a client that hung up mid-request may go unanswered.
    expect(mode).toBe('eof');
    tally.closed += 1;
    return null;
  }
  tally.answered += 1;
  tally.byStatus.set(answer.status, (tally.byStatus.get(answer.status) ?? 0) + 1);
  expect(answer.status).toBeGreaterThanOrEqual(200);
  expect(answer.status).toBeLessThan(500);
  const json = /^application\/json/.test(answer.headers['content-type'] ?? '');
  // Every refusal is the envelope; a 200 from a function is the envelope too (ok or not). HEAD answers have no body.
  if (answer.body.length > 0 && (answer.status >= 400 || json)) {
    const body = JSON.parse(answer.body.toString('utf8')) as { ok: boolean; error?: { code: string; message: string } };
    expect(body.ok).toBe(answer.status < 400 ? body.ok : false);
    expect(typeof body.ok).toBe('boolean');
    if (!body.ok) {
      expect(ERROR_CODES).toContain(body.error!.code);
      expect(body.error!.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(body.error!.message).not.toMatch(/at .+\(.+:\d+:\d+\)/); // no stack trace
    }
  } else if (answer.status >= 400) {
    expect(answer.body.length === 0 && head).toBe(true);
  }
  return answer.status;
}

const HOST = () => `127.0.0.1:${port}`;
const JSON_TYPE = 'application/json';
function request(
  method: string,
  target: string,
  headers: [string, string][],
  body: Buffer | string = '',
  version = 'HTTP/1.1',
): Buffer {
  const head = `${method} ${target} ${version}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}
/** A well-framed POST with a valid token, JSON type and an exact Content-Length, closing after. */
function post(target: string, body: Buffer | string, extra: [string, string][] = []): Buffer {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return request(
    'POST',
    target,
    [
      ['Host', HOST()],
      ['Content-Type', JSON_TYPE],
      ['Authorization', `Bearer ${token}`],
      ['Content-Length', String(bytes.length)],
      ['Connection', 'close'],
      ...extra,
    ],
    bytes,
  );
}
const get = (target: string, headers: [string, string][] = []) =>
  request('GET', target, [['Host', HOST()], ['Connection', 'close'], ...headers]);

/** The known killers and their exact answers. */
const table: [string, () => Buffer | string, Mode, number | (number | null)[] | null][] = [
  ['target //[ (threw in new URL)', () => get('//['), 'answer', 404],
  ['target //[ on POST', () => post('//[', '{}'), 'answer', 404],
  ['POST /fn/% (was 500)', () => post('/fn/%', '{"action":"me"}'), 'answer', 404],
  ['POST /fn/%E0%A4%A', () => post('/fn/%E0%A4%A', '{"action":"me"}'), 'answer', 404],
  ['POST /fn/%', () => post('/fn/%%', '{}'), 'answer', 404],
  ['POST /fn/ with a NUL escape', () => post('/fn/user%00', '{"action":"me"}'), 'answer', 404],
  ['POST /fn/__proto__', () => post('/fn/__proto__', '{"action":"me"}'), 'answer', 404],
  ['absolute-form target', () => get('http://x/'), 'answer', 400],
  ['absolute-form target naming a function', () => post('http://127.0.0.1/fn/user', '{"action":"me"}'), 'answer', 400],
  [
    'asterisk target',
    () =>
      request('OPTIONS', '*', [
        ['Host', HOST()],
        ['Connection', 'close'],
      ]),
    'answer',
    400,
  ],
  ['authority-form CONNECT', () => request('CONNECT', '127.0.0.1:80', [['Host', HOST()]]), 'answer', 405],
  ['a 12 KB path', () => get(`/${'a'.repeat(12_000)}`), 'answer', 404],
  ['a 70 KB path', () => get(`/${'a'.repeat(70_000)}`), 'answer', 431],
  ['a 40 KB header', () => get('/', [['X-Big', 'b'.repeat(40_000)]]), 'answer', 431],
  [
    '500 headers',
    () =>
      get(
        '/',
        Array.from({ length: 500 }, (_, i): [string, string] => [`X-H${i}`, 'v']),
      ),
    'answer',
    [200, 404, 431],
  ], // 200 once the H5 app is built
  ['no Host in HTTP/1.1', () => request('GET', '/', [['Connection', 'close']]), 'answer', 403],
  ['no Host in HTTP/1.0', () => request('GET', '/', [], '', 'HTTP/1.0'), 'answer', 403],
  [
    'foreign Host',
    () =>
      post('/auth/dev-login', '{"openid":"rebinding"}')
        .toString('latin1')
        .replace(`Host: ${HOST()}`, 'Host: attacker.example'),
    'answer',
    403,
  ],
  [
    'Host with a path',
    () => get('/', []).toString('latin1').replace(`Host: ${HOST()}`, 'Host: 127.0.0.1/evil'),
    'answer',
    403,
  ],
  [
    'Host with a control byte',
    () => get('/').toString('latin1').replace(`Host: ${HOST()}`, 'Host: 127.0.0.1\x01'),
    'answer',
    400,
  ],
  [
    'two Hosts',
    () =>
      request('GET', '/', [
        ['Host', 'attacker.example'],
        ['Host', HOST()],
        ['Connection', 'close'],
      ]),
    'answer',
    [400, 403],
  ],
  [
    'an empty Host',
    () =>
      request('GET', '/', [
        ['Host', ''],
        ['Connection', 'close'],
      ]),
    'answer',
    [400, 403],
  ],
  [
    'a 10 KB Host',
    () =>
      request('GET', '/', [
        ['Host', 'h'.repeat(10_000)],
        ['Connection', 'close'],
      ]),
    'answer',
    403,
  ],
  [
    'lower-case method',
    () =>
      request('get', '/', [
        ['Host', HOST()],
        ['Connection', 'close'],
      ]),
    'answer',
    400,
  ],
  [
    'unknown method',
    () =>
      request('FOO', '/', [
        ['Host', HOST()],
        ['Connection', 'close'],
      ]),
    'answer',
    400,
  ],
  [
    'DELETE on a function',
    () =>
      request('DELETE', '/fn/user', [
        ['Host', HOST()],
        ['Connection', 'close'],
      ]),
    'answer',
    405,
  ],
  [
    'PUT on dev-login',
    () =>
      request(
        'PUT',
        '/auth/dev-login',
        [
          ['Host', HOST()],
          ['Content-Length', '2'],
          ['Connection', 'close'],
        ],
        '{}',
      ),
    'answer',
    405,
  ],
  [
    'HEAD on a function',
    () =>
      request('HEAD', '/fn/user', [
        ['Host', HOST()],
        ['Connection', 'close'],
      ]),
    'answer',
    405,
  ],
  [
    'TRACE',
    () =>
      request('TRACE', '/', [
        ['Host', HOST()],
        ['Connection', 'close'],
      ]),
    'answer',
    404,
  ],
  ['HTTP/2 preface', () => 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'answer', 400],
  ['HTTP/9.9', () => request('GET', '/', [['Host', HOST()]], '', 'HTTP/9.9'), 'answer', 400],
  ['HTTP/0.9 style line', () => 'GET /\r\n\r\n', 'answer', [400, 403]],
  ['space in the target', () => 'GET /a b HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'answer', 400],
  ['NUL in the request line', () => 'GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'answer', 400],
  [
    'binary garbage',
    () => Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]),
    'answer',
    400,
  ],
  ['header without a colon', () => 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBroken\r\n\r\n', 'answer', 400],
  ['space before the colon', () => 'GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n', 'answer', 400],
  [
    'obsolete line folding',
    () => 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: 1\r\n 2\r\nConnection: close\r\n\r\n',
    'answer',
    [400, 404],
  ],
  ['bare LF line endings', () => 'GET / HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n', 'answer', [400, 404]],
  [
    'Content-Length: abc',
    () => post('/fn/user', '{}').toString('latin1').replace('Content-Length: 2', 'Content-Length: abc'),
    'answer',
    400,
  ],
  [
    'Content-Length: -1',
    () => post('/fn/user', '{}').toString('latin1').replace('Content-Length: 2', 'Content-Length: -1'),
    'answer',
    400,
  ],
  ['two different Content-Lengths', () => post('/fn/user', '{}', [['Content-Length', '3']]), 'answer', 400],
  [
    'Content-Length and chunked together',
    () => post('/fn/user', '2\r\n{}\r\n0\r\n\r\n', [['Transfer-Encoding', 'chunked']]),
    'answer',
    400,
  ],
  [
    'Content-Length past 2^64',
    () =>
      post('/fn/user', '{}')
        .toString('latin1')
        .replace('Content-Length: 2', `Content-Length: ${'9'.repeat(30)}`),
    'answer',
    400,
  ],
  [
    'Content-Length 70000 declared',
    () => post('/fn/user', '{}').toString('latin1').replace('Content-Length: 2', 'Content-Length: 70000'),
    'answer',
    413,
  ],
  [
    'Content-Length longer than the body, then EOF',
    () =>
      post('/fn/user', '{"action":"me"}')
        .toString('latin1')
        .replace(/Content-Length: \d+/, 'Content-Length: 500'),
    'eof',
    [400, null],
  ],
  [
    'garbage chunk size',
    () =>
      request(
        'POST',
        '/fn/user',
        [
          ['Host', HOST()],
          ['Content-Type', JSON_TYPE],
          ['Authorization', `Bearer ${token}`],
          ['Transfer-Encoding', 'chunked'],
        ],
        'zz\r\n{}\r\n0\r\n\r\n',
      ),
    'answer',
    400,
  ],
  [
    'chunk size past 2^64',
    () =>
      request(
        'POST',
        '/fn/user',
        [
          ['Host', HOST()],
          ['Content-Type', JSON_TYPE],
          ['Authorization', `Bearer ${token}`],
          ['Transfer-Encoding', 'chunked'],
        ],
        `${'f'.repeat(20)}\r\n{}\r\n0\r\n\r\n`,
      ),
    'eof',
    [400, 413, null],
  ],
  [
    'chunk longer than declared',
    () =>
      request(
        'POST',
        '/fn/user',
        [
          ['Host', HOST()],
          ['Content-Type', JSON_TYPE],
          ['Authorization', `Bearer ${token}`],
          ['Transfer-Encoding', 'chunked'],
        ],
        '1\r\n{"action":"me"}\r\n0\r\n\r\n',
      ),
    'answer',
    400,
  ],
  [
    'chunked, truncated, then EOF',
    () =>
      request(
        'POST',
        '/fn/user',
        [
          ['Host', HOST()],
          ['Content-Type', JSON_TYPE],
          ['Authorization', `Bearer ${token}`],
          ['Transfer-Encoding', 'chunked'],
        ],
        '10\r\n{"act',
      ),
    'eof',
    [400, null],
  ],
  [
    'chunked body of 80 KB',
    () =>
      request(
        'POST',
        '/fn/user',
        [
          ['Host', HOST()],
          ['Content-Type', JSON_TYPE],
          ['Authorization', `Bearer ${token}`],
          ['Transfer-Encoding', 'chunked'],
          ['Connection', 'close'],
        ],
        `${(80_000).toString(16)}\r\n${' '.repeat(80_000)}\r\n0\r\n\r\n`,
      ),
    'answer',
    413,
  ],
  [
    'Transfer-Encoding: gzip, chunked',
    () =>
      request(
        'POST',
        '/fn/user',
        [
          ['Host', HOST()],
          ['Content-Type', JSON_TYPE],
          ['Authorization', `Bearer ${token}`],
          ['Transfer-Encoding', 'gzip, chunked'],
          ['Connection', 'close'],
        ],
        '2\r\n{}\r\n0\r\n\r\n',
      ),
    'answer',
    415,
  ],
  [
    'Transfer-Encoding: identity',
    () =>
      request(
        'POST',
        '/fn/user',
        [
          ['Host', HOST()],
          ['Content-Type', JSON_TYPE],
          ['Authorization', `Bearer ${token}`],
          ['Transfer-Encoding', 'identity'],
        ],
        '{}',
      ),
    'eof',
    [400, 415],
  ],
  [
    'gzip claimed, gzip sent',
    () => post('/fn/user', zlib.gzipSync('{"action":"me"}'), [['Content-Encoding', 'gzip']]),
    'answer',
    415,
  ],
  [
    'gzip claimed, text sent',
    () => post('/auth/dev-login', '{"openid":"gz"}', [['Content-Encoding', 'gzip']]),
    'answer',
    415,
  ],
  [
    'invalid UTF-8 body',
    () => post('/fn/user', Buffer.from([0x7b, 0x22, 0x61, 0xc3, 0x28, 0x22, 0x7d])),
    'answer',
    400,
  ],
  ['UTF-16 body', () => post('/fn/user', Buffer.from('\ufeff{"action":"me"}', 'utf16le')), 'answer', 400],
  [
    'overlong UTF-8 slash',
    () => post('/fn/user', Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d])),
    'answer',
    400,
  ],
  ['truncated JSON', () => post('/fn/user', '{"action":'), 'answer', 400],
  [
    'JSON nested 30000 deep (the function refuses it in the envelope)',
    () => post('/fn/user', `${'['.repeat(30_000)}${']'.repeat(30_000)}`),
    'answer',
    200,
  ],
  ['JSON with __proto__', () => post('/fn/user', '{"action":"me","__proto__":{"role":"admin"}}'), 'answer', 200],
  [
    'text/plain dev-login (cross-site form)',
    () =>
      post('/auth/dev-login', '{"openid":"csrf"}')
        .toString('latin1')
        .replace(`Content-Type: ${JSON_TYPE}`, 'Content-Type: text/plain'),
    'answer',
    415,
  ],
  [
    'no content type',
    () => post('/fn/user', '{"action":"me"}').toString('latin1').replace(`Content-Type: ${JSON_TYPE}\r\n`, ''),
    'answer',
    415,
  ],
  [
    'two content types',
    () => post('/fn/user', '{"action":"me"}', [['Content-Type', 'text/plain']]),
    'answer',
    [200, 415],
  ],
  [
    'a 10 KB bearer token',
    () =>
      post('/fn/user', '{"action":"me"}')
        .toString('latin1')
        .replace(`Bearer ${token}`, `Bearer ${'t'.repeat(10_000)}`),
    'answer',
    401,
  ],
  [
    'a token with an infinite expiry',
    () =>
      post('/fn/user', '{"action":"me"}')
        .toString('latin1')
        .replace(`Bearer ${token}`, `Bearer ${token.split('.')[0]}.Infinity.${token.split('.')[2]}`),
    'answer',
    401,
  ],
  ['Expect: 100-continue', () => post('/fn/user', '{"action":"me"}', [['Expect', '100-continue']]), 'answer', 200],
  ['Expect: something else', () => post('/fn/user', '{"action":"me"}', [['Expect', 'teapot']]), 'answer', 417],
  [
    'Upgrade: websocket',
    () =>
      get('/', [
        ['Upgrade', 'websocket'],
        ['Connection', 'Upgrade'],
      ])
        .toString('latin1')
        .replace('Connection: close\r\n', ''),
    'eof',
    [200, 404, null],
  ], // 200 once the H5 app is built (it serves /)
  [
    'pipelined: a good request then garbage',
    () =>
      Buffer.concat(
        [
          post('/fn/user', '{"action":"me"}')
            .subarray(0)
            .toString('latin1')
            .replace('Connection: close', 'Connection: keep-alive'),
          '\x00\x01garbage\r\n\r\n',
        ].map((x) => Buffer.from(x, 'latin1')),
      ),
    'answer',
    200,
  ],
  ['only CRLFs', () => '\r\n\r\n\r\n\r\n', 'eof', [400, null]],
  ['nothing at all, then EOF', () => '', 'eof', null],
  ['an unterminated request line, then EOF', () => 'GET /fn/user HTTP/1.1\r\nHost: 127', 'eof', [400, null]],
];

test.each(table)(
  '%s',
  async (_name, bytes, mode, expected) => {
    const status = await probe(bytes(), mode);
    const allowed = Array.isArray(expected) ? expected : [expected];
    expect(allowed).toContain(status);
  },
  30_000,
);

// Generators. Fuzzed fields never carry CR or LF, so the framing stays ours and an `answer` case cannot wait for more bytes.
const noNewline = (s: string) => s.replace(/[\r\n]/g, '');
const latin1 = fc
  .string({ unit: 'binary', maxLength: 60 })
  .map((s) => noNewline(Buffer.from(s, 'utf8').toString('latin1')));
const method = fc.oneof(
  fc.constantFrom(
    'GET',
    'POST',
    'PUT',
    'DELETE',
    'HEAD',
    'OPTIONS',
    'PATCH',
    'TRACE',
    'CONNECT',
    'PROPFIND',
    'SEARCH',
    'QUERY',
    'M-SEARCH',
    'PURGE',
    'LINK',
    'SOURCE',
  ),
  fc.stringMatching(/^[A-Za-z!#$%&'*+.^_`|~-]{1,12}$/),
  latin1,
);
const target = fc.oneof(
  fc.constantFrom(
    '/',
    '/fn/user',
    '/fn/points',
    '/auth/dev-login',
    '/fn/',
    '/fn/%',
    '//',
    '//[',
    '/fn/%E0%A4%A',
    '*',
    'http://x/',
    'http://127.0.0.1/fn/user',
    '/../../etc/passwd',
    '/%2e%2e/',
    '/fn/user?x=%',
    '/fn/user#f',
    '/index.html',
  ),
  fc.webPath().map((p) => p || '/'),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.tuple(fc.constantFrom('/', '/fn/', '/auth/', '//'), latin1).map(([a, b]) => a + b),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => `/fn/${noNewline(s)}`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `/${'x'.repeat(n)}`),
);
const version = fc.oneof(
  { weight: 6, arbitrary: fc.constant('HTTP/1.1') },
  fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.2', 'HTTP/0.9', 'http/1.1', 'HTTP/1.1 ', 'HTTP/', ''),
);
const body = fc.oneof(
  fc.constantFrom('{"action":"me"}', '{"openid":"fuzzed"}', '{}', '', 'null', '[]'),
  fc.json().filter((j) => j.length < 4000),
  fc.uint8Array({ maxLength: 3000 }).map((b) => Buffer.from(b)),
);
const HEADER_NAMES = [
  'Host',
  'Content-Type',
  'Authorization',
  'Content-Encoding',
  'Accept-Encoding',
  'Connection',
  'Expect',
  'Upgrade',
  'Cookie',
  'Origin',
  'Referer',
  'X-Forwarded-For',
  'X-Forwarded-Host',
  'Forwarded',
  'Range',
  'If-None-Match',
  'Accept',
  'User-Agent',
  'Trailer',
  'TE',
];
const header = fc
  .tuple(
    fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/), latin1),
    latin1,
  )
  .filter(([name]) => !/^\s*(content-length|transfer-encoding)\s*$/i.test(name)) as fc.Arbitrary<[string, string]>;

async function generated(runs: number, arbitrary: fc.Arbitrary<[Buffer | string, Mode]>): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbitrary, async ([bytes, mode]) => {
      await probe(bytes, mode);
    }),
    { numRuns: runs },
  );
}

test('generated request lines: method × target × version', async () => {
  await generated(
    200,
    fc.tuple(method, target, version, body).map(([m, t, v, b]): [Buffer, Mode] => {
      const bytes = Buffer.isBuffer(b) ? b : Buffer.from(b);
      return [
        request(
          noNewline(m),
          noNewline(t),
          [
            ['Host', HOST()],
            ['Content-Type', JSON_TYPE],
            ['Authorization', `Bearer ${token}`],
            ['Content-Length', String(bytes.length)],
            ['Connection', 'close'],
          ],
          bytes,
          v,
        ),
        'answer',
      ];
    }),
  );
}, 120_000);

test('generated headers: duplicated, oversized and invalid values of every header that matters', async () => {
  await generated(
    200,
    fc
      .tuple(
        fc.array(header, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('/fn/user', '/auth/dev-login', '/', '/fn/%'),
        body,
      )
      .map(([extra, keepHost, t, b]): [Buffer, Mode] => {
        const bytes = Buffer.isBuffer(b) ? b : Buffer.from(b);
        const base: [string, string][] = keepHost
          ? [
              ['Host', HOST()],
              ['Content-Type', JSON_TYPE],
              ['Authorization', `Bearer ${token}`],
            ]
          : [];
        return [
          request(
            'POST',
            t,
            [...base, ...extra, ['Content-Length', String(bytes.length)], ['Connection', 'close']],
            bytes,
          ),
          'answer',
        ];
      }),
  );
}, 120_000);

test('generated framing: Content-Length and Transfer-Encoding values, chunk streams', async () => {
  const lengthValue = fc.oneof(
    fc.nat({ max: 200 }).map(String),
    fc.constantFrom('-1', '0x10', '1e3', ' 5', '5 ', '+5', '', '99999999999999999999', '5, 5', '5,6'),
    latin1,
  );
  const teValue = fc.oneof(
    fc.constantFrom(
      'chunked',
      'Chunked',
      'gzip',
      'gzip, chunked',
      'chunked, gzip',
      'identity',
      'chunked, chunked',
      ' chunked',
      'xchunked',
      '',
    ),
    latin1,
  );
  const chunks = fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.nat({ max: 40 }).map((n) => n.toString(16)),
          latin1,
        ),
        latin1,
      ),
      { maxLength: 5 },
    )
    .map((cs) => `${cs.map(([size, data]) => `${size}\r\n${data}\r\n`).join('')}0\r\n\r\n`);
  const framing = fc.oneof(
    fc.tuple(lengthValue, body).map(([cl, b]): [[string, string][], Buffer | string] => [[['Content-Length', cl]], b]),
    fc.tuple(lengthValue, lengthValue, body).map(([a, c, b]): [[string, string][], Buffer | string] => [
      [
        ['Content-Length', a],
        ['Content-Length', c],
      ],
      b,
    ]),
    fc.tuple(teValue, chunks).map(([te, c]): [[string, string][], Buffer | string] => [[['Transfer-Encoding', te]], c]),
    fc.tuple(teValue, lengthValue, chunks).map(([te, cl, c]): [[string, string][], Buffer | string] => [
      [
        ['Transfer-Encoding', te],
        ['Content-Length', cl],
      ],
      c,
    ]),
  );
  await generated(
    150,
    framing.map(([headers, b]): [Buffer, Mode] => [
      request(
        'POST',
        '/fn/user',
        [['Host', HOST()], ['Content-Type', JSON_TYPE], ['Authorization', `Bearer ${token}`], ...headers],
        b,
      ),
      'eof',
    ]),
  );
}, 120_000);

test('generated bodies and encodings: bytes, mutated JSON, charsets and compression claims', async () => {
  const mutated = fc
    .tuple(fc.json(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
    .map(([json, flips]) => {
      const bytes = Buffer.from(`{"action":"me","x":${json}}`);
      for (const [at, value] of flips) bytes[at % bytes.length] = value;
      return bytes;
    });
  const contentType = fc.oneof(
    { weight: 4, arbitrary: fc.constant(JSON_TYPE) },
    fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json;;',
      'application/json; boundary=x',
      'text/plain',
      'text/json',
      'application/*',
      '*/*',
      '',
    ),
    latin1.map((p) => `application/json; ${p}`),
  );
  const encoding = fc.option(
    fc.oneof(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'GZIP', 'x-gzip', 'gzip, identity', ''), latin1),
    { nil: undefined },
  );
  const compress = fc.constantFrom('none', 'gzip', 'deflate');
  await generated(
    200,
    fc
      .tuple(
        fc.oneof(body, mutated),
        contentType,
        encoding,
        compress,
        fc.constantFrom('/fn/user', '/fn/stations', '/auth/dev-login'),
      )
      .map(([b, type, enc, how, t]): [Buffer, Mode] => {
        const raw = Buffer.isBuffer(b) ? b : Buffer.from(b);
        const bytes = how === 'gzip' ? zlib.gzipSync(raw) : how === 'deflate' ? zlib.deflateSync(raw) : raw;
        const headers: [string, string][] = [
          ['Host', HOST()],
          ['Content-Type', noNewline(type)],
          ['Authorization', `Bearer ${token}`],
          ['Content-Length', String(bytes.length)],
          ['Connection', 'close'],
        ];
        if (enc !== undefined) headers.push(['Content-Encoding', enc]);
        return [request('POST', t, headers, bytes), 'answer'];
      }),
  );
}, 120_000);

test('generated garbage: arbitrary bytes, ended by a blank line or by EOF', async () => {
  await generated(
    100,
    fc
      .tuple(fc.uint8Array({ maxLength: 2000 }), fc.boolean())
      .map(([b, blank]): [Buffer, Mode] => [
        Buffer.concat([Buffer.from(b), Buffer.from(blank ? '\r\n\r\n' : '')]),
        'eof',
      ]),
  );
}, 120_000);

test('clients that reset the connection mid-request or mid-answer do not disturb the server', async () => {
  const cut = (bytes: Buffer, at: 'sent' | 'first-byte') =>
    new Promise<void>((resolve) => {
      tally.events += 1;
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write(bytes);
        if (at === 'sent') socket.resetAndDestroy();
      });
      socket.once('data', () => socket.resetAndDestroy());
      socket.on('error', () => undefined);
      socket.on('close', () => resolve());
    });
  const list = post('/fn/stations', '{"action":"list","limit":50}');
  const half = list.subarray(0, list.length - 5);
  for (let i = 0; i < 20; i += 1) {
    await cut(list, 'sent');
    await cut(list, 'first-byte');
    await cut(half, 'sent');
  }
  tally.closed += 60;
});

test('afterwards the same server process answers a normal request correctly and logged no internal error', async () => {
  expect(tally.events).toBeGreaterThanOrEqual(980);
  expect(cloud.child.exitCode).toBeNull();
  expect(cloud.child.pid).toBe(pid);
  const fresh = await devLogin(cloud.url, 'after-fuzz');
  const res = await postJson(`${cloud.url}/fn/user`, { action: 'me' }, fresh);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ ok: true, data: { openid: 'after-fuzz', role: 'resident' } });
  const stations = await postJson(`${cloud.url}/fn/stations`, { action: 'list' }, fresh);
  expect(await stations.json()).toMatchObject({ ok: true });
  expect(serverLog.join('')).not.toMatch(/"http"|INTERNAL|Error/);
});
