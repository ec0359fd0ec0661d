/**
 * An audit entry as a person reads it: one sentence (「党支部书记 刘红梅 受理了点单「楼道灯坏了」」) and the fields that
 * changed, each with its Chinese label and its value written out (names for ids, times, 是/否). The words are in
 * labels.ts; names of what an entry points at are read here, one query a collection for a page of entries.
 */
import type { Database } from '../db';
import { roleLabel } from '../core/labels';

/** 「党支部书记 刘红梅」, but 「管理员赵书记」 when the name already carries the role. */
const actorOf = (role: string, name: string | null | undefined): string => {
  const label = roleLabel(role);
  if (!name) return `${label} 一位用户`;
  return name.includes(label) ? name : `${label} ${name}`;
};
import { shanghaiClock } from '../core/time';
import type { AuditDoc } from './model';
import {
  FIELDS,
  OPERATIONS,
  REQUEST_STATUS_WORDS,
  STATUS_WORDS,
  TARGET_KINDS,
  type FieldFormat,
  type OperationWords,
  type TargetKind,
} from './labels';

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface AuditWords {
  /** The action's name (「受理点单」). */
  operation: string;
  /** What it acted on (「点单「楼道灯坏了」」), or null when nothing is named. */
  target: string | null;
  /** Who did what to what: 「党支部书记 刘红梅 受理了点单「楼道灯坏了」」. */
  sentence: string;
  /** Labelled fields before and after: what changed, all of a new record, what a read asked for. */
  changes: AuditChange[];
}

const UNKNOWN: OperationWords = { label: '其他操作', target: 'none', says: '进行了一项操作' };
const NAME_MAX = 20;
const VALUE_MAX = 80;
const LOOKUP_PAGE = 100;

/** Where a looked-up id's name is read from, and which field holds it. */
const LOOKUPS = {
  orgUnits: 'name',
  users: 'nickname',
  stations: 'name',
  vaccineSites: 'name',
} as const;

const FORMAT_COLLECTION: Partial<Record<FieldFormat, keyof typeof LOOKUPS>> = {
  unit: 'orgUnits',
  person: 'users',
  stations: 'stations',
  sites: 'vaccineSites',
};

type Names = Map<string, Map<string, string>>;

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

function wordsOf(op: string): OperationWords {
  return Object.hasOwn(OPERATIONS, op) ? OPERATIONS[op]! : UNKNOWN;
}

function nameIn(doc: Record<string, unknown> | null, fields: readonly string[]): string | null {
  if (!doc) return null;
  for (const field of fields) {
    const value = doc[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** The ids an entry needs names for, by collection. */
function wanted(doc: AuditDoc, words: OperationWords, add: (collection: string, id: unknown) => void): void {
  const before = record(doc.before);
  const after = record(doc.after);
  const kind = TARGET_KINDS[words.target];
  if (words.target === 'invite') add('orgUnits', (after ?? before)?.branchId);
  else if (kind.collection && !nameIn(after, kind.names) && !nameIn(before, kind.names))
    add(kind.collection, doc.targetId);
  if (words.target === 'unit' && !doc.targetId) add('orgUnits', after?.unitId ?? after?.branchId);
  if (words.person) add('users', after?.[words.person]);
  for (const source of [before, after]) {
    if (!source) continue;
    for (const [field, value] of Object.entries(source)) {
      const format = Object.hasOwn(FIELDS, field) ? FIELDS[field]!.format : null;
      const collection = format ? FORMAT_COLLECTION[format] : undefined;
      if (!collection) continue;
      for (const id of Array.isArray(value) ? value : [value]) add(collection, id);
    }
  }
}

/** Reads the names of every id the entries point at: one query a collection (a page of ids at a time). */
async function readNames(db: Database, ids: Map<string, Set<string>>): Promise<Names> {
  const names: Names = new Map();
  const _ = db.command;
  for (const [collection, set] of ids) {
    const found = new Map<string, string>();
    names.set(collection, found);
    const list = [...set];
    for (let i = 0; i < list.length; i += LOOKUP_PAGE) {
      const chunk = list.slice(i, i + LOOKUP_PAGE);
      const docs = await db
        .collection(collection)
        .where({ _id: _.in(chunk) })
        .limit(chunk.length)
        .get();
      const fields = Object.values(TARGET_KINDS).find((k) => k.collection === collection)?.names ?? [];
      const lookupField = Object.hasOwn(LOOKUPS, collection) ? LOOKUPS[collection as keyof typeof LOOKUPS] : null;
      for (const doc of docs) {
        const name = nameIn(doc as Record<string, unknown>, lookupField ? [lookupField, ...fields] : fields);
        if (name) found.set(String(doc._id), name);
      }
    }
  }
  return names;
}

function nameOf(names: Names, collection: string, id: unknown): string | null {
  return typeof id === 'string' ? (names.get(collection)?.get(id) ?? null) : null;
}

function formatValue(value: unknown, format: FieldFormat, target: TargetKind, names: Names): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (format) {
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('zh-CN') : cut(String(value), VALUE_MAX);
    case 'time':
      return typeof value === 'number' && Number.isFinite(value) ? shanghaiClock(value) : null;
    case 'bool':
      return value === true ? '是' : value === false ? '否' : null;
    case 'role':
      return roleLabel(String(value));
    case 'status': {
      const key = String(value);
      if (target === 'request' && Object.hasOwn(REQUEST_STATUS_WORDS, key)) return REQUEST_STATUS_WORDS[key]!;
      return Object.hasOwn(STATUS_WORDS, key) ? STATUS_WORDS[key]! : key;
    }
    case 'picture':
      return '已上传';
    case 'unit':
      return nameOf(names, 'orgUnits', value) ?? '（已不存在的组织）';
    case 'person':
      return nameOf(names, 'users', value) ?? '一位用户';
    case 'stations':
    case 'sites': {
      const list = Array.isArray(value) ? value : [value];
      if (list.length === 0) return '无';
      const collection = format === 'stations' ? 'stations' : 'vaccineSites';
      return list.map((id) => nameOf(names, collection, id) ?? '（已删除）').join('、');
    }
    case 'text':
    case 'date':
      return typeof value === 'string' || typeof value === 'number' ? cut(String(value), VALUE_MAX) : null;
  }
}

function changesOf(doc: AuditDoc, target: TargetKind, names: Names): AuditChange[] {
  const before = record(doc.before);
  const after = record(doc.after);
  const changes: AuditChange[] = [];
  for (const [field, { label, format }] of Object.entries(FIELDS)) {
    const b = before?.[field];
    const a = after?.[field];
    if (b === undefined && a === undefined) continue;
    if (before && after && JSON.stringify(b) === JSON.stringify(a)) continue;
    const shown = {
      before: before ? formatValue(b, format, target, names) : null,
      after: after ? formatValue(a, format, target, names) : null,
    };
    if (shown.before === null && shown.after === null) continue;
    changes.push({ field, label, ...shown });
  }
  return changes;
}

function describe(doc: AuditDoc, names: Names): AuditWords {
  const words = wordsOf(doc.op);
  const kind = TARGET_KINDS[words.target];
  const before = record(doc.before);
  const after = record(doc.after);
  let name: string | null = null;
  if (words.target === 'invite') name = nameOf(names, 'orgUnits', (after ?? before)?.branchId);
  else if (kind.collection) {
    name =
      nameIn(after, kind.names) ??
      nameIn(before, kind.names) ??
      nameOf(names, kind.collection, doc.targetId) ??
      (words.target === 'unit' ? nameOf(names, 'orgUnits', after?.unitId ?? after?.branchId) : null);
  }
  const target = name
    ? `${kind.noun}「${cut(name, NAME_MAX)}」`
    : words.target === 'person'
      ? '一位用户'
      : kind.noun || null;
  let says = words.says;
  if (words.created && before === null && doc.before === null && after) says = words.created;
  if (words.by && after) {
    const key = String(after[words.by.field]);
    if (Object.hasOwn(words.by.says, key)) says = words.by.says[key]!;
  }
  const person = words.person ? nameOf(names, 'users', after?.[words.person]) : null;
  const withPerson = says.replace('{person}', person ? `「${cut(person, NAME_MAX)}」` : '一位党员');
  // Nothing named (all members in scope, a whole export): 「查看了党员名单」, not 「查看了的党员名单」.
  const text = target ? withPerson.replace('{target}', target) : withPerson.replace(/\{target\}的?/, '');
  return {
    operation: words.label,
    target,
    sentence: `${actorOf(doc.role, doc.actorName)} ${text}`,
    changes: changesOf(doc, words.target, names),
  };
}

/** The words of a page of entries, with every name they point at read in one query a collection. */
export async function describeEntries(db: Database, docs: readonly AuditDoc[]): Promise<AuditWords[]> {
  const ids = new Map<string, Set<string>>();
  const add = (collection: string, id: unknown) => {
    if (typeof id !== 'string' || id === '' || !collection) return;
    const set = ids.get(collection) ?? new Set<string>();
    set.add(id);
    ids.set(collection, set);
  };
  for (const doc of docs) wanted(doc, wordsOf(doc.op), add);
  const names = await readNames(db, ids);
  return docs.map((doc) => describe(doc, names));
}
