/**
 * Staff verify a code people show (pickup code, booking code, appointment code): the code's own
 * document (`_id` = the code) points at what it opens; verifying checks that document's state and
 * window, marks it used and deletes the code, in one transaction, so a code is used once however
 * often it is shown. The scope hook finds the same document to say where it lies.
 */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { AppError } from './errors';
import { TX_ATTEMPTS } from './ids';
import { action, type ScopeTarget, type SignedInContext } from './router';

/** Parses a stored document (a zod schema fits). */
interface DocSchema<Doc> {
  safeParse(data: unknown): { success: true; data: Doc } | { success: false };
}

/** Where a module's codes live and what they open. */
export interface CodeBook<Doc> {
  /** The collection of code documents. */
  codes: string;
  /** The field of a code document that names the document it opens. */
  linkField: string;
  /** The collection of the documents codes open, and their schema. */
  collection: string;
  schema: DocSchema<Doc>;
  /** The code a document carries now: a link left behind by an older code opens nothing. */
  codeOf: (doc: Doc) => string;
  /** What an unknown, used or stale code is told. */
  invalid: string;
}

/** The document `code` links to, or null: for scope hooks, which answer null (nothing to check) for an unknown code. */
export async function findByCode<Doc>(db: Database, book: CodeBook<Doc>, code: string): Promise<Doc | null> {
  const link = await db.collection(book.codes).doc(code).get();
  const doc = book.schema.safeParse(
    link ? await db.collection(book.collection).doc(String(link[book.linkField])).get() : null,
  );
  return doc.success ? doc.data : null;
}

/**
 * Uses `code` once: inside one transaction `use` checks the document it opens (state, window;
 * refusals throw) and marks it used, then the code is deleted. Unknown or used codes are NOT_FOUND.
 */
export async function useCode<Doc, Answer>(
  db: Database,
  book: CodeBook<Doc>,
  code: string,
  use: (tx: Transaction, doc: Doc) => Promise<Answer>,
): Promise<Answer> {
  const link = await db.collection(book.codes).doc(code).get();
  if (!link) throw new AppError('NOT_FOUND', book.invalid);
  const docId = String(link[book.linkField]);
  return db.runTransaction(async (tx) => {
    const doc = book.schema.safeParse(await tx.collection(book.collection).doc(docId).get());
    if (!doc.success || book.codeOf(doc.data) !== code) throw new AppError('NOT_FOUND', book.invalid);
    const answer = await use(tx, doc.data);
    await tx.collection(book.codes).doc(code).remove();
    return answer;
  }, TX_ATTEMPTS);
}

/**
 * The staff action that verifies a module's codes: the 8-digit code under `field` of the input, the
 * scope of what it opens (staff verify at their own stations and sites), then `use` once.
 */
export function verifyAction<Field extends string, Doc, Answer>(def: {
  field: Field;
  book: CodeBook<Doc>;
  /** What a malformed code is told, e.g. 取货码是 8 位数字. */
  format: string;
  /** Where the document lies, or null when it lies anywhere. */
  scope: (doc: Doc) => ScopeTarget | null;
  /** Inside the transaction: refusals (state, window) throw, then the document is marked used. */
  use: (tx: Transaction, doc: Doc, ctx: SignedInContext) => Promise<Answer>;
}) {
  // Typed as what it parses to (one string under `field`): TypeScript cannot index a generic object schema's output.
  const input = z.strictObject({
    [def.field]: z
      .string()
      .trim()
      .regex(/^\d{8}$/, def.format),
  }) as unknown as z.ZodType<Record<Field, string>, Record<Field, string>>;
  return action({
    input,
    access: ['staff', 'admin'],
    async scope(given, ctx) {
      const doc = await findByCode(ctx.db, def.book, given[def.field]);
      return doc === null ? null : def.scope(doc);
    },
    run: (given, ctx) => useCode(ctx.db, def.book, given[def.field], (tx, doc) => def.use(tx, doc, ctx)),
  });
}
