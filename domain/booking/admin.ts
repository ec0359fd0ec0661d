import { toCsv } from '../core/csv';
import { z } from 'zod';
import { pictureRef } from '../files';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { dayOf, shanghaiClock } from '../core/time';
import { fields } from '../core/validation';
import { maskName, maskPhone } from '../privacy';
import {
  generateSlots as generate,
  planSlots,
  describeOpeningHours,
  SLOTS,
  slotDocSchema,
  slotWhen,
  templateSchema,
} from '../slots';
import { LIMITS, assertDayRange, assertSlotCount, breather } from '../core/limits';
import {
  STATIONS,
  stationHours,
  STATION_KINDS,
  geoPointSchema,
  stationKindSchema,
  SERVICE_CATALOGUE,
} from '../stations';
import { USERS, userDocSchema } from '../core/identity';
import { TX_ATTEMPTS } from '../core/ids';
import { assertTextsPass, placePictures, picturesOf, submitHeldPictures } from '../content';
import { rollBackBooking } from './book';
import { cancelBooking } from './cancel';
import { BOOKINGS, BOOKING_STATUS, ITEMS, bookingDocSchema, itemDocSchema } from './model';

const date = fields.date;

export const saveStation = action({
  input: z.strictObject({
    stationId: fields.id.regex(/^[a-z0-9-]+$/, '只能包含小写字母、数字和连字符'),
    name: z.string().trim().min(2).max(40),
    /** For the English pages (党建地图's and the station's). */
    nameEn: z.string().trim().max(80).optional(),
    kind: stationKindSchema,
    county: z.string().trim().min(2).max(20),
    district: z.string().trim().min(1).max(20),
    address: z.string().trim().min(2).max(100),
    location: geoPointSchema.optional(),
    openHours: z.string().trim().max(60).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9-]{7,20}$/, '电话格式不正确')
      .optional(),
    intro: z.string().trim().max(500).optional(),
    services: z.array(z.string().max(20)).max(40).optional(),
    /** Uploaded pictures (admin.uploadImage's file ids, or the addresses they were shown by); the first is the cover. */
    pictures: z.array(pictureRef).max(6, '最多 6 张照片').optional(),
  }),
  access: ['admin'],
  scope: ({ stationId, county }) => [{ stationId }, { county }],
  async run(input, ctx) {
    const known = new Set(SERVICE_CATALOGUE.map((s) => s.code));
    const unknown = (input.services ?? []).filter((c) => !known.has(c));
    if (unknown.length > 0) throw new AppError('INVALID_ARGUMENT', `未知的服务类型：${unknown.slice(0, 3).join('、')}`);
    // Residents read the station: its words meet the content check before anything is written.
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', [
      { field: 'name', name: '名称', text: input.name },
      { field: 'nameEn', name: '英文名称', text: input.nameEn },
      { field: 'address', name: '地址', text: input.address },
      { field: 'openHours', name: '开放时间', text: input.openHours },
      { field: 'intro', name: '简介', text: input.intro },
    ]);
    const { stationId, ...fieldsToSave } = input;
    // New pictures are held until their content check passes: residents see only the passed ones.
    const before = (await ctx.db.collection(STATIONS).doc(stationId).get()) as {
      pictures?: unknown;
      heldPictures?: unknown;
    } | null;
    // A form that sends no pictures (the console's, editing the words) keeps them as they are.
    const placed = placePictures(ctx.services, input.pictures ?? picturesOf(before), before);
    await ctx.db
      .collection(STATIONS)
      .doc(stationId)
      .set({
        ...fieldsToSave,
        nameEn: input.nameEn ?? '',
        openHours: input.openHours ?? '',
        phone: input.phone ?? '',
        intro: input.intro ?? '',
        services: input.services ?? [],
        pictures: placed.pictures,
        heldPictures: placed.heldPictures,
      });
    await submitHeldPictures(
      ctx.db,
      ctx.services,
      placed.fresh,
      {
        openid: ctx.user._id,
        target: { collection: STATIONS, docId: stationId, field: 'pictures', label: `驿站「${input.name}」` },
      },
      ctx.now(),
    );
    return { stationId, kindLabel: STATION_KINDS[input.kind], heldPictures: placed.heldPictures.length };
  },
});

export const saveItem = action({
  input: z.strictObject({
    itemId: fields.id.regex(/^[a-z0-9-]+$/, '只能包含小写字母、数字和连字符').optional(),
    stationId: fields.id,
    name: z.string().trim().min(2).max(40),
    kind: z.enum(['service', 'room']),
    serviceCode: z.string().max(20).optional(),
    description: z.string().trim().max(300).optional(),
    active: z.boolean().optional(),
  }),
  access: ['admin'],
  scope: ({ stationId, itemId }) => [{ stationId }, ...(itemId ? [{ itemId }] : [])],
  async run(input, ctx) {
    if (!(await ctx.db.collection(STATIONS).doc(input.stationId).get())) throw notFound('驿站');
    if (input.serviceCode && !SERVICE_CATALOGUE.some((s) => s.code === input.serviceCode))
      throw new AppError('INVALID_ARGUMENT', '未知的服务类型');
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', [
      { field: 'name', name: '名称', text: input.name },
      { field: 'description', name: '说明', text: input.description },
    ]);
    const itemId = input.itemId ?? `it-${input.stationId}-${ctx.now().toString(36)}`;
    await ctx.db
      .collection(ITEMS)
      .doc(itemId)
      .set({
        stationId: input.stationId,
        name: input.name,
        kind: input.kind,
        serviceCode: input.serviceCode ?? null,
        description: input.description ?? '',
        active: input.active ?? true,
      });
    return { itemId };
  },
});

export const generateSlots = action({
  input: z.strictObject({ itemId: fields.id, from: date, to: date, template: templateSchema }),
  access: ['admin'],
  scope: ({ itemId }) => ({ itemId }),
  async run({ itemId, from, to, template }, ctx) {
    const item = itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get());
    if (!item.success) throw notFound('预约项目');
    assertSlotCount(assertDayRange(from, to, LIMITS.generateDays, '生成'), template);
    if (from < dayOf(ctx.now())) throw new AppError('INVALID_ARGUMENT', '不能为过去的日期生成时段');
    // Slots only while the station is open: those outside its hours are skipped, and said so.
    const hours = await stationHours(ctx.db, item.data.stationId);
    const plan = planSlots(template, from, to, hours?.hours ?? null);
    if (hours && plan.inside === 0 && plan.outside > 0) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `所选时段都不在「${hours.name}」的开放时间（${describeOpeningHours(hours.hours)}）内，未生成任何时段`,
      );
    }
    const made = await generate(
      ctx.db,
      { resourceId: itemId, stationId: item.data.stationId },
      from,
      to,
      template,
      hours?.hours ?? null,
    );
    return {
      ...made,
      skippedReason:
        made.skipped > 0 && hours
          ? `${made.skipped} 个时段不在「${hours.name}」的开放时间（${describeOpeningHours(hours.hours)}）内，已跳过`
          : null,
    };
  },
});

/** What a resident is told when the day of their booking is closed: the place, the item, the date and the slot. */
export function closureMessage(
  b: { itemName: string; start: number; end: number },
  stationName: string | null,
  reason: string,
): string {
  const what = stationName ? `${stationName}「${b.itemName}」` : `「${b.itemName}」`;
  const slot = slotWhen(b);
  return `因${reason}，你预约的${what} ${slot} 时段已关闭，预约已取消，敬请谅解。可另选其他时段预约。`;
}

export const closeSlots = action({
  input: z.strictObject({
    itemId: fields.id,
    date,
    slotIds: z.array(fields.id.max(80)).max(50).optional(),
    // Residents are told why their booking was cancelled: a reason is required.
    reason: z
      .string({ error: '请填写关闭原因（会通知已预约的居民）' })
      .trim()
      .min(2, '请填写关闭原因（会通知已预约的居民）')
      .max(60, '关闭原因不能超过 60 个字'),
  }),
  // Staff close days at their own stations; a county admin in their county.
  access: ['staff', 'admin'],
  scope: ({ itemId }) => ({ itemId }),
  async run({ itemId, date: day, slotIds, reason }, ctx) {
    const docs = await ctx.db.collection(SLOTS).where({ resourceId: itemId, date: day }).limit(200).get();
    const targets = docs.flatMap((d) => {
      const s = slotDocSchema.safeParse(d);
      return s.success && (!slotIds || slotIds.includes(s.data._id)) ? [s.data] : [];
    });
    if (targets.length === 0) throw notFound('该日期的预约时段');
    // The reason goes to every resident whose booking is cancelled: checked before any slot is closed.
    await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'reason', name: '原因', text: reason }]);
    const item = itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get());
    const station = item.success ? await ctx.db.collection(STATIONS).doc(item.data.stationId).get() : null;
    const stationName = station && typeof station.name === 'string' ? station.name : null;
    const now = ctx.now();
    let cancelled = 0;
    for (const slot of targets) {
      await ctx.db.collection(SLOTS).doc(slot._id).update({ closed: true, queue: [] });
      // Bookings under way took their seat before the close: roll them back (a completed one is
      // finished instead and cancelled below with the rest), so none lands on a closed slot.
      await rollBackBooking(ctx.db, slot._id);
      // Bookings already made are cancelled and their holders told why, and which booking.
      const bookings = await ctx.db
        .collection(BOOKINGS)
        .where({ slotId: slot._id, status: 'active' })
        .limit(1000)
        .get();
      for (const doc of bookings) {
        const done = await ctx.db.runTransaction(async (tx) => {
          const b = bookingDocSchema.safeParse(await tx.collection(BOOKINGS).doc(doc._id).get());
          if (!b.success || b.data.status !== 'active') return false;
          await cancelBooking(tx, b.data, now, closureMessage(b.data, stationName, reason), false);
          return true;
        }, TX_ATTEMPTS);
        if (done) cancelled += 1;
      }
    }
    return { closed: targets.length, cancelled };
  },
});

async function rosterRows(ctx: { db: import('../db').Database }, itemId: string, from: string, to: string) {
  const _ = ctx.db.command;
  const rows = [];
  const bookings = await ctx.db
    .collection(BOOKINGS)
    .where({
      itemId,
      start: _.gte(Date.parse(`${from}T00:00:00+08:00`)),
      end: _.lte(Date.parse(`${to}T23:59:59+08:00`)),
    })
    .orderBy('start', 'asc')
    .limit(1000)
    .get();
  const breathe = breather();
  for (const doc of bookings) {
    await breathe();
    const b = bookingDocSchema.safeParse(doc);
    if (!b.success) continue;
    const raw = await ctx.db.collection(USERS).doc(b.data.openid).get();
    const user = userDocSchema.safeParse(raw);
    rows.push({
      bookingId: b.data._id,
      time: `${shanghaiClock(b.data.start)}-${shanghaiClock(b.data.end).slice(11)}`,
      // Everyone but the owner sees personal data masked, staff and admins included.
      name: maskName(user.success ? user.data.nickname : '居民'),
      phone: typeof raw?.phone === 'string' ? maskPhone(raw.phone) : '',
      status: b.data.status,
      statusLabel: BOOKING_STATUS[b.data.status],
      via: b.data.via === 'waitlist' ? '候补' : '预约',
    });
  }
  return rows;
}

export const roster = action({
  input: z.strictObject({ itemId: fields.id, date }),
  access: ['staff', 'admin'],
  scope: ({ itemId }) => ({ itemId }),
  async run({ itemId, date: day }, ctx) {
    if (!itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get()).success) throw notFound('预约项目');
    return { itemId, date: day, rows: await rosterRows(ctx, itemId, day, day) };
  },
});

export const exportBookings = action({
  input: z.strictObject({ itemId: fields.id, from: date, to: date }),
  access: ['admin'],
  scope: ({ itemId }) => ({ itemId }),
  async run({ itemId, from, to }, ctx) {
    assertDayRange(from, to, LIMITS.exportDays, '导出');
    if (!itemDocSchema.safeParse(await ctx.db.collection(ITEMS).doc(itemId).get()).success) throw notFound('预约项目');
    const rows = await rosterRows(ctx, itemId, from, to);
    const csv = await toCsv(
      ['时段', '姓名', '电话', '状态', '方式'],
      rows.map((r) => [r.time, r.name, r.phone, r.statusLabel, r.via]),
    );
    return { filename: `预约名单_${itemId}_${from}_${to}.csv`, rows: rows.length, csv };
  },
});
