import path from 'node:path';
import { DAY_MS, DEFAULT_TOKEN_TTL_MS } from './auth';

export const ROOT = path.resolve(__dirname, '..');
export const H5_DIR = path.join(ROOT, 'dist', 'h5');

export interface ServerConfig {
  port: number;
  dataDir: string;
  /** 'local' runs on the embedded engine with dev sign-in; 'cloudbase' talks to TCB_ENV_ID and has no dev sign-in. */
  mode: 'local' | 'cloudbase';
  /** How often the local cloud runs the timer jobs (expiring orders, …); CloudBase uses timer triggers. */
  jobIntervalMs: number;
  /** Host names accepted beside 127.0.0.1 and localhost (`ALLOWED_HOSTS=a.example,b.example:8080`). */
  allowedHosts: string[];
  /** How long a dev sign-in token lasts (`TOKEN_TTL_DAYS`, default 7, at most 365). */
  tokenTtlMs: number;
}

/** The comma-separated `ALLOWED_HOSTS`, lower-cased, blanks dropped. */
export function parseAllowedHosts(value: string | undefined): string[] {
  return (value ?? '').split(',').map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 不正确：${env.PORT}`);
  const days = env.TOKEN_TTL_DAYS === undefined ? DEFAULT_TOKEN_TTL_MS / DAY_MS : Number(env.TOKEN_TTL_DAYS);
  if (!Number.isFinite(days) || days <= 0 || days > 365) throw new Error(`TOKEN_TTL_DAYS 不正确：${env.TOKEN_TTL_DAYS}`);
  return {
    port,
    dataDir: path.resolve(ROOT, env.DATA_DIR ?? '.data'),
    mode: env.CLOUD_MODE === 'cloudbase' ? 'cloudbase' : 'local',
    jobIntervalMs: Math.max(100, Number(env.JOB_INTERVAL_MS ?? 60_000) || 60_000),
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS),
    tokenTtlMs: Math.round(days * DAY_MS),
  };
}
