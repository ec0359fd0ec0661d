import { createHash, randomInt } from 'node:crypto';
import { DbError, type Database, type NewDoc } from '../db';
import { AppError } from './errors';

/** Domain transactions retry conflicts this often before answering CONFLICT. */
export const TX_ATTEMPTS = 12;

/** An id derived from who asked and what they asked, so a retry lands on the same document. */
export function derivedId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
}

/** An 8-digit code shown to people (pickup, booking, appointment). */
export const eightDigits = () => String(randomInt(10_000_000, 100_000_000));

/**
 * Runs `fn` with a freshly drawn code, drawing again when it is taken: the code's own document
 * (`_id` = code) is added inside `fn`, so a clash surfaces as DUPLICATE_KEY.
 */
export async function withFreshCode<T>(draw: () => string, what: string, fn: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      return await fn(draw());
    } catch (error) {
      if (!(error instanceof DbError && error.code === 'DUPLICATE_KEY')) throw error;
    }
  }
  throw new AppError('CONFLICT', `生成${what}失败，请重试`);
}

/** Adds a document unless its `_id` is taken; answers whether it was added. */
export async function addIfAbsent(db: Database, collection: string, doc: NewDoc): Promise<boolean> {
  try {
    await db.collection(collection).add(doc);
    return true;
  } catch (error) {
    if (error instanceof DbError && error.code === 'DUPLICATE_KEY') return false;
    throw error;
  }
}
