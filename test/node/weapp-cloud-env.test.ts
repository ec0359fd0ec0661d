/** A production weapp build refuses an empty CLOUD_ENV, which would build `wx.cloud.init({})`. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cloudEnv } from '../../config/cloud-env';

test('CLOUD_ENV is required for a production weapp build only', () => {
  expect(() => cloudEnv({ NODE_ENV: 'production' }, 'weapp')).toThrow('CLOUD_ENV=<环境 ID> npm run build:weapp');
  expect(() => cloudEnv({ NODE_ENV: 'production', CLOUD_ENV: '  ' }, 'weapp')).toThrow(
    'CLOUD_ENV=<env id> npm run build:weapp',
  );
  expect(cloudEnv({ NODE_ENV: 'production', CLOUD_ENV: ' xfyz-prod-1a2b ' }, 'weapp')).toBe('xfyz-prod-1a2b');
  // Development builds (--watch) and the H5 app may leave it empty.
  expect(cloudEnv({ NODE_ENV: 'development' }, 'weapp')).toBe('');
  expect(cloudEnv({ NODE_ENV: 'production' }, 'h5')).toBe('');
});

test('`npm run build:weapp` with an empty CLOUD_ENV stops before building, saying how to set it', () => {
  const root = path.resolve(__dirname, '../..');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', CLOUD_ENV: '' };
  const result = spawnSync('npm', ['run', 'build:weapp'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  expect(result.status).not.toBe(0);
  expect(`${result.stdout}${result.stderr}`).toContain('CLOUD_ENV=<环境 ID> npm run build:weapp');
}, 120_000);
