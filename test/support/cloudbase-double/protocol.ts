/**
 * The database actions of CloudBase's `tcb-api` admin endpoint, as @cloudbase/database 1.4.3
 * (inside @cloudbase/node-sdk 3.18.3) sends them: request fields and answer shapes are those its
 * source reads. Errors are answered as `{ code, message }` with status 200; the SDK throws them.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DoubleError, newId, type Page, type Store, type StoredDoc } from './store';
import { decode, encode } from './wire';

/** CloudBase's page sizes for a server SDK `get`. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const params = z.looseObject({
  action: z.string(),
  collectionName: z.string().min(1).optional(),
  transactionId: z.string().optional(),
  query: z.string().optional(),
  data: z.union([z.string(), z.array(z.string())]).optional(),
  multi: z.boolean().optional(),
  merge: z.boolean().optional(),
  upsert: z.boolean().optional(),
  order: z.string().optional(),
  offset: z.number().int().nonnegative().optional(),
  limit: z.number().int().positive().optional(),
  projection: z.string().optional(),
});
type Params = z.infer<typeof params>;

export type Answer = { requestId: string } & Record<string, unknown>;

function collectionOf(p: Params): string {
  if (!p.collectionName) throw new DoubleError('INVALID_PARAM', 'collectionName is required');
  return p.collectionName;
}

function page(p: Params): Page {
  return {
    order: p.order ? (decode(p.order) as Page['order']) : undefined,
    offset: p.offset,
    limit: Math.min(p.limit ?? DEFAULT_LIMIT, MAX_LIMIT),
    projection: p.projection ? decode(p.projection) : undefined,
  };
}

function newDoc(text: string): StoredDoc {
  const doc = decode(text);
  const id = doc._id ?? newId();
  if (typeof id !== 'string' && typeof id !== 'number') throw new DoubleError('INVALID_PARAM', '_id must be a string');
  return { ...doc, _id: String(id) };
}

type Handler = (store: Store, p: Params) => Promise<Record<string, unknown>> | Record<string, unknown>;

const HANDLERS: Record<string, Handler> = {
  'database.addCollection': (store, p) => {
    store.createCollection(collectionOf(p));
    return {};
  },
  'database.getDocument': (store, p) => ({
    data: {
      list: store.find(collectionOf(p), decode(p.query), page(p), p.transactionId).map(encode),
      offset: p.offset ?? 0,
      limit: page(p).limit,
    },
  }),
  'database.calculateDocument': (store, p) => ({
    data: { total: store.count(collectionOf(p), decode(p.query), p.transactionId) },
  }),
  'database.insertDocument': async (store, p) => {
    const texts = typeof p.data === 'string' ? [p.data] : (p.data ?? []);
    const insertedIds: string[] = [];
    for (const text of texts) insertedIds.push(await store.insert(collectionOf(p), newDoc(text), p.transactionId));
    return { data: { insertedIds } };
  },
  'database.modifyDocument': async (store, p) => {
    if (typeof p.data !== 'string') throw new DoubleError('INVALID_PARAM', 'data must be an EJSON string');
    const change = { merge: p.merge ?? true, multi: p.multi ?? false, upsert: p.upsert ?? false, data: decode(p.data) };
    const result = await store.modify(collectionOf(p), decode(p.query), change, p.transactionId);
    return { data: { updated: result.updated, ...(result.upsertId ? { upsert_id: result.upsertId } : {}) } };
  },
  'database.removeDocument': async (store, p) => ({
    data: { deleted: await store.remove(collectionOf(p), decode(p.query), p.multi ?? false, p.transactionId) },
  }),
  'database.startTransaction': (store) => ({ transactionId: store.begin() }),
  'database.commitTransaction': (store, p) => {
    store.commit(p.transactionId ?? '');
    return {};
  },
  'database.abortTransaction': (store, p) => {
    store.abort(p.transactionId ?? '');
    return {};
  },
};

/** Answers one request body; never throws. */
export async function answer(store: Store, body: unknown): Promise<Answer> {
  const requestId = randomBytes(8).toString('hex');
  try {
    const parsed = params.safeParse(body);
    if (!parsed.success) throw new DoubleError('INVALID_PARAM', `malformed request: ${parsed.error.message}`);
    const handler = Object.hasOwn(HANDLERS, parsed.data.action) ? HANDLERS[parsed.data.action]! : null;
    if (!handler)
      throw new DoubleError('INVALID_PARAM', `action ${parsed.data.action} is not served by the CloudBase double`);
    return { requestId, ...(await handler(store, parsed.data)) };
  } catch (error) {
    if (error instanceof DoubleError) return { requestId, code: error.code, message: error.message };
    // mingo refuses unknown operators; CloudBase answers those as a failed request.
    return {
      requestId,
      code: 'DATABASE_REQUEST_FAILED',
      message: error instanceof Error ? error.message : String(error),
    };
  }
}
