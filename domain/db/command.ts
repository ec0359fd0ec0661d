/**
 * Query and update operators, shaped like CloudBase's `db.command`.
 * They are plain data so that each engine translates them: the local engine into
 * MongoDB operators, the CloudBase adapter into the SDK's own command objects.
 */
export type Comparable = string | number | boolean | null;

export type OpKind =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'nin'
  | 'exists'
  | 'regex'
  | 'and'
  | 'or'
  | 'inc'
  | 'set'
  | 'remove'
  | 'push'
  | 'pull';

export class Op {
  constructor(
    readonly kind: OpKind,
    readonly value: unknown,
    readonly options?: string,
  ) {}
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A field's value in a query: a literal, or a comparison operator. */
export type QueryValue = JsonValue | Op;
/** `undefined` fields are dropped, so optional filters can be written inline. */
export type QueryDoc = { [field: string]: QueryValue | undefined };
export type Query = QueryDoc | Op;
/** A field's value in an update: a literal (nested objects merge by path), or an update operator. */
export type UpdateValue = JsonValue | Op | { [key: string]: UpdateValue };
export type UpdateDoc = { [field: string]: UpdateValue };

export const command = {
  eq: (v: Comparable) => new Op('eq', v),
  neq: (v: Comparable) => new Op('neq', v),
  gt: (v: number | string) => new Op('gt', v),
  gte: (v: number | string) => new Op('gte', v),
  lt: (v: number | string) => new Op('lt', v),
  lte: (v: number | string) => new Op('lte', v),
  in: (v: Comparable[]) => new Op('in', v),
  nin: (v: Comparable[]) => new Op('nin', v),
  exists: (v: boolean) => new Op('exists', v),
  and: (queries: Query[]) => new Op('and', queries),
  or: (queries: Query[]) => new Op('or', queries),
  /** Case-insensitive "contains", for keyword search. The pattern is escaped. */
  contains: (text: string) => new Op('regex', escapeRegExp(text), 'i'),
  inc: (n: number) => new Op('inc', n),
  set: (v: JsonValue) => new Op('set', v),
  remove: () => new Op('remove', null),
  push: (v: JsonValue) => new Op('push', v),
  pull: (v: Comparable) => new Op('pull', v),
};
export type Command = typeof command;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
