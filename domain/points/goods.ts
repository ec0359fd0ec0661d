/** The goods on the shelf (积分兑换): the list and a detail with the caller's quota. */
import { z } from 'zod';
import { action } from '../core/router';
import { notFound } from '../core/errors';
import { fields } from '../core/validation';
import { plainText } from '../stations';
import { heldAccountSchema } from './ledger';
import { ACCOUNTS, EVENTS, GOODS, eventDocSchema, goodsDocSchema, type Goods } from './model';
import { pictureAddress } from '../files';

function presentGoods(g: Goods, admin: boolean) {
  return {
    goodsId: g._id,
    name: plainText(g.name),
    // An uploaded picture, or null: the app then draws the illustration of the goods' category.
    picture: g.picture ? pictureAddress(g.picture) : null,
    description: plainText(g.description),
    price: g.price,
    stock: g.stock,
    perUserLimit: g.perUserLimit,
    stationId: g.stationId,
    saleStart: g.saleStart,
    saleEnd: g.saleEnd,
    eventId: g.eventId,
    ...(admin
      ? {
          sold: g.sold,
          stocked: g.stocked,
          lowStock: g.stock <= g.lowStockAt,
          active: g.active,
          pictureWaiting: Boolean(g.heldPicture),
        }
      : {}),
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
    const raw = await ctx.db
      .collection(GOODS)
      .where(where)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
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
    const event = g.data.eventId
      ? eventDocSchema.safeParse(await ctx.db.collection(EVENTS).doc(g.data.eventId).get())
      : null;
    const account = heldAccountSchema.safeParse(await ctx.db.collection(ACCOUNTS).doc(ctx.user._id).get());
    return {
      goods: presentGoods(g.data, ctx.user.role === 'admin'),
      event: event?.success
        ? { eventId: event.data._id, name: plainText(event.data.name), start: event.data.start, end: event.data.end }
        : null,
      myBought: account.success ? (account.data.quotas[goodsId]?.bought ?? 0) : 0,
    };
  },
});
