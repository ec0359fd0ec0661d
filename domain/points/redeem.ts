/** Redeeming goods for points: the hot-resource protocol of core/intents.ts on the goods' stock. */
import { z } from 'zod';
import { DbError, type Database, type Transaction } from '../db';
import { action } from '../core/router';
import { USERS, userDocSchema } from '../core/identity';
import { AppError, notFound } from '../core/errors';
import { fields } from '../core/validation';
import { derivedId, eightDigits } from '../core/ids';
import { takeFirst, takeMarked, type MarkedResource } from '../core/intents';
import { post, readAccount, withQuota, type HeldAccount } from './ledger';
import { pickupPlace, tellRedeemed, type PickupPlace } from './notices';
import {
  ACCOUNTS,
  EVENTS,
  GOODS,
  ORDERS,
  PICKUP_CODES,
  eventDocSchema,
  goodsDocSchema,
  orderDocSchema,
  pickupDays,
  type Goods,
} from './model';

const DAY_MS = 86_400_000;

/** Why goods cannot be redeemed at `now`, or null when they can. */
async function saleClosedReason(db: Database, g: Goods, now: number): Promise<string | null> {
  if (!g.active) return '该商品已下架';
  if (g.saleStart !== null && now < g.saleStart) return '该商品尚未开始兑换';
  if (g.saleEnd !== null && now > g.saleEnd) return '该商品兑换已结束';
  if (g.eventId) {
    const event = eventDocSchema.safeParse(await db.collection(EVENTS).doc(g.eventId).get());
    if (!event.success || now < event.data.start || now > event.data.end) {
      return event.success ? `仅限「${event.data.name}」期间兑换` : '该商品仅限积分兑换日兑换';
    }
  }
  return null;
}

export interface RedeemAnswer {
  orderId: string;
  pickupCode: string;
  balance: number;
  /** The 驿站 to collect from (null: goods without a station, collected at any). */
  pickup: PickupPlace | null;
  /** Until when the pickup code is good. */
  expiresAt: number;
}

const soldOut = (stock: number) => new AppError('SOLD_OUT', stock <= 0 ? '该商品已兑完' : `库存不足，仅剩 ${stock} 件`);

/**
 * The stock of goods is the hot resource, taken first (see `takeFirst` in core/intents.ts): the mark on
 * the goods is the redemption's intent; the member's account is the document the completing
 * transaction writes before it takes, and an order under the effect's id is what a completed take left.
 */
export const STOCK: MarkedResource = {
  kind: 'redeem',
  collection: GOODS,
  undo: (db, mark) => ({ stock: db.command.inc(mark.qty), sold: db.command.inc(-mark.qty) }),
  lockOf: (mark) => ({ collection: ACCOUNTS, id: mark.openid }),
  recorded: async (tx, mark) => (await tx.collection(ORDERS).doc(mark.effectId).get()) !== null,
};

export const redeem = action({
  input: z.strictObject({
    goodsId: fields.id,
    qty: z.number().int('数量必须是整数').min(1).max(99),
    requestId: fields.requestId,
  }),
  // Only who is calling: the branch a ledger entry names comes from the account (see `accountOf`).
  access: 'caller',
  async run({ goodsId, qty, requestId }, ctx): Promise<RedeemAnswer> {
    const db = ctx.db;
    const openid = ctx.openid;
    const now = ctx.now();
    /**
     * The member's account, with their branch: the account's own, or — only when it names none (no account
     * yet) — the user document's, read then, in the transaction.
     */
    const accountOf = async (tx: Transaction): Promise<HeldAccount> => {
      const account = await readAccount(tx, openid, null);
      if (account.branchId !== null) return account;
      const user = userDocSchema.safeParse(await tx.collection(USERS).doc(openid).get());
      return { ...account, branchId: user.success ? user.data.branchId : null };
    };
    const orderId = derivedId('od', openid, requestId);
    const readGoods = async () => goodsDocSchema.safeParse(await db.collection(GOODS).doc(goodsId).get());
    /** The account as this attempt's transaction wrote it. */
    let posted: HeldAccount | null = null;
    return takeFirst(db, STOCK, {
      openid,
      effectId: orderId,
      target: goodsId,
      now,
      async storedAnswer() {
        const done = orderDocSchema.safeParse(await db.collection(ORDERS).doc(orderId).get());
        if (!done.success) return null;
        return {
          orderId,
          pickupCode: done.data.pickupCode,
          balance: done.data.balanceAfter,
          pickup: await pickupPlace(db, done.data.stationId),
          expiresAt: done.data.expiresAt,
        };
      },
      async prepare() {
        const g = await readGoods();
        if (!g.success) throw notFound('商品');
        const closed = await saleClosedReason(db, g.data, now);
        if (closed) throw new AppError('CONFLICT', closed);
        if (qty > g.data.perUserLimit) throw new AppError('LIMIT_REACHED', `每人限兑 ${g.data.perUserLimit} 件`);
        // Sold out refuses before anything is written; the stock is rechecked atomically when taken.
        if (g.data.stock < qty) throw soldOut(g.data.stock);
        return { goods: g.data, total: g.data.price * qty, place: await pickupPlace(db, g.data.stationId) };
      },
      units: ({ total }) => ({ qty, total }),
      underWay: '该请求正在处理中，请稍后查看结果',
      // The member's account (the per-user limit and the points, one read and one write) and the
      // ledger entry, before the take: a member who may not redeem never takes a unit from others.
      async reserveIn(tx, { goods: g, total }, pickupCode) {
        const account = await accountOf(tx);
        const { bought, reserved } = account.quotas[goodsId] ?? { bought: 0, reserved: 0 };
        if (bought + reserved + qty > g.perUserLimit) {
          throw new AppError('LIMIT_REACHED', `每人限兑 ${g.perUserLimit} 件，你已兑换 ${bought + reserved} 件`);
        }
        if (account.balance - account.held < total)
          throw new AppError(
            'INSUFFICIENT_POINTS',
            `积分不足：需要 ${total} 分，当前可用 ${account.balance - account.held} 分`,
          );
        // The order counter and the quota move in the same write as the balance.
        posted = await post(
          tx,
          {
            openid,
            branchId: account.branchId,
            amount: -total,
            kind: 'redeem',
            reason: `兑换「${g.name}」×${qty}`,
            entryId: `rd_${orderId}`,
            at: now,
            orderId,
          },
          {
            ...account,
            orders: account.orders + 1,
            quotas: withQuota(account, goodsId, (q) => ({ ...q, bought: q.bought + qty })),
          },
        ).catch((error: unknown) => {
          // The entry's `_id` derives from the order: taken means this request was completed before.
          if (error instanceof DbError && error.code === 'DUPLICATE_KEY')
            throw new AppError('CONFLICT', '该兑换已完成');
          throw error;
        });
        // A clash of the drawn code is found here, before anything is taken, and drawn again.
        await tx.collection(PICKUP_CODES).add({ _id: pickupCode, orderId });
      },
      take: (_plan, intentId, mark) =>
        takeMarked(
          db,
          GOODS,
          goodsId,
          intentId,
          { stock: db.command.gte(qty) },
          { stock: db.command.inc(-qty), sold: db.command.inc(qty) },
          mark,
        ),
      async refused() {
        const latest = await readGoods();
        return soldOut(latest.success ? latest.data.stock : 0);
      },
      code: { draw: eightDigits, name: '取货码' },
      // The order and its messages.
      async completeIn(tx, { goods: g, total, place }, pickupCode) {
        if (!posted) throw new Error('completing before the account was written');
        const expiresAt = now + pickupDays() * DAY_MS;
        const order = {
          _id: orderId,
          openid,
          seq: posted.orders,
          goodsId,
          goodsName: g.name,
          qty,
          price: g.price,
          total,
          status: 'pending',
          pickupCode,
          stationId: g.stationId,
          balanceAfter: posted.balance,
          createdAt: now,
          expiresAt,
          pickedAt: null,
          pickedBy: null,
          closedAt: null,
        };
        await tx.collection(ORDERS).add(order);
        await tellRedeemed(tx, order, place, now);
        return { orderId, pickupCode, balance: posted.balance, pickup: place, expiresAt };
      },
    });
  },
});
