import { CloudBaseDatabase } from './cloudbase';
import { storageContract } from './contract';

const env = process.env.TCB_ENV_ID;
const secretId = process.env.TCB_SECRET_ID;
const secretKey = process.env.TCB_SECRET_KEY;
const configured = Boolean(env && secretId && secretKey);

if (!configured) {
  // Printed so that a green run says plainly what it did not cover.
  console.info('CloudBase contract suite skipped: set TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY to run it against a test environment.');
}

(configured ? describe : describe.skip)('storage contract on CloudBase', () => {
  const prefix = `ct_${Date.now().toString(36)}_`;
  storageContract({ prefix, open: async () => new CloudBaseDatabase({ env, secretId, secretKey }) });
});
