/** A resident asks: the communities to ask, a photo upload, and the ask itself (a 微心愿 or a 诉求) with its messages. */
import { z } from 'zod';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS, derivedId } from '../core/ids';
import { fields } from '../core/validation';
import { dayOf } from '../core/time';
import { UNITS, unitDocSchema, allUnits } from '../org';
import { contactPhoneInput, sealContact } from '../phone';
import { decodeImage, imageInput } from '../files';
import { assertTextsPass } from '../content';
import { readAskablePost } from '../map';
import {
  CATEGORIES,
  DEFAULT_HOURS,
  MAX_PHOTOS,
  PHOTOS,
  PHOTOS_PER_DAY,
  PHOTO_QUOTAS,
  REQUESTS,
  asksPerDay,
  type RequestDoc,
} from './model';
import {
  aboutRequest,
  addEvent,
  assertOwnPhotos,
  photoDocId,
  quoteTitle,
  readRequest,
  takeQuota,
  tell,
  usePhotos,
} from './present';
import { photoList } from './shared';
import { giveBackPhoto, submitPhoto } from './pictures';

export const communities = action({
  input: z.strictObject({ county: z.string().trim().min(1).max(40).optional() }),
  access: 'public',
  async run({ county }, ctx) {
    // Every live branch with a secretary, read page by page (domain/org/units.ts), never just the first 1,000 units.
    const units = await allUnits(ctx.db, county ? { county } : {});
    const items = units.flatMap((u) =>
      u.kind === 'branch' && u.secretary ? [{ unitId: u._id, name: u.name, county: u.county }] : [],
    );
    items.sort((a, b) => a.county.localeCompare(b.county, 'zh') || a.name.localeCompare(b.name, 'zh'));
    return { items };
  },
});

export const uploadPhoto = action({
  input: imageInput,
  access: 'signedIn',
  async run(input, ctx) {
    const { bytes, actual, store } = decodeImage(input, ctx);
    const openid = ctx.user._id;
    const now = ctx.now();
    const quotaId = `${openid}:${dayOf(now)}`;
    // The day's count is taken before the bytes are kept: a refused upload stores nothing.
    await ctx.db.runTransaction(async (tx) => {
      const quota = await tx.collection(PHOTO_QUOTAS).doc(quotaId).get();
      const used = typeof quota?.count === 'number' ? quota.count : 0;
      if (used >= PHOTOS_PER_DAY)
        throw new AppError('LIMIT_REACHED', `每天最多上传 ${PHOTOS_PER_DAY} 张照片，请明天再试`);
      await tx
        .collection(PHOTO_QUOTAS)
        .doc(quotaId)
        .set({ openid, day: dayOf(now), count: used + 1 });
    }, TX_ATTEMPTS);
    const fileId = await store.put(bytes, actual);
    // Its content check starts now; the verdict comes later (domain/requests/pictures.ts). Until it passes the photo
    // is held: shown to its uploader only. A check that cannot start keeps nothing: the file goes, the count comes back.
    let check: Awaited<ReturnType<typeof submitPhoto>>;
    try {
      check = await submitPhoto(ctx.services, { fileId, bytes, openid }, now);
    } catch (error) {
      await store.remove(fileId).catch(() => undefined);
      await giveBackPhoto(ctx.db, quotaId);
      throw error;
    }
    await ctx.db
      .collection(PHOTOS)
      .doc(photoDocId(fileId))
      .set({ openid, fileId, at: now, state: 'new', ...check });
    return { fileId, url: await store.url(fileId), pending: check.check === 'pending' };
  },
});

const placeInput = z.strictObject({
  name: z.string().trim().min(1, '请填写地点').max(60),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});

export const askInput = z
  .strictObject({
    kind: z.enum(['wish', 'issue'], { error: '请选择微心愿或诉求' }),
    category: z.string().trim().min(1, '请选择类别').max(10),
    title: z.string().trim().min(2, '标题至少 2 个字').max(40, '标题最多 40 个字'),
    text: z.string().trim().min(5, '请把需求写清楚（至少 5 个字）').max(500, '内容最多 500 个字'),
    photos: photoList(MAX_PHOTOS).default([]),
    unitId: fields.id,
    place: placeInput.optional(),
    /** 「找他办事」: the 先锋岗 or 责任区 on the map it is asked from (it must belong to `unitId`). */
    postId: fields.id.optional(),
    contactName: z.string().trim().min(1, '请填写联系人').max(20, '联系人最多 20 个字'),
    ...contactPhoneInput,
    publicOnWall: z.boolean(),
    requestId: fields.requestId,
  })
  .superRefine((v, c) => {
    if (!CATEGORIES[v.kind].includes(v.category))
      c.addIssue({ code: 'custom', path: ['category'], message: `类别只能是：${CATEGORIES[v.kind].join('、')}` });
  });

export const ask = action({
  input: askInput,
  access: 'signedIn',
  async run(input, ctx) {
    const openid = ctx.user._id;
    const id = derivedId('rq', openid, input.requestId);
    const existing = await readRequest(ctx.db, id);
    if (existing) return { id, status: existing.status };
    const unit = unitDocSchema.safeParse(await ctx.db.collection(UNITS).doc(input.unitId).get());
    if (!unit.success || unit.data.kind !== 'branch' || unit.data.archivedAt !== null)
      throw new AppError('INVALID_ARGUMENT', '请选择所在社区的党支部', 'unitId');
    const post = input.postId ? await readAskablePost(ctx.db, input.postId) : null;
    if (post && post.branchId !== unit.data._id)
      throw new AppError(
        'INVALID_ARGUMENT',
        `「${post.name}」属于另一个党支部，请重新从地图上点「找他办事」`,
        'unitId',
      );
    await assertOwnPhotos(ctx.db, openid, input.photos);
    // What the resident publishes is checked before anything is kept (domain/content): a refusal names the field.
    await assertTextsPass(ctx.services, openid, 'forum', [
      { field: 'title', name: '标题', text: input.title },
      { field: 'text', name: '内容', text: input.text },
      { field: 'place.name', name: '地点', text: input.place?.name },
    ]);
    const now = ctx.now();
    const secretary = unit.data.secretary;
    const doc: Omit<RequestDoc, '_id' | '_openid'> = {
      openid,
      requestId: input.requestId,
      kind: input.kind,
      category: input.category,
      title: input.title,
      text: input.text,
      photos: input.photos,
      unitId: unit.data._id,
      unitName: unit.data.name,
      county: unit.data.county,
      place: input.place
        ? { name: input.place.name, lat: input.place.lat ?? null, lng: input.place.lng ?? null }
        : null,
      post: post ? { landmarkId: post.landmarkId, name: post.name, kind: post.kind } : null,
      contact: await sealContact(ctx, input.contactName, input),
      publicOnWall: input.publicOnWall,
      status: 'submitted',
      overdue: false,
      escalatedAt: null,
      createdAt: now,
      updatedAt: now,
      acceptedAt: null,
      finishedAt: null,
      confirmedAt: null,
      closedAt: null,
      reason: null,
      mode: null,
      places: 0,
      taken: 0,
      hours: DEFAULT_HOURS,
      claims: {},
      claimantIds: [],
      rating: null,
      comment: null,
      awards: [],
    };
    return ctx.db.runTransaction(async (tx) => {
      const again = await readRequest(tx, id);
      if (again) return { id, status: again.status };
      // A few asks a person a Shanghai day (each one messages the secretary); a retry above is not another.
      const max = asksPerDay();
      await takeQuota(tx, `ask:${openid}:${dayOf(now)}`, max, `每人每天最多提交 ${max} 个点单，请明天再来`);
      const { shown, held } = await usePhotos(tx, openid, input.photos);
      await tx
        .collection(REQUESTS)
        .doc(id)
        .set({ ...doc, photos: shown, heldPhotos: held });
      const req = { _id: id, title: input.title };
      await addEvent(
        tx,
        req,
        { status: 'submitted', text: `提交了${input.kind === 'wish' ? '微心愿' : '诉求'}`, by: '居民' },
        now,
        'submitted',
      );
      await tell(
        tx,
        req,
        openid,
        'submitted',
        aboutRequest(req, '已提交，等待支部受理'),
        `你的${quoteTitle(req)}已提交给${unit.data.name}，请等待受理`,
        now,
      );
      if (secretary)
        await tell(
          tx,
          req,
          secretary,
          'new',
          aboutRequest(req, '待受理'),
          `${unit.data.name}收到${input.kind === 'wish' ? '微心愿' : '诉求'}${quoteTitle(req)}，请及时受理`,
          now,
        );
      return { id, status: 'submitted' as const };
    }, TX_ATTEMPTS);
  },
});
