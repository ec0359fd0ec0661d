import type { Database, Doc, QueryDoc } from '../db';

export const SCAN_PAGE = 1000;

/**
 * Reads every document of `collection` matching `match` whose numeric `field` lies in [start, end), in
 * pages of 1,000 ordered by (field, _id) so each page is one indexed range query that picks up exactly
 * where the last stopped. Stops after `max` documents and says so; hands the event loop back between pages.
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
  let last: { value: number; id: string } | null = null;
  for (;;) {
    const after = last
      ? _.or([{ [field]: _.gt(last.value) }, _.and([{ [field]: last.value }, { _id: _.gt(last.id) }])])
      : { [field]: _.gte(range.start) };
    const query = _.and([match, { [field]: _.lt(range.end) }, after]);
    const limit = Math.min(pageSize, max - read);
    if (limit <= 0) return { read, truncated: true };
    const page = await db.collection(collection).where(query).orderBy(field, 'asc').orderBy('_id', 'asc').limit(limit).get();
    for (const doc of page) onDoc(doc);
    read += page.length;
    if (page.length < limit) return { read, truncated: false };
    const tail = page[page.length - 1]!;
    last = { value: Number(tail[field]), id: tail._id };
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
