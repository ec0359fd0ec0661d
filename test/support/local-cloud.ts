import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Loading the clock anchors XFYZ_CLOCK in process.env, so a child's time runs on from this process's.
import '../../domain/core/clock';

const ROOT = path.resolve(__dirname, '..', '..');

export interface RunningCloud {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the real local cloud (`server/start.ts`) on a free port and a temporary data folder (the demo, without its history unless `env` asks). */
export async function startLocalCloud(
  options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningCloud> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-cloud-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/start.ts'), '--no-build'], {
    cwd: ROOT,
    // Test clouds start without the demo's history (a quarter of activity, seconds of start-up): a test that wants
    // it, or production mode (DEMO: 'off'), says so in `env`.
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, DEMO_HISTORY: 'off', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // Readiness is the printed address; this limit only turns a hung start into a message (generous: the machine may be busy).
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0].replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    stop: (signal = 'SIGINT') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** A JSON POST as the local cloud requires it (content type, optional bearer token). */
export function postJson(url: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return fetch(url, { method: 'POST', body: JSON.stringify(body), headers });
}

export async function devLogin(url: string, openid: string): Promise<string> {
  const res = await postJson(`${url}/auth/dev-login`, { openid });
  const body = (await res.json()) as { data: { token: string } };
  return body.data.token;
}
