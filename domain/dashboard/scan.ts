import type { Database, Doc, Query, QueryDoc } from '../db';

export const SCAN_PAGE = 1000;

/**
 * Reads every document of `collection` matching `match` whose numeric `field` lies in [start, end), in
 * pages of 1,000 by keyset on `_id` (the repository's paging, as `pageById`), the time range a filter.
 * Why `_id` and not the time: the embedded engine walks ids in order from the cursor, so the whole scan
 * tests each document once (a time-ordered page would filter and sort every match again per page); on
 * CloudBase the planner takes the time index for a narrow period and the `_id` index for a wide one.
 * Stops after `max` documents and says so; hands the event loop back between pages.
 */
export async function scanRange(
  db: Database,
  collection: string,
  match: QueryDoc,
  field: string,
  range: { start: number; end: number },
  max: number,
  onDoc: (doc: Doc) => void,
  pageSize = SCAN_PAGE,
): Promise<{ read: number; truncated: boolean }> {
  const _ = db.command;
  let read = 0;
  let cursor: string | null = null;
  for (;;) {
    const limit = Math.min(pageSize, max - read);
    if (limit <= 0) return { read, truncated: true };
    const conditions: Query[] = [
      match,
      { [field]: _.gte(range.start) },
      { [field]: _.lt(range.end) },
      ...(cursor === null ? [] : [{ _id: _.gt(cursor) }]),
    ];
    const page: Doc[] = await db
      .collection(collection)
      .where(_.and(conditions))
      .orderBy('_id', 'asc')
      .limit(limit)
      .get();
    for (const doc of page) onDoc(doc);
    read += page.length;
    if (page.length < limit) return { read, truncated: false };
    cursor = page[page.length - 1]!._id;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
