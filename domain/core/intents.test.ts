/** The intent protocol on its own, on whichever engine the jest project selects. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, type TestDatabase } from '../../test/support/engine';
import { AppError } from './errors';
import {
  INTENTS,
  intentDocSchema,
  intentGraceMs,
  markOf,
  marksOf,
  reconcileMarks,
  repairMark,
  reserve,
  rollBack,
  take,
  takeFirst,
  takeMarked,
  takenMarks,
  type HotResource,
  type Mark,
  type MarkedResource,
  type Reservation,
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

/** Goods with `stock` units, one open intent that has taken one of them, and a release that counts its calls. */
async function takenOnce(stock: number) {
  n += 1;
  const goodsId = `g-intent-${n}`;
  const intentId = `in-${n}`;
  await db.collection(GOODS).add({ _id: goodsId, stock });
  await db.collection(INTENTS).add({
    _id: intentId,
    kind: 'redeem',
    openid: 'm1',
    requestId: `r${n}`,
    collection: GOODS,
    target: goodsId,
    state: 'open',
    createdAt: 0,
    qty: 1,
    total: 10,
  });
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
  await Promise.all([
    rollBack(db, t.intent, t.undo, t.release),
    rollBack(db, t.intent, t.undo, t.release),
    rollBack(db, t.intent, t.undo, t.release),
  ]);
  expect(await t.stockOf()).toBe(1);
});

describe('reserve: the three steps and every roll-back', () => {
  // Collections every engine has (the CloudBase double only knows the product's), holding toy documents.
  const EFFECTS = 'orders';
  const HOLDS = 'goodsQuotas';
  const heldBy = async (openid: string) => Number((await db.collection(HOLDS).doc(openid).get())?.held ?? 0);
  /** A toy module on the protocol: one unit of stock a request, a per-person hold, an effect document with a code. */
  const STOCK: HotResource = {
    kind: 'redeem',
    collection: GOODS,
    undo: (db, mark) => ({ stock: db.command.inc(Number(mark)) }),
    async unreserve(tx, intent) {
      const holds = await tx.collection(HOLDS).doc(intent.openid).get();
      await tx
        .collection(HOLDS)
        .doc(intent.openid)
        .set({ held: Number(holds?.held ?? 0) - intent.qty });
    },
  };
  let codes = 10_000_000;

  async function shelf(stock: number) {
    n += 1;
    const goodsId = `g-reserve-${n}`;
    const openid = `m-reserve-${n}`;
    await db.collection(GOODS).add({ _id: goodsId, stock });
    const state = async () => {
      const goods = await db.collection(GOODS).doc(goodsId).get();
      const intents = await db.collection(INTENTS).where({ target: goodsId }).get();
      return {
        stock: goods?.stock,
        marks: Object.keys(marksOf(goods ?? {})).length,
        intents: intents.length,
        held: await heldBy(openid),
      };
    };
    return { goodsId, openid, state };
  }

  type Answer = { code: string };
  function request(
    s: { goodsId: string; openid: string },
    requestId: string,
    change: Partial<Reservation<null, number, Answer>> = {},
    effectId = `ef-${s.openid}-${requestId}`,
  ) {
    const _ = db.command;
    return reserve<null, number, Answer>(db, STOCK, {
      openid: s.openid,
      requestId,
      effectId,
      target: s.goodsId,
      now: 0,
      async storedAnswer() {
        const effect = await db.collection(EFFECTS).doc(effectId).get();
        return effect ? { code: String(effect.code) } : null;
      },
      prepare: async () => null,
      storedIn: async (tx) => (await tx.collection(EFFECTS).doc(effectId).get()) !== null,
      underWayElsewhere: '正在处理另一个请求',
      async reserveIn(tx) {
        const holds = await tx.collection(HOLDS).doc(s.openid).get();
        await tx
          .collection(HOLDS)
          .doc(s.openid)
          .set({ held: Number(holds?.held ?? 0) + 1 });
      },
      take: async (_plan, intentId) =>
        (await take(db, GOODS, s.goodsId, intentId, { stock: _.gte(1) }, { stock: _.inc(-1) }, 1)) ? 1 : null,
      refused: () => new AppError('SOLD_OUT', '已兑完'),
      code: { draw: () => String((codes += 1)), name: '测试码' },
      expired: '超时，请重试',
      async completeIn(tx, _plan, _taken, code) {
        // The hold becomes the effect.
        const holds = await tx.collection(HOLDS).doc(s.openid).get();
        await tx
          .collection(HOLDS)
          .doc(s.openid)
          .set({ held: Number(holds?.held ?? 0) - 1 });
        await tx.collection(EFFECTS).add({ _id: effectId, code });
        return { code };
      },
      ...change,
    });
  }

  test('a request takes one unit, records its effect and leaves neither mark nor intent', async () => {
    const s = await shelf(2);
    const answer = await request(s, 'r1');
    expect(answer.code).toMatch(/^\d+$/);
    expect(await s.state()).toEqual({ stock: 1, marks: 0, intents: 0, held: 0 });
    // The same request again answers what it stored, and takes nothing more.
    expect(await request(s, 'r1')).toEqual(answer);
    expect(await s.state()).toEqual({ stock: 1, marks: 0, intents: 0, held: 0 });
  });

  test('a refused take releases the reservation and answers the refusal', async () => {
    const s = await shelf(0);
    await expect(request(s, 'r1')).rejects.toMatchObject({ code: 'SOLD_OUT', message: '已兑完' });
    expect(await s.state()).toEqual({ stock: 0, marks: 0, intents: 0, held: 0 });
  });

  test('a take that throws after its update landed gives the unit back by the mark', async () => {
    const s = await shelf(1);
    const _ = db.command;
    const lostAnswer = async (_plan: null, intentId: string) => {
      await take(db, GOODS, s.goodsId, intentId, { stock: _.gte(1) }, { stock: _.inc(-1) }, 1);
      throw new Error('connection reset');
    };
    await expect(request(s, 'r1', { take: lostAnswer })).rejects.toThrow('connection reset');
    expect(await s.state()).toEqual({ stock: 1, marks: 0, intents: 0, held: 0 });
  });

  test('a completion that refuses gives the unit back and releases the reservation', async () => {
    const s = await shelf(1);
    const refusing = async () => {
      throw new AppError('CONFLICT', '你已预约该时段');
    };
    await expect(request(s, 'r1', { completeIn: refusing })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '你已预约该时段',
    });
    expect(await s.state()).toEqual({ stock: 1, marks: 0, intents: 0, held: 0 });
  });

  test('a completion that fails gives the unit back and answers its error', async () => {
    const s = await shelf(1);
    const failing = async () => {
      throw new Error('database unavailable');
    };
    await expect(request(s, 'r1', { completeIn: failing })).rejects.toThrow('database unavailable');
    expect(await s.state()).toEqual({ stock: 1, marks: 0, intents: 0, held: 0 });
  });

  test('a twin request waits for the first and answers what it stored; another request on the same effect is refused', async () => {
    const s = await shelf(3);
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let takes = 0;
    const counted: Reservation<null, number, Answer>['take'] = async (_plan, intentId) => {
      takes += 1;
      const _ = db.command;
      return (await take(db, GOODS, s.goodsId, intentId, { stock: _.gte(1) }, { stock: _.inc(-1) }, 1)) ? 1 : null;
    };
    const first = request(
      s,
      'r1',
      {
        take: async (plan, intentId) => {
          const taken = await counted(plan, intentId);
          await gate;
          return taken;
        },
      },
      'ef-shared',
    );
    while ((await s.state()).marks === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const twin = request(s, 'r1', { take: counted }, 'ef-shared');
    await expect(request(s, 'r2', { take: counted }, 'ef-shared')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: '正在处理另一个请求',
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    openGate();
    const [a, b] = await Promise.all([first, twin]);
    expect(b).toEqual(a);
    expect(takes).toBe(1);
    expect(await s.state()).toEqual({ stock: 2, marks: 0, intents: 0, held: 0 });
  });
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
