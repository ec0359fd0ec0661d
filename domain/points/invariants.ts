/**
 * The points invariants of DESIGN.md, checked over a whole database. Each check answers how many
 * documents break it: 0 everywhere is the only good answer.
 */
import type { Database, Doc } from '../db';
import { ACCOUNTS, GOODS, GOODS_QUOTAS, LEDGER, ORDERS, accountDocSchema, goodsDocSchema, ledgerDocSchema, orderDocSchema } from './model';

const PAGE = 1000;

export async function readAll(db: Database, collection: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(PAGE).get();
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

export interface InvariantReport {
  name: string;
  violations: number;
}

export async function checkPointsInvariants(db: Database): Promise<InvariantReport[]> {
  const accounts = (await readAll(db, ACCOUNTS)).map((d) => accountDocSchema.parse(d));
  const ledger = (await readAll(db, LEDGER)).map((d) => ledgerDocSchema.parse(d));
  const goods = (await readAll(db, GOODS)).map((d) => goodsDocSchema.parse(d));
  const orders = (await readAll(db, ORDERS)).map((d) => orderDocSchema.parse(d));
  const quotas = await readAll(db, GOODS_QUOTAS);

  const sums = new Map<string, number>();
  for (const e of ledger) sums.set(e.openid, (sums.get(e.openid) ?? 0) + e.amount);
  const refunds = new Map<string, number>();
  const redemptions = new Map<string, number>();
  for (const e of ledger) {
    if (e.kind === 'refund' && e.orderId) refunds.set(e.orderId, (refunds.get(e.orderId) ?? 0) + 1);
    if (e.kind === 'redeem' && e.orderId) redemptions.set(e.orderId, (redemptions.get(e.orderId) ?? 0) + 1);
  }
  const active = orders.filter((o) => o.status === 'pending' || o.status === 'picked');
  const soldByGoods = new Map<string, number>();
  const boughtByQuota = new Map<string, number>();
  for (const o of active) {
    soldByGoods.set(o.goodsId, (soldByGoods.get(o.goodsId) ?? 0) + o.qty);
    boughtByQuota.set(`${o.goodsId}:${o.openid}`, (boughtByQuota.get(`${o.goodsId}:${o.openid}`) ?? 0) + o.qty);
  }
  const limitOf = new Map(goods.map((g) => [g._id, g.perUserLimit]));

  return [
    { name: 'ledger sums equal balances', violations: accounts.filter((a) => (sums.get(a._id) ?? 0) !== a.balance).length + [...sums.keys()].filter((id) => !accounts.some((a) => a._id === id)).length },
    { name: 'no negative balance', violations: accounts.filter((a) => a.balance < 0).length },
    { name: 'stock + sold = stocked', violations: goods.filter((g) => g.stock + g.sold !== g.stocked || g.stock < 0).length },
    { name: 'sold equals the units of live orders', violations: goods.filter((g) => g.sold !== (soldByGoods.get(g._id) ?? 0)).length },
    { name: 'per-user limit holds', violations: [...boughtByQuota.entries()].filter(([k, n]) => n > (limitOf.get(k.split(':')[0]!) ?? Infinity)).length + quotas.filter((q) => q.bought !== (boughtByQuota.get(q._id) ?? 0)).length },
    { name: 'every order paid exactly once', violations: orders.filter((o) => redemptions.get(o._id) !== 1).length },
    { name: 'exactly one refund per cancelled or expired order, none otherwise', violations: orders.filter((o) => (refunds.get(o._id) ?? 0) !== (o.status === 'cancelled' || o.status === 'expired' ? 1 : 0)).length },
  ];
}
