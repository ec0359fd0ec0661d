/** Admins put goods on the shelf, change them and restock them. */
import { z } from 'zod';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { atShanghai } from '../core/time';
import { fields } from '../core/validation';
import { STATIONS } from '../stations';
import { TX_ATTEMPTS } from '../core/ids';
import { assertTextsPass } from '../content';
import { EVENTS, GOODS, goodsDocSchema } from './model';

const optionalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm')
  .optional();

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
  scope: ({ goodsId, stationId }) => [
    ...(goodsId ? [{ goodsId }] : []),
    stationId ? { stationId } : { system: true as const },
  ],
  async run(input, ctx) {
    const saleStart = input.saleStart ? atShanghai(input.saleStart) : null;
    const saleEnd = input.saleEnd ? atShanghai(input.saleEnd) : null;
    if (saleStart !== null && saleEnd !== null && saleEnd <= saleStart)
      throw new AppError('INVALID_ARGUMENT', '兑换结束时间必须晚于开始时间');
    if (input.stationId && !(await ctx.db.collection(STATIONS).doc(input.stationId).get())) throw notFound('领取驿站');
    if (input.eventId && !(await ctx.db.collection(EVENTS).doc(input.eventId).get())) throw notFound('积分兑换日');
    // Members read the goods in the mall: their words meet the content check before anything is written.
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', [
      { field: 'name', name: '名称', text: input.name },
      { field: 'description', name: '说明', text: input.description },
    ]);
    const fieldsToSave = {
      name: input.name,
      picture: input.picture ?? '',
      description: input.description ?? '',
      price: input.price,
      perUserLimit: input.perUserLimit,
      stationId: input.stationId ?? null,
      saleStart,
      saleEnd,
      eventId: input.eventId ?? null,
      active: input.active ?? true,
      updatedAt: ctx.now(),
      updatedBy: ctx.user._id,
    };
    if (!input.goodsId) {
      const { id } = await ctx.db
        .collection(GOODS)
        .add({ ...fieldsToSave, stock: input.stock, sold: 0, stocked: input.stock, lowStockAt: 5 });
      return { goodsId: id };
    }
    const goodsId = input.goodsId;
    return ctx.db.runTransaction(async (tx) => {
      const g = goodsDocSchema.safeParse(await tx.collection(GOODS).doc(goodsId).get());
      if (!g.success) throw notFound('商品');
      // Stock is set here as the units on the shelf now; `stocked` moves with it so stock + sold = stocked.
      await tx
        .collection(GOODS)
        .doc(goodsId)
        .update({ ...fieldsToSave, stock: input.stock, stocked: g.data.stocked + (input.stock - g.data.stock) });
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
    const { updated } = await ctx.db
      .collection(GOODS)
      .where({ _id: goodsId })
      .update({ stock: _.inc(qty), stocked: _.inc(qty) });
    if (updated === 0) throw notFound('商品');
    const g = goodsDocSchema.safeParse(await ctx.db.collection(GOODS).doc(goodsId).get());
    return { goodsId, stock: g.success ? g.data.stock : qty };
  },
});
