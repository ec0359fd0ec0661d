import type { Command, JsonValue, Query, UpdateDoc } from './command';

/** A stored document: JSON values only (times are epoch milliseconds), `_id` unique per collection. */
export type Doc = { _id: string; [field: string]: JsonValue };
/** A document about to be written; `_id` is optional for `add`. */
export type NewDoc = { _id?: string; [field: string]: JsonValue | undefined };

export type SortDirection = 'asc' | 'desc';

/** The largest page a `get` returns, as on CloudBase's server SDK. */
export const MAX_LIMIT = 1000;
/** The page size when none is asked for, as on CloudBase. */
export const DEFAULT_LIMIT = 100;

export interface DocRef {
  get(): Promise<Doc | null>;
  /** Create or replace the whole document. */
  set(data: NewDoc): Promise<void>;
  /** Answers how many documents changed: 1, or 0 when it does not exist. */
  update(data: UpdateDoc): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}

export interface QueryRef {
  orderBy(field: string, direction: SortDirection): QueryRef;
  skip(n: number): QueryRef;
  limit(n: number): QueryRef;
  get(): Promise<Doc[]>;
  count(): Promise<number>;
  /** Updates every match: the conditional update is `where({ _id, stock: _.gte(n) }).update(...)`. */
  update(data: UpdateDoc): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}

export interface CollectionRef extends QueryRef {
  doc(id: string): DocRef;
  /** Inserts; a taken `_id` rejects with DbError('DUPLICATE_KEY'). */
  add(data: NewDoc): Promise<{ id: string }>;
  where(query: Query): QueryRef;
}

/** Inside a transaction only single-document operations by id exist, as on CloudBase. */
export interface TxDocRef {
  get(): Promise<Doc | null>;
  set(data: NewDoc): Promise<void>;
  update(data: UpdateDoc): Promise<{ updated: number }>;
  remove(): Promise<{ deleted: number }>;
}
export interface TxCollectionRef {
  doc(id: string): TxDocRef;
  add(data: NewDoc): Promise<{ id: string }>;
}
export interface Transaction {
  collection(name: string): TxCollectionRef;
}

export interface Database {
  readonly command: Command;
  collection(name: string): CollectionRef;
  /**
   * Runs `fn` as one atomic transaction; retried on a write conflict up to `attempts` times.
   * An error thrown by `fn` rolls everything back and is rethrown.
   */
  runTransaction<T>(fn: (tx: Transaction) => Promise<T>, attempts?: number): Promise<T>;
  /** Resolves once everything written so far is durable (a no-op where every write already is). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export type DbErrorCode =
  | 'DUPLICATE_KEY'
  | 'TRANSACTION_CONFLICT'
  | 'WHERE_IN_TRANSACTION'
  | 'INVALID_QUERY'
  | 'CLOSED'
  | 'READ_ONLY'
  /** The disk refused a write (full): the operation was not saved. */
  | 'STORAGE_FULL'
  /** The disk failed a write or sync for another reason: the operation was not saved. */
  | 'STORAGE_FAILED';

/** Codes whose message is fit to show a user as is: the request was refused and nothing was saved. */
export const STORAGE_ERROR_CODES: readonly DbErrorCode[] = ['STORAGE_FULL', 'STORAGE_FAILED'];

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}
