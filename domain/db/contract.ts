/**
 * The storage contract the domain relies on, written once and run against every engine:
 * the embedded one always, CloudBase when credentials are present.
 */
import { DbError, MAX_LIMIT, type Database } from './types';

export interface ContractTarget {
  /** A database with the collections of this run empty. */
  open(): Promise<Database>;
  /** A unique prefix so that runs against a shared cloud environment do not collide. */
  prefix: string;
}

export function storageContract(target: ContractTarget): void {
  let db: Database;
  const col = (name: string) => `${target.prefix}${name}`;

  beforeAll(async () => {
    db = await target.open();
  });
  afterAll(async () => {
    await db.close();
  });

  test('add then doc().get returns the document; a taken _id is refused', async () => {
    await db.collection(col('goods')).add({ _id: 'g1', name: '党建读本', stock: 5 });
    expect(await db.collection(col('goods')).doc('g1').get()).toEqual({ _id: 'g1', name: '党建读本', stock: 5 });
    await expect(db.collection(col('goods')).add({ _id: 'g1', name: 'other', stock: 1 })).rejects.toMatchObject({
      code: 'DUPLICATE_KEY',
    });
    expect((await db.collection(col('goods')).doc('g1').get())?.name).toBe('党建读本');
  });

  test('conditional update answers updated 1 when the condition holds and 0 when it does not', async () => {
    const _ = db.command;
    const goods = db.collection(col('goods'));
    await goods.add({ _id: 'g2', stock: 2 });
    expect(await goods.where({ _id: 'g2', stock: _.gte(2) }).update({ stock: _.inc(-2) })).toEqual({ updated: 1 });
    expect(await goods.where({ _id: 'g2', stock: _.gte(1) }).update({ stock: _.inc(-1) })).toEqual({ updated: 0 });
    expect((await goods.doc('g2').get())?.stock).toBe(0);
    expect(await goods.doc('missing').update({ stock: 1 })).toEqual({ updated: 0 });
  });

  test('concurrent conditional decrements never take stock below zero', async () => {
    const _ = db.command;
    const goods = db.collection(col('goods'));
    await goods.add({ _id: 'g3', stock: 10 });
    const results = await Promise.all(
      Array.from({ length: 40 }, () => goods.where({ _id: 'g3', stock: _.gte(1) }).update({ stock: _.inc(-1) })),
    );
    expect(results.filter((r) => r.updated === 1)).toHaveLength(10);
    expect((await goods.doc('g3').get())?.stock).toBe(0);
  });

  test('nested objects in an update merge by field; set replaces', async () => {
    const _ = db.command;
    const users = db.collection(col('users'));
    await users.add({ _id: 'u1', profile: { name: '张三', phone: '13800000000' } });
    await users.doc('u1').update({ profile: { name: '李四' } });
    expect((await users.doc('u1').get())?.profile).toEqual({ name: '李四', phone: '13800000000' });
    await users.doc('u1').update({ profile: _.set({ name: '王五' }) });
    expect((await users.doc('u1').get())?.profile).toEqual({ name: '王五' });
  });

  test('transaction commit applies every write', async () => {
    await db.collection(col('accounts')).add({ _id: 'a', balance: 10 });
    await db.collection(col('accounts')).add({ _id: 'b', balance: 0 });
    await db.runTransaction(async (tx) => {
      const a = await tx.collection(col('accounts')).doc('a').get();
      await tx
        .collection(col('accounts'))
        .doc('a')
        .update({ balance: db.command.inc(-4) });
      await tx
        .collection(col('accounts'))
        .doc('b')
        .update({ balance: db.command.inc(4) });
      await tx.collection(col('ledger')).add({ _id: 't1', amount: 4, before: Number(a?.balance) });
    });
    expect((await db.collection(col('accounts')).doc('a').get())?.balance).toBe(6);
    expect((await db.collection(col('accounts')).doc('b').get())?.balance).toBe(4);
    expect(await db.collection(col('ledger')).doc('t1').get()).toMatchObject({ amount: 4, before: 10 });
  });

  test('an error inside a transaction rolls every write back', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection(col('accounts'))
          .doc('a')
          .update({ balance: db.command.inc(-1) });
        await tx.collection(col('ledger')).add({ _id: 't2', amount: 1 });
        throw new Error('余额不足');
      }),
    ).rejects.toThrow('余额不足');
    expect((await db.collection(col('accounts')).doc('a').get())?.balance).toBe(6);
    expect(await db.collection(col('ledger')).doc('t2').get()).toBeNull();
  });

  test('a transaction whose read was changed underneath it conflicts, and is retried', async () => {
    let runs = 0;
    await expect(
      db.runTransaction(async (tx) => {
        runs += 1;
        const a = await tx.collection(col('accounts')).doc('a').get();
        // A write outside the transaction, after it read the document.
        await db
          .collection(col('accounts'))
          .doc('a')
          .update({ balance: db.command.inc(100) });
        await tx
          .collection(col('accounts'))
          .doc('a')
          .update({ balance: Number(a?.balance) - 1 });
      }, 2),
    ).rejects.toMatchObject({ code: 'TRANSACTION_CONFLICT' });
    expect(runs).toBe(2);
    // Both outside writes landed; the stale transactional write never did.
    expect((await db.collection(col('accounts')).doc('a').get())?.balance).toBe(206);
  });

  test('transactions that change the same document concurrently lose no update', async () => {
    await db.collection(col('accounts')).add({ _id: 'c', balance: 0 });
    await Promise.all(
      Array.from({ length: 25 }, () =>
        db.runTransaction(async (tx) => {
          const c = await tx.collection(col('accounts')).doc('c').get();
          await tx
            .collection(col('accounts'))
            .doc('c')
            .set({ balance: Number(c?.balance) + 1 });
        }, 20),
      ),
    );
    expect((await db.collection(col('accounts')).doc('c').get())?.balance).toBe(25);
  });

  test('where inside a transaction is rejected and writes nothing', async () => {
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection(col('accounts'))
          .doc('b')
          .update({ balance: db.command.inc(1) });
        const unsafe = tx.collection(col('accounts')) as unknown as { where(q: object): unknown };
        unsafe.where({ _id: 'b' });
      }),
    ).rejects.toMatchObject({ code: 'WHERE_IN_TRANSACTION' });
    expect((await db.collection(col('accounts')).doc('b').get())?.balance).toBe(4);
  });

  test('get returns 100 documents by default and at most 1,000', async () => {
    const items = db.collection(col('many'));
    for (let i = 0; i < 1100; i += 1) await items.add({ _id: `m${String(i).padStart(4, '0')}`, n: i });
    expect(await items.get()).toHaveLength(100);
    expect(await items.limit(5000).get()).toHaveLength(MAX_LIMIT);
    const page = await items
      .where({ n: db.command.gte(1000) })
      .orderBy('n', 'desc')
      .skip(10)
      .limit(20)
      .get();
    expect(page.map((d) => d.n)).toEqual(Array.from({ length: 20 }, (_, i) => 1089 - i));
    expect(await items.where({ n: db.command.lt(10) }).count()).toBe(10);
  });

  test('keyword search with contains escapes the pattern', async () => {
    const stations = db.collection(col('stations'));
    await stations.add({ _id: 's1', name: '凤山景区红色驿站' });
    await stations.add({ _id: 's2', name: '党群服务中心(县级)' });
    expect((await stations.where({ name: db.command.contains('红色') }).get()).map((d) => d._id)).toEqual(['s1']);
    expect((await stations.where({ name: db.command.contains('(县级)') }).get()).map((d) => d._id)).toEqual(['s2']);
    expect(await stations.where({ name: db.command.contains('.*') }).get()).toEqual([]);
  });

  test('where().update touches every match and remove deletes them', async () => {
    const slots = db.collection(col('slots'));
    await slots.add({ _id: 'x1', day: 'd1', closed: false });
    await slots.add({ _id: 'x2', day: 'd1', closed: false });
    await slots.add({ _id: 'x3', day: 'd2', closed: false });
    expect(await slots.where({ day: 'd1' }).update({ closed: true })).toEqual({ updated: 2 });
    expect(await slots.where({ closed: true }).remove()).toEqual({ deleted: 2 });
    expect(await slots.count()).toBe(1);
  });

  test('a malformed operator is refused with a DbError', async () => {
    expect(() => db.collection(col('slots')).where({ $where: 'x' } as never)).toThrow(DbError);
  });
}
