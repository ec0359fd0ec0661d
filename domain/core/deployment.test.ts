/** The one 「演示数据」 switch: read from meta/deployment, absent or malformed → not a demo. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../test/support/engine';
import { DEPLOYMENT_DOC, META, isDemoDeployment } from './deployment';

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-deployment-')), 'local');
});
afterAll(() => db.close());

test('no deployment document is no demo', async () => {
  expect(await isDemoDeployment(db)).toBe(false);
});

test('the demo flag is read as written, and anything but true is no demo', async () => {
  await db.collection(META).doc(DEPLOYMENT_DOC).set({ demo: true });
  expect(await isDemoDeployment(db)).toBe(true);
  await db.collection(META).doc(DEPLOYMENT_DOC).set({ demo: false });
  expect(await isDemoDeployment(db)).toBe(false);
  await db.collection(META).doc(DEPLOYMENT_DOC).set({ demo: 'yes' });
  expect(await isDemoDeployment(db)).toBe(false);
  await db.collection(META).doc(DEPLOYMENT_DOC).set({});
  expect(await isDemoDeployment(db)).toBe(false);
});
