import { toCsv } from '../core/csv';
import { maskIdNumber } from '../privacy';
import { z } from 'zod';
import { pictureRef } from '../files';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { dayOf, shanghaiClock } from '../core/time';
import { fields } from '../core/validation';
import { generateSlots as generate, templateSchema } from '../slots';
import { LIMITS, assertDayRange, assertSlotCount, breather } from '../core/limits';
import { geoPointSchema } from '../stations';
import { assertTextsPass, placePictures, picturesOf, submitHeldPictures } from '../content';
import {
  APPOINTMENTS,
  APPOINTMENT_STATUS,
  PERSONS,
  SITES,
  appointmentDocSchema,
  personDocSchema,
  siteDocSchema,
  siteStatusSchema,
  vaccineOfferSchema,
} from './model';

export const saveSite = action({
  input: z.strictObject({
    siteId: fields.id.regex(/^[a-z0-9-]+$/, '只能包含小写字母、数字和连字符'),
    name: z.string().trim().min(2).max(40),
    county: z.string().trim().min(2).max(20),
    town: z.string().trim().min(1).max(20),
    address: z.string().trim().min(2).max(100),
    location: geoPointSchema.optional(),
    openHours: z.string().trim().max(60).optional(),
    vaccines: z.array(vaccineOfferSchema).min(1).max(10),
    amenities: z.array(z.string().trim().min(1).max(10)).max(20).optional(),
    volunteerBranch: z.strictObject({
      name: z.string().trim().min(2).max(40),
      volunteers: z.number().int().min(0).max(10_000),
    }),
    contact: z
      .string()
      .trim()
      .regex(/^[0-9-]{7,20}$/, '电话格式不正确')
      .optional(),
    dailyCapacity: z.number().int().min(0).max(100_000).optional(),
    /** Uploaded pictures (admin.uploadImage's file ids, or the addresses they were shown by); the first is the cover. */
    pictures: z.array(pictureRef).max(6, '最多 6 张照片').optional(),
  }),
  access: ['admin'],
  scope: ({ siteId, county }) => [{ siteId }, { county }],
  async run(input, ctx) {
    const { siteId, ...rest } = input;
    // Residents read the site: its words meet the content check before anything is written (the vaccines and the
    // amenities each as one text, as the form holds them).
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', [
      { field: 'name', name: '名称', text: input.name },
      { field: 'address', name: '地址', text: input.address },
      { field: 'openHours', name: '开放时间', text: input.openHours },
      { field: 'vaccines', name: '疫苗', text: input.vaccines.map((v) => `${v.name} ${v.maker}`).join('\n') },
      { field: 'amenities', name: '便民设施', text: (input.amenities ?? []).join('、') },
      { field: 'volunteerBranch.name', name: '志愿服务支部', text: input.volunteerBranch.name },
    ]);
    const raw = await ctx.db.collection(SITES).doc(siteId).get();
    const existing = siteDocSchema.safeParse(raw);
    // New pictures are held until their content check passes: residents see only the passed ones.
    const before = raw as { pictures?: unknown; heldPictures?: unknown } | null;
    // A form that sends no pictures (the console's, editing the words) keeps them as they are.
    const placed = placePictures(ctx.services, input.pictures ?? picturesOf(before), before);
    await ctx.db
      .collection(SITES)
      .doc(siteId)
      .set({
        ...rest,
        pictures: placed.pictures,
        heldPictures: placed.heldPictures,
        openHours: rest.openHours ?? '',
        amenities: rest.amenities ?? [],
        contact: rest.contact ?? '',
        dailyCapacity: rest.dailyCapacity ?? 0,
        status: existing.success ? existing.data.status : 'open',
        notice: existing.success ? existing.data.notice : '',
      });
    await submitHeldPictures(
      ctx.db,
      ctx.services,
      placed.fresh,
      {
        openid: ctx.user._id,
        target: { collection: SITES, docId: siteId, field: 'pictures', label: `接种点「${input.name}」` },
      },
      ctx.now(),
    );
    return { siteId, heldPictures: placed.heldPictures.length };
  },
});

export const setStatus = action({
  input: z.strictObject({ siteId: fields.id, status: siteStatusSchema, notice: z.string().trim().max(100).optional() }),
  access: ['admin'],
  scope: ({ siteId }) => ({ siteId }),
  async run({ siteId, status, notice }, ctx) {
    if (status === 'paused' && !notice) throw new AppError('INVALID_ARGUMENT', '暂停接种时请填写公告');
    // Existence is read, not inferred from `updated`: CloudBase may count only documents that changed.
    const ref = ctx.db.collection(SITES).doc(siteId);
    if (!(await ref.get())) throw notFound('接种点');
    if (status !== 'open')
      await assertTextsPass(ctx.services, ctx.user._id, 'forum', [{ field: 'notice', name: '公告', text: notice }]);
    await ref.update({ status, notice: status === 'open' ? '' : notice! });
    return { siteId, status };
  },
});

export const generateSlots = action({
  input: z.strictObject({ siteId: fields.id, from: fields.date, to: fields.date, template: templateSchema }),
  access: ['admin'],
  scope: ({ siteId }) => ({ siteId }),
  async run({ siteId, from, to, template }, ctx) {
    if (!siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get()).success) throw notFound('接种点');
    assertSlotCount(assertDayRange(from, to, LIMITS.generateDays, '生成'), template);
    if (from < dayOf(ctx.now())) throw new AppError('INVALID_ARGUMENT', '不能为过去的日期生成时段');
    return generate(ctx.db, { resourceId: siteId, stationId: null }, from, to, template);
  },
});

async function rows(db: import('../db').Database, siteId: string, from: string, to: string) {
  const _ = db.command;
  const docs = await db
    .collection(APPOINTMENTS)
    .where({
      siteId,
      start: _.gte(Date.parse(`${from}T00:00:00+08:00`)),
      end: _.lte(Date.parse(`${to}T23:59:59+08:00`)),
    })
    .orderBy('start', 'asc')
    .limit(1000)
    .get();
  const out = [];
  const breathe = breather();
  for (const d of docs) {
    await breathe();
    const a = appointmentDocSchema.safeParse(d);
    if (!a.success) continue;
    const person = personDocSchema.safeParse(await db.collection(PERSONS).doc(a.data.personId).get());
    // Only masked forms, stored when the person was added: the roster never decrypts anything.
    out.push({
      appointmentId: a.data._id,
      time: `${shanghaiClock(a.data.start)}-${shanghaiClock(a.data.end).slice(11)}`,
      name: a.data.maskedName,
      idNumber: person.success ? maskIdNumber(person.data.masked.idNumber) : '（已删除）',
      phone: person.success ? person.data.masked.phone : '',
      vaccine: `${a.data.vaccineName} 第${a.data.dose}剂`,
      green: a.data.seat === 'green',
      status: a.data.status,
      statusLabel: APPOINTMENT_STATUS[a.data.status],
    });
  }
  return out;
}

export const roster = action({
  input: z.strictObject({ siteId: fields.id, date: fields.date }),
  access: ['staff', 'admin'],
  scope: ({ siteId }) => ({ siteId }),
  async run({ siteId, date }, ctx) {
    if (!siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get()).success) throw notFound('接种点');
    return { siteId, date, rows: await rows(ctx.db, siteId, date, date) };
  },
});

export const exportRoster = action({
  input: z.strictObject({ siteId: fields.id, from: fields.date, to: fields.date }),
  access: ['admin'],
  scope: ({ siteId }) => ({ siteId }),
  async run({ siteId, from, to }, ctx) {
    assertDayRange(from, to, LIMITS.exportDays, '导出');
    if (!siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get()).success) throw notFound('接种点');
    const list = await rows(ctx.db, siteId, from, to);
    const csv = await toCsv(
      ['时段', '姓名', '身份证号', '电话', '疫苗', '绿色通道', '状态'],
      list.map((r) => [r.time, r.name, r.idNumber, r.phone, r.vaccine, r.green ? '是' : '否', r.statusLabel]),
    );
    return { filename: `接种名单_${siteId}_${from}_${to}.csv`, rows: list.length, csv };
  },
});
