import { Op, type Query } from '../command';
import type { Doc } from '../types';

type Primitive = string | number | boolean;
const isPrimitive = (v: unknown): v is Primitive =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const bucketKey = (v: Primitive) => `${typeof v}:${String(v)}`;

/** The top-level `field == value` conditions of a query, which any matching document must meet. */
export function equalities(query: Query): [string, Primitive][] {
  if (query instanceof Op) {
    return query.kind === 'and' ? (query.value as Query[]).flatMap(equalities) : [];
  }
  const out: [string, Primitive][] = [];
  for (const [field, value] of Object.entries(query)) {
    // Only top-level fields are indexed: a dotted path may reach into arrays, where equality means "contains".
    if (field === '_id' || field.includes('.')) continue;
    if (isPrimitive(value)) out.push([field, value]);
    else if (value instanceof Op && value.kind === 'eq' && isPrimitive(value.value)) out.push([field, value.value]);
  }
  return out;
}

/** The index keys of a document's field: its value, or each element of an array (equality on an array means "contains"). */
function keysOf(doc: Doc, field: string): Primitive[] {
  const v = doc[field];
  if (isPrimitive(v)) return [v];
  return Array.isArray(v) ? v.filter(isPrimitive) : [];
}

/**
 * Equality indexes of one collection, built the first time a query filters on a field and kept
 * up to date on every write after, so that a per-member query touches that member's documents only.
 */
export class CollectionIndexes {
  private readonly byField = new Map<string, Map<string, Set<string>>>();

  /** The ids whose `field` equals `value`, building the index from `all` on first use. */
  lookup(field: string, value: Primitive, all: () => Iterable<Doc>): Set<string> {
    let index = this.byField.get(field);
    if (!index) {
      index = new Map();
      this.byField.set(field, index);
      for (const doc of all()) this.add(index, field, doc);
    }
    return index.get(bucketKey(value)) ?? new Set();
  }

  /** Moves a document between buckets when it is written (`before` null on insert, `after` null on remove). */
  update(before: Doc | null, after: Doc | null): void {
    for (const [field, index] of this.byField) {
      if (before) for (const v of keysOf(before, field)) index.get(bucketKey(v))?.delete(before._id);
      if (after) this.add(index, field, after);
    }
  }

  private add(index: Map<string, Set<string>>, field: string, doc: Doc): void {
    for (const v of keysOf(doc, field)) {
      const k = bucketKey(v);
      let ids = index.get(k);
      if (!ids) {
        ids = new Set();
        index.set(k, ids);
      }
      ids.add(doc._id);
    }
  }
}

/** The lower bound a query puts on `_id` (keyset paging's `_id > cursor`), if any. */
export function idLowerBound(query: Query): { value: string; inclusive: boolean } | null {
  if (query instanceof Op) {
    if (query.kind !== 'and') return null;
    for (const part of query.value as Query[]) {
      const bound = idLowerBound(part);
      if (bound) return bound;
    }
    return null;
  }
  const id = query._id;
  if (id instanceof Op && (id.kind === 'gt' || id.kind === 'gte') && typeof id.value === 'string')
    return { value: id.value, inclusive: id.kind === 'gte' };
  return null;
}

/** First index in sorted `ids` at or after the bound. */
export function seek(ids: string[], bound: { value: string; inclusive: boolean }): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const id = ids[mid]!;
    if (id < bound.value || (!bound.inclusive && id === bound.value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
