/**
 * `npm start`: builds the H5 app when missing or stale, opens the data folder, seeds demo data
 * on first start, and serves the app and every cloud function on 127.0.0.1.
 */
import { CloudBaseDatabase } from '../domain/db/cloudbase';
import { LocalDatabase } from '../domain/db/local/engine';
import type { Database } from '../domain/db';
import { useLocalPiiKey } from '../domain/privacy/crypto';
import { seedIfEmpty } from '../domain/seed/seed';
import { createLocalCloud } from './app';
import { TokenSigner } from './auth';
import { H5_DIR, readConfig } from './config';
import { buildH5, h5IsStale } from './h5-build';
import { startJobs } from './jobs';

async function start(): Promise<void> {
  const config = readConfig();
  if (!process.argv.includes('--no-build') && h5IsStale()) buildH5();

  let db: Database;
  let signer: TokenSigner | null = null;
  if (config.mode === 'cloudbase') {
    db = new CloudBaseDatabase({ env: process.env.TCB_ENV_ID, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY });
  } else {
    const local = LocalDatabase.open(config.dataDir);
    signer = TokenSigner.forDataDir(config.dataDir);
    useLocalPiiKey(config.dataDir);
    if (await seedIfEmpty(local, Date.now())) console.log('已写入演示数据（永福、秀峰、灵川的驿站与接种点）');
    db = local;
  }

  const server = createLocalCloud({ db, signer, staticDir: H5_DIR });
  const stopJobs = config.mode === 'local' ? startJobs(db, config.jobIntervalMs) : async () => undefined;
  server.listen(config.port, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`先锋驿站 local cloud: http://127.0.0.1:${port}/  (${config.mode === 'local' ? `数据目录 ${config.dataDir}` : 'CloudBase'})`);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    void stopJobs()
      .then(() => db.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

start().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
