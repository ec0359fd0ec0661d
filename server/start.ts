/**
 * `npm start`: builds the H5 app when missing or stale, opens the data folder, seeds on first start
 * (the demo and its history, or with DEMO=off production's reference data only), and serves the app and
 * every cloud function on 127.0.0.1.
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
import { historyStart, seedHistory, seedIfEmpty } from '../domain/seed';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { LocalFileStore } from '../domain/files';
import { LocalContentCheck } from '../domain/content';
import { applyPictureVerdict } from '../domain/requests';
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

/**
 * The first start seeds the demo (DEMO=on, the default) and plays its history (DEMO_HISTORY=on: a quarter of
 * activity through the functions with the clock set back), or production's reference data (DEMO=off). Each part
 * marks its completion last, so a start after an interrupted one finishes it, and a later start does nothing.
 */
async function seedOnFirstStart(db: Database, files: LocalFileStore): Promise<void> {
  const now = clock.now();
  const demo = setting('DEMO') === 'on';
  const history = demo && setting('DEMO_HISTORY') === 'on';
  const days = setting('DEMO_HISTORY_DAYS');
  const seeded = await seedIfEmpty(
    db,
    now,
    demo
      ? { mode: 'demo', openingAt: history ? historyStart(now, days) : now }
      : { mode: 'production', adminOpenid: setting('ADMIN_OPENID') ?? 'admin' },
  );
  if (seeded)
    console.log(
      demo
        ? '已写入演示数据（永福、秀峰、灵川的驿站与接种点）'
        : '生产模式：已写入积分细则和管理员，驿站、接种点和商品请管理员在管理后台添加',
    );
  if (!history) return;
  const report = await seedHistory(db, { functions: FUNCTIONS, services: { files } }, { now, days });
  if (report) {
    const actions = Object.values(report.actions).reduce((a, b) => a + b, 0);
    console.log(`已写入演示历史：过去 ${days} 天的 ${actions} 次操作（${(report.ms / 1000).toFixed(1)} 秒）`);
  }
}

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
  let content: LocalContentCheck | undefined;
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
    await seedOnFirstStart(local, files);
    db = local;
    const store = files;
    content = new LocalContentCheck({
      deliver: async (verdict) =>
        void (await applyPictureVerdict(local, verdict, clock.now(), { files: store, content })),
    });
  }

  const server = createLocalCloud({ db, signer, staticDir: H5_DIR, allowedHosts: config.allowedHosts, files, content });
  const stopJobs =
    config.mode === 'local'
      ? startJobs(db, config.jobIntervalMs, clock.now, { files, content })
      : async () => undefined;
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
