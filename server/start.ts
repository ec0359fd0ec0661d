/**
 * `npm start`: builds the H5 app when missing or stale, opens the data folder, seeds demo data
 * on first start, and serves the app and every cloud function on 127.0.0.1.
 *
 * SIGINT and SIGTERM stop it at any stage, in the foreground or not: a running build gets the
 * signal and start exits after it; a running server stops taking connections, finishes its timer
 * jobs, closes the database (releasing its LOCK) and exits 0.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { clock } from '../domain/core/clock';
import { checkSettings, setting } from '../domain/core/config';
import { CloudBaseDatabase } from '../domain/db/cloudbase';
import { LocalDatabase } from '../domain/db/local/engine';
import type { Database } from '../domain/db';
import { useLocalPiiKey } from '../domain/privacy';
import { seedIfEmpty } from '../domain/seed';
import { LocalFileStore } from '../domain/files';
import { createLocalCloud } from './app';
import { TokenSigner } from './auth';
import { H5_DIR, readConfig } from './config';
import { buildH5Async, h5IsStale } from './h5-build';
import { buildConsole, consoleIsStale } from './console-build';
import { startJobs } from './jobs';

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** What is running now, so a signal can stop exactly that. */
let build: ChildProcess | null = null;
let shutdown: (() => Promise<void>) | null = null;
let stopping = false;

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  if (build && build.exitCode === null && build.signalCode === null) {
    // The build gets the signal; start exits only after it has.
    build.once('exit', () => process.exit(SIGNAL_EXIT[signal] ?? 1));
    build.kill(signal);
    return;
  }
  if (!shutdown) process.exit(SIGNAL_EXIT[signal] ?? 1);
  void shutdown().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
// Registered before anything else runs, so no stage of start-up falls back to the default (which would orphan a build).
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

async function start(): Promise<void> {
  // Every setting the local cloud and its functions read, checked once before anything starts.
  checkSettings('local');
  const config = readConfig();
  if (!process.argv.includes('--no-build') && h5IsStale()) {
    await buildH5Async((child) => (build = child));
    build = null;
  }
  // The admin console (/admin): esbuild in-process, a few seconds.
  if (!stopping && !process.argv.includes('--no-build') && consoleIsStale()) await buildConsole();
  if (stopping) return;

  let db: Database;
  let signer: TokenSigner | null = null;
  let files: LocalFileStore | undefined;
  if (config.mode === 'cloudbase') {
    db = new CloudBaseDatabase({
      env: setting('TCB_ENV_ID'),
      secretId: setting('TCB_SECRET_ID'),
      secretKey: setting('TCB_SECRET_KEY'),
    });
  } else {
    const local = LocalDatabase.open(config.dataDir);
    shutdown = () => local.close();
    signer = TokenSigner.forDataDir(config.dataDir, config.tokenTtlMs);
    files = new LocalFileStore(path.join(config.dataDir, 'files'));
    useLocalPiiKey(config.dataDir);
    if (await seedIfEmpty(local, clock.now())) console.log('已写入演示数据（永福、秀峰、灵川的驿站与接种点）');
    db = local;
  }

  const server = createLocalCloud({ db, signer, staticDir: H5_DIR, allowedHosts: config.allowedHosts, files });
  const stopJobs =
    config.mode === 'local' ? startJobs(db, config.jobIntervalMs, clock.now, { files }) : async () => undefined;
  shutdown = async () => {
    server.close();
    server.closeAllConnections();
    await stopJobs();
    await db.close();
  };
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`无法监听端口 ${config.port}：${error.code ?? error.message}`);
    void shutdown?.().finally(() => process.exit(1));
  });
  server.listen(config.port, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(
      `先锋驿站 local cloud: http://127.0.0.1:${port}/  (${config.mode === 'local' ? `数据目录 ${config.dataDir}` : 'CloudBase'})`,
    );
  });
}

start().catch((error: unknown) => {
  if (stopping) return; // the signal handler exits once the build has
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
