/**
 * `npm run cloud:setup` against a recording stand-in for @cloudbase/manager-node that keeps state as the
 * management API does (collections, each one's rule, its indexes), and the embedded engine as the database.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS, INDEXES, indexName } from '../../domain/collections';
import { LocalDatabase } from '../../domain/db/local/engine';
import { DEMO_USERS, STATIONS } from '../../domain/seed/data';
import { POINT_RULES } from '../../domain/seed/points-data';
import {
  cloudSetup,
  readSetupConfig,
  referenceData,
  SetupConfigError,
  type ManagerClient,
} from '../../scripts/cloud-setup';

const ENV = 'xfyz-test-1a2b';

interface Index {
  Name: string;
  Keys: { Name: string; Direction: string }[];
}

/** The management API as far as cloud:setup uses it: state, and every write recorded. */
class FakeManager implements ManagerClient {
  readonly collections = new Map<string, { acl: string; indexes: Index[] }>();
  readonly writes: string[] = [];

  readonly database = {
    createCollectionIfNotExists: async (name: string) => {
      if (this.collections.has(name)) return { IsCreated: false };
      // A new collection gets CloudBase's default: creator-writable, the rule this set-up must replace.
      this.collections.set(name, {
        acl: 'PRIVATE',
        indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] }],
      });
      this.writes.push(`create ${name}`);
      return { IsCreated: true };
    },
    describeCollection: async (name: string) => {
      const c = this.collections.get(name);
      if (!c) throw new Error(`DATABASE_COLLECTION_NOT_EXIST: ${name}`);
      return { Indexes: c.indexes.map((i) => ({ ...i, Keys: [...i.Keys] })) };
    },
    updateCollection: async (
      name: string,
      info: {
        CreateIndexes: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[] } }[];
      },
    ) => {
      const c = this.collections.get(name);
      if (!c) throw new Error(`DATABASE_COLLECTION_NOT_EXIST: ${name}`);
      for (const i of info.CreateIndexes) {
        if (c.indexes.some((x) => x.Name === i.IndexName)) throw new Error(`index exists: ${i.IndexName}`);
        c.indexes.push({ Name: i.IndexName, Keys: i.MgoKeySchema.MgoIndexKeys });
        this.writes.push(`index ${name}.${i.IndexName}`);
      }
      return { RequestId: 'r' };
    },
  };

  commonService() {
    return {
      call: async ({ Action, Param }: { Action: string; Param: Record<string, unknown> }) => {
        if (Param.EnvId !== ENV) throw new Error(`wrong EnvId: ${String(Param.EnvId)}`);
        const c = this.collections.get(String(Param.CollectionName));
        if (!c) throw new Error('DATABASE_COLLECTION_NOT_EXIST');
        if (Action === 'DescribeSafeRule') return { AclTag: c.acl, Rule: null, RequestId: 'r' };
        if (Action === 'ModifySafeRule') {
          const tag = String(Param.AclTag);
          if (!['READONLY', 'PRIVATE', 'ADMINWRITE', 'ADMINONLY', 'CUSTOM'].includes(tag))
            throw new Error(`bad AclTag ${tag}`);
          if (tag === 'CUSTOM' && typeof Param.Rule !== 'string') throw new Error('CUSTOM needs a Rule string');
          c.acl = tag;
          this.writes.push(`rule ${String(Param.CollectionName)} ${tag}`);
          return { RequestId: 'r' };
        }
        throw new Error(`unexpected Action ${Action}`);
      },
    };
  }
}

const NOW = Date.parse('2026-11-23T02:00:00Z');
let dir: string;
let db: LocalDatabase;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-setup-'));
  db = LocalDatabase.open(dir);
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a fresh environment gets every collection with its rule, every index, the point rules and the first admin — nothing of the demo', async () => {
  const manager = new FakeManager();
  const report = await cloudSetup({ manager, db, envId: ENV, adminOpenid: 'o-county-it-person', now: NOW });

  expect([...manager.collections.keys()].sort()).toEqual(Object.keys(COLLECTIONS).sort());
  for (const [name, { acl }] of Object.entries(COLLECTIONS)) expect(manager.collections.get(name)!.acl).toBe(acl);
  // People's data is never readable by a client; only the public directories are.
  expect(manager.collections.get('users')!.acl).toBe('ADMINONLY');
  expect(manager.collections.get('pointAccounts')!.acl).toBe('ADMINONLY');
  expect(manager.collections.get('vaccinePersons')!.acl).toBe('ADMINONLY');
  expect(manager.collections.get('stations')!.acl).toBe('ADMINWRITE');
  for (const spec of INDEXES) {
    const made = manager.collections.get(spec.collection)!.indexes.find((i) => i.Name === indexName(spec));
    expect(made?.Keys).toEqual(spec.keys.map(([field, dir]) => ({ Name: field, Direction: String(dir) })));
  }

  expect(await db.collection('pointRules').count()).toBe(POINT_RULES.length);
  // Production: no stations, sites, goods, branches, units, activities or redemption event (the local demo's).
  for (const collection of [
    'stations',
    'serviceItems',
    'slots',
    'vaccineSites',
    'goods',
    'branches',
    'orgUnits',
    'activities',
    'redemptionEvents',
    'helpRequests',
  ]) {
    expect(Object.keys(COLLECTIONS)).toContain(collection);
    expect(await db.collection(collection).count()).toBe(0);
  }
  // Not the demo people: the only user is the admin named by the operator.
  expect(await db.collection('users').get()).toEqual([
    { _id: 'o-county-it-person', nickname: '管理员', role: 'admin', branchId: null, createdAt: NOW },
  ]);
  for (const demo of DEMO_USERS) expect(await db.collection('users').doc(demo._id).get()).toBeNull();
  expect(await db.collection('pointAccounts').count()).toBe(0);

  const seeded = Object.values(referenceData()).reduce((n, docs) => n + docs.length, 0);
  const collections = Object.keys(COLLECTIONS).length;
  expect(report).toMatchObject({ admin: 'created', changes: collections * 2 + INDEXES.length + seeded + 1 });
});

test('running it twice changes nothing: the second run reports 0 changes and writes nothing', async () => {
  const manager = new FakeManager();
  await cloudSetup({ manager, db, envId: ENV, adminOpenid: 'o-admin', now: NOW });
  const writes = manager.writes.length;
  const before = JSON.stringify(
    await Promise.all(Object.keys(COLLECTIONS).map((c) => db.collection(c).limit(1000).get())),
  );

  const again = await cloudSetup({ manager, db, envId: ENV, adminOpenid: 'o-admin', now: NOW + 86_400_000 });
  expect(again).toEqual({
    collectionsCreated: [],
    rulesSet: [],
    indexesCreated: [],
    seeded: Object.fromEntries(Object.keys(referenceData()).map((c) => [c, 0])),
    admin: 'unchanged',
    changes: 0,
  });
  expect(manager.writes).toHaveLength(writes);
  expect(
    JSON.stringify(await Promise.all(Object.keys(COLLECTIONS).map((c) => db.collection(c).limit(1000).get()))),
  ).toBe(before);
});

test('it repairs what was made by hand: a too-open rule, a missing index; a station an admin entered stays as entered', async () => {
  const manager = new FakeManager();
  await cloudSetup({ manager, db, envId: ENV, adminOpenid: null, now: NOW });
  await db.collection('stations').add({ ...STATIONS[0]!, phone: '0773-1234567' });
  manager.collections.get('users')!.acl = 'PRIVATE';
  manager.collections.get('orders')!.indexes = manager.collections
    .get('orders')!
    .indexes.filter((i) => !i.Name.startsWith('status'));
  await db.collection('stations').doc(STATIONS[0]!._id).update({ phone: '0773-0000000' });
  await db.collection('pointRules').doc(POINT_RULES[0]!._id).remove();

  const report = await cloudSetup({ manager, db, envId: ENV, adminOpenid: null, now: NOW });
  expect(report.rulesSet).toEqual(['users']);
  expect(report.indexesCreated).toEqual(['orders.status_asc_expiresAt_asc', 'orders.status_asc_pickedAt_asc']);
  expect(report.seeded.pointRules).toBe(1);
  expect(report.admin).toBe('skipped');
  expect(report.changes).toBe(4);
  expect(manager.collections.get('users')!.acl).toBe('ADMINONLY');
  expect(await db.collection('stations').doc(STATIONS[0]!._id).get()).toMatchObject({ phone: '0773-0000000' });
  expect(await db.collection('stations').count()).toBe(1);
});

test('ADMIN_OPENID: a resident is promoted; a document a client planted is replaced by a clean admin', async () => {
  const manager = new FakeManager();
  await db
    .collection('users')
    .add({ _id: 'o-resident', nickname: '老张', role: 'resident', branchId: 'br-yf-xiangyang', createdAt: 1 });
  expect((await cloudSetup({ manager, db, envId: ENV, adminOpenid: 'o-resident', now: NOW })).admin).toBe('promoted');
  expect(await db.collection('users').doc('o-resident').get()).toMatchObject({
    nickname: '老张',
    role: 'admin',
    branchId: 'br-yf-xiangyang',
  });

  await db
    .collection('users')
    .add({ _id: 'o-planted', _openid: 'o-planted', nickname: 'x', role: 'admin', branchId: null, createdAt: 1 });
  expect((await cloudSetup({ manager, db, envId: ENV, adminOpenid: 'o-planted', now: NOW })).admin).toBe('replaced');
  expect(await db.collection('users').doc('o-planted').get()).toEqual({
    _id: 'o-planted',
    nickname: '管理员',
    role: 'admin',
    branchId: null,
    createdAt: NOW,
  });
});

test('missing configuration is refused in Chinese and English, naming each variable', () => {
  expect(() => readSetupConfig({})).toThrow(SetupConfigError);
  try {
    readSetupConfig({ TCB_SECRET_ID: 'id' });
  } catch (error) {
    const message = (error as Error).message;
    expect(message).toContain('ENV_ID（或 TCB_ENV_ID）');
    expect(message).toContain('TCB_SECRET_KEY');
    expect(message).not.toContain('TCB_SECRET_ID：');
    expect(message).toContain('missing environment variables');
  }
  expect(readSetupConfig({ TCB_ENV_ID: ' e1 ', TCB_SECRET_ID: 'i', TCB_SECRET_KEY: 'k' })).toEqual({
    envId: 'e1',
    secretId: 'i',
    secretKey: 'k',
    adminOpenid: null,
  });
  expect(() =>
    readSetupConfig({ ENV_ID: 'e', TCB_SECRET_ID: 'i', TCB_SECRET_KEY: 'k', ADMIN_OPENID: 'not an openid!' }),
  ).toThrow('ADMIN_OPENID');
});

test('`npm run cloud:setup` without credentials exits 1 with the bilingual message and touches nothing', () => {
  const root = path.resolve(__dirname, '../..');
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/cloud-setup.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('缺少环境变量 / missing environment variables');
  expect(result.stderr).toContain('TCB_SECRET_KEY');
});

test('the index list names real collections, once each, within CloudBase’s per-collection quota', () => {
  const names = INDEXES.map((spec) => `${spec.collection}.${indexName(spec)}`);
  expect(new Set(names).size).toBe(names.length);
  for (const spec of INDEXES) {
    expect(Object.keys(COLLECTIONS)).toContain(spec.collection);
    expect(indexName(spec)).toMatch(/^[A-Za-z0-9_]+$/);
  }
  for (const c of Object.keys(COLLECTIONS))
    expect(INDEXES.filter((s) => s.collection === c).length).toBeLessThanOrEqual(20);
});
