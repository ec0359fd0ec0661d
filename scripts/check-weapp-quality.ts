/**
 * `npm run check:weapp-quality`: compiles `dist/weapp` with WeChat DevTools' own compiler (`miniprogram-ci`) and runs
 * its 代码质量 checks, the panel a reviewer sees; any failed check fails the run. No network and no upload key are
 * needed: the key is a throwaway made here (compiling never sends it anywhere) and the project attributes are the
 * package's defaults instead of the ones WeChat's servers would send. Uploading is a county's step with its own key
 * (README, "WeChat DevTools").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const ROOT = path.resolve(__dirname, '..');
const PINNED = '2.1.42';

interface QualityCheck {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}
interface CiProject {
  attr: () => Promise<Record<string, unknown>>;
}
interface MiniprogramCi {
  Project: new (options: {
    appid: string;
    type: 'miniProgram';
    projectPath: string;
    privateKeyPath: string;
    ignores?: string[];
  }) => CiProject;
  DefaultProjectAttr: Record<string, unknown>;
  getCompiledResult?: (options: { project: CiProject; setting: Record<string, boolean> }) => Promise<object>;
  checkCodeQuality?: (project: CiProject) => Promise<QualityCheck[]>;
}

function loadCi(): MiniprogramCi {
  const require = createRequire(__filename);
  const version = (require('miniprogram-ci/package.json') as { version: string }).version;
  if (version !== PINNED)
    throw new Error(`miniprogram-ci ${version} is installed; this check is written for ${PINNED}`);
  const ci = require('miniprogram-ci') as MiniprogramCi;
  for (const name of ['getCompiledResult', 'checkCodeQuality'] as const)
    if (typeof ci[name] !== 'function') throw new Error(`miniprogram-ci ${version} does not export ${name}`);
  return ci;
}

function appidOf(): string {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { appid: string };
  return config.appid;
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist/weapp/app.json'))) {
    console.error('dist/weapp is missing: run `npm run build:weapp` first');
    return 1;
  }
  const ci = loadCi();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-mpci-'));
  const privateKeyPath = path.join(dir, 'throwaway.key');
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });
  const appid = appidOf();
  try {
    // The project as WeChat DevTools imports it: the repository root, whose project.config.json points at dist/weapp.
    const project = new ci.Project({
      appid,
      type: 'miniProgram',
      projectPath: ROOT,
      privateKeyPath,
      ignores: ['node_modules/**/*'],
    });
    project.attr = async () => ({ ...ci.DefaultProjectAttr, appid });

    const started = performance.now();
    const compiled = await ci.getCompiledResult!({ project, setting: { es6: true, minify: true } });
    const files = Object.keys(compiled).length;
    console.log(
      `miniprogram-ci ${PINNED}: compiled ${files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (files === 0) throw new Error('the compiler produced no file');

    const checks = await ci.checkCodeQuality!(project);
    if (checks.length === 0) throw new Error('checkCodeQuality answered no check');
    for (const check of checks)
      console.log(`${check.success ? 'pass' : 'FAIL'}  ${check.name.padEnd(32)} ${check.success ? '' : check.text}`);
    const failed = checks.filter((c) => !c.success);
    if (failed.length > 0) {
      console.error(
        `\n${failed.length} of ${checks.length} code-quality checks fail: ${failed.map((c) => c.name).join(', ')}`,
      );
      for (const c of failed) if (c.detail !== undefined) console.error(`${c.name}: ${JSON.stringify(c.detail)}`);
      return 1;
    }
    console.log(`all ${checks.length} code-quality checks pass`);
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// The compiler leaves a file watcher open, so the process ends here rather than when the loop empties.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
