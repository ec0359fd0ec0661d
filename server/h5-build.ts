import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

const TARO = path.join(ROOT, 'node_modules', '.bin', 'taro');
const BUILD_ARGS = ['build', '--type', 'h5'];
const buildEnv = () => ({ ...process.env, NODE_ENV: 'production' });

/** Builds the H5 app, blocking (for scripts that have nothing else to do meanwhile). */
export function buildH5(): void {
  console.log('正在构建 H5 应用（约 30 秒）…');
  const result = spawnSync(TARO, BUILD_ARGS, { cwd: ROOT, stdio: 'inherit', env: buildEnv() });
  if (result.status !== 0) throw new Error('H5 构建失败');
}

/**
 * Builds the H5 app in a child process. `onChild` receives the child so a caller can forward
 * SIGINT/SIGTERM to it; taro is run directly (no npx in between) so the signal reaches the build itself.
 */
export function buildH5Async(onChild: (child: ChildProcess) => void = () => undefined): Promise<void> {
  console.log('正在构建 H5 应用（约 30 秒）…');
  const child = spawn(TARO, BUILD_ARGS, { cwd: ROOT, stdio: 'inherit', env: buildEnv() });
  onChild(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(signal ? `H5 构建被 ${signal} 中止` : 'H5 构建失败')),
    );
  });
}
