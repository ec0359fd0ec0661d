/** Before the e2e suites: build the H5 app when stale and the weapp when missing. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setting } from '../domain/core/config';
import { ROOT } from '../server/config';
import { buildH5, h5IsStale } from '../server/h5-build';
import { buildConsole, consoleIsStale } from '../server/console-build';

if (h5IsStale()) buildH5();
const consoleBuilt = consoleIsStale() ? buildConsole() : Promise.resolve();
if (!fs.existsSync(path.join(ROOT, 'dist', 'weapp', 'app.js'))) {
  // A production weapp build needs a CloudBase environment id; the simulated weapp stands in for wx.cloud.
  const env = { ...process.env, CLOUD_ENV: setting('CLOUD_ENV') ?? 'xfyz-ci' };
  const result = spawnSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(1);
}
consoleBuilt.catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
