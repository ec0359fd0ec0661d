/** Verifying a code on its own, on whichever engine the jest project selects. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Transaction } from '../db';
import { openTestDatabase, type TestDatabase } from '../../test/support/engine';
import { AppError } from './errors';
import { findByCode, useCode, type CodeBook } from './verify';

// Collections every engine has (the CloudBase double only knows the product's), holding toy documents.
const CODES = 'pickupCodes';
const TICKETS = 'orders';
const ticketSchema = z.object({
  _id: z.string(),
  code: z.string(),
  status: z.enum(['open', 'used']),
  place: z.string(),
});
type Ticket = z.output<typeof ticketSchema>;
const BOOK: CodeBook<Ticket> = {
  codes: CODES,
  linkField: 'ticketId',
  collection: TICKETS,
  schema: ticketSchema,
  codeOf: (t) => t.code,
  invalid: '码无效或已使用',
};

let db: TestDatabase;
let n = 0;
beforeAll(async () => {
  db = await openTestDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-verify-')));
});
afterAll(async () => {
  await db.close();
});

async function ticket(): Promise<{ ticketId: string; code: string }> {
  n += 1;
  const ticketId = `t-verify-${n}`;
  const code = String(20_000_000 + n);
  await db.collection(TICKETS).add({ _id: ticketId, code, status: 'open', place: 'p1' });
  await db.collection(CODES).add({ _id: code, ticketId });
  return { ticketId, code };
}

/** What a module's `use` does: refuses a used ticket, marks it used. */
const markUsed = async (tx: Transaction, t: Ticket) => {
  if (t.status !== 'open') throw new AppError('CONFLICT', '已使用');
  await tx.collection(TICKETS).doc(t._id).update({ status: 'used' });
  return { ticketId: t._id };
};

test('the scope hook finds what a code opens, and nothing for an unknown code', async () => {
  const t = await ticket();
  expect(await findByCode(db, BOOK, t.code)).toMatchObject({ _id: t.ticketId, place: 'p1' });
  expect(await findByCode(db, BOOK, '99999999')).toBeNull();
});

test('a code is used once: marked used, its code deleted, a second use NOT_FOUND', async () => {
  const t = await ticket();
  const both = await Promise.allSettled([useCode(db, BOOK, t.code, markUsed), useCode(db, BOOK, t.code, markUsed)]);
  expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  expect((await db.collection(TICKETS).doc(t.ticketId).get())?.status).toBe('used');
  expect(await db.collection(CODES).doc(t.code).get()).toBeNull();
  await expect(useCode(db, BOOK, t.code, markUsed)).rejects.toMatchObject({
    code: 'NOT_FOUND',
    message: '码无效或已使用',
  });
});

test('a refusal keeps the code, and a link to a document that carries another code opens nothing', async () => {
  const t = await ticket();
  const early = async () => {
    throw new AppError('TOO_EARLY', '未到时间');
  };
  await expect(useCode(db, BOOK, t.code, early)).rejects.toMatchObject({ code: 'TOO_EARLY' });
  expect(await db.collection(CODES).doc(t.code).get()).not.toBeNull();
  await db.collection(TICKETS).doc(t.ticketId).update({ code: '12345678' });
  await expect(useCode(db, BOOK, t.code, markUsed)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  expect((await db.collection(TICKETS).doc(t.ticketId).get())?.status).toBe('open');
});
