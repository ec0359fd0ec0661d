/** Staff hand over an order against its pickup code (core/verify.ts). */
import { AppError } from '../core/errors';
import { verifyAction, type CodeBook } from '../core/verify';
import { pickupPlace, tellPicked } from './notices';
import { ORDERS, ORDER_STATUS, PICKUP_CODES, orderDocSchema, type Order } from './model';

/** Pickup codes open orders. */
const PICKUP: CodeBook<Order> = {
  codes: PICKUP_CODES,
  linkField: 'orderId',
  collection: ORDERS,
  schema: orderDocSchema,
  codeOf: (o) => o.pickupCode,
  invalid: '取货码无效或已使用',
};

// An order for pickup at a station is handed over there; goods without a station, anywhere.
export const verifyOrder = verifyAction({
  field: 'pickupCode',
  book: PICKUP,
  format: '取货码是 8 位数字',
  scope: (o) => (o.stationId ? { stationId: o.stationId } : null),
  async use(tx, o, ctx) {
    if (o.status !== 'pending') throw new AppError('CONFLICT', `订单${ORDER_STATUS[o.status]}`);
    const now = ctx.now();
    if (o.expiresAt < now) throw new AppError('TOO_LATE', '订单已过领取期限');
    await tx.collection(ORDERS).doc(o._id).update({ status: 'picked', pickedAt: now, pickedBy: ctx.user._id });
    await tellPicked(tx, o, await pickupPlace(tx, o.stationId), now);
    return { orderId: o._id, goodsName: o.goodsName, qty: o.qty, status: 'picked' as const };
  },
});
