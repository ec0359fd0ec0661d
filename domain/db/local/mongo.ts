import { Op, type Query, type QueryValue, type UpdateDoc, type UpdateValue } from '../command';
import { DbError } from '../types';

type MongoDoc = Record<string, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Op);
}

const COMPARISON: Partial<Record<Op['kind'], string>> = {
  eq: '$eq',
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  exists: '$exists',
};

function fieldCondition(value: QueryValue): unknown {
  if (!(value instanceof Op)) return isPlainObject(value) ? { $eq: value } : value;
  if (value.kind === 'regex') return { $regex: value.value, $options: value.options ?? '' };
  if (value.kind === 'and' || value.kind === 'or') {
    throw new DbError('INVALID_QUERY', 'and/or 只能用在查询的最外层');
  }
  const operator = COMPARISON[value.kind];
  if (!operator) throw new DbError('INVALID_QUERY', `查询中不能使用 ${value.kind}`);
  return { [operator]: value.value };
}

/** Translates a CloudBase-style query into a MongoDB filter for mingo. */
export function toMongoQuery(query: Query): MongoDoc {
  if (query instanceof Op) {
    if (query.kind !== 'and' && query.kind !== 'or') throw new DbError('INVALID_QUERY', '查询条件格式不正确');
    return { [`$${query.kind}`]: (query.value as Query[]).map(toMongoQuery) };
  }
  const filter: MongoDoc = {};
  for (const [field, value] of Object.entries(query)) {
    if (field.startsWith('$')) throw new DbError('INVALID_QUERY', `字段名不能以 $ 开头：${field}`);
    if (value !== undefined) filter[field] = fieldCondition(value);
  }
  return filter;
}

interface MongoUpdate {
  $set: MongoDoc;
  $inc: MongoDoc;
  $unset: MongoDoc;
  $push: MongoDoc;
  $pull: MongoDoc;
}

/**
 * Translates a CloudBase-style update. As on CloudBase, a nested plain object merges field by
 * field (it is flattened into dotted paths); `_.set(obj)` replaces the object whole.
 */
export function toMongoUpdate(update: UpdateDoc): MongoDoc {
  const out: MongoUpdate = { $set: {}, $inc: {}, $unset: {}, $push: {}, $pull: {} };
  const visit = (prefix: string, value: UpdateValue | undefined): void => {
    if (value === undefined) return;
    if (prefix === '_id') throw new DbError('INVALID_QUERY', '不能修改 _id');
    if (value instanceof Op) {
      switch (value.kind) {
        case 'inc':
          if (typeof value.value !== 'number' || !Number.isFinite(value.value))
            throw new DbError('INVALID_QUERY', 'inc 需要有限数字');
          out.$inc[prefix] = value.value;
          return;
        case 'set':
          out.$set[prefix] = value.value;
          return;
        case 'remove':
          out.$unset[prefix] = '';
          return;
        case 'push':
          out.$push[prefix] = value.value;
          return;
        case 'pull':
          out.$pull[prefix] = value.value;
          return;
        default:
          throw new DbError('INVALID_QUERY', `更新中不能使用 ${value.kind}`);
      }
    }
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [key, inner] of Object.entries(value)) visit(`${prefix}.${key}`, inner as UpdateValue);
      return;
    }
    out.$set[prefix] = value;
  };
  for (const [field, value] of Object.entries(update)) visit(field, value);
  const result: MongoDoc = {};
  for (const [operator, fields] of Object.entries(out)) {
    if (Object.keys(fields as MongoDoc).length > 0) result[operator] = fields;
  }
  return result;
}
