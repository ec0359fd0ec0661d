import type { z } from 'zod';
import type { Query, QueryDoc, QueryRef } from '../db';
import { AppError } from './errors';
import { command } from '../db';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE = 20;

/**
 * Keyset paging on `_id`: stable under inserts, and cheap on both engines.
 * Documents that fail `schema` (edited by hand in the console) are skipped with a warning
 * naming only the collection and id, not fatal.
 */
export async function pageById<S extends z.ZodType, T>(
  collection: string,
  source: { where(query: Query): QueryRef },
  query: Query,
  options: { cursor?: string; limit?: number },
  schema: S,
  present: (doc: z.output<S>) => T,
): Promise<Page<T>> {
  const limit = options.limit ?? DEFAULT_PAGE;
  const where = options.cursor ? command.and([query, { _id: command.gt(options.cursor) }]) : query;
  const raw = await source
    .where(where)
    .orderBy('_id', 'asc')
    .limit(limit + 1)
    .get();
  const pageDocs = raw.slice(0, limit);
  const items: T[] = [];
  for (const doc of pageDocs) {
    const parsed = schema.safeParse(doc);
    if (parsed.success) items.push(present(parsed.data));
    else console.warn(JSON.stringify({ skipped: collection, id: doc._id }));
  }
  const last = pageDocs[pageDocs.length - 1];
  return { items, nextCursor: raw.length > limit && last ? last._id : null };
}

/**
 * Newest-first paging on a numeric field that grows per owner (`seq`, `createdAt`, `dueAt`):
 * the cursor is the last value seen, so each page is one indexed query however long the history.
 */
export async function pageByNewest<S extends z.ZodType, T>(
  source: { where(query: Query): QueryRef },
  query: QueryDoc,
  field: string,
  options: { cursor?: string; limit?: number },
  schema: S,
  present: (doc: z.output<S>) => T,
): Promise<Page<T>> {
  const before = options.cursor === undefined ? undefined : Number(options.cursor);
  if (before !== undefined && !(Number.isFinite(before) && before > 0))
    throw new AppError('INVALID_ARGUMENT', '翻页位置不正确，请刷新后重试', 'cursor');
  const limit = options.limit ?? DEFAULT_PAGE;
  const where = before === undefined ? query : { ...query, [field]: command.lt(before) };
  const raw = await source
    .where(where)
    .orderBy(field, 'desc')
    .limit(limit + 1)
    .get();
  const page = raw.slice(0, limit);
  const items = page.flatMap((doc) => {
    const parsed = schema.safeParse(doc);
    return parsed.success ? [present(parsed.data)] : [];
  });
  const last = page[page.length - 1];
  return { items, nextCursor: raw.length > limit && last ? String(last[field]) : null };
}
