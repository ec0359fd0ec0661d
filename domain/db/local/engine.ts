import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { Mutex } from 'async-mutex';
import { command, type Query, type UpdateDoc } from '../command';
import {
  DEFAULT_LIMIT,
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
} from '../types';
import { Journal, type JournalOptions, type JournalStats, type Write } from './journal';
import { CollectionIndexes, equalities, idLowerBound, seek } from './indexes';
import { toMongoQuery, toMongoUpdate } from './mongo';
import { matcher, updated } from './fast';

interface Entry {
  doc: Doc;
  version: number;
}

const key = (collection: string, id: string): string => `${collection}\u0000${id}`;
/** Documents are plain JSON, so a JSON round trip is a full, fast copy. */
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A CloudBase-like id: 32 hex characters. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}

function assertId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > 256)
    throw new DbError('INVALID_QUERY', '文档 _id 必须是 1 到 256 个字符的字符串');
}

/** Drops `undefined` fields and checks that what remains is plain JSON. */
function toStoredDoc(id: string, data: NewDoc): Doc {
  if (data._id !== undefined && data._id !== id) throw new DbError('INVALID_QUERY', '不能修改 _id');
  const json = JSON.stringify({ ...data, _id: id });
  return JSON.parse(json) as Doc;
}

function applyUpdate(doc: Doc, update: UpdateDoc): Doc {
  return updated(doc, toMongoUpdate(update));
}

interface QuerySpec {
  where: Query;
  order: [string, SortDirection][];
  skip: number;
  limit: number;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

function readPath(doc: Doc, path: string): unknown {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The embedded engine: documents in memory, made durable by the journal.
 * Transactions run one at a time (a FIFO mutex) and validate at commit that nothing written
 * outside them changed what they read, which is where a conflict comes from, as on CloudBase.
 */
export class LocalDatabase implements Database {
  readonly command = command;
  private readonly collections = new Map<string, Map<string, Entry>>();
  private readonly versions = new Map<string, number>();
  private readonly indexes = new Map<string, CollectionIndexes>();
  /** Each collection's ids in order, rebuilt after an insert or delete: keyset paging walks it. */
  private readonly sortedIds = new Map<string, string[]>();
  private clock = 0;
  private readonly txLock = new Mutex();
  /** Set while a transaction's callback runs: a plain write made from inside it waits for the commit's fdatasync. */
  private readonly insideTransaction = new AsyncLocalStorage<{ plainWrites: number }>();
  private readonly journal: Journal;
  private closed = false;

  private constructor(dir: string, options: JournalOptions) {
    this.journal = new Journal(dir, options);
  }

  /**
   * Opens (creating it if needed) a data folder. A corrupt snapshot or journal throws a
   * CorruptDataError naming the file and line, with every file left as it was. `readOnly` takes no
   * LOCK and changes nothing: every write is refused.
   */
  static open(dir: string, options: JournalOptions = {}): LocalDatabase {
    const db = new LocalDatabase(dir, options);
    db.journal.open(
      (write) => db.applyWrite(write),
      () => db.allWrites(),
    );
    // Folding the journal into the snapshot at start-up is an optimisation: a failure leaves both as they were.
    if (db.journal.replayedAtOpen > 0) db.journal.compact();
    return db;
  }

  get dataDir(): string {
    return this.journal.dir;
  }

  collection(name: string): CollectionRef {
    return new LocalCollection(this, name);
  }

  async runTransaction<T>(fn: (tx: Transaction) => Promise<T>, attempts = 3): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const release = await this.txLock.acquire();
      let result: T;
      try {
        const tx = new LocalTransaction(this);
        const failures = this.journal.failures;
        const scope = { plainWrites: 0 };
        result = await this.insideTransaction.run(scope, () => fn(tx));
        // A plain write made inside may have been undone by a failed fdatasync since: then none of this commits.
        if (scope.plainWrites > 0 && this.journal.failures !== failures) throw this.journal.lastFailure;
        this.commit(tx.readVersions, tx.writes);
      } catch (error) {
        if (!(error instanceof DbError && error.code === 'TRANSACTION_CONFLICT') || attempt >= attempts) throw error;
        continue;
      } finally {
        release();
      }
      // The next transaction may run while this one's commit reaches the disk with others'.
      await this.journal.sync();
      return result;
    }
  }

  /** Resolves once every commit so far is durable: answer nobody before it, having read anything. */
  sync(): Promise<void> {
    return this.journal.sync();
  }

  /**
   * A plain write's wait: its fdatasync, except from inside a transaction's callback, whose commit comes
   * later in the journal and is answered only once an fdatasync covering both succeeded (and refused if
   * one failed meanwhile). The transaction's lock is then not held across an fdatasync of its own.
   */
  syncWrite(): Promise<void> {
    const scope = this.insideTransaction.getStore();
    if (!scope) return this.journal.sync();
    scope.plainWrites += 1;
    return Promise.resolve();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.txLock.waitForUnlock();
    this.closed = true;
    // Let an fdatasync under way finish before its file is closed (a failure was answered to its waiters).
    await this.journal.sync().catch(() => undefined);
    this.journal.close();
  }

  /** Commits written and fdatasyncs run since opening: with group commit, many commits share one fdatasync. */
  get durability(): JournalStats {
    return { ...this.journal.stats };
  }

  /** How many document writes have been applied since opening: unchanged means nothing was written. */
  get writes(): number {
    return this.clock;
  }

  /** Number of documents in a collection; for benchmarks and the invariant checker. */
  size(collection: string): number {
    return this.collections.get(collection)?.size ?? 0;
  }

  // ---- engine internals, used by the refs below ----

  readEntry(collection: string, id: string): Entry | undefined {
    return this.collections.get(collection)?.get(id);
  }

  versionOf(collection: string, id: string): number {
    return this.versions.get(key(collection, id)) ?? 0;
  }

  /**
   * Validates, journals, then applies: all synchronously, so no other request sees half of it.
   * A write the disk refuses throws here with nothing applied; a failed fdatasync later undoes the
   * commit (with the before-images kept here) and rejects everyone waiting on it.
   */
  commit(readVersions: Map<string, [string, string, number]>, writes: Map<string, Write>): void {
    if (this.closed) throw new DbError('CLOSED', '数据库已关闭');
    for (const [collection, id, version] of readVersions.values()) {
      if (this.versionOf(collection, id) !== version) {
        throw new DbError('TRANSACTION_CONFLICT', '事务冲突：文档已被其他请求修改');
      }
    }
    if (writes.size === 0) return;
    const list = [...writes.values()];
    const before: Write[] = list.map(([collection, id]) => [
      collection,
      id,
      this.readEntry(collection, id)?.doc ?? null,
    ]);
    this.journal.append(list, () => {
      for (const write of before) this.applyWrite(write);
    });
    for (const write of list) this.applyWrite(write);
  }

  scan(collection: string, spec: QuerySpec): Doc[] {
    const docs = this.collections.get(collection);
    if (!docs) return [];
    const filter = toMongoQuery(spec.where);
    let matches: Doc[] = [];
    const byId = filter._id;
    if (typeof byId === 'string') {
      const entry = docs.get(byId);
      if (entry) matches.push(entry.doc);
    } else {
      const candidates = this.candidates(collection, docs, spec.where);
      const byIdOrder = spec.order.length === 1 && spec.order[0]![0] === '_id' && spec.order[0]![1] === 'asc';
      // In _id order, walking from the cursor beats sorting a bucket that holds much of the collection.
      if (byIdOrder && (!candidates || candidates.size * 4 > docs.size)) {
        return this.walkInIdOrder(collection, docs, spec, matcher(filter));
      }
      if (candidates) {
        for (const id of candidates) {
          const entry = docs.get(id);
          if (entry) matches.push(entry.doc);
        }
      } else {
        for (const entry of docs.values()) matches.push(entry.doc);
      }
    }
    const test = matcher(filter);
    matches = matches.filter(test);
    if (spec.order.length > 0) {
      matches.sort((a, b) => {
        for (const [field, direction] of spec.order) {
          const c = compareValues(readPath(a, field), readPath(b, field));
          if (c !== 0) return direction === 'asc' ? c : -c;
        }
        return 0;
      });
    }
    return matches.slice(spec.skip, spec.skip + spec.limit);
  }

  /** Keyset paging without an equality to narrow it: walk ids in order from the cursor, stop when the page is full. */
  private walkInIdOrder(
    collection: string,
    docs: Map<string, Entry>,
    spec: QuerySpec,
    test: (doc: Doc) => boolean,
  ): Doc[] {
    let ids = this.sortedIds.get(collection);
    if (!ids) {
      ids = [...docs.keys()].sort();
      this.sortedIds.set(collection, ids);
    }
    const bound = idLowerBound(spec.where);
    const out: Doc[] = [];
    let skipped = 0;
    for (let i = bound ? seek(ids, bound) : 0; i < ids.length && out.length < spec.limit; i += 1) {
      const doc = docs.get(ids[i]!)?.doc;
      if (!doc || !test(doc)) continue;
      if (skipped < spec.skip) skipped += 1;
      else out.push(doc);
    }
    return out;
  }

  /** The smallest equality-index bucket that every match must be in, or null when a full scan is needed. */
  private candidates(collection: string, docs: Map<string, Entry>, where: Query): Set<string> | null {
    let best: Set<string> | null = null;
    for (const [field, value] of equalities(where)) {
      let indexes = this.indexes.get(collection);
      if (!indexes) {
        indexes = new CollectionIndexes();
        this.indexes.set(collection, indexes);
      }
      const bucket = indexes.lookup(field, value, function* () {
        for (const entry of docs.values()) yield entry.doc;
      });
      if (!best || bucket.size < best.size) best = bucket;
    }
    return best;
  }

  private applyWrite([collection, id, doc]: Write): void {
    let docs = this.collections.get(collection);
    if (!docs) {
      docs = new Map();
      this.collections.set(collection, docs);
    }
    const before = docs.get(id)?.doc ?? null;
    this.indexes.get(collection)?.update(before, doc);
    if (!before !== !doc) this.sortedIds.delete(collection);
    this.clock += 1;
    this.versions.set(key(collection, id), this.clock);
    if (doc) docs.set(id, { doc, version: this.clock });
    else docs.delete(id);
  }

  private *allWrites(): Iterable<Write> {
    for (const [collection, docs] of this.collections) {
      for (const [id, entry] of docs) yield [collection, id, entry.doc];
    }
  }
}

/** A write outside a transaction: one document, committed on its own. */
function commitOne(db: LocalDatabase, collection: string, id: string, doc: Doc | null): Promise<void> {
  db.commit(new Map(), new Map([[key(collection, id), [collection, id, doc]]]));
  return db.syncWrite();
}

class LocalDocRef implements DocRef {
  constructor(
    private readonly db: LocalDatabase,
    private readonly collection: string,
    private readonly id: string,
  ) {
    assertId(id);
  }

  async get(): Promise<Doc | null> {
    const entry = this.db.readEntry(this.collection, this.id);
    return entry ? clone(entry.doc) : null;
  }

  async set(data: NewDoc): Promise<void> {
    await commitOne(this.db, this.collection, this.id, toStoredDoc(this.id, data));
  }

  async update(data: UpdateDoc): Promise<{ updated: number }> {
    const entry = this.db.readEntry(this.collection, this.id);
    if (!entry) return { updated: 0 };
    await commitOne(this.db, this.collection, this.id, applyUpdate(entry.doc, data));
    return { updated: 1 };
  }

  async remove(): Promise<{ deleted: number }> {
    if (!this.db.readEntry(this.collection, this.id)) return { deleted: 0 };
    await commitOne(this.db, this.collection, this.id, null);
    return { deleted: 1 };
  }
}

class LocalQuery implements QueryRef {
  constructor(
    protected readonly db: LocalDatabase,
    protected readonly name: string,
    protected readonly spec: QuerySpec,
  ) {}

  orderBy(field: string, direction: SortDirection): QueryRef {
    return new LocalQuery(this.db, this.name, { ...this.spec, order: [...this.spec.order, [field, direction]] });
  }

  skip(n: number): QueryRef {
    if (!Number.isInteger(n) || n < 0) throw new DbError('INVALID_QUERY', 'skip 必须是非负整数');
    return new LocalQuery(this.db, this.name, { ...this.spec, skip: n });
  }

  limit(n: number): QueryRef {
    if (!Number.isInteger(n) || n < 1) throw new DbError('INVALID_QUERY', 'limit 必须是正整数');
    return new LocalQuery(this.db, this.name, { ...this.spec, limit: Math.min(n, MAX_LIMIT) });
  }

  async get(): Promise<Doc[]> {
    return this.db.scan(this.name, this.spec).map(clone);
  }

  async count(): Promise<number> {
    return this.db.scan(this.name, { ...this.spec, skip: 0, limit: Number.MAX_SAFE_INTEGER }).length;
  }

  async update(data: UpdateDoc): Promise<{ updated: number }> {
    const matches = this.db.scan(this.name, { ...this.spec, skip: 0, limit: Number.MAX_SAFE_INTEGER });
    if (matches.length === 0) return { updated: 0 };
    const writes = new Map<string, Write>();
    for (const doc of matches) writes.set(key(this.name, doc._id), [this.name, doc._id, applyUpdate(doc, data)]);
    this.db.commit(new Map(), writes);
    await this.db.syncWrite();
    return { updated: matches.length };
  }

  async remove(): Promise<{ deleted: number }> {
    const matches = this.db.scan(this.name, { ...this.spec, skip: 0, limit: Number.MAX_SAFE_INTEGER });
    if (matches.length === 0) return { deleted: 0 };
    const writes = new Map<string, Write>();
    for (const doc of matches) writes.set(key(this.name, doc._id), [this.name, doc._id, null]);
    this.db.commit(new Map(), writes);
    await this.db.syncWrite();
    return { deleted: matches.length };
  }
}

class LocalCollection extends LocalQuery implements CollectionRef {
  constructor(db: LocalDatabase, name: string) {
    super(db, name, { where: {}, order: [], skip: 0, limit: DEFAULT_LIMIT });
  }

  doc(id: string): DocRef {
    return new LocalDocRef(this.db, this.name, id);
  }

  async add(data: NewDoc): Promise<{ id: string }> {
    const id = data._id ?? newId();
    assertId(id);
    if (this.db.readEntry(this.name, id)) throw new DbError('DUPLICATE_KEY', `_id 已存在：${id}`);
    await commitOne(this.db, this.name, id, toStoredDoc(id, data));
    return { id };
  }

  where(query: Query): QueryRef {
    toMongoQuery(query); // reject a malformed query now, not at get()
    return new LocalQuery(this.db, this.name, { ...this.spec, where: query });
  }
}

class LocalTransaction implements Transaction {
  readonly readVersions = new Map<string, [string, string, number]>();
  readonly writes = new Map<string, Write>();

  constructor(readonly db: LocalDatabase) {}

  collection(name: string): TxCollectionRef {
    return new LocalTxCollection(this, name);
  }

  /** The document as this transaction sees it; remembers the version it was read at. */
  view(collection: string, id: string): Doc | null {
    const k = key(collection, id);
    const written = this.writes.get(k);
    if (written) return written[2];
    if (!this.readVersions.has(k)) this.readVersions.set(k, [collection, id, this.db.versionOf(collection, id)]);
    return this.db.readEntry(collection, id)?.doc ?? null;
  }

  write(collection: string, id: string, doc: Doc | null): void {
    this.view(collection, id);
    this.writes.set(key(collection, id), [collection, id, doc]);
  }
}

class LocalTxCollection implements TxCollectionRef {
  constructor(
    private readonly tx: LocalTransaction,
    private readonly name: string,
  ) {}

  doc(id: string): TxDocRef {
    assertId(id);
    const { tx, name } = this;
    return {
      async get() {
        const doc = tx.view(name, id);
        return doc ? clone(doc) : null;
      },
      async set(data) {
        tx.write(name, id, toStoredDoc(id, data));
      },
      async update(data) {
        const doc = tx.view(name, id);
        if (!doc) return { updated: 0 };
        tx.write(name, id, applyUpdate(doc, data));
        return { updated: 1 };
      },
      async remove() {
        if (!tx.view(name, id)) return { deleted: 0 };
        tx.write(name, id, null);
        return { deleted: 1 };
      },
    };
  }

  async add(data: NewDoc): Promise<{ id: string }> {
    const id = data._id ?? newId();
    assertId(id);
    if (this.tx.view(this.name, id)) throw new DbError('DUPLICATE_KEY', `_id 已存在：${id}`);
    this.tx.write(this.name, id, toStoredDoc(id, data));
    return { id };
  }

  /** CloudBase sends a `where` inside a transaction outside of it; here it is refused outright. */
  where(): never {
    throw new DbError('WHERE_IN_TRANSACTION', '事务中只能按 _id 操作单个文档，不能使用 where');
  }
}
