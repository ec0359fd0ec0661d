/** Admins put goods on the shelf, change them and restock them. */
import { z } from 'zod';
import { action, type SignedInContext } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { atShanghai } from '../core/time';
import { fields } from '../core/validation';
import { STATIONS } from '../stations';
import { TX_ATTEMPTS } from '../core/ids';
import { assertTextsPass, submitHeldPictures } from '../content';
import { pictureIdOf, pictureRef } from '../files';
import { EVENTS, GOODS, goodsDocSchema } from './model';

const optionalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DD HH:mm')
  .optional();

export const saveGoods = action({
  input: z.strictObject({
    goodsId: fields.id.optional(),
    name: z.string().trim().min(1).max(40),
    /** An uploaded picture (its file id or the address it was shown by); '' takes the picture away. */
    picture: z.union([z.literal(''), pictureRef]).optional(),
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
    // A new picture is held until its content check passes: residents keep seeing the old one (or the default art).
    const raw = input.goodsId ? await ctx.db.collection(GOODS).doc(input.goodsId).get() : null;
    const before = goodsDocSchema.safeParse(raw);
    // Stored by file id, whatever the form sent back (the address it was shown, or the id).
    const shownBefore = before.success ? pictureIdOf(before.data.picture) : '';
    const heldBefore = before.success && before.data.heldPicture ? pictureIdOf(before.data.heldPicture) : null;
    const wanted = pictureIdOf(input.picture ?? '');
    const fresh = wanted && wanted !== shownBefore && wanted !== heldBefore ? wanted : null;
    // One already held stays held until its verdict (a form unaware of it sends the shown one, or none).
    const keep = wanted === shownBefore || !wanted;
    const fieldsToSave = {
      name: input.name,
      picture: keep ? wanted : shownBefore,
      heldPicture: fresh ?? heldBefore,
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
      // pictureHeld: the new picture waits for its check; the admin is told residents see it once it passes.
      return { goodsId: id, pictureHeld: await holdPicture(ctx, id, fresh, input.name) };
    }
    const goodsId = input.goodsId;
    const saved = await ctx.db.runTransaction(async (tx) => {
      const g = goodsDocSchema.safeParse(await tx.collection(GOODS).doc(goodsId).get());
      if (!g.success) throw notFound('商品');
      // Stock is set here as the units on the shelf now; `stocked` moves with it so stock + sold = stocked.
      await tx
        .collection(GOODS)
        .doc(goodsId)
        .update({ ...fieldsToSave, stock: input.stock, stocked: g.data.stocked + (input.stock - g.data.stock) });
      return { goodsId };
    }, TX_ATTEMPTS);
    const held = await holdPicture(ctx, goodsId, fresh, input.name);
    return { ...saved, pictureHeld: held || (!fresh && heldBefore !== null) };
  },
});

/**
 * Sends a goods' new picture to the content check; without a checker it is shown at once. True when it waits for
 * the verdict.
 */
async function holdPicture(
  ctx: SignedInContext,
  goodsId: string,
  fileId: string | null,
  name: string,
): Promise<boolean> {
  if (!fileId) return false;
  const { passed } = await submitHeldPictures(
    ctx.db,
    ctx.services,
    [fileId],
    { openid: ctx.user._id, target: { collection: GOODS, docId: goodsId, field: 'picture', label: `商品「${name}」` } },
    ctx.now(),
  );
  if (passed.length === 0) return true;
  await ctx.db
    .collection(GOODS)
    .where({ _id: goodsId, heldPicture: fileId })
    .update({ picture: fileId, heldPicture: null });
  return false;
}

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
