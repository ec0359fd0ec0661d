/**
 * The points invariants of DESIGN.md, checked over a whole database. Each check answers how many
 * documents break it: 0 everywhere is the only good answer.
 */
import { clock } from '../core/clock';
import type { Database } from '../db';
import { heldBy, readAll, readIntents, type InvariantReport } from '../core/invariants';
import { intentGraceMs, intentMarks, takenMarks } from '../core/intents';
import { heldAccountSchema } from './ledger';
import { ACCOUNTS, GOODS, LEDGER, ORDERS, goodsDocSchema, ledgerDocSchema, orderDocSchema } from './model';

export async function checkPointsInvariants(db: Database, now = clock.now()): Promise<InvariantReport[]> {
  const accounts = (await readAll(db, ACCOUNTS)).map((d) => heldAccountSchema.parse(d));
  const ledger = (await readAll(db, LEDGER)).map((d) => ledgerDocSchema.parse(d));
  const goodsDocs = await readAll(db, GOODS);
  const goods = goodsDocs.map((d) => goodsDocSchema.parse(d));
  const intents = await readIntents(db, 'redeem', now);
  const heldPoints = new Map<string, number>();
  const reservedUnits = new Map<string, number>();
  for (const i of intents.open) {
    heldPoints.set(i.openid, (heldPoints.get(i.openid) ?? 0) + i.total);
    reservedUnits.set(`${i.target}:${i.openid}`, (reservedUnits.get(`${i.target}:${i.openid}`) ?? 0) + i.qty);
  }
  const orders = (await readAll(db, ORDERS)).map((d) => orderDocSchema.parse(d));
  // Redemptions under way are marks on the goods (the intent itself); one whose order is stored is
  // completed and only waits to be settled. Marks of the intents collection's protocol are read beside.
  const orderIds = new Set(orders.map((o) => o._id));
  let staleMarks = 0;
  let inFlight = 0;
  const holds = new Map(
    goodsDocs.map((d) => {
      const legacy = heldBy({ ...d, holds: intentMarks(d) }, intents.byId);
      let held = legacy.held;
      for (const [, mark] of takenMarks(d, 'redeem')) {
        if (mark.at < now - intentGraceMs()) staleMarks += 1;
        else inFlight += 1;
        if (!orderIds.has(mark.effectId)) held += mark.qty;
      }
      return [d._id, { held, orphans: legacy.orphans }];
    }),
  );
  // Each account's per-goods counts, keyed as the maps above: `goodsId:openid`.
  const quotas = accounts.flatMap((a) =>
    Object.entries(a.quotas).map(([goodsId, q]) => ({ _id: `${goodsId}:${a._id}`, ...q })),
  );

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
    {
      name: 'ledger sums equal balances',
      violations:
        accounts.filter((a) => (sums.get(a._id) ?? 0) !== a.balance).length +
        [...sums.keys()].filter((id) => !accounts.some((a) => a._id === id)).length,
    },
    { name: 'no negative balance', violations: accounts.filter((a) => a.balance < 0).length },
    {
      name: 'stock + sold = stocked',
      violations: goods.filter((g) => g.stock + g.sold !== g.stocked || g.stock < 0).length,
    },
    {
      name: 'sold equals the units of live orders and of redemptions under way',
      violations: goods.filter((g) => g.sold !== (soldByGoods.get(g._id) ?? 0) + (holds.get(g._id)?.held ?? 0)).length,
    },
    {
      name: 'every mark on goods belongs to an intent',
      violations: [...holds.values()].reduce((n, h) => n + h.orphans, 0),
    },
    {
      name: 'per-user limit holds',
      violations:
        [...boughtByQuota.entries()].filter(([k, n]) => n > (limitOf.get(k.split(':')[0]!) ?? Infinity)).length +
        quotas.filter((q) => q.bought !== (boughtByQuota.get(q._id) ?? 0)).length +
        [...boughtByQuota.keys()].filter((k) => !quotas.some((q) => q._id === k)).length,
    },
    {
      name: 'units reserved equal the redemptions under way',
      violations:
        quotas.filter((q) => q.reserved !== (reservedUnits.get(q._id) ?? 0)).length +
        [...reservedUnits.keys()].filter((k) => !quotas.some((q) => q._id === k)).length,
    },
    {
      name: 'points held equal the redemptions under way',
      violations:
        accounts.filter((a) => a.held !== (heldPoints.get(a._id) ?? 0)).length +
        [...heldPoints.keys()].filter((id) => !accounts.some((a) => a._id === id)).length,
    },
    intents.report,
    {
      name: `no redeem intent left past the grace period on the goods (in flight now: ${inFlight})`,
      violations: staleMarks,
    },
    { name: 'every order paid exactly once', violations: orders.filter((o) => redemptions.get(o._id) !== 1).length },
    {
      name: 'exactly one refund per cancelled or expired order, none otherwise',
      violations: orders.filter(
        (o) => (refunds.get(o._id) ?? 0) !== (o.status === 'cancelled' || o.status === 'expired' ? 1 : 0),
      ).length,
    },
  ];
}

export type { InvariantReport };
