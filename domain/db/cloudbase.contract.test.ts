import { clock } from '../core/clock';
import { startCloudBaseDouble, type CloudBaseDouble } from '../../test/support/cloudbase-double/server';
import { CloudBaseDatabase } from './cloudbase';
import { storageContract } from './contract';

/** The contract's collections; CloudBase creates none on first write. */
const CONTRACT_COLLECTIONS = ['goods', 'users', 'accounts', 'ledger', 'many', 'stations', 'slots'];

describe.each(['matched', 'modified'] as const)(
  'storage contract through @cloudbase/node-sdk against the CloudBase double (updated = %s)',
  (updated) => {
    let double: CloudBaseDouble;
    const prefix = 'ct_';
    beforeAll(async () => {
      double = await startCloudBaseDouble({ updated });
      double.createCollections(CONTRACT_COLLECTIONS.map((c) => `${prefix}${c}`));
      Object.assign(process.env, double.sdkEnv());
    });
    afterAll(() => double.close());
    storageContract({
      prefix,
      // Both ways of pointing the SDK: a function's environment alone, and explicit init options.
      open: async () =>
        updated === 'matched'
          ? new CloudBaseDatabase()
          : new CloudBaseDatabase({
              env: double.envId,
              serviceUrl: double.url,
              secretId: 'double-id',
              secretKey: 'double-key',
            }),
    });
  },
);

const env = process.env.TCB_ENV_ID;
const secretId = process.env.TCB_SECRET_ID;
const secretKey = process.env.TCB_SECRET_KEY;
const configured = Boolean(env && secretId && secretKey);

if (!configured) {
  // Printed so that a green run says plainly what it did not cover.
  console.info(
    'CloudBase contract suite against a real environment skipped: set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run it against a test environment.',
  );
}

(configured ? describe : describe.skip)('storage contract on a real CloudBase environment', () => {
  const prefix = `ct_${clock.now().toString(36)}_`;
  storageContract({ prefix, open: async () => new CloudBaseDatabase({ env, secretId, secretKey }) });
});
