/**
 * The engine's own filters and updates (fast.ts) give mingo's answer: thousands of random documents
 * (nested objects, arrays, nulls, missing fields, mixed types) against random filters and updates
 * written with the engine's command language, compared one by one.
 */
import { Query as MingoQuery, update as mingoUpdate } from 'mingo';
import { command as _, type JsonValue, type Query, type UpdateDoc } from '../command';
import type { Doc } from '../types';
import { matcher, updated } from './fast';
import { toMongoQuery, toMongoUpdate } from './mongo';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const SCALARS = [0, 1, 2, 5, -1, 2.5, 'a', 'b', '', '10', '9', true, false, null] as const;
const FIELDS = ['n', 's', 'o.x', 'o.y', 'o.z.w', 'arr', 'arr.0', 'missing', 'holds.i1', 'holds.i2'] as const;

function value(depth: number): unknown {
  const r = rand();
  if (r < 0.55 || depth > 2) return pick(SCALARS);
  if (r < 0.75) return Array.from({ length: Math.floor(rand() * 3) }, () => value(depth + 1));
  return object(depth + 1);
}

function object(depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['x', 'y', 'z', 'w', 'i1', 'i2']) if (rand() < 0.4) out[key] = value(depth);
  return out;
}

function doc(i: number): Doc {
  const d: Doc = { _id: `d${i}` };
  for (const key of ['n', 's', 'o', 'arr', 'holds']) if (rand() < 0.7) d[key] = value(0) as JsonValue;
  return d;
}

function condition(): Query {
  const field = pick(FIELDS);
  const v = pick(SCALARS);
  const r = rand();
  const scalar = typeof v === 'number' || typeof v === 'string' ? v : 1;
  const q =
    r < 0.2
      ? { [field]: v }
      : r < 0.3
        ? { [field]: _.eq(v) }
        : r < 0.4
          ? { [field]: _.neq(v) }
          : r < 0.5
            ? { [field]: _.gt(scalar) }
            : r < 0.6
              ? { [field]: _.gte(scalar) }
              : r < 0.65
                ? { [field]: _.lt(scalar) }
                : r < 0.7
                  ? { [field]: _.lte(scalar) }
                  : r < 0.8
                    ? { [field]: _.in([v, pick(SCALARS)]) }
                    : r < 0.85
                      ? { [field]: _.nin([v, pick(SCALARS)]) }
                      : r < 0.95
                        ? { [field]: _.exists(rand() < 0.5) }
                        : { [field]: { x: v } };
  return q;
}

function query(): Query {
  const r = rand();
  if (r < 0.1) return _.and([condition(), condition()]);
  if (r < 0.2) return _.or([condition(), condition()]);
  return { ...condition(), ...condition() } as Query;
}

function update(): UpdateDoc {
  const out: UpdateDoc = {};
  for (let i = 0; i < 1 + Math.floor(rand() * 3); i += 1) {
    const field = pick(FIELDS);
    const r = rand();
    out[field] =
      r < 0.3
        ? _.inc(pick([1, -1, 2.5]))
        : r < 0.45
          ? _.remove()
          : r < 0.55
            ? _.set(value(1) as never)
            : r < 0.6
              ? _.push(pick(SCALARS))
              : r < 0.85
                ? (pick(SCALARS) as never)
                : (object(1) as never);
  }
  return out;
}

const outcome = (f: () => unknown): unknown => {
  try {
    return { ok: f() };
  } catch (error) {
    return { threw: error instanceof Error ? error.constructor.name : typeof error };
  }
};

test('filters: the same matches as mingo on 20,000 random pairs', () => {
  const docs = Array.from({ length: 200 }, (_x, i) => doc(i));
  let compared = 0;
  let matched = 0;
  for (let i = 0; i < 100; i += 1) {
    const filter = toMongoQuery(query());
    const mine = matcher(filter);
    const theirs = new MingoQuery(filter);
    for (const d of docs) {
      const expected = theirs.test(d);
      if (mine(d) !== expected) throw new Error(`${JSON.stringify(filter)} on ${JSON.stringify(d)}: ${!expected}`);
      compared += 1;
      if (expected) matched += 1;
    }
  }
  expect(compared).toBe(20_000);
  expect(matched).toBeGreaterThan(1000);
});

test('updates: the same documents as mingo on 5,000 random pairs, and the original untouched', () => {
  for (let i = 0; i < 5000; i += 1) {
    const d = doc(i);
    const before = JSON.stringify(d);
    const u = outcome(() => toMongoUpdate(update()));
    if (!('ok' in (u as object))) continue;
    const mongo = (u as { ok: Record<string, unknown> }).ok;
    const mine = outcome(() => JSON.stringify(updated(d, mongo)));
    const theirs = outcome(() => {
      const copy = JSON.parse(before) as Doc;
      mingoUpdate(copy, mongo, undefined, undefined, { cloneMode: 'deep' });
      return JSON.stringify(copy);
    });
    if (JSON.stringify(mine) !== JSON.stringify(theirs))
      throw new Error(`${JSON.stringify(mongo)} on ${before}: ${JSON.stringify(mine)} ≠ ${JSON.stringify(theirs)}`);
    expect(JSON.stringify(d)).toBe(before);
  }
});

test('an update never shares a value with the caller', () => {
  const value = { deep: { list: [1, 2] } };
  const next = updated({ _id: 'a' }, toMongoUpdate({ v: _.set(value) }));
  value.deep.list.push(3);
  expect(next).toEqual({ _id: 'a', v: { deep: { list: [1, 2] } } });
});
