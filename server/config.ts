import path from 'node:path';
import { setting } from '../domain/core/config';
import { DAY_MS } from './auth';

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

/** The local cloud's settings, read and checked by domain/core/config.ts (a bad value throws, naming it). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: setting('PORT', env),
    dataDir: path.resolve(ROOT, setting('DATA_DIR', env)),
    mode: setting('CLOUD_MODE', env),
    jobIntervalMs: setting('JOB_INTERVAL_MS', env),
    allowedHosts: setting('ALLOWED_HOSTS', env),
    tokenTtlMs: Math.round(setting('TOKEN_TTL_DAYS', env) * DAY_MS),
  };
}
