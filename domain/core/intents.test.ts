/** The intent protocol on its own, on whichever engine the jest project selects. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../test/support/engine';
import { AppError } from './errors';
import { INTENTS, intentDocSchema, markOf, rollBack, take } from './intents';

const GOODS = 'goods';
let db: TestDatabase;
let n = 0;

beforeAll(async () => {
  db = await openTestDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-intents-')));
});
afterAll(async () => {
  await db.close();
});

/** Goods with `stock` units, one open intent that has taken one of them, and a release that counts its calls. */
async function takenOnce(stock: number) {
  n += 1;
  const goodsId = `g-intent-${n}`;
  const intentId = `in-${n}`;
  await db.collection(GOODS).add({ _id: goodsId, stock });
  await db.collection(INTENTS).add({ _id: intentId, kind: 'redeem', openid: 'm1', requestId: `r${n}`, collection: GOODS, target: goodsId, state: 'open', createdAt: 0, qty: 1, total: 10 });
  const _ = db.command;
  expect(await take(db, GOODS, goodsId, intentId, { stock: _.gte(1) }, { stock: _.inc(-1) }, 1)).toBe(true);
  const released = { count: 0 };
  const release = async () => {
    released.count += 1;
    await db.collection(INTENTS).doc(intentId).remove();
  };
  const undo = () => ({ stock: _.inc(1) });
  const intent = { _id: intentId, collection: GOODS, target: goodsId };
  /** What a request's completing transaction does: it commits only on an intent still open. */
  const complete = () =>
    db.runTransaction(async (tx) => {
      const current = intentDocSchema.safeParse(await tx.collection(INTENTS).doc(intentId).get());
      if (!current.success || current.data.state !== 'open') throw new AppError('CONFLICT', '兑换超时，请重试');
      await tx.collection(INTENTS).doc(intentId).update({ state: 'done' });
    });
  const stockOf = async () => (await db.collection(GOODS).doc(goodsId).get())?.stock;
  return { goodsId, intentId, intent, undo, release, released, complete, stockOf };
}

test('a completion that read the intent open before a roll-back gave back cannot commit beside it', async () => {
  const t = await takenOnce(3);
  let openGate = () => {};
  const gate = new Promise<void>((resolve) => (openGate = resolve));
  // The reservation's release waits until the completion has settled: the interleaving that oversold.
  const release = async () => {
    await gate;
    const current = intentDocSchema.safeParse(await db.collection(INTENTS).doc(t.intentId).get());
    if (current.success && current.data.state !== 'done') await t.release();
  };
  let rolling: Promise<unknown> | null = null;
  const completing = db.runTransaction(async (tx) => {
    const current = intentDocSchema.safeParse(await tx.collection(INTENTS).doc(t.intentId).get());
    if (!rolling) {
      rolling = rollBack(db, t.intent, t.undo, release);
      while ((await t.stockOf()) !== 3) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (!current.success || current.data.state !== 'open') throw new AppError('CONFLICT', '兑换超时，请重试');
    await tx.collection(INTENTS).doc(t.intentId).update({ state: 'done' });
  }, 5);
  await expect(completing).rejects.toMatchObject({ code: 'CONFLICT' });
  openGate();
  expect(await rolling).toBe('rolledBack');
  expect(await t.stockOf()).toBe(3);
  expect(t.released.count).toBe(1);
  expect(await db.collection(INTENTS).doc(t.intentId).get()).toBeNull();
});

test('an intent its request completed is finished by a roll-back, not given back', async () => {
  const t = await takenOnce(3);
  await t.complete();
  expect(await rollBack(db, t.intent, t.undo, t.release)).toBe('finished');
  expect(await t.stockOf()).toBe(2);
  expect(t.released.count).toBe(0);
  expect(await db.collection(INTENTS).doc(t.intentId).get()).toBeNull();
  expect(markOf(await db.collection(GOODS).doc(t.goodsId).get(), t.intentId)).toBeUndefined();
});

test('a claimed intent is never completed again, and roll-backs racing give back exactly once', async () => {
  const t = await takenOnce(1);
  await db.collection(INTENTS).where({ _id: t.intentId, state: 'open' }).update({ state: 'aborting' });
  await expect(t.complete()).rejects.toMatchObject({ code: 'CONFLICT' });
  await Promise.all([rollBack(db, t.intent, t.undo, t.release), rollBack(db, t.intent, t.undo, t.release), rollBack(db, t.intent, t.undo, t.release)]);
  expect(await t.stockOf()).toBe(1);
});
