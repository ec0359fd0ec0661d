/**
 * `npm run cloud:setup`: makes a CloudBase environment ready for the functions, and can be run again at
 * any time (it changes only what is missing or wrong):
 *   1. every collection in domain/collections.ts, with its security rule (ADMINONLY / ADMINWRITE);
 *   2. the indexes the code queries by (INDEXES in domain/collections.ts);
 *   3. the reference data: the point rules (a document already there is left as it is, edits included). A
 *      deployment is production: no stations, vaccination sites, goods, branches, demo users, activities or
 *      redemption event — those are the local demo's (DEMO=on); a county's admin enters its own in the console,
 *      and the categories and kinds are the modules' labels;
 *   4. ADMIN_OPENID as an administrator.
 * Collections, rules and indexes go through @cloudbase/manager-node (the management API). The reference
 * data and the admin go through the same `Database` the functions use (CloudBaseDatabase on
 * @cloudbase/node-sdk, signed with the same secret), so they are written in exactly the shape the domain
 * reads, through code the contract suites already cover, instead of a second writer built on the raw API.
 */
import path from 'node:path';
import { COLLECTIONS, INDEXES, indexName, type AclTag, type IndexSpec } from '../domain/collections';
import { setting } from '../domain/core/config';
import { addIfAbsent } from '../domain/core/ids';
import type { Database, Doc, NewDoc } from '../domain/db';
import { RULES } from '../domain/points';
import { POINT_RULES } from '../domain/seed';
import { USERS, userDocSchema } from '../domain/core/identity';

/** The parts of @cloudbase/manager-node 5.6.5 used here; its `CloudBase` instance fits as it is, and so does a test's fake. */
export interface ManagerClient {
  database: {
    createCollectionIfNotExists(name: string): Promise<{ IsCreated: boolean }>;
    describeCollection(
      name: string,
    ): Promise<{ Indexes?: { Name: string; Keys?: { Name?: string; Direction?: string }[] }[] }>;
    updateCollection(
      name: string,
      indexes: {
        CreateIndexes: {
          IndexName: string;
          MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean };
        }[];
      },
    ): Promise<unknown>;
  };
  commonService(): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> };
}

export interface SetupOptions {
  manager: ManagerClient;
  db: Database;
  envId: string;
  adminOpenid: string | null;
  now: number;
  log?: (line: string) => void;
}

export interface SetupReport {
  collectionsCreated: string[];
  rulesSet: string[];
  indexesCreated: string[];
  seeded: Record<string, number>;
  admin: 'created' | 'promoted' | 'replaced' | 'unchanged' | 'skipped';
  /** Everything above that changed the environment: 0 on a run after a complete one. */
  changes: number;
}

/**
 * Reference data, by collection: what a county starts from (edit it in the console afterwards). Production holds
 * nothing illustrative: the point rules only (no stations, sites, goods, branches or events).
 */
export function referenceData(): Record<string, readonly object[]> {
  return { [RULES]: POINT_RULES };
}

const asDoc = (value: object): NewDoc & { _id: string } =>
  JSON.parse(JSON.stringify(value)) as NewDoc & { _id: string };

const sameKeys = (spec: IndexSpec, keys: { Name?: string; Direction?: string }[] | undefined) =>
  keys !== undefined &&
  keys.length === spec.keys.length &&
  spec.keys.every(([field, dir], i) => keys[i]?.Name === field && String(keys[i]?.Direction) === String(dir));

async function currentAcl(manager: ManagerClient, envId: string, collection: string): Promise<string | null> {
  const res = (await manager
    .commonService()
    .call({ Action: 'DescribeSafeRule', Param: { CollectionName: collection, EnvId: envId } })) as {
    AclTag?: unknown;
  } | null;
  return typeof res?.AclTag === 'string' ? res.AclTag : null;
}

async function makeAdmin(db: Database, openid: string, now: number): Promise<SetupReport['admin']> {
  const users = db.collection(USERS);
  const existing: Doc | null = await users.doc(openid).get();
  if (!existing) {
    await users.add({ _id: openid, nickname: '管理员', role: 'admin', branchId: null, createdAt: now });
    return 'created';
  }
  const parsed = userDocSchema.safeParse(existing);
  if (!parsed.success) {
    // Written by a client (`_openid`) or unreadable: replaced by a clean admin document, as the operator asked.
    await users.doc(openid).set({ _id: openid, nickname: '管理员', role: 'admin', branchId: null, createdAt: now });
    return 'replaced';
  }
  if (parsed.data.role === 'admin') return 'unchanged';
  await users.doc(openid).update({ role: 'admin', updatedBy: 'cloud:setup', updatedAt: now });
  return 'promoted';
}

export async function cloudSetup({
  manager,
  db,
  envId,
  adminOpenid,
  now,
  log = () => undefined,
}: SetupOptions): Promise<SetupReport> {
  const report: SetupReport = {
    collectionsCreated: [],
    rulesSet: [],
    indexesCreated: [],
    seeded: {},
    admin: 'skipped',
    changes: 0,
  };

  for (const [name, { acl }] of Object.entries(COLLECTIONS) as [string, { acl: AclTag }][]) {
    const { IsCreated } = await manager.database.createCollectionIfNotExists(name);
    if (IsCreated) report.collectionsCreated.push(name);
    if ((await currentAcl(manager, envId, name)) !== acl) {
      await manager
        .commonService()
        .call({ Action: 'ModifySafeRule', Param: { CollectionName: name, EnvId: envId, AclTag: acl } });
      report.rulesSet.push(name);
    }
    log(`${name}: ${IsCreated ? 'created' : 'exists'}, ${acl}`);
  }

  for (const spec of INDEXES) {
    const existing = (await manager.database.describeCollection(spec.collection)).Indexes ?? [];
    const name = indexName(spec);
    // Present under its name, or the same keys made by hand under another.
    if (existing.some((i) => i.Name === name || sameKeys(spec, i.Keys))) continue;
    await manager.database.updateCollection(spec.collection, {
      CreateIndexes: [
        {
          IndexName: name,
          MgoKeySchema: {
            MgoIndexKeys: spec.keys.map(([field, dir]) => ({ Name: field, Direction: String(dir) })),
            MgoIsUnique: false,
          },
        },
      ],
    });
    report.indexesCreated.push(`${spec.collection}.${name}`);
    log(`index ${spec.collection}.${name} created`);
  }

  for (const [collection, docs] of Object.entries(referenceData())) {
    let added = 0;
    for (const doc of docs.map(asDoc)) {
      // Looked up first so that a re-run neither writes nor depends on how a duplicate `_id` surfaces.
      if (await db.collection(collection).doc(doc._id).get()) continue;
      if (await addIfAbsent(db, collection, doc)) added += 1;
    }
    report.seeded[collection] = added;
    log(`${collection}: ${added} added, ${docs.length - added} already there`);
  }

  if (adminOpenid) {
    report.admin = await makeAdmin(db, adminOpenid, now);
    log(`admin ${adminOpenid}: ${report.admin}`);
  }

  report.changes =
    report.collectionsCreated.length +
    report.rulesSet.length +
    report.indexesCreated.length +
    Object.values(report.seeded).reduce((a, b) => a + b, 0) +
    (report.admin === 'unchanged' || report.admin === 'skipped' ? 0 : 1);
  return report;
}

/** A configuration error, in Chinese and English, naming the variable and how to set it. */
export class SetupConfigError extends Error {
  override name = 'SetupConfigError';
}

export interface SetupConfig {
  envId: string;
  secretId: string;
  secretKey: string;
  adminOpenid: string | null;
}

export function readSetupConfig(env: NodeJS.ProcessEnv): SetupConfig {
  const read = <K extends 'ENV_ID' | 'TCB_ENV_ID' | 'TCB_SECRET_ID' | 'TCB_SECRET_KEY' | 'ADMIN_OPENID'>(name: K) => {
    try {
      return setting(name, env)?.trim() ?? '';
    } catch (error) {
      throw new SetupConfigError(error instanceof Error ? error.message : String(error));
    }
  };
  const envId = read('ENV_ID') || read('TCB_ENV_ID');
  const secretId = read('TCB_SECRET_ID');
  const secretKey = read('TCB_SECRET_KEY');
  const missing: string[] = [];
  if (!envId)
    missing.push(
      'ENV_ID（或 TCB_ENV_ID）：云开发环境 ID，在云开发控制台「环境」页可见 / the CloudBase environment id, shown in the console',
    );
  if (!secretId)
    missing.push(
      'TCB_SECRET_ID：腾讯云 API 密钥 SecretId（访问管理 → API 密钥管理）/ a Tencent Cloud API key SecretId (CAM → API keys)',
    );
  if (!secretKey) missing.push('TCB_SECRET_KEY：与 SecretId 配对的 SecretKey / the SecretKey paired with it');
  if (missing.length > 0) {
    throw new SetupConfigError(
      `缺少环境变量 / missing environment variables:\n  - ${missing.join('\n  - ')}\n` +
        '例如 / e.g.: ENV_ID=xxx TCB_SECRET_ID=xxx TCB_SECRET_KEY=xxx ADMIN_OPENID=xxx npm run cloud:setup',
    );
  }
  // The config table checks its form (letters, digits, - and _).
  const adminOpenid = read('ADMIN_OPENID');
  return { envId, secretId, secretKey, adminOpenid: adminOpenid || null };
}

async function main(): Promise<void> {
  const config = readSetupConfig(process.env);
  // Loaded here, not at the top: the test injects its own manager and database.
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const { CloudBaseDatabase } = await import('../domain/db/cloudbase');
  const manager = new CloudBase({ secretId: config.secretId, secretKey: config.secretKey, envId: config.envId });
  const db = new CloudBaseDatabase({ env: config.envId, secretId: config.secretId, secretKey: config.secretKey });
  const report = await cloudSetup({
    manager,
    db,
    envId: config.envId,
    adminOpenid: config.adminOpenid,
    now: Date.now(),
    log: (line) => console.log(line),
  });
  console.log(`\n${report.changes} changes / 处变更`);
  if (!config.adminOpenid) {
    console.log(
      '未设置 ADMIN_OPENID，没有指定管理员。在小程序里打开一次「我的」，到控制台 数据库 → users 找到自己的 _id（openid），再运行：\n' +
        'No ADMIN_OPENID: no administrator set. Open 「我的」 in the mini-program once, find your _id (openid) in the console under users, then run:\n' +
        '  ADMIN_OPENID=<openid> npm run cloud:setup',
    );
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof SetupConfigError ? error.message : error);
    process.exit(1);
  });
}
