/**
 * The hot path's filters and updates without mingo's per-call set-up (a new operator context for every
 * update and query: about a third of the engine's CPU on a redemption). Only the plain cases are done
 * here: scalar fields reached through plain objects, compared with scalars. Anything else (arrays on the
 * way, object equality, regex, push and pull, a type mongo brackets) is left to mingo, document by
 * document, so the result is always mingo's. fast.test.ts compares the two on random documents.
 */
import { Query as MingoQuery, update as mingoUpdate } from 'mingo';
import type { Doc } from '../types';

type MongoDoc = Record<string, unknown>;
/** true / false, or undefined: not a plain case, ask mingo. */
type Check = (doc: Doc) => boolean | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The value at a dotted path: `undefined` when missing, or UNKNOWN when an array is on the way. */
const UNKNOWN = Symbol('unknown');
function valueAt(doc: unknown, path: string[]): unknown {
  let value = doc;
  for (const part of path) {
    if (Array.isArray(value)) return UNKNOWN;
    if (!isObject(value)) return undefined;
    value = value[part];
  }
  return Array.isArray(value) ? UNKNOWN : value;
}

/** Mongo's equality with a scalar, for a value that is not an array. */
function equals(value: unknown, literal: unknown): boolean | undefined {
  if (isObject(value)) return literal === null ? false : undefined;
  if (literal === null) return value === null || value === undefined;
  return value === literal;
}

function compare(value: unknown, literal: unknown, test: (c: number) => boolean): boolean | undefined {
  if (value === undefined || value === null) return literal === null ? undefined : false;
  if (typeof literal === 'number' && typeof value === 'number') return test(value - literal);
  if (typeof literal === 'string' && typeof value === 'string')
    return test(value < literal ? -1 : value > literal ? 1 : 0);
  return undefined;
}

function fieldCheck(field: string, condition: unknown): Check | null {
  const path = field.split('.');
  const at = (doc: Doc) => valueAt(doc, path);
  if (isScalar(condition)) {
    return (doc) => {
      const v = at(doc);
      return v === UNKNOWN ? undefined : equals(v, condition);
    };
  }
  if (!isObject(condition)) return null;
  const checks: Check[] = [];
  for (const [operator, literal] of Object.entries(condition)) {
    const on = (f: (v: unknown) => boolean | undefined): Check => {
      return (doc) => {
        const v = at(doc);
        return v === UNKNOWN ? undefined : f(v);
      };
    };
    switch (operator) {
      case '$eq':
        if (!isScalar(literal)) return null;
        checks.push(on((v) => equals(v, literal)));
        break;
      case '$ne':
        if (!isScalar(literal)) return null;
        checks.push(
          on((v) => {
            const e = equals(v, literal);
            return e === undefined ? undefined : !e;
          }),
        );
        break;
      case '$gt':
        checks.push(on((v) => compare(v, literal, (c) => c > 0)));
        break;
      case '$gte':
        checks.push(on((v) => compare(v, literal, (c) => c >= 0)));
        break;
      case '$lt':
        checks.push(on((v) => compare(v, literal, (c) => c < 0)));
        break;
      case '$lte':
        checks.push(on((v) => compare(v, literal, (c) => c <= 0)));
        break;
      case '$in':
      case '$nin': {
        if (!Array.isArray(literal) || !literal.every(isScalar)) return null;
        const inside = operator === '$in';
        checks.push(
          on((v) => {
            let found = false;
            for (const item of literal) {
              const e = equals(v, item);
              if (e === undefined) return undefined;
              if (e) found = true;
            }
            return found === inside;
          }),
        );
        break;
      }
      case '$exists':
        if (typeof literal !== 'boolean') return null;
        checks.push(on((v) => (v !== undefined) === literal));
        break;
      default:
        return null;
    }
  }
  return (doc) => {
    let result: boolean | undefined = true;
    for (const check of checks) {
      const r = check(doc);
      if (r === false) return false;
      if (r === undefined) result = undefined;
    }
    return result;
  };
}

function compile(filter: MongoDoc): Check | null {
  const checks: Check[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' || field === '$or') {
      if (!Array.isArray(condition)) return null;
      const parts = condition.map((q) => (isObject(q) ? compile(q) : null));
      if (parts.some((p) => p === null)) return null;
      const all = parts as Check[];
      const and = field === '$and';
      checks.push((doc) => {
        let unknown = false;
        for (const part of all) {
          const r = part(doc);
          if (r === undefined) unknown = true;
          else if (r !== and) return r;
        }
        return unknown ? undefined : and;
      });
      continue;
    }
    if (field.startsWith('$')) return null;
    const check = fieldCheck(field, condition);
    if (!check) return null;
    checks.push(check);
  }
  return (doc) => {
    let result: boolean | undefined = true;
    for (const check of checks) {
      const r = check(doc);
      if (r === false) return false;
      if (r === undefined) result = undefined;
    }
    return result;
  };
}

/** A filter's test: the plain cases here, the rest (per document) by mingo, built only if needed. */
export function matcher(filter: MongoDoc): (doc: Doc) => boolean {
  let mingo: MingoQuery | null = null;
  const byMingo = (doc: Doc) => (mingo ??= new MingoQuery(filter)).test(doc);
  const check = compile(filter);
  if (!check) return byMingo;
  return (doc) => check(doc) ?? byMingo(doc);
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Applies a mongo update ($set, $inc, $unset as toMongoUpdate writes them) to a copy of `doc`. Falls
 * back to mingo for $push/$pull, a path through an array or a scalar, $inc of something not a number,
 * and paths that overlap.
 */
export function updated(doc: Doc, update: MongoDoc): Doc {
  const next = copy(doc);
  if (!applyPlain(next, update)) {
    const again = copy(doc);
    mingoUpdate(again, update, undefined, undefined, { cloneMode: 'deep' });
    return again;
  }
  return next;
}

function applyPlain(doc: Doc, update: MongoDoc): boolean {
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(update)) {
    if (operator !== '$set' && operator !== '$inc' && operator !== '$unset') return false;
    if (!isObject(fields)) return false;
    paths.push(...Object.keys(fields));
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i] === sorted[i - 1] || sorted[i]!.startsWith(`${sorted[i - 1]}.`)) return false;
  }
  // Checked first, so a fallback starts from an untouched copy.
  for (const [operator, fields] of Object.entries(update)) {
    for (const [field, value] of Object.entries(fields as MongoDoc)) {
      const parts = field.split('.');
      let node: unknown = doc;
      for (const part of parts.slice(0, -1)) {
        if (!isObject(node)) return false;
        node = node[part];
        if (node === undefined) break;
      }
      if (node !== undefined && !isObject(node)) return false;
      if (operator === '$inc') {
        const current = isObject(node) ? node[parts.at(-1)!] : undefined;
        if (typeof value !== 'number' || (current !== undefined && typeof current !== 'number')) return false;
      }
    }
  }
  for (const [operator, fields] of Object.entries(update)) {
    for (const [field, value] of Object.entries(fields as MongoDoc)) {
      const parts = field.split('.');
      const last = parts.pop()!;
      let node = doc as Record<string, unknown>;
      let missing = false;
      for (const part of parts) {
        if (node[part] === undefined) {
          if (operator === '$unset') {
            missing = true;
            break;
          }
          node[part] = {};
        }
        node = node[part] as Record<string, unknown>;
      }
      if (missing) continue;
      if (operator === '$set') {
        if (value === undefined) continue;
        node[last] = copy(value);
      } else if (operator === '$inc')
        node[last] = (typeof node[last] === 'number' ? (node[last] as number) : 0) + (value as number);
      else delete node[last];
    }
  }
  return true;
}
