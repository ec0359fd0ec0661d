/**
 * CloudBase readiness: every function bundles into its own folder with an index.js exporting
 * `main` that loads and answers in a bare Node process; cloudbaserc.json and each function's
 * config.json list every function with one timer that runs all its jobs.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions, FUNCTION_ROOT, functionNames } from '../../scripts/build-functions';
import {
  CLOUDBASERC_PATH,
  functionConfigPath,
  renderCloudbaserc,
  renderFunctionConfig,
} from '../../scripts/cloudbaserc';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { JOB_EVERY_MINUTES, TIMER_NAME } from '../../domain/core/jobs';

const ROOT = path.resolve(__dirname, '../..');
interface Trigger {
  name: string;
  type: string;
  config: string;
}
interface RcFunction {
  name: string;
  handler: string;
  runtime: string;
  triggers?: Trigger[];
  envVariables?: unknown;
}
const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as Record<string, unknown> & {
  functionRoot: string;
  functions: RcFunction[];
};

beforeAll(async () => {
  await buildFunctions();
}, 60_000);

test('the function folders, the registry the local cloud serves, and cloudbaserc.json agree', () => {
  expect(functionNames()).toEqual(Object.keys(FUNCTIONS).sort());
  expect(rc.functions.map((f) => f.name).sort()).toEqual(functionNames());
  expect(path.resolve(ROOT, rc.functionRoot)).toBe(FUNCTION_ROOT);
  for (const fn of rc.functions) {
    expect(fn.handler).toBe('index.main');
    expect(fn.runtime).toMatch(/^Nodejs(16|18|20)/);
    const pkg = JSON.parse(fs.readFileSync(path.join(FUNCTION_ROOT, fn.name, 'package.json'), 'utf8')) as {
      main: string;
    };
    expect(pkg.main).toBe('index.js');
    // Source under src/, bundle at the root: never index.ts and index.js side by side.
    expect(fs.existsSync(path.join(FUNCTION_ROOT, fn.name, 'index.ts'))).toBe(false);
  }
});

test.each(functionNames())(
  'cloudfunctions/%s/index.js loads alone in a bare Node process and answers the envelope',
  (name) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fn-${name}-`));
    fs.copyFileSync(path.join(FUNCTION_ROOT, name, 'index.js'), path.join(dir, 'index.js'));
    const script = `const m = require('./index.js');
    if (typeof m.main !== 'function') process.exit(2);
    m.main({ action: 'no-such-action' }, {}).then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); });`;
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '未知的操作：no-such-action' },
    });
  },
);

test.each([
  ['stations', { action: 'list', limit: 'many', keyword: 7 }],
  ['vaccine', { action: 'sites', limit: 0 }],
])(
  'the %s bundle refuses bad input with the same Chinese message as the source (its trimmed zod keeps zh-CN)',
  async (name, event) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fn-zod-${name}-`));
    fs.copyFileSync(path.join(FUNCTION_ROOT, name, 'index.js'), path.join(dir, 'index.js'));
    const script = `require('./index.js').main(${JSON.stringify(event)}, {}).then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); });`;
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const fromSource = await FUNCTIONS[name]!.handle(event, { db: null as never, caller: null, now: Date.now });
    expect(fromSource).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.parse(result.stdout)).toEqual(fromSource);
  },
);

/** A public action of each function that reads the database. */
const READS: Record<string, object> = {
  user: { action: 'me' },
  points: { action: 'rules' },
  stations: { action: 'list' },
  vaccine: { action: 'sites' },
  // The console's sign-in start: public, and it writes its ticket.
  admin: { action: 'startConsoleLogin' },
  org: { action: 'myApplications' },
  requests: { action: 'communities' },
};

test.each(functionNames())(
  'cloudfunctions/%s/index.js reaches the database through the bundled SDK (nothing it needs was left out)',
  async (name) => {
    // A canned stand-in for CloudBase's database API: empty collections, inserts accepted.
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const { action, collectionName } = JSON.parse(body) as { action: string; collectionName?: string };
        seen.push(`${action} ${collectionName ?? ''}`);
        const data =
          action === 'database.insertDocument'
            ? { insertedIds: ['x'] }
            : action === 'database.countDocument'
              ? { total: 0 }
              : { list: [], total: 0 };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ requestId: 'r', data }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fn-db-${name}-`));
      fs.copyFileSync(path.join(FUNCTION_ROOT, name, 'index.js'), path.join(dir, 'index.js'));
      const env = {
        PATH: process.env.PATH ?? '',
        TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin` }),
        TCB_ENV: 'xfyz-readiness',
        SCF_NAMESPACE: 'xfyz-readiness',
        TENCENTCLOUD_RUNENV: 'SCF',
        TENCENTCLOUD_REGION: 'ap-shanghai',
        TENCENTCLOUD_SECRETID: 'test-id',
        TENCENTCLOUD_SECRETKEY: 'test-key',
      };
      const script = `require('./index.js').main(${JSON.stringify(READS[name])}, { environment: JSON.stringify({ WX_OPENID: 'o-readiness' }) })
      .then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); });`;
      const child = spawn(process.execPath, ['-e', script], { cwd: dir, env });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(status).toBe(0);
      expect(JSON.parse(out)).toMatchObject({ ok: true });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.startsWith('database.'))).toBe(true);
      if (name === 'user')
        expect(seen).toEqual(expect.arrayContaining(['database.getDocument users', 'database.insertDocument users']));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  },
  30_000,
);

test('cloudbaserc.json and every config.json are what `npm run cloudbaserc` writes', () => {
  expect(fs.readFileSync(CLOUDBASERC_PATH, 'utf8')).toBe(renderCloudbaserc());
  for (const name of functionNames())
    expect(fs.readFileSync(functionConfigPath(name), 'utf8')).toBe(renderFunctionConfig(name));
  // The framework database plugin cannot be installed here and takes another rule shape: cloud:setup replaces it.
  expect(Object.keys(rc)).not.toContain('framework');
});

test('one timer per function, 7-field cron, the same in cloudbaserc.json and in DevTools config.json', () => {
  for (const fn of rc.functions) {
    const jobs = Object.keys(FUNCTIONS[fn.name]!.jobs);
    const config = JSON.parse(fs.readFileSync(functionConfigPath(fn.name), 'utf8')) as { triggers?: Trigger[] };
    // Secrets set in the console (PII_KEY) survive a redeploy only when cloudbaserc sends no variables.
    expect(fn.envVariables).toBeUndefined();
    if (jobs.length === 0) {
      expect(fn.triggers).toBeUndefined();
      expect(config.triggers).toBeUndefined();
      continue;
    }
    expect(fn.triggers).toHaveLength(1);
    const [timer] = fn.triggers!;
    expect(timer).toEqual({ name: TIMER_NAME, type: 'timer', config: expect.any(String) });
    expect(timer!.config.split(' ')).toHaveLength(7);
    expect(config.triggers).toEqual(fn.triggers);
    // Every job has an honest schedule of its own, on a period the hourly cron can keep.
    for (const job of jobs) expect(60 % JOB_EVERY_MINUTES[job]!).toBe(0);
  }
  expect(rc.functions.find((f) => f.name === 'stations')!.triggers![0]!.config).toBe('0 */5 * * * * *');
});
