/**
 * The Database API on Tencent CloudBase: a thin translation onto @cloudbase/node-sdk.
 * This is the only file that knows the SDK's shapes; the domain never sees them.
 */
import tcb from '@cloudbase/node-sdk';
import { Op, command, type Query, type QueryValue, type UpdateDoc, type UpdateValue } from './command';
import {
  DbError,
  MAX_LIMIT,
  type CollectionRef,
  type Database,
  type Doc,
  type DocRef,
  type NewDoc,
  type QueryRef,
  type SortDirection,
  type Transaction,
  type TxCollectionRef,
  type TxDocRef,
} from './types';

/** The parts of the SDK used here, typed narrowly so that nothing untyped crosses this seam. */
interface SdkCommand {
  [name: string]: (...args: unknown[]) => unknown;
}
interface SdkQuery {
  where(q: unknown): SdkQuery;
  orderBy(field: string, direction: SortDirection): SdkQuery;
  skip(n: number): SdkQuery;
  limit(n: number): SdkQuery;
  get(): Promise<{ data: Doc[] }>;
  count(): Promise<{ total: number }>;
  update(data: unknown): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}
interface SdkDoc {
  get(): Promise<{ data: Doc[] | Doc | null }>;
  set(data: unknown): Promise<unknown>;
  update(data: unknown): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}
interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDoc;
  add(data: unknown): Promise<{ id: string }>;
}
interface SdkTransaction {
  collection(name: string): SdkCollection;
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}
interface SdkDb {
  command: SdkCommand;
  RegExp(param: { regexp: string; options: string }): unknown;
  collection(name: string): SdkCollection;
  // Not runTransaction: it makes `times + 1` attempts and retries inside our own retry loop.
  startTransaction(): Promise<SdkTransaction>;
}

/**
 * Without options the SDK configures itself from the function's environment, as on CloudBase:
 * the environment id (TCB_ENV / SCF_NAMESPACE), credentials (TENCENTCLOUD_SECRETID…) and, when
 * set, the service URL in TCB_CONTEXT_CNFG.
 */
export interface CloudBaseOptions {
  env?: string;
  secretId?: string;
  secretKey?: string;
  /** The SDK's `serviceUrl`: where its requests go instead of CloudBase's endpoint (the test double). */
  serviceUrl?: string;
}

const BACKOFF_BASE_MS = 8;
const BACKOFF_CAP_MS = 400;

/** Exponential back-off with full jitter: colliding transactions spread out instead of colliding again. */
export function conflictBackoffMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
}

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Op);
}

export class CloudBaseDatabase implements Database {
  readonly command = command;
  private readonly sdk: SdkDb;

  constructor(options: CloudBaseOptions = {}) {
    const app = tcb.init({
      env: options.env ?? tcb.SYMBOL_CURRENT_ENV,
      ...(options.secretId ? { secretId: options.secretId, secretKey: options.secretKey } : {}),
      ...(options.serviceUrl ? { serviceUrl: options.serviceUrl } : {}),
    });
    this.sdk = app.database() as unknown as SdkDb;
  }

  collection(name: string): CollectionRef {
    return new CloudCollection(this, this.sdk.collection(name), this.sdk.collection(name));
  }

  /** Each attempt is one CloudBase transaction; only a write conflict is retried, after a back-off. */
  async runTransaction<T>(fn: (tx: Transaction) => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(fn);
      } catch (error) {
        if (!isConflict(error)) throw error;
        if (attempt >= attempts) throw new DbError('TRANSACTION_CONFLICT', '事务冲突：文档已被其他请求修改');
        await new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
      }
    }
  }

  private async attempt<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const sdkTx = await this.sdk.startTransaction();
    try {
      const result = await fn(new CloudTransaction(this, sdkTx));
      await sdkTx.commit();
      return result;
    } catch (error) {
      // After a conflict CloudBase has already aborted it; a rollback that fails changes nothing.
      await sdkTx.rollback().catch(() => undefined);
      throw error;
    }
  }

  /** Every CloudBase write is acknowledged only once stored. */
  async sync(): Promise<void> {}

  async close(): Promise<void> {}

  // ---- translation ----

  queryValue(value: QueryValue): unknown {
    if (!(value instanceof Op)) return value;
    const _ = this.sdk.command;
    switch (value.kind) {
      case 'regex':
        return this.sdk.RegExp({ regexp: String(value.value), options: value.options ?? '' });
      case 'and':
      case 'or':
        return _[value.kind]!((value.value as Query[]).map((q) => this.query(q)));
      case 'eq':
      case 'neq':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
      case 'in':
      case 'nin':
      case 'exists':
        return _[value.kind]!(value.value);
      default:
        throw new DbError('INVALID_QUERY', `查询中不能使用 ${value.kind}`);
    }
  }

  query(query: Query): unknown {
    if (query instanceof Op) return this.queryValue(query);
    const out: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(query)) {
      if (field.startsWith('$')) throw new DbError('INVALID_QUERY', `字段名不能以 $ 开头：${field}`);
      if (value !== undefined) out[field] = this.queryValue(value);
    }
    return out;
  }

  update(update: UpdateDoc): unknown {
    const _ = this.sdk.command;
    const convert = (value: UpdateValue): unknown => {
      if (value instanceof Op) {
        if (value.kind === 'remove') return _.remove!();
        if (value.kind === 'inc' || value.kind === 'set' || value.kind === 'push' || value.kind === 'pull')
          return _[value.kind]!(value.value);
        throw new DbError('INVALID_QUERY', `更新中不能使用 ${value.kind}`);
      }
      if (isPlain(value))
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v as UpdateValue)]));
      return value;
    };
    if ('_id' in update) throw new DbError('INVALID_QUERY', '不能修改 _id');
    return convert(update as UpdateValue);
  }
}

function isConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  return code === 'DATABASE_TRANSACTION_CONFLICT' || /TRANSACTION_CONFLICT|write ?conflict/i.test(message);
}

function isDuplicate(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const text = `${String(code ?? '')} ${String((error as { message?: unknown } | null)?.message ?? '')}`;
  return code === 'DATABASE_DUPLICATE_WRITE' || /duplicate|E11000/i.test(text);
}

/** Inserts; a taken `_id` becomes DUPLICATE_KEY, in or out of a transaction, so callers can draw again. */
async function addDoc(col: SdkCollection, data: NewDoc): Promise<{ id: string }> {
  try {
    const result = await col.add(JSON.parse(JSON.stringify(data)));
    return { id: result.id };
  } catch (error) {
    if (isDuplicate(error)) throw new DbError('DUPLICATE_KEY', `_id 已存在：${String(data._id)}`);
    throw error;
  }
}

function withoutId(data: NewDoc): Record<string, unknown> {
  const { _id: _ignored, ...rest } = data;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

function firstDoc(data: Doc[] | Doc | null): Doc | null {
  if (Array.isArray(data)) return data[0] ?? null;
  return data ?? null;
}

class CloudQuery implements QueryRef {
  constructor(
    protected readonly db: CloudBaseDatabase,
    protected readonly q: SdkQuery,
  ) {}

  orderBy(field: string, direction: SortDirection): QueryRef {
    return new CloudQuery(this.db, this.q.orderBy(field, direction));
  }
  skip(n: number): QueryRef {
    return new CloudQuery(this.db, this.q.skip(n));
  }
  limit(n: number): QueryRef {
    return new CloudQuery(this.db, this.q.limit(Math.min(n, MAX_LIMIT)));
  }
  async get(): Promise<Doc[]> {
    return (await this.q.get()).data;
  }
  async count(): Promise<number> {
    return (await this.q.count()).total;
  }
  async update(data: UpdateDoc): Promise<{ updated: number }> {
    return { updated: (await this.q.update(this.db.update(data))).updated };
  }
  async remove(): Promise<{ deleted: number }> {
    return { deleted: (await this.q.remove()).deleted };
  }
}

class CloudCollection extends CloudQuery implements CollectionRef {
  // No forced limit: the SDK's get already defaults to DEFAULT_LIMIT, and a limit on remove() only draws its warning.
  constructor(
    db: CloudBaseDatabase,
    private readonly col: SdkCollection,
    base: SdkQuery,
  ) {
    super(db, base);
  }
  doc(id: string): DocRef {
    return cloudDoc(this.db, this.col.doc(id));
  }
  add(data: NewDoc): Promise<{ id: string }> {
    return addDoc(this.col, data);
  }
  where(query: Query): QueryRef {
    return new CloudQuery(this.db, this.col.where(this.db.query(query)));
  }
}

function cloudDoc(db: CloudBaseDatabase, ref: SdkDoc): DocRef & TxDocRef {
  return {
    async get() {
      return firstDoc((await ref.get()).data);
    },
    async set(data) {
      await ref.set(withoutId(data));
    },
    async update(data) {
      return { updated: (await ref.update(db.update(data))).updated };
    },
    async remove() {
      return { deleted: (await ref.remove()).deleted };
    },
  };
}

class CloudTransaction implements Transaction {
  constructor(
    private readonly db: CloudBaseDatabase,
    private readonly sdkTx: SdkTransaction,
  ) {}

  collection(name: string): TxCollectionRef {
    const col = this.sdkTx.collection(name);
    const db = this.db;
    return {
      doc: (id: string) => cloudDoc(db, col.doc(id)),
      add: (data: NewDoc) => addDoc(col, data),
      // The SDK would run this outside the transaction; refuse it as the local engine does.
      where: (): never => {
        throw new DbError('WHERE_IN_TRANSACTION', '事务中只能按 _id 操作单个文档，不能使用 where');
      },
    } as TxCollectionRef;
  }
}
