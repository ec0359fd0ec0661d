/**
 * Which database engine a test file runs on. The `node` jest project runs on the embedded engine;
 * the `cloudbase-matched` and `cloudbase-modified` projects set XFYZ_TEST_ENGINE (see jest.config.js)
 * so that the same suites run through the real @cloudbase/node-sdk against the CloudBase double.
 */
import type { Database } from '../../domain/db';
import { CloudBaseDatabase } from '../../domain/db/cloudbase';
import { LocalDatabase } from '../../domain/db/local/engine';
import { createProductCollections } from './cloudbase-double/collections';
import { startCloudBaseDouble, type CloudBaseDouble } from './cloudbase-double/server';

export type EngineName = 'local' | 'cloudbase-matched' | 'cloudbase-modified';
/** Any engine, plus a count of document writes so far (unchanged means a request wrote nothing). */
export type TestDatabase = Database & { readonly writes: number };

export function selectedEngine(): EngineName {
  const name = process.env.XFYZ_TEST_ENGINE ?? 'local';
  if (name !== 'local' && name !== 'cloudbase-matched' && name !== 'cloudbase-modified')
    throw new Error(`XFYZ_TEST_ENGINE=${name} is not an engine`);
  return name;
}

/** The SDK in front of a double of its own; closing the database stops the double. */
class DoubleBackedDatabase extends CloudBaseDatabase {
  constructor(readonly double: CloudBaseDouble) {
    super({ env: double.envId, serviceUrl: double.url, secretId: 'double-secret-id', secretKey: 'double-secret-key' });
  }
  get writes(): number {
    return this.double.store.writes;
  }
  override async close(): Promise<void> {
    await this.double.close();
  }
}

/** A fresh, empty database on `engine`: a folder for the embedded one, a double with every collection for CloudBase. */
export async function openTestDatabase(dir: string, engine: EngineName = selectedEngine()): Promise<TestDatabase> {
  if (engine === 'local') return LocalDatabase.open(dir);
  const double = await startCloudBaseDouble({ updated: engine === 'cloudbase-matched' ? 'matched' : 'modified' });
  createProductCollections(double);
  double.unref();
  // The rest of sdkEnv() is given explicitly; this one spares a metadata-host lookup per request.
  process.env.TENCENTCLOUD = double.sdkEnv().TENCENTCLOUD;
  return new DoubleBackedDatabase(double);
}
