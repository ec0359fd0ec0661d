/**
 * CloudBase readiness: every function bundles into its own folder with an index.js exporting
 * `main` that loads and answers in a bare Node process; cloudbaserc.json lists every function and
 * every collection, and no collection lets a client write.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS } from '../../domain/collections';
import { buildFunctions, FUNCTION_ROOT, functionNames } from '../../scripts/build-functions';
import { CLOUDBASERC_PATH, renderCloudbaserc } from '../../scripts/cloudbaserc';
import { FUNCTIONS } from '../../cloudfunctions/registry';

const ROOT = path.resolve(__dirname, '../..');
interface RcFunction { name: string; handler: string; runtime: string }
interface RcCollection { collectionName: string; aclTag: string; aclRule: { read: boolean; write: boolean } }
const rc = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functionRoot: string;
  functions: RcFunction[];
  framework: { plugins: { database: { inputs: { collections: RcCollection[] } } } };
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
    const pkg = JSON.parse(fs.readFileSync(path.join(FUNCTION_ROOT, fn.name, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('index.js');
    // Source under src/, bundle at the root: never index.ts and index.js side by side.
    expect(fs.existsSync(path.join(FUNCTION_ROOT, fn.name, 'index.ts'))).toBe(false);
  }
});

test.each(functionNames())('cloudfunctions/%s/index.js loads alone in a bare Node process and answers the envelope', (name) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fn-${name}-`));
  fs.copyFileSync(path.join(FUNCTION_ROOT, name, 'index.js'), path.join(dir, 'index.js'));
  const script = `const m = require('./index.js');
    if (typeof m.main !== 'function') process.exit(2);
    m.main({ action: 'no-such-action' }, {}).then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); });`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 20_000 });
  expect(result.status).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '未知的操作：no-such-action' } });
});

test('cloudbaserc.json is what `npm run cloudbaserc` writes, timer triggers included', () => {
  expect(fs.readFileSync(CLOUDBASERC_PATH, 'utf8')).toBe(renderCloudbaserc());
  const points = rc.functions.find((f) => f.name === 'points') as RcFunction & { triggers?: { name: string; type: string }[] };
  expect(points.triggers).toEqual([expect.objectContaining({ name: 'expireOrders', type: 'timer' }), expect.objectContaining({ name: 'reconcile', type: 'timer' })]);
});

test('every collection is declared, and no client may write any of them', () => {
  const declared = rc.framework.plugins.database.inputs.collections;
  expect(declared.map((c) => c.collectionName).sort()).toEqual(Object.keys(COLLECTIONS).sort());
  for (const c of declared) {
    expect(c.aclTag).toBe('CUSTOM');
    expect(c.aclRule.write).toBe(false);
    expect(c.aclRule.read).toBe(COLLECTIONS[c.collectionName as keyof typeof COLLECTIONS].clientRead);
  }
});
