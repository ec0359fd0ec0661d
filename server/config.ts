import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const H5_DIR = path.join(ROOT, 'dist', 'h5');

export interface ServerConfig {
  port: number;
  dataDir: string;
  /** 'local' runs on the embedded engine with dev sign-in; 'cloudbase' talks to TCB_ENV_ID and has no dev sign-in. */
  mode: 'local' | 'cloudbase';
  /** How often the local cloud runs the timer jobs (expiring orders, …); CloudBase uses timer triggers. */
  jobIntervalMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不正确：${env.PORT}`);
  return {
    port,
    dataDir: path.resolve(ROOT, env.DATA_DIR ?? '.data'),
    mode: env.CLOUD_MODE === 'cloudbase' ? 'cloudbase' : 'local',
    jobIntervalMs: Math.max(100, Number(env.JOB_INTERVAL_MS ?? 60_000) || 60_000),
  };
}
