import { z } from 'zod';
import { command, type Database, type Transaction } from '../db';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { atShanghai, inZone } from '../core/time';
import { enqueue } from '../messages/outbox';
import { pageByNewest } from '../core/paging';
import { verifyAction, type CodeBook } from '../core/verify';
import { fields } from '../core/validation';
import { STATIONS } from '../stations/actions';
import { TX_ATTEMPTS, derivedId, eightDigits } from '../core/ids';
import { post, readAccount } from './ledger';
import { reconcileResource, reserve, take, type HotResource } from '../core/intents';
import {
  ACCOUNTS, EVENTS, GOODS, GOODS_QUOTAS, ORDERS, ORDER_STATUS, PICKUP_CODES, eventDocSchema, goodsDocSchema, orderDocSchema,
  orderStatusSchema, pickupDays, type Goods, type Order,
} from './model';

const DAY_MS = 86_400_000;
const quotaId = (goodsId: string, openid: string) => `${goodsId}:${openid}`;

function presentGoods(g: Goods, admin: boolean) {
  return {
    goodsId: g._id,
    name: g.name,
    picture: g.picture,
    description: g.description,
    price: g.price,
    stock: g.stock,
    perUserLimit: g.perUserLimit,
    stationId: g.stationId,
    saleStart: g.saleStart,
    saleEnd: g.saleEnd,
    eventId: g.eventId,
    ...(admin ? { sold: g.sold, stocked: g.stocked, lowStock: g.stock <= g.lowStockAt, active: g.active } : {}),
  };
}

export const goods = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit, lowStockOnly: z.boolean().optional() }),
  access: 'signedIn',
  async run({ cursor, limit = 20, lowStockOnly }, ctx) {
    const _ = ctx.db.command;
    const admin = ctx.user.role === 'admin';
    const base = admin ? {} : { active: true };
    const where = cursor ? _.and([base, { _id: _.gt(cursor) }]) : base;
    const raw = await ctx.db.collection(GOODS).where(where).orderBy('_id', 'asc').limit(limit + 1).get();
    const page = raw.slice(0, limit);
    const items = page.flatMap((d) => {
      const g = goodsDocSchema.safeParse(d);
      if (!g.success || (lowStockOnly && g.data.stock > g.data.lowStockAt)) return [];
      return [presentGoods(g.data, admin)];
    });
    const last = page[page.length - 1];
    return { items, nextCursor: raw.length > limit && last ? last._id : null };
  },
});

export const goodsDetail = action({
  input: z.strictObject({ goodsId: fields.id }),
  access: 'signedIn',
  async run({ goodsId }, ctx) {
    const g = goodsDocSchema.safeParse(await ctx.db.collection(GOODS).doc(goodsId).get());
    if (!g.success || (!g.data.active && ctx.user.role !== 'admin')) throw notFound('商品');
    const event = g.data.eventId ? eventDocSchema.safeParse(await ctx.db.collection(EVENTS).doc(g.data.eventId).get()) : null;
    const quota = await ctx.db.collection(GOODS_QUOTAS).doc(quotaId(goodsId, ctx.user._id)).get();
    return {
      goods: presentGoods(g.data, ctx.user.role === 'admin'),
      event: event?.success ? { eventId: event.data._id, name: event.data.name, start: event.data.start, end: event.data.end } : null,
      myBought: typeof quota?.bought === 'number' ? quota.bought : 0,
    };
  },
});

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
}

const soldOut = (stock: number) => new AppError('SOLD_OUT', stock <= 0 ? '该商品已兑完' : `库存不足，仅剩 ${stock} 件`);
const numberOr0 = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * The stock of goods is the hot resource (see core/intents.ts). A redemption's reservation is the
 * quota and the held points; releasing it gives both back.
 */
const STOCK: HotResource = {
  kind: 'redeem',
  collection: GOODS,
  undo: (db, mark) => ({ stock: db.command.inc(Number(mark)), sold: db.command.inc(-Number(mark)) }),
  async unreserve(tx, { openid, target: goodsId, qty, total }) {
    const account = await readAccount(tx, openid, null);
    await tx.collection(ACCOUNTS).doc(openid).update({ held: Math.max(0, account.held - total) });
    const quota = await tx.collection(GOODS_QUOTAS).doc(quotaId(goodsId, openid)).get();
    const left = Math.max(0, numberOr0(quota?.reserved) - qty);
    // A quota that never bought anything goes, so a refused request leaves nothing behind.
    if (quota && left === 0 && numberOr0(quota.bought) === 0) await tx.collection(GOODS_QUOTAS).doc(quotaId(goodsId, openid)).remove();
    else if (quota) await tx.collection(GOODS_QUOTAS).doc(quotaId(goodsId, openid)).update({ reserved: left });
  },
};

/** A day before an order's pickup time runs out, its owner is told (dropped once it is picked up, cancelled or expired). */
async function enqueueExpiryWarning(tx: Transaction, o: { orderId: string; openid: string; goodsName: string; qty: number; pickupCode: string; expiresAt: number }, now: number): Promise<void> {
  const deadline = inZone(o.expiresAt).format('M月D日 HH:mm');
  await enqueue(tx, {
    cause: ['points', o.orderId, 'expiring'], openid: o.openid, module: 'points', kind: 'expiring',
    title: `兑换待领取：${o.goodsName}`,
    body: `你兑换的「${o.goodsName}」×${o.qty} 请在 ${deadline} 前凭取货码 ${o.pickupCode} 领取，逾期订单将取消、积分退回`,
    page: '/packages/mall/pages/orders/index', refId: o.orderId, dueAt: Math.max(now, o.expiresAt - DAY_MS),
    data: { time: deadline, item: o.goodsName, code: o.pickupCode, status: '待领取' },
    onlyIf: { collection: ORDERS, docId: o.orderId, fields: { status: ['pending'] } },
  }, now);
}

export const redeem = action({
  input: z.strictObject({ goodsId: fields.id, qty: z.number().int('数量必须是整数').min(1).max(99), requestId: fields.requestId }),
  access: 'signedIn',
  async run({ goodsId, qty, requestId }, ctx): Promise<RedeemAnswer> {
    const db = ctx.db;
    const openid = ctx.user._id;
    const now = ctx.now();
    const orderId = derivedId('od', openid, requestId);
    const readGoods = async () => goodsDocSchema.safeParse(await db.collection(GOODS).doc(goodsId).get());
    return reserve(db, STOCK, {
      openid, requestId, effectId: orderId, target: goodsId, now,
      async storedAnswer() {
        const done = orderDocSchema.safeParse(await db.collection(ORDERS).doc(orderId).get());
        return done.success ? { orderId, pickupCode: done.data.pickupCode, balance: done.data.balanceAfter } : null;
      },
      async prepare() {
        const g = await readGoods();
        if (!g.success) throw notFound('商品');
        const closed = await saleClosedReason(db, g.data, now);
        if (closed) throw new AppError('CONFLICT', closed);
        if (qty > g.data.perUserLimit) throw new AppError('LIMIT_REACHED', `每人限兑 ${g.data.perUserLimit} 件`);
        // Sold out refuses before anything is written; the stock is rechecked atomically when taken.
        if (g.data.stock < qty) throw soldOut(g.data.stock);
        return { goods: g.data, total: g.data.price * qty };
      },
      holds: ({ total }) => ({ qty, total }),
      storedIn: async (tx) => orderDocSchema.safeParse(await tx.collection(ORDERS).doc(orderId).get()).success,
      underWayElsewhere: '该请求正在处理中，请稍后查看结果',
      async reserveIn(tx, { goods: g, total }) {
        const quota = await tx.collection(GOODS_QUOTAS).doc(quotaId(goodsId, openid)).get();
        const bought = numberOr0(quota?.bought);
        const reserving = numberOr0(quota?.reserved);
        if (bought + reserving + qty > g.perUserLimit) {
          throw new AppError('LIMIT_REACHED', `每人限兑 ${g.perUserLimit} 件，你已兑换 ${bought + reserving} 件`);
        }
        const account = await readAccount(tx, openid, ctx.user.branchId);
        if (account.balance - account.held < total) throw new AppError('INSUFFICIENT_POINTS', `积分不足：需要 ${total} 分，当前可用 ${account.balance - account.held} 分`);
        await tx.collection(ACCOUNTS).doc(openid).set({ ...account, held: account.held + total });
        await tx.collection(GOODS_QUOTAS).doc(quotaId(goodsId, openid)).set({ goodsId, openid, bought, reserved: reserving + qty });
      },
      take: async (_g, intentId) =>
        (await take(db, GOODS, goodsId, intentId, { stock: db.command.gte(qty) }, { stock: db.command.inc(-qty), sold: db.command.inc(qty) }, qty)) ? qty : null,
      async refused() {
        const latest = await readGoods();
        return soldOut(latest.success ? latest.data.stock : 0);
      },
      code: { draw: eightDigits, name: '取货码' },
      expired: '兑换超时，请重试',
      // The order, the ledger and the quota: the member's documents.
      async completeIn(tx, { goods: g, total }, _taken, pickupCode) {
        const account = await readAccount(tx, openid, ctx.user.branchId);
        // The account's order counter moves in the same write as the balance; the hold becomes the debit.
        const next = await post(tx, { openid, branchId: ctx.user.branchId, amount: -total, kind: 'redeem', reason: `兑换「${g.name}」×${qty}`, entryId: `rd_${orderId}`, at: now, orderId }, { ...account, held: Math.max(0, account.held - total), orders: account.orders + 1 });
        const quota = await tx.collection(GOODS_QUOTAS).doc(quotaId(goodsId, openid)).get();
        await tx.collection(GOODS_QUOTAS).doc(quotaId(goodsId, openid)).set({ goodsId, openid, bought: numberOr0(quota?.bought) + qty, reserved: Math.max(0, numberOr0(quota?.reserved) - qty) });
        await tx.collection(PICKUP_CODES).add({ _id: pickupCode, orderId });
        const expiresAt = now + pickupDays() * DAY_MS;
        await tx.collection(ORDERS).add({
          _id: orderId, openid, seq: next.orders, goodsId, goodsName: g.name, qty, price: g.price, total,
          status: 'pending', pickupCode, stationId: g.stationId, balanceAfter: next.balance,
          createdAt: now, expiresAt, pickedAt: null, pickedBy: null, closedAt: null,
        });
        await enqueueExpiryWarning(tx, { orderId, openid, goodsName: g.name, qty, pickupCode, expiresAt }, now);
        return { orderId, pickupCode, balance: next.balance };
      },
    });
  },
});

/** The timer job: repairs redemptions whose process died half-way (see core/intents.ts). */
export const reconcileRedemptions = (db: Database, now: number) => reconcileResource(db, STOCK, now);

function presentOrder(o: Order) {
  return {
    orderId: o._id, goodsId: o.goodsId, goodsName: o.goodsName, qty: o.qty, total: o.total, status: o.status,
    statusLabel: ORDER_STATUS[o.status], pickupCode: o.status === 'pending' ? o.pickupCode : null, stationId: o.stationId,
    createdAt: o.createdAt, expiresAt: o.expiresAt, pickedAt: o.pickedAt,
  };
}

export const orders = action({
  input: z.strictObject({ status: orderStatusSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ status, cursor, limit }, ctx) =>
    pageByNewest(ctx.db.collection(ORDERS), { openid: ctx.user._id, status }, 'seq', { cursor, limit }, orderDocSchema, presentOrder),
});

/**
 * Closes a pending order and refunds it, inside `tx`. The refund's ledger id is derived from the
 * order, and the order must still be pending: a cancel racing an expiry refunds exactly once.
 */
async function closeAndRefund(tx: Transaction, order: Order, status: 'cancelled' | 'expired', now: number): Promise<number> {
  const account = await readAccount(tx, order.openid, null);
  const next = await post(tx, {
    openid: order.openid, branchId: account.branchId, amount: order.total, kind: 'refund',
    reason: `${status === 'cancelled' ? '取消' : '逾期未领'}退还「${order.goodsName}」×${order.qty}`, entryId: `rf_${order._id}`, at: now, orderId: order._id,
  }, account);
  // Increments, not values read: the goods document is hot, and a conditional take may land meanwhile.
  if (await tx.collection(GOODS).doc(order.goodsId).get()) await tx.collection(GOODS).doc(order.goodsId).update({ stock: command.inc(order.qty), sold: command.inc(-order.qty) });
  const quota = await tx.collection(GOODS_QUOTAS).doc(quotaId(order.goodsId, order.openid)).get();
  if (quota && typeof quota.bought === 'number') await tx.collection(GOODS_QUOTAS).doc(quotaId(order.goodsId, order.openid)).update({ bought: Math.max(0, quota.bought - order.qty) });
  await tx.collection(ORDERS).doc(order._id).update({ status, closedAt: now });
  await tx.collection(PICKUP_CODES).doc(order.pickupCode).remove();
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

/** The timer job: expires and refunds pending orders past their pickup time. Safe to run twice at once. */
export async function expireOrders(db: Database, now: number, batch = 200): Promise<{ expired: number }> {
  const _ = db.command;
  const due = await db.collection(ORDERS).where({ status: 'pending', expiresAt: _.lt(now) }).orderBy('expiresAt', 'asc').limit(batch).get();
  let expired = 0;
  for (const doc of due) {
    const done = await db.runTransaction(async (tx) => {
      const o = orderDocSchema.safeParse(await tx.collection(ORDERS).doc(doc._id).get());
      if (!o.success || o.data.status !== 'pending' || o.data.expiresAt >= now) return false;
      await closeAndRefund(tx, o.data, 'expired', now);
      return true;
    }, TX_ATTEMPTS);
    if (done) expired += 1;
  }
  return { expired };
}

/** Pickup codes open orders. */
const PICKUP: CodeBook<Order> = { codes: PICKUP_CODES, linkField: 'orderId', collection: ORDERS, schema: orderDocSchema, codeOf: (o) => o.pickupCode, invalid: '取货码无效或已使用' };

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
    return { orderId: o._id, goodsName: o.goodsName, qty: o.qty, status: 'picked' as const };
  },
});

const optionalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm').optional();

export const saveGoods = action({
  input: z.strictObject({
    goodsId: fields.id.optional(),
    name: z.string().trim().min(1).max(40),
    picture: z.string().trim().max(300).optional(),
    description: z.string().trim().max(500).optional(),
    price: z.number().int().min(1).max(100_000),
    stock: z.number().int().min(0).max(100_000),
    perUserLimit: z.number().int().min(1).max(99),
    stationId: fields.id.optional(),
    saleStart: optionalDateTime,
    saleEnd: optionalDateTime,
    eventId: fields.id.optional(),
    active: z.boolean().optional(),
  }),
  access: ['admin'],
  scope: ({ goodsId, stationId }) => [...(goodsId ? [{ goodsId }] : []), stationId ? { stationId } : { system: true as const }],
  async run(input, ctx) {
    const saleStart = input.saleStart ? atShanghai(input.saleStart) : null;
    const saleEnd = input.saleEnd ? atShanghai(input.saleEnd) : null;
    if (saleStart !== null && saleEnd !== null && saleEnd <= saleStart) throw new AppError('INVALID_ARGUMENT', '兑换结束时间必须晚于开始时间');
    if (input.stationId && !(await ctx.db.collection(STATIONS).doc(input.stationId).get())) throw notFound('领取驿站');
    if (input.eventId && !(await ctx.db.collection(EVENTS).doc(input.eventId).get())) throw notFound('积分兑换日');
    const fieldsToSave = {
      name: input.name, picture: input.picture ?? '', description: input.description ?? '', price: input.price,
      perUserLimit: input.perUserLimit, stationId: input.stationId ?? null, saleStart, saleEnd, eventId: input.eventId ?? null,
      active: input.active ?? true, updatedAt: ctx.now(), updatedBy: ctx.user._id,
    };
    if (!input.goodsId) {
      const { id } = await ctx.db.collection(GOODS).add({ ...fieldsToSave, stock: input.stock, sold: 0, stocked: input.stock, lowStockAt: 5 });
      return { goodsId: id };
    }
    const goodsId = input.goodsId;
    return ctx.db.runTransaction(async (tx) => {
      const g = goodsDocSchema.safeParse(await tx.collection(GOODS).doc(goodsId).get());
      if (!g.success) throw notFound('商品');
      // Stock is set here as the units on the shelf now; `stocked` moves with it so stock + sold = stocked.
      await tx.collection(GOODS).doc(goodsId).update({ ...fieldsToSave, stock: input.stock, stocked: g.data.stocked + (input.stock - g.data.stock) });
      return { goodsId };
    }, TX_ATTEMPTS);
  },
});

export const restock = action({
  input: z.strictObject({ goodsId: fields.id, qty: z.number().int().min(1).max(100_000) }),
  access: ['admin'],
  scope: ({ goodsId }) => ({ goodsId }),
  async run({ goodsId, qty }, ctx) {
    const _ = ctx.db.command;
    // One atomic increment on the hot document: it never conflicts with a storm of redemptions.
    const { updated } = await ctx.db.collection(GOODS).where({ _id: goodsId }).update({ stock: _.inc(qty), stocked: _.inc(qty) });
    if (updated === 0) throw notFound('商品');
    const g = goodsDocSchema.safeParse(await ctx.db.collection(GOODS).doc(goodsId).get());
    return { goodsId, stock: g.success ? g.data.stock : qty };
  },
});
