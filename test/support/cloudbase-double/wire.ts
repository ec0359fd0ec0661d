/**
 * The wire format: the SDK sends queries, updates and documents as canonical EJSON strings and
 * reads documents back as EJSON strings. The double uses the very `bson` the SDK's database layer
 * loads, so both ends agree on every type.
 */
import { clock } from '../../../domain/core/clock';
import { createRequire } from 'node:module';

interface BsonRegExpLike {
  _bsontype: 'BSONRegExp';
  pattern: string;
  options: string;
}
interface Ejson {
  parse(text: string, options?: { relaxed?: boolean }): unknown;
  stringify(value: unknown, options?: { relaxed?: boolean }): string;
}

const sdkRequire = createRequire(createRequire(__filename).resolve('@cloudbase/database'));
const { EJSON } = sdkRequire('bson') as { EJSON: Ejson };

function isBsonRegExp(value: unknown): value is BsonRegExpLike {
  return typeof value === 'object' && value !== null && (value as { _bsontype?: unknown })._bsontype === 'BSONRegExp';
}

/** EJSON values become what mingo evaluates: numbers, Dates, RegExps; `$tcb_server_date` the server's clock. */
function toNative(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toNative);
  if (isBsonRegExp(value)) return new RegExp(value.pattern, value.options.replace(/[^imsu]/g, ''));
  if (value instanceof Date || value instanceof RegExp) return value;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const serverDate = record.$tcb_server_date as { offset?: number } | undefined;
    if (serverDate && Object.keys(record).length === 1) return new Date(clock.now() + Number(serverDate.offset ?? 0));
    if (
      (record as { _bsontype?: unknown })._bsontype === 'ObjectId' ||
      (record as { _bsontype?: unknown })._bsontype === 'ObjectID'
    )
      return String(value);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, toNative(v)]));
  }
  return value;
}

export function decode(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text === '') return {};
  const value = toNative(EJSON.parse(text, { relaxed: true }));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError('expected an EJSON object');
  return value as Record<string, unknown>;
}

export function encode(doc: unknown): string {
  return EJSON.stringify(doc, { relaxed: false });
}
