/**
 * The double's storage: documents in memory with their committed history, and snapshot-isolated
 * transactions that behave like MongoDB's (which CloudBase's document database is built on):
 * - a transaction reads the snapshot taken when it started, plus its own writes;
 * - its first write to a document takes that document: a later transaction writing it conflicts
 *   (first writer wins), and so does a write to a document committed after the snapshot;
 * - a write outside any transaction to a taken document waits until that transaction ends;
 * - a conflict or a duplicate aborts the transaction, as MongoDB does.
 * Queries and updates are executed by mingo. Pure data: no HTTP here.
 */
import { randomBytes } from 'node:crypto';
import { Query as MingoQuery, update as mingoUpdate } from 'mingo';
import { cloneDeep, isEqual } from 'mingo/util';

export type StoredDoc = { _id: string; [field: string]: unknown };
type Filter = Record<string, unknown>;
type Modifier = Parameters<typeof mingoUpdate>[1];

/** What `updated` counts: every matched document, or only those whose content changed. */
export type UpdatedMode = 'matched' | 'modified';

export type DoubleErrorCode =
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'INVALID_PARAM';

/** Answered to the SDK as `{ code, message }`, which it throws as its own error. */
export class DoubleError extends Error {
  constructor(
    readonly code: DoubleErrorCode,
    message: string,
  ) {
    super(message);
  }
}

interface Version {
  at: number;
  doc: StoredDoc | null;
}

interface Tx {
  id: string;
  snapshot: number;
  state: 'open' | 'committed' | 'aborted';
  /** Uncommitted writes by collection and _id (null: removed). */
  writes: Map<string, Map<string, StoredDoc | null>>;
  ended: Promise<void>;
  end: () => void;
  timer: NodeJS.Timeout;
}

export interface Page {
  order?: Record<string, 1 | -1>;
  offset?: number;
  limit: number;
  projection?: Record<string, unknown>;
}

export interface StoreOptions {
  updated: UpdatedMode;
  /** An open transaction is aborted after this long, as CloudBase ends an abandoned one. */
  transactionLifetimeMs: number;
}

const lockKey = (collection: string, id: string) => `${collection}\u0000${id}`;

export class Store {
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly txs = new Map<string, Tx>();
  /** Which open transaction holds each written document. */
  private readonly locks = new Map<string, Tx>();
  private clock = 0;
  /** Documents written by commits so far: unchanged means nothing was written. */
  writes = 0;

  constructor(readonly options: StoreOptions) {}

  // ---- collections ----

  createCollection(name: string): void {
    if (this.collections.has(name))
      throw new DoubleError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    this.collections.set(name, new Map());
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  /** Drops every document, collection and transaction. */
  reset(): void {
    for (const tx of this.txs.values()) this.finish(tx, 'aborted');
    this.collections.clear();
  }

  private docs(collection: string): Map<string, Version[]> {
    const docs = this.collections.get(collection);
    if (!docs) throw new DoubleError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${collection}`);
    return docs;
  }

  // ---- reads ----

  /** The documents visible to `tx` (or the latest committed ones), in natural (insertion) order. */
  private visible(collection: string, tx: Tx | null): StoredDoc[] {
    const out: StoredDoc[] = [];
    const own = tx?.writes.get(collection);
    for (const [id, versions] of this.docs(collection)) {
      const doc = own?.has(id) ? own.get(id)! : this.versionAt(versions, tx?.snapshot ?? Infinity);
      if (doc) out.push(doc);
    }
    if (own) for (const [id, doc] of own) if (doc && !this.docs(collection).has(id)) out.push(doc);
    return out;
  }

  private versionAt(versions: Version[], at: number): StoredDoc | null {
    for (let i = versions.length - 1; i >= 0; i -= 1) if (versions[i]!.at <= at) return versions[i]!.doc;
    return null;
  }

  private visibleById(collection: string, id: string, tx: Tx | null): StoredDoc | null {
    const own = tx?.writes.get(collection);
    if (own?.has(id)) return own.get(id)!;
    const versions = this.docs(collection).get(id);
    return versions ? this.versionAt(versions, tx?.snapshot ?? Infinity) : null;
  }

  private matching(collection: string, filter: Filter, tx: Tx | null): StoredDoc[] {
    const id = filter._id;
    const candidates =
      typeof id === 'string'
        ? [this.visibleById(collection, id, tx)].filter((d): d is StoredDoc => d !== null)
        : this.visible(collection, tx);
    const query = new MingoQuery(filter, {});
    return candidates.filter((doc) => query.test(doc));
  }

  find(collection: string, filter: Filter, page: Page, txId?: string): StoredDoc[] {
    const tx = this.openTx(txId);
    let cursor = new MingoQuery(filter, {}).find<StoredDoc>(this.matching(collection, filter, tx), page.projection);
    if (page.order && Object.keys(page.order).length > 0) cursor = cursor.sort(page.order);
    return cursor
      .skip(page.offset ?? 0)
      .limit(page.limit)
      .all();
  }

  count(collection: string, filter: Filter, txId?: string): number {
    return this.matching(collection, filter, this.openTx(txId)).length;
  }

  // ---- writes ----

  async insert(collection: string, doc: StoredDoc, txId?: string): Promise<string> {
    const tx = this.openTx(txId);
    if (tx) {
      this.claim(tx, collection, doc._id);
      if (this.visibleById(collection, doc._id, tx))
        this.failTx(tx, 'DATABASE_DUPLICATE_WRITE', duplicateMessage(collection, doc._id));
      this.stage(tx, collection, doc._id, doc);
      return doc._id;
    }
    let holder: Tx | undefined;
    while ((holder = this.holderOf(collection, [doc._id]))) await holder.ended;
    if (this.visibleById(collection, doc._id, null))
      throw new DoubleError('DATABASE_DUPLICATE_WRITE', duplicateMessage(collection, doc._id));
    this.commitWrites(new Map([[collection, new Map([[doc._id, doc]])]]));
    return doc._id;
  }

  /**
   * `merge`: apply update operators to every match (or the first); otherwise replace the document
   * whole, inserting it when `upsert` and absent. Answers the `updated` count in the store's mode.
   */
  async modify(
    collection: string,
    filter: Filter,
    change: { merge: boolean; multi: boolean; upsert: boolean; data: Record<string, unknown> },
    txId?: string,
  ): Promise<{ updated: number; upsertId?: string }> {
    const tx = this.openTx(txId);
    const byId = typeof filter._id === 'string' ? [filter._id] : [];
    let holder: Tx | undefined;
    while (
      !tx &&
      (holder = this.holderOf(
        collection,
        this.matching(collection, filter, null)
          .map((d) => d._id)
          .concat(byId),
      ))
    )
      await holder.ended;
    const matches = this.matching(collection, filter, tx);
    const targets = change.multi ? matches : matches.slice(0, 1);
    const next = new Map<string, StoredDoc | null>();
    let updated = 0;
    for (const before of targets) {
      const after = change.merge
        ? applyOperators(before, change.data as Modifier)
        : { ...(change.data as Filter), _id: before._id };
      const changed = !isEqual(before, after);
      if (changed || this.options.updated === 'matched') updated += 1;
      // MongoDB takes a document in a transaction even when the update leaves it unchanged.
      if (tx) this.claim(tx, collection, before._id);
      if (changed) next.set(before._id, after);
    }
    let upsertId: string | undefined;
    if (targets.length === 0 && change.upsert && !change.merge) {
      upsertId = typeof filter._id === 'string' ? filter._id : newId();
      if (tx) this.claim(tx, collection, upsertId);
      next.set(upsertId, { ...(change.data as Filter), _id: upsertId });
    }
    this.apply(tx, collection, next);
    return { updated, ...(upsertId ? { upsertId } : {}) };
  }

  async remove(collection: string, filter: Filter, multi: boolean, txId?: string): Promise<number> {
    const tx = this.openTx(txId);
    let holder: Tx | undefined;
    while (
      !tx &&
      (holder = this.holderOf(
        collection,
        this.matching(collection, filter, null).map((d) => d._id),
      ))
    )
      await holder.ended;
    const matches = this.matching(collection, filter, tx);
    const targets = multi ? matches : matches.slice(0, 1);
    const next = new Map<string, StoredDoc | null>();
    for (const doc of targets) {
      if (tx) this.claim(tx, collection, doc._id);
      next.set(doc._id, null);
    }
    this.apply(tx, collection, next);
    return targets.length;
  }

  private apply(tx: Tx | null, collection: string, writes: Map<string, StoredDoc | null>): void {
    if (writes.size === 0) return;
    if (tx) for (const [id, doc] of writes) this.stage(tx, collection, id, doc);
    else this.commitWrites(new Map([[collection, writes]]));
  }

  /**
   * A write outside a transaction waits for any transaction holding one of its documents (as in
   * MongoDB). Callers loop `while (holder) await holder.ended` so that the last check and the write
   * run in one synchronous stretch, with no other request in between.
   */
  private holderOf(collection: string, ids: string[]): Tx | undefined {
    for (const id of ids) {
      const holder = this.locks.get(lockKey(collection, id));
      if (holder) return holder;
    }
    return undefined;
  }

  // ---- transactions ----

  begin(): string {
    const id = randomBytes(12).toString('hex');
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const tx: Tx = {
      id,
      snapshot: this.clock,
      state: 'open',
      writes: new Map(),
      ended,
      end,
      timer: setTimeout(() => this.finish(tx, 'aborted'), this.options.transactionLifetimeMs),
    };
    tx.timer.unref();
    this.txs.set(id, tx);
    return id;
  }

  commit(txId: string): void {
    const tx = this.openTx(txId)!;
    this.commitWrites(tx.writes);
    this.finish(tx, 'committed');
  }

  /** Idempotent: the SDK rolls back after a conflict that already aborted the transaction. */
  abort(txId: string): void {
    const tx = this.txs.get(txId);
    if (tx) this.finish(tx, 'aborted');
  }

  openTransactions(): number {
    return this.txs.size;
  }

  private openTx(txId: string | undefined): Tx | null {
    if (!txId) return null;
    const tx = this.txs.get(txId);
    if (!tx)
      throw new DoubleError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${txId} is not open (committed, aborted or expired)`,
      );
    return tx;
  }

  /** First writer wins: a document taken by another open transaction, or committed since the snapshot, conflicts. */
  private claim(tx: Tx, collection: string, id: string): void {
    const holder = this.locks.get(lockKey(collection, id));
    if (holder && holder !== tx)
      this.failTx(
        tx,
        'DATABASE_TRANSACTION_CONFLICT',
        `write conflict on ${collection}/${id}: another transaction holds it`,
      );
    const versions = this.docs(collection).get(id);
    const last = versions?.[versions.length - 1];
    if (last && last.at > tx.snapshot)
      this.failTx(
        tx,
        'DATABASE_TRANSACTION_CONFLICT',
        `write conflict on ${collection}/${id}: changed since the transaction began`,
      );
    this.locks.set(lockKey(collection, id), tx);
  }

  private stage(tx: Tx, collection: string, id: string, doc: StoredDoc | null): void {
    let own = tx.writes.get(collection);
    if (!own) tx.writes.set(collection, (own = new Map()));
    own.set(id, doc);
  }

  private failTx(tx: Tx, code: DoubleErrorCode, message: string): never {
    this.finish(tx, 'aborted');
    throw new DoubleError(code, message);
  }

  private finish(tx: Tx, state: 'committed' | 'aborted'): void {
    if (tx.state !== 'open') return;
    tx.state = state;
    clearTimeout(tx.timer);
    this.txs.delete(tx.id);
    for (const [key, holder] of this.locks) if (holder === tx) this.locks.delete(key);
    tx.end();
  }

  /** One commit: every write gets the same new version; history older than any open snapshot is dropped. */
  private commitWrites(writes: Map<string, Map<string, StoredDoc | null>>): void {
    this.clock += 1;
    const oldest = Math.min(this.clock, ...[...this.txs.values()].map((tx) => tx.snapshot));
    for (const [collection, docs] of writes) {
      const all = this.docs(collection);
      for (const [id, doc] of docs) {
        this.writes += 1;
        const versions = all.get(id) ?? [];
        versions.push({ at: this.clock, doc });
        // Keep the newest version each open snapshot can see, and everything after it.
        let keepFrom = 0;
        for (let i = 0; i < versions.length; i += 1) if (versions[i]!.at <= oldest) keepFrom = i;
        versions.splice(0, keepFrom);
        all.set(id, versions);
      }
    }
  }
}

function applyOperators(doc: StoredDoc, modifier: Modifier): StoredDoc {
  // Not structuredClone: under jest it builds objects of another realm, which mingo does not treat as plain.
  const next = cloneDeep(doc) as StoredDoc;
  mingoUpdate(next, modifier, undefined, undefined, { cloneMode: 'deep' });
  return next;
}

function duplicateMessage(collection: string, id: string): string {
  return `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`;
}

/** A CloudBase-like generated _id. */
export function newId(): string {
  return randomBytes(16).toString('hex');
}
