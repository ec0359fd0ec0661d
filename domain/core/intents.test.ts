/** The take-first protocol (`takeFirst`, its repair and job) on its own, on whichever engine the jest project selects. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../test/support/engine';
import { AppError } from './errors';
import {
  intentGraceMs,
  reconcileMarks,
  repairMark,
  takeFirst,
  takeMarked,
  takenMarks,
  type Mark,
  type MarkedResource,
  type TakeFirst,
} from './intents';

const GOODS = 'goods';
let db: TestDatabase;
let n = 0;

beforeAll(async () => {
  db = await openTestDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'xfyz-intents-')));
});
afterAll(async () => {
  await db.close();
});

describe('taking first: the mark is the intent', () => {
  const EFFECTS = 'orders';
  const LOCKS = 'pointAccounts';
  const resource: MarkedResource = {
    kind: 'redeem',
    collection: GOODS,
    undo: (d, mark) => ({ stock: d.command.inc(mark.qty) }),
    lockOf: (mark) => ({ collection: LOCKS, id: mark.openid }),
    recorded: async (tx, mark) => (await tx.collection(EFFECTS).doc(mark.effectId).get()) !== null,
  };

  async function goods(stock: number) {
    n += 1;
    const goodsId = `g-first-${n}`;
    await db.collection(GOODS).add({ _id: goodsId, stock });
    return goodsId;
  }
  const stockOf = async (goodsId: string) => (await db.collection(GOODS).doc(goodsId).get())?.stock;
  const marksOn = async (goodsId: string) => takenMarks((await db.collection(GOODS).doc(goodsId).get()) ?? {});

  function request(goodsId: string, effectId: string, over: Partial<TakeFirst<null, string>> = {}) {
    const _ = db.command;
    return takeFirst<null, string>(db, resource, {
      openid: `m-${effectId}`,
      effectId,
      target: goodsId,
      now: 1_000,
      prepare: async () => null,
      units: () => ({ qty: 1, total: 10 }),
      storedAnswer: async () => ((await db.collection(EFFECTS).doc(effectId).get()) ? 'stored' : null),
      reserveIn: async (tx) => {
        await tx.collection(LOCKS).doc(`m-${effectId}`).set({ touched: true });
      },
      take: (_plan, intentId, mark) =>
        takeMarked(db, GOODS, goodsId, intentId, { stock: _.gte(1) }, { stock: _.inc(-1) }, mark),
      refused: () => new AppError('SOLD_OUT', '该商品已兑完'),
      completeIn: async (tx) => {
        await tx.collection(EFFECTS).add({ _id: effectId });
        return 'done';
      },
      code: { draw: () => `c-${effectId}-${Math.random()}`, name: '取货码' },
      underWay: '该请求正在处理中',
      ...over,
    });
  }

  test('a completed request leaves its effect, the unit taken and no mark; the same request again answers it', async () => {
    const goodsId = await goods(2);
    await expect(request(goodsId, `e-${n}-a`)).resolves.toBe('done');
    expect(await stockOf(goodsId)).toBe(1);
    expect(await marksOn(goodsId)).toEqual([]);
    expect((await db.collection(GOODS).doc(goodsId).get())?.holding).toBe(0);
    // Found completed before anything is taken (its effect's `_id` is taken): the stored answer.
    const again = request(goodsId, `e-${n}-a`, {
      reserveIn: async (tx) => {
        if (await tx.collection(EFFECTS).doc(`e-${n}-a`).get()) throw new AppError('CONFLICT', '已完成');
      },
    });
    await expect(again).resolves.toBe('stored');
    expect(await stockOf(goodsId)).toBe(1);
  });

  test('a refusal before the take takes nothing; a failure after it gives the unit back once', async () => {
    const goodsId = await goods(1);
    const refused = request(goodsId, `e-${n}-r`, {
      reserveIn: async () => {
        throw new AppError('INSUFFICIENT_POINTS', '积分不足');
      },
    });
    await expect(refused).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    expect(await stockOf(goodsId)).toBe(1);
    const failed = request(goodsId, `e-${n}-f`, {
      completeIn: async () => {
        throw new AppError('CONFLICT', '不能完成');
      },
    });
    await expect(failed).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await stockOf(goodsId)).toBe(1);
    expect(await marksOn(goodsId)).toEqual([]);
    await expect(request(goodsId, `e-${n}-s`)).resolves.toBe('done');
    await expect(request(goodsId, `e-${n}-t`)).rejects.toMatchObject({ code: 'SOLD_OUT' });
  });

  test('the job repairs only marks past the grace period: a recorded take is settled, an unrecorded one given back', async () => {
    const goodsId = await goods(5);
    const _ = db.command;
    const mark = (effectId: string, at: number): Mark => ({
      kind: 'redeem',
      effectId,
      openid: `m-${effectId}`,
      takeId: `t-${effectId}`,
      at,
      qty: 1,
      total: 10,
      seat: null,
    });
    const take1 = (id: string, m: Mark) =>
      takeMarked(db, GOODS, goodsId, id, { stock: _.gte(1) }, { stock: _.inc(-1) }, m);
    expect(await take1('in-done', mark(`e-${n}-done`, 0))).toBe(true);
    await db.collection(EFFECTS).add({ _id: `e-${n}-done` });
    expect(await take1('in-dead', mark(`e-${n}-dead`, 0))).toBe(true);
    const young = intentGraceMs() + 10;
    expect(await take1('in-young', mark(`e-${n}-young`, young))).toBe(true);
    expect(await stockOf(goodsId)).toBe(2);

    expect(await reconcileMarks(db, resource, intentGraceMs() + 5)).toEqual({ finished: 1, rolledBack: 1, left: 0 });
    expect(await stockOf(goodsId)).toBe(3);
    expect((await marksOn(goodsId)).map(([id]) => id)).toEqual(['in-young']);
    // Again: nothing more to do, and nothing given back twice.
    expect(await reconcileMarks(db, resource, intentGraceMs() + 5)).toEqual({ finished: 0, rolledBack: 0, left: 0 });
    expect(await repairMark(db, resource, goodsId, 'in-dead', mark(`e-${n}-dead`, 0))).toBe('rolledBack');
    expect(await stockOf(goodsId)).toBe(3);
    expect((await db.collection(GOODS).doc(goodsId).get())?.holding).toBe(1);
  });
});
