/** A member's orders: the list and cancelling one (refunded); closeAndRefund serves the expiry job too. */
import { z } from 'zod';
import { command, type Transaction } from '../db';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { TX_ATTEMPTS } from '../core/ids';
import { post, readAccount, withQuota } from './ledger';
import { pickupPlaces, tellClosed, type PickupPlace } from './notices';
import { GOODS, ORDERS, ORDER_STATUS, PICKUP_CODES, orderDocSchema, orderStatusSchema, type Order } from './model';

function presentOrder(o: Order, pickup: PickupPlace | null = null) {
  return {
    orderId: o._id,
    goodsId: o.goodsId,
    goodsName: o.goodsName,
    qty: o.qty,
    total: o.total,
    status: o.status,
    statusLabel: ORDER_STATUS[o.status],
    pickupCode: o.status === 'pending' ? o.pickupCode : null,
    stationId: o.stationId,
    /** The 驿站 to collect from: name, address, opening hours and coordinates (null: any 驿站). */
    pickup,
    createdAt: o.createdAt,
    expiresAt: o.expiresAt,
    pickedAt: o.pickedAt,
  };
}

export const orders = action({
  input: z.strictObject({ status: orderStatusSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ status, cursor, limit }, ctx) {
    const page = await pageByNewest(
      ctx.db.collection(ORDERS),
      { openid: ctx.user._id, status },
      'seq',
      { cursor, limit },
      orderDocSchema,
      (o) => o,
    );
    const places = await pickupPlaces(
      ctx.db,
      page.items.map((o) => o.stationId),
    );
    return {
      ...page,
      items: page.items.map((o) => presentOrder(o, o.stationId ? (places.get(o.stationId) ?? null) : null)),
    };
  },
});

/**
 * Closes a pending order and refunds it, inside `tx`. The refund's ledger id is derived from the
 * order, and the order must still be pending: a cancel racing an expiry refunds exactly once.
 */
export async function closeAndRefund(
  tx: Transaction,
  order: Order,
  status: 'cancelled' | 'expired',
  now: number,
): Promise<number> {
  const account = await readAccount(tx, order.openid, null);
  const next = await post(
    tx,
    {
      openid: order.openid,
      branchId: account.branchId,
      amount: order.total,
      kind: 'refund',
      reason: `${status === 'cancelled' ? '取消' : '逾期未领'}退还「${order.goodsName}」×${order.qty}`,
      entryId: `rf_${order._id}`,
      at: now,
      orderId: order._id,
    },
    // The units go back to the member's per-user limit in the same write as the points.
    { ...account, quotas: withQuota(account, order.goodsId, (q) => ({ ...q, bought: q.bought - order.qty })) },
  );
  // Increments, not values read: the goods document is hot, and a conditional take may land meanwhile.
  if (await tx.collection(GOODS).doc(order.goodsId).get())
    await tx
      .collection(GOODS)
      .doc(order.goodsId)
      .update({ stock: command.inc(order.qty), sold: command.inc(-order.qty) });
  await tx.collection(ORDERS).doc(order._id).update({ status, closedAt: now });
  await tx.collection(PICKUP_CODES).doc(order.pickupCode).remove();
  await tellClosed(tx, order, status, next.balance, now);
  return next.balance;
}

export const cancelOrder = action({
  input: z.strictObject({ orderId: fields.id }),
  access: 'signedIn',
  async run({ orderId }, ctx) {
    return ctx.db.runTransaction(async (tx) => {
      const o = orderDocSchema.safeParse(await tx.collection(ORDERS).doc(orderId).get());
      // Someone else's order is "not found" to the caller: ids are not a way to probe.
      if (!o.success || o.data.openid !== ctx.user._id) throw notFound('订单');
      if (o.data.status !== 'pending') throw new AppError('CONFLICT', `订单${ORDER_STATUS[o.data.status]}，不能取消`);
      const balance = await closeAndRefund(tx, o.data, 'cancelled', ctx.now());
      return { orderId, status: 'cancelled' as const, balance };
    }, TX_ATTEMPTS);
  },
});
