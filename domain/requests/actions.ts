/**
 * 群众点单 and 支部下单: a resident asks (a 微心愿 or a 诉求), the branch's secretary (or an admin in
 * scope) accepts or declines it and dispatches it to a member or to the 任务大厅; the resident follows
 * it, confirms and rates it, sends it back, or cancels it while nobody has taken it.
 * Every change is one transaction on the request with its timeline line and its messages.
 */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { action, type ActionContext, type SignedInContext } from '../core/router';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS, derivedId } from '../core/ids';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { dayOf } from '../core/time';
import { UNITS, unitDocSchema, allUnits, phoneField, sealIdentity } from '../org';
import { decodeImage, imageInput } from '../files';
import { USERS, userDocSchema } from '../core/identity';
import { grantAwards } from './awards';
import { allows, assertStep } from './status';
import {
  CATEGORIES,
  DEFAULT_HOURS,
  MAX_PHOTOS,
  MAX_PLACES,
  PHOTOS,
  PHOTOS_PER_DAY,
  PHOTO_QUOTAS,
  REQUESTS,
  REQUEST_EVENTS,
  STATUS_LABELS,
  asksPerDay,
  eventDocSchema,
  requestDocSchema,
  statusSchema,
  type Claim,
  type RequestDoc,
} from './model';
import {
  addEvent,
  assertOwnPhotos,
  card,
  claimKey,
  contactFor,
  dropHold,
  managedScope,
  maySee,
  notFoundRequest,
  photoDocId,
  photoUrls,
  quoteTitle,
  readRequest,
  takeQuota,
  tell,
  usePhotos,
  viewerOf,
} from './present';

const STAFF = ['secretary', 'admin'] as const;
const photoList = (max: number) => z.array(z.string().trim().min(1).max(300)).max(max, `最多 ${max} 张照片`);
const requestIdField = z.object({ id: fields.id });

/** The branch a request lies in, for the router's scope check (a secretary: their branch; an admin: their county). */
const scopeOfRequest = async ({ id }: { id: string }, ctx: SignedInContext) => {
  const req = await readRequest(ctx.db, id);
  return req ? { unitId: req.unitId } : null;
};

/** The openid of the branch's secretary, if it has one. */
async function secretaryOf(db: Database, unitId: string): Promise<string | null> {
  const unit = unitDocSchema.safeParse(await db.collection(UNITS).doc(unitId).get());
  return unit.success ? unit.data.secretary : null;
}

async function txRequest(tx: Transaction, id: string): Promise<RequestDoc> {
  const req = await readRequest(tx, id);
  if (!req) throw notFoundRequest();
  return req;
}

// ---- 点单 ----

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
    await ctx.db.collection(PHOTOS).doc(photoDocId(fileId)).set({ openid, fileId, at: now, state: 'new' });
    return { fileId, url: await store.url(fileId) };
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
    contactName: z.string().trim().min(1, '请填写联系人').max(20, '联系人最多 20 个字'),
    contactPhone: phoneField,
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
    await assertOwnPhotos(ctx.db, openid, input.photos);
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
      contact: sealIdentity(input.contactName, input.contactPhone),
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
      await usePhotos(tx, openid, input.photos);
      await tx.collection(REQUESTS).doc(id).set(doc);
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
        '已提交',
        `你的${quoteTitle(req)}已提交给${unit.data.name}，请等待受理`,
        now,
      );
      if (secretary)
        await tell(
          tx,
          req,
          secretary,
          'new',
          '新的群众点单',
          `${unit.data.name}收到${input.kind === 'wish' ? '微心愿' : '诉求'}${quoteTitle(req)}，请及时受理`,
          now,
        );
      return { id, status: 'submitted' as const };
    }, TX_ATTEMPTS);
  },
});

const listInput = z.strictObject({ status: statusSchema.optional(), cursor: fields.cursor, limit: fields.limit });

async function cards(ctx: ActionContext, page: { items: RequestDoc[]; nextCursor: string | null }) {
  const items = [];
  for (const req of page.items) items.push(await card(req, ctx.services));
  return { items, nextCursor: page.nextCursor };
}

export const mine = action({
  input: listInput,
  access: 'signedIn',
  async run({ status, cursor, limit }, ctx) {
    const page = await pageByNewest(
      ctx.db.collection(REQUESTS),
      { openid: ctx.user._id, status },
      'createdAt',
      { cursor, limit },
      requestDocSchema,
      (d) => d,
    );
    return cards(ctx, page);
  },
});

export const detail = action({
  input: requestIdField.strict(),
  access: 'signedIn',
  async run({ id }, ctx) {
    const req = await readRequest(ctx.db, id);
    if (!req) throw notFoundRequest();
    const v = await viewerOf(ctx.db, req, ctx.user);
    if (!maySee(req, v)) throw notFoundRequest();
    const contact = contactFor(req, v);
    const claims = Object.values(req.claims).sort((a, b) => a.at - b.at);
    const events = (
      await ctx.db.collection(REQUEST_EVENTS).where({ requestId: id }).orderBy('at', 'asc').limit(200).get()
    ).flatMap((d) => {
      const e = eventDocSchema.safeParse(d);
      return e.success ? [e.data] : [];
    });
    // Lines written in the same millisecond read in the order the flow goes.
    const rank = Object.keys(STATUS_LABELS);
    events.sort((a, b) => a.at - b.at || rank.indexOf(a.status) - rank.indexOf(b.status));
    const timeline = [];
    for (const e of events)
      timeline.push({
        at: e.at,
        status: e.status,
        statusLabel: STATUS_LABELS[e.status],
        text: e.text,
        by: e.by,
        photos: await photoUrls(ctx.services, e.photos),
      });
    const staff = v.secretary || v.admin;
    // Where exactly: to those involved and to those who may claim it now; the place's name only to everyone else.
    const exact = v.resident || staff || v.claimant || (v.taker && req.status === 'open');
    const place = req.place && !exact ? { name: req.place.name, lat: null, lng: null } : req.place;
    return {
      request: {
        ...(await card(req, ctx.services)),
        text: req.text,
        place,
        contact: { name: contact.name, phone: contact.phone },
        contactMasked: contact.masked,
        rating: req.rating,
        comment: req.comment,
        mode: req.mode,
        reason: req.reason,
        // Claimants are shown to those involved by nickname; others see how many.
        // The branch also gets each claimant's id, to take a claim back (withdraw).
        claimants:
          v.resident || staff || v.claimant
            ? claims.map((c) => ({
                nickname: c.nickname,
                status: c.status,
                kind: c.kind,
                ...(staff ? { openid: c.openid } : {}),
              }))
            : [],
        mine: v.resident,
        claimed: v.claimant,
        /** False for a claimant from outside the branch: the contact stays masked and the branch puts them in touch. */
        contactShown: !contact.masked,
        canClaim: allows('claim', req.status) && v.taker && !v.resident && !v.claimant && req.taken < req.places,
        canFinish: v.claimant && allows('finish', req.status),
        canRelease: v.claimant && allows('release', req.status),
        canWithdraw: staff && allows('withdraw', req.status) && req.taken > 0,
        canConfirm: v.resident && allows('confirm', req.status),
        canCancel: v.resident && allows('cancel', req.status),
        canReview: staff && allows('review', req.status),
        canDispatch: staff && allows('dispatch', req.status),
      },
      timeline,
    };
  },
});

// ---- 支部下单 ----

export const queue = action({
  input: listInput,
  access: STAFF,
  async run({ status, cursor, limit }, ctx) {
    const where = await managedScope(ctx.db, ctx.user, { status });
    if (!where) return { items: [], nextCursor: null };
    const page = await pageByNewest(
      ctx.db.collection(REQUESTS),
      where,
      'createdAt',
      { cursor, limit },
      requestDocSchema,
      (d) => d,
    );
    return cards(ctx, page);
  },
});

export const review = action({
  input: z
    .strictObject({
      id: fields.id,
      decision: z.enum(['accept', 'decline'], { error: '请选择受理或不受理' }),
      reason: z.string().trim().max(200, '理由最多 200 个字').optional(),
    })
    .superRefine((v, c) => {
      if (v.decision === 'decline' && (!v.reason || v.reason.length < 2))
        c.addIssue({ code: 'custom', path: ['reason'], message: '不受理时请写明理由' });
    }),
  access: STAFF,
  scope: scopeOfRequest,
  async run({ id, decision, reason }, ctx) {
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      assertStep('review', req.status);
      const accepted = decision === 'accept';
      const change: {
        status: 'accepted' | 'declined';
        updatedAt: number;
        acceptedAt?: number;
        reason?: string;
        closedAt?: number;
      } = accepted
        ? { status: 'accepted', acceptedAt: now, updatedAt: now }
        : { status: 'declined', reason: reason ?? '', closedAt: now, updatedAt: now };
      await tx
        .collection(REQUESTS)
        .doc(id)
        .update({ ...change });
      ctx.audit?.({ targetId: id, before: { status: req.status }, after: { status: change.status } });
      await addEvent(
        tx,
        req,
        { status: change.status, text: accepted ? '支部已受理' : `未受理：${reason ?? ''}`, by: req.unitName },
        now,
        change.status,
      );
      await tell(
        tx,
        req,
        req.openid,
        change.status,
        accepted ? '已受理' : '未受理',
        accepted ? `${req.unitName}已受理你的${quoteTitle(req)}` : `你的${quoteTitle(req)}未被受理：${reason ?? ''}`,
        now,
      );
      return { id, status: change.status };
    }, TX_ATTEMPTS);
  },
});

const hoursField = z.number().int('时长必须是整数').min(1, '时长 1 到 8 小时').max(8, '时长 1 到 8 小时').optional();

export const dispatch = action({
  input: z.discriminatedUnion(
    'mode',
    [
      z.strictObject({ id: fields.id, mode: z.literal('assign'), openid: fields.id, hours: hoursField }),
      z.strictObject({
        id: fields.id,
        mode: z.literal('hall'),
        places: z
          .number()
          .int('名额必须是整数')
          .min(1, `名额 1 到 ${MAX_PLACES} 人`)
          .max(MAX_PLACES, `名额 1 到 ${MAX_PLACES} 人`)
          .optional(),
        hours: hoursField,
      }),
    ],
    { error: '请选择派给党员或发布到任务大厅' },
  ),
  access: STAFF,
  scope: scopeOfRequest,
  async run(input, ctx) {
    const now = ctx.now();
    const before = await readRequest(ctx.db, input.id);
    if (!before) throw notFoundRequest();
    let assignee: Claim | null = null;
    if (input.mode === 'assign') {
      const target = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(input.openid).get());
      if (
        !target.success ||
        !(target.data.role === 'member' || target.data.role === 'secretary') ||
        target.data.branchId !== before.unitId
      ) {
        throw new AppError('INVALID_ARGUMENT', '只能派给本支部的党员', 'openid');
      }
      if (target.data._id === before.openid) throw new AppError('INVALID_ARGUMENT', '不能派给提出请求的本人', 'openid');
      assignee = {
        openid: target.data._id,
        nickname: target.data.nickname,
        kind: 'member',
        via: 'assign',
        status: 'active',
        at: now,
      };
    } else if (before.kind === 'wish' && input.places !== undefined && input.places !== 1) {
      throw new AppError('INVALID_ARGUMENT', '微心愿只能由一人认领', 'places');
    }
    const hours = input.hours ?? DEFAULT_HOURS;
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, input.id);
      assertStep('dispatch', req.status);
      const _ = ctx.db.command;
      if (assignee) {
        await tx
          .collection(REQUESTS)
          .doc(req._id)
          .update({
            status: 'inProgress',
            mode: 'assign',
            places: 1,
            taken: 1,
            hours,
            updatedAt: now,
            claims: _.set({ [claimKey(assignee.openid)]: { ...assignee } }),
            claimantIds: _.set([assignee.openid]),
          });
        await addEvent(
          tx,
          req,
          { status: 'inProgress', text: `派单给党员${assignee.nickname}`, by: req.unitName },
          now,
          'assign',
        );
        await tell(
          tx,
          req,
          assignee.openid,
          'assigned',
          '新的派单',
          `${req.unitName}把${quoteTitle(req)}派给了你，请及时联系居民办理`,
          now,
        );
        await tell(
          tx,
          req,
          req.openid,
          'inProgress',
          '办理中',
          `${req.unitName}已安排党员办理你的${quoteTitle(req)}`,
          now,
        );
        ctx.audit?.({
          targetId: req._id,
          before: { status: req.status },
          after: { status: 'inProgress', assignee: assignee.openid },
        });
        return { id: req._id, status: 'inProgress' as const };
      }
      const places = req.kind === 'wish' ? 1 : ((input.mode === 'hall' ? input.places : undefined) ?? 1);
      await tx
        .collection(REQUESTS)
        .doc(req._id)
        .update({ status: 'open', mode: 'hall', places, taken: 0, hours, updatedAt: now });
      await addEvent(
        tx,
        req,
        { status: 'open', text: `发布到任务大厅（${places} 个名额）`, by: req.unitName },
        now,
        'hall',
      );
      await tell(
        tx,
        req,
        req.openid,
        'open',
        '招募中',
        `你的${quoteTitle(req)}已发布到任务大厅，等待党员和志愿者认领`,
        now,
      );
      ctx.audit?.({ targetId: req._id, before: { status: req.status }, after: { status: 'open', places } });
      return { id: req._id, status: 'open' as const };
    }, TX_ATTEMPTS);
  },
});

// ---- the resident closes it ----

export const confirm = action({
  input: z.strictObject({
    id: fields.id,
    rating: z
      .number({ error: '请评分' })
      .int('评分是 1 到 5 的整数')
      .min(1, '评分是 1 到 5 的整数')
      .max(5, '评分是 1 到 5 的整数'),
    comment: z.string().trim().max(200, '评价最多 200 个字').optional(),
  }),
  access: 'signedIn',
  async run({ id, rating, comment }, ctx) {
    const before = await readRequest(ctx.db, id);
    if (!before || before.openid !== ctx.user._id) throw notFoundRequest();
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      // Sent twice: the first answer again, with nothing awarded a second time.
      if (req.status === 'confirmed') return { id, status: req.status, awards: req.awards };
      assertStep('confirm', req.status);
      const awards = await grantAwards(ctx.db, tx, req, now);
      await tx
        .collection(REQUESTS)
        .doc(id)
        .update({
          status: 'confirmed',
          rating,
          comment: comment ?? null,
          confirmedAt: now,
          closedAt: now,
          updatedAt: now,
          awards: ctx.db.command.set(awards),
        });
      await addEvent(
        tx,
        req,
        { status: 'confirmed', text: `确认办结，评分 ${rating} 星${comment ? `：${comment}` : ''}`, by: '居民' },
        now,
        'confirmed',
      );
      for (const a of awards) {
        const gain = a.points > 0 ? `，获得 ${a.points} 积分` : a.hours > 0 ? `，时间银行存入 ${a.hours} 小时` : '';
        await tell(
          tx,
          req,
          a.openid,
          'confirmed',
          '已办结',
          `居民确认了${quoteTitle(req)}的办结，评分 ${rating} 星${gain}`,
          now,
        );
      }
      // The resident hears of every state change, their own confirmation included.
      await tell(
        tx,
        req,
        req.openid,
        'confirmed',
        '已办结',
        `你已确认${quoteTitle(req)}办结，评分 ${rating} 星，感谢你的评价`,
        now,
      );
      return { id, status: 'confirmed' as const, awards };
    }, TX_ATTEMPTS);
  },
});

export const sendBack = action({
  input: z.strictObject({
    id: fields.id,
    reason: z.string().trim().min(2, '请写明退回理由').max(200, '理由最多 200 个字'),
  }),
  access: 'signedIn',
  async run({ id, reason }, ctx) {
    const before = await readRequest(ctx.db, id);
    if (!before || before.openid !== ctx.user._id) throw notFoundRequest();
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      assertStep('sendBack', req.status);
      const round = String(req.finishedAt ?? now);
      await tx.collection(REQUESTS).doc(id).update({ status: 'inProgress', finishedAt: null, updatedAt: now });
      await addEvent(
        tx,
        req,
        { status: 'inProgress', text: `退回重办：${reason}`, by: '居民' },
        now,
        'sentBack',
        round,
      );
      for (const openid of req.claimantIds)
        await tell(tx, req, openid, 'sentBack', '被退回', `居民退回了${quoteTitle(req)}：${reason}`, now, round);
      return { id, status: 'inProgress' as const };
    }, TX_ATTEMPTS);
  },
});

export const cancel = action({
  input: requestIdField.strict(),
  access: 'signedIn',
  async run({ id }, ctx) {
    const before = await readRequest(ctx.db, id);
    if (!before || before.openid !== ctx.user._id) throw notFoundRequest();
    const now = ctx.now();
    const secretary = await secretaryOf(ctx.db, before.unitId);
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      if (req.status === 'cancelled') return { id, status: req.status };
      assertStep('cancel', req.status);
      const _ = ctx.db.command;
      await tx
        .collection(REQUESTS)
        .doc(id)
        .update({
          status: 'cancelled',
          closedAt: now,
          updatedAt: now,
          taken: 0,
          claims: _.set({}),
          claimantIds: _.set([]),
        });
      await addEvent(tx, req, { status: 'cancelled', text: '居民取消了请求', by: '居民' }, now, 'cancelled');
      if (secretary && req.status !== 'submitted')
        await tell(tx, req, secretary, 'cancelled', '已取消', `居民取消了${quoteTitle(req)}`, now);
      for (const openid of req.claimantIds) {
        await dropHold(tx, openid, id);
        await tell(tx, req, openid, 'cancelled', '已取消', `居民取消了${quoteTitle(req)}，你无需再办理`, now);
      }
      return { id, status: 'cancelled' as const };
    }, TX_ATTEMPTS);
  },
});
