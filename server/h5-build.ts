import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { H5_DIR, ROOT } from './config';

const SOURCES = ['src', 'config', 'babel.config.js', 'package.json'];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry.endsWith('.test.tsx') || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when dist/h5 is missing or older than any source of the app. */
export function h5IsStale(): boolean {
  const built = path.join(H5_DIR, 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > builtAt);
}

export function buildH5(): void {
  console.log('正在构建 H5 应用（约 30 秒）…');
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('H5 构建失败');
}
