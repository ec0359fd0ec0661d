/**
 * The map's admin actions: red landmarks and routes (admins: a county admin in their county, the system admin
 * everywhere), 先锋岗/责任区 and 诚信经营户 (admins, and a branch secretary for their own branch), archiving a place
 * or a route (and restoring it), and the console's list, scoped the same way. Coordinates are stored in GCJ-02
 * (a position in WGS-84 is converted first); every text an admin publishes goes through the content check before
 * anything is written. Each change is audited by the router (domain/audit) with the document before and after.
 *
 * A deployment has no routes until an admin makes one (the demo's come from domain/seed/map-data.ts).
 */
import { z } from 'zod';
import { pictureAddress, pictureRef } from '../files';
import type { Database, Query } from '../db';
import { action, type ScopeTarget, type SignedInContext } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { derivedId, eightDigits } from '../core/ids';
import { fields } from '../core/validation';
import { assertTextsPass, placePictures, submitHeldPictures, type PublishedText } from '../content';
import { UNITS, adminCounty, unitDocSchema } from '../org';
import { DATUMS, toGcj02 } from './datum';
import {
  LANDMARK_KINDS,
  POST_PLACE_TYPES,
  POST_PLACE_TYPE_CODES,
  SHOP_BADGES,
  SHOP_BADGE_CODES,
  maskHolder,
  type LandmarkKind,
  type PostPlaceType,
  type ShopBadge,
} from './labels';
import {
  LANDMARKS,
  LANDMARK_SCENES,
  ROUTES,
  landmarkDocSchema,
  routeDocSchema,
  sceneSchema,
  type Landmark,
  type Route,
} from './model';

const ID_RULE = /^[a-z0-9_-]+$/;
const placeId = fields.id.regex(ID_RULE, '编号只能包含小写字母、数字、下划线和连字符');

/** A position as the admin's map or phone gave it; stored in GCJ-02. */
const locationInput = z.strictObject({
  lat: z.number({ error: '请在地图上选择位置' }).min(3).max(54),
  lng: z.number({ error: '请在地图上选择位置' }).min(73).max(136),
});

/** What every place shares: names, words, where, pictures. */
const placeInput = {
  name: z.string().trim().min(2, '名称至少 2 个字').max(40, '名称最多 40 个字'),
  nameEn: z.string().trim().max(80, '英文名称最多 80 个字符').optional(),
  intro: z.string().trim().max(1000, '介绍最多 1000 个字').optional(),
  introEn: z.string().trim().max(2000, '英文介绍最多 2000 个字符').optional(),
  hours: z.string().trim().max(60, '开放时间最多 60 个字').optional(),
  address: z.string().trim().min(2, '请填写地址').max(100, '地址最多 100 个字'),
  location: locationInput,
  /** The datum of `location`: 'gcj02' (WeChat, the console's map: the default) or 'wgs84' (a browser's GPS). */
  datum: z.enum(DATUMS).optional(),
  /** Uploaded pictures (admin.uploadImage's file ids, or the addresses they were shown by); the first is the cover. */
  pictures: z.array(pictureRef).max(6, '最多 6 张图片').optional(),
  /** One per intention: a new place's id is derived from it, so a repeated tap saves one place. */
  requestId: fields.requestId,
};

export const saveLandmarkInput = z.strictObject({
  landmarkId: placeId.optional(),
  ...placeInput,
  county: z.string().trim().min(2, '请选择所在县（市、区）').max(20),
  radius: z
    .number({ error: '请填写打卡范围' })
    .int('打卡范围请填整数米')
    .min(10, '打卡范围不能小于 10 米')
    .max(5000, '打卡范围不能超过 5000 米'),
  /** The poster's code; a new landmark without one gets eight digits. */
  scene: sceneSchema.optional(),
});

export const saveRouteInput = z.strictObject({
  routeId: placeId.optional(),
  name: placeInput.name,
  nameEn: placeInput.nameEn,
  intro: placeInput.intro,
  introEn: placeInput.introEn,
  county: z.string().trim().min(2, '请选择所在县（市、区）').max(20),
  /** In walking order: red landmarks of the county, each once. */
  landmarkIds: z
    .array(fields.id, { error: '请选择路线上的地标' })
    .min(2, '一条路线至少 2 个地标')
    .max(30, '一条路线最多 30 个地标')
    .refine((ids) => new Set(ids).size === ids.length, '同一个地标在路线上只能出现一次'),
  requestId: fields.requestId,
});

export const savePostInput = z.strictObject({
  landmarkId: placeId.optional(),
  kind: z.enum(['post', 'area'], { error: '请选择先锋岗或责任区' }),
  ...placeInput,
  placeType: z.enum(POST_PLACE_TYPE_CODES as [PostPlaceType, ...PostPlaceType[]], { error: '请选择岗位所在' }),
  /** The member who holds it, as the branch names them; others see it masked (「王*华」). */
  holderName: z.string().trim().min(2, '请填写党员姓名').max(20, '姓名最多 20 个字'),
  branchId: fields.id,
});

export const saveShopInput = z.strictObject({
  landmarkId: placeId.optional(),
  ...placeInput,
  badge: z.enum(SHOP_BADGE_CODES as [ShopBadge, ...ShopBadge[]], { error: '请选择诚信经营户或共产党员经营户' }),
  /** 亮牌: the sign is up at the door. */
  lit: z.boolean({ error: '请选择是否已亮牌' }),
  /** The branch that vouches for the shop. */
  branchId: fields.id,
});

export const archiveMapPlaceInput = z.strictObject({
  /** 'place' (a landmark, 先锋岗, 责任区 or shop) or 'route'. */
  kind: z.enum(['place', 'route'], { error: '请选择地点或路线' }),
  id: fields.id,
  /** true hides it from the map and from new check-ins; false restores it. */
  archived: z.boolean(),
});

export const mapAdminListInput = z.strictObject({
  kind: z.enum(['red', 'post', 'area', 'shop', 'route']).optional(),
  /** true lists what was archived (to restore it); default: what is on the map. */
  archived: z.boolean().optional(),
  cursor: fields.cursor,
  limit: fields.limit,
});

// ---------------------------------------------------------------------------------------------------------------

async function readPlace(db: Database, landmarkId: string): Promise<Landmark | null> {
  const parsed = landmarkDocSchema.safeParse(await db.collection(LANDMARKS).doc(landmarkId).get());
  return parsed.success ? parsed.data : null;
}

async function readAnyRoute(db: Database, routeId: string): Promise<Route | null> {
  const parsed = routeDocSchema.safeParse(await db.collection(ROUTES).doc(routeId).get());
  return parsed.success ? parsed.data : null;
}

/** A live branch of the tree (the one a post or shop belongs to); refused beside the field otherwise. */
async function readBranch(db: Database, branchId: string) {
  const unit = unitDocSchema.safeParse(await db.collection(UNITS).doc(branchId).get());
  if (!unit.success || unit.data.kind !== 'branch' || unit.data.archivedAt !== null)
    throw new AppError('INVALID_ARGUMENT', '请选择所属党支部', 'branchId');
  return unit.data;
}

/** Where a place lies for the scope check: its branch (posts and shops), else its county. */
const placeTarget = (p: Landmark): ScopeTarget => (p.branchId ? { branchId: p.branchId } : { county: p.county });

const newId = (prefix: string, ctx: SignedInContext, requestId: string) =>
  derivedId(prefix, ctx.user._id, requestId).toLowerCase();

/** The texts of a place, checked before anything is written; a refusal names its field. */
const placeTexts = (input: {
  name: string;
  nameEn?: string;
  intro?: string;
  introEn?: string;
  hours?: string;
  address: string;
}): PublishedText[] => [
  { field: 'name', name: '名称', text: input.name },
  { field: 'nameEn', name: '英文名称', text: input.nameEn },
  { field: 'intro', name: '介绍', text: input.intro },
  { field: 'introEn', name: '英文介绍', text: input.introEn },
  { field: 'hours', name: '开放时间', text: input.hours },
  { field: 'address', name: '地址', text: input.address },
];

/**
 * The fields every saved place writes (GCJ-02 location). New pictures are held until their content check passes; a
 * form that sends no pictures keeps them as they are.
 */
function placeFields(
  input: z.output<z.ZodObject<typeof placeInput>>,
  now: number,
  placed: ReturnType<typeof placePictures>,
) {
  return {
    name: input.name,
    nameEn: input.nameEn ?? '',
    intro: input.intro ?? '',
    introEn: input.introEn ?? '',
    hours: input.hours ?? '',
    address: input.address,
    location: toGcj02(input.location, input.datum ?? 'gcj02'),
    pictures: placed.pictures,
    heldPictures: placed.heldPictures,
    updatedAt: now,
  };
}

/** Where a place's pictures go: shown, held for their check, and which are new (domain/content/held.ts). */
const placeOf = (ctx: SignedInContext, input: { pictures?: string[] }, before: Landmark | null) =>
  placePictures(ctx.services, input.pictures ?? before?.pictures ?? [], before);

/**
 * Writes a place (replacing what was there), recording before and after for the audit entry, then sends its new
 * pictures to the content check. Answers how many pictures wait for it.
 */
async function writePlace(
  ctx: SignedInContext,
  before: Landmark | null,
  doc: Landmark,
  fresh: string[],
): Promise<{ heldPictures: number }> {
  const { _id, ...rest } = doc;
  await ctx.db.collection(LANDMARKS).doc(_id).set(rest);
  ctx.audit?.({ targetId: _id, before, after: doc });
  const target = { collection: LANDMARKS, docId: _id, field: 'pictures' as const, label: `地点「${doc.name}」` };
  await submitHeldPictures(ctx.db, ctx.services, fresh, { openid: ctx.user._id, target }, ctx.now());
  return { heldPictures: doc.heldPictures.length };
}

/** A kept place may not change kind through another kind's action (a red landmark is not saved as a shop). */
function assertKind(before: Landmark | null, kinds: readonly LandmarkKind[]) {
  if (before && !kinds.includes(before.kind))
    throw new AppError('INVALID_ARGUMENT', `该地点是${LANDMARK_KINDS[before.kind].zh}，不能在这里修改`, 'landmarkId');
}

// ---------------------------------------------------------------------------------------------------------------

export const saveLandmark = action({
  input: saveLandmarkInput,
  access: ['admin'],
  async scope(input, ctx) {
    const before = input.landmarkId ? await readPlace(ctx.db, input.landmarkId) : null;
    return [{ county: input.county }, ...(before ? [placeTarget(before)] : [])];
  },
  async run(input, ctx) {
    const landmarkId = input.landmarkId ?? newId('lm', ctx, input.requestId);
    const before = await readPlace(ctx.db, landmarkId);
    assertKind(before, ['red']);
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', placeTexts(input));
    const scene = (input.scene ?? before?.scene ?? eightDigits()).toUpperCase();
    const owner = await ctx.db.collection(LANDMARK_SCENES).doc(scene).get();
    if (owner && owner.landmarkId !== landmarkId)
      throw new AppError('CONFLICT', '这个打卡码已被其他地标使用，请换一个', 'scene');
    const now = ctx.now();
    const placed = placeOf(ctx, input, before);
    const doc = landmarkDocSchema.parse({
      ...(before ?? {}),
      _id: landmarkId,
      ...placeFields(input, now, placed),
      kind: 'red',
      county: input.county,
      radius: input.radius,
      scene,
      branchId: null,
      source: before?.source ?? null,
      illustrative: before?.illustrative ?? false,
      active: before?.active ?? true,
    });
    await ctx.db.collection(LANDMARK_SCENES).doc(scene).set({ landmarkId });
    // A changed code: the old poster stops working (its scene no longer names this landmark).
    if (before?.scene && before.scene.toUpperCase() !== scene)
      await ctx.db.collection(LANDMARK_SCENES).doc(before.scene.toUpperCase()).remove();
    const { heldPictures } = await writePlace(ctx, before, doc, placed.fresh);
    return { landmarkId, scene, created: before === null, heldPictures };
  },
});

export const saveRoute = action({
  input: saveRouteInput,
  access: ['admin'],
  async scope(input, ctx) {
    const before = input.routeId ? await readAnyRoute(ctx.db, input.routeId) : null;
    return [{ county: input.county }, ...(before ? [{ county: before.county }] : [])];
  },
  async run(input, ctx) {
    const routeId = input.routeId ?? newId('rt', ctx, input.requestId);
    const before = await readAnyRoute(ctx.db, routeId);
    for (const [i, id] of input.landmarkIds.entries()) {
      const p = await readPlace(ctx.db, id);
      if (!p || !p.active || p.kind !== 'red')
        throw new AppError('INVALID_ARGUMENT', `第 ${i + 1} 站不是可打卡的红色地标`, `landmarkIds.${i}`);
      if (p.county !== input.county)
        throw new AppError('INVALID_ARGUMENT', `「${p.name}」不在${input.county}`, `landmarkIds.${i}`);
    }
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', [
      { field: 'name', name: '名称', text: input.name },
      { field: 'nameEn', name: '英文名称', text: input.nameEn },
      { field: 'intro', name: '介绍', text: input.intro },
      { field: 'introEn', name: '英文介绍', text: input.introEn },
    ]);
    const doc = routeDocSchema.parse({
      ...(before ?? {}),
      _id: routeId,
      name: input.name,
      nameEn: input.nameEn ?? '',
      intro: input.intro ?? '',
      introEn: input.introEn ?? '',
      county: input.county,
      landmarkIds: input.landmarkIds,
      source: before?.source ?? null,
      illustrative: before?.illustrative ?? false,
      active: before?.active ?? true,
      updatedAt: ctx.now(),
    });
    const { _id, ...rest } = doc;
    await ctx.db.collection(ROUTES).doc(_id).set(rest);
    ctx.audit?.({ targetId: routeId, before, after: doc });
    return { routeId, created: before === null };
  },
});

export const savePost = action({
  input: savePostInput,
  access: ['admin', 'secretary'],
  async scope(input, ctx) {
    const before = input.landmarkId ? await readPlace(ctx.db, input.landmarkId) : null;
    return [{ branchId: input.branchId }, ...(before ? [placeTarget(before)] : [])];
  },
  async run(input, ctx) {
    const landmarkId = input.landmarkId ?? newId('lm', ctx, input.requestId);
    const before = await readPlace(ctx.db, landmarkId);
    assertKind(before, ['post', 'area']);
    const branch = await readBranch(ctx.db, input.branchId);
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', [
      ...placeTexts(input),
      { field: 'holderName', name: '党员姓名', text: input.holderName },
    ]);
    const placed = placeOf(ctx, input, before);
    const doc = landmarkDocSchema.parse({
      ...(before ?? {}),
      _id: landmarkId,
      ...placeFields(input, ctx.now(), placed),
      kind: input.kind,
      county: branch.county,
      radius: before?.radius ?? 100,
      scene: null,
      branchId: branch._id,
      holder: { name: input.holderName },
      placeType: input.placeType,
      source: before?.source ?? null,
      illustrative: before?.illustrative ?? false,
      active: before?.active ?? true,
    });
    const { heldPictures } = await writePlace(ctx, before, doc, placed.fresh);
    return { landmarkId, created: before === null, holder: maskHolder(input.holderName), heldPictures };
  },
});

export const saveShop = action({
  input: saveShopInput,
  access: ['admin', 'secretary'],
  async scope(input, ctx) {
    const before = input.landmarkId ? await readPlace(ctx.db, input.landmarkId) : null;
    return [{ branchId: input.branchId }, ...(before ? [placeTarget(before)] : [])];
  },
  async run(input, ctx) {
    const landmarkId = input.landmarkId ?? newId('lm', ctx, input.requestId);
    const before = await readPlace(ctx.db, landmarkId);
    assertKind(before, ['shop']);
    const branch = await readBranch(ctx.db, input.branchId);
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', placeTexts(input));
    const now = ctx.now();
    const placed = placeOf(ctx, input, before);
    const doc = landmarkDocSchema.parse({
      ...(before ?? {}),
      _id: landmarkId,
      ...placeFields(input, now, placed),
      kind: 'shop',
      county: branch.county,
      radius: before?.radius ?? 100,
      scene: null,
      branchId: branch._id,
      badge: input.badge,
      lit: input.lit,
      litAt: input.lit ? (before?.lit ? (before.litAt ?? now) : now) : null,
      source: before?.source ?? null,
      illustrative: before?.illustrative ?? false,
      active: before?.active ?? true,
    });
    const { heldPictures } = await writePlace(ctx, before, doc, placed.fresh);
    return { landmarkId, created: before === null, badgeLabel: SHOP_BADGES[input.badge].zh, heldPictures };
  },
});

export const archiveMapPlace = action({
  input: archiveMapPlaceInput,
  access: ['admin', 'secretary'],
  async scope(input, ctx) {
    if (input.kind === 'route') {
      const route = await readAnyRoute(ctx.db, input.id);
      return route ? { county: route.county } : null;
    }
    const place = await readPlace(ctx.db, input.id);
    return place ? placeTarget(place) : null;
  },
  async run(input, ctx) {
    const now = ctx.now();
    if (input.kind === 'route') {
      const route = await readAnyRoute(ctx.db, input.id);
      if (!route) throw notFound('该路线');
      if (!input.archived) await assertRouteLive(ctx.db, route);
      await ctx.db.collection(ROUTES).doc(route._id).update({ active: !input.archived, updatedAt: now });
      ctx.audit?.({ targetId: route._id, before: route, after: { ...route, active: !input.archived } });
      return { kind: input.kind, id: route._id, active: !input.archived };
    }
    const place = await readPlace(ctx.db, input.id);
    if (!place) throw notFound('该地点');
    await ctx.db.collection(LANDMARKS).doc(place._id).update({ active: !input.archived, updatedAt: now });
    ctx.audit?.({ targetId: place._id, before: place, after: { ...place, active: !input.archived } });
    return { kind: input.kind, id: place._id, active: !input.archived };
  },
});

/** A route is restored only while every stop is still a live red landmark. */
async function assertRouteLive(db: Database, route: Route) {
  for (const id of route.landmarkIds) {
    const p = await readPlace(db, id);
    if (!p || !p.active || p.kind !== 'red')
      throw new AppError('INVALID_ARGUMENT', `路线上的「${p?.name ?? '一个地标'}」已停用，请先修改路线`, 'id');
  }
}

/** A place as the console lists it: everything the edit form needs (the holder's name in full: the branch gave it). */
function adminPlace(p: Landmark, branchNames: Map<string, string>) {
  return {
    type: 'place' as const,
    landmarkId: p._id,
    kind: p.kind,
    kindLabel: LANDMARK_KINDS[p.kind].zh,
    name: p.name,
    nameEn: p.nameEn,
    intro: p.intro,
    introEn: p.introEn,
    hours: p.hours,
    county: p.county,
    address: p.address,
    location: p.location,
    radius: p.radius,
    pictures: p.pictures.map(pictureAddress),
    picturesWaiting: p.heldPictures.length,
    scene: p.scene,
    branchId: p.branchId,
    branchName: p.branchId ? (branchNames.get(p.branchId) ?? '') : '',
    holderName: p.holder?.name ?? '',
    holderMasked: p.holder ? maskHolder(p.holder.name) : '',
    placeType: p.placeType,
    placeTypeLabel: p.placeType ? POST_PLACE_TYPES[p.placeType] : '',
    badge: p.badge,
    badgeLabel: p.badge ? SHOP_BADGES[p.badge].zh : '',
    lit: p.lit,
    active: p.active,
    updatedAt: p.updatedAt,
  };
}

export const mapAdminList = action({
  input: mapAdminListInput,
  access: ['admin', 'secretary'],
  async run(input, ctx) {
    const _ = ctx.db.command;
    const limit = input.limit ?? 20;
    const active = !(input.archived ?? false);
    // The caller's scope as a filter: a secretary their branch's posts and shops, a county admin their county.
    const county = await adminCounty(ctx.db, ctx.user);
    const scoped: Query[] = [{ active }];
    if (ctx.user.role === 'secretary') {
      if (!ctx.user.branchId || input.kind === 'red' || input.kind === 'route') return { items: [], nextCursor: null };
      scoped.push({ branchId: ctx.user.branchId });
    } else if (county !== null) scoped.push({ county });
    if (input.cursor) scoped.push({ _id: _.gt(input.cursor) });
    if (input.kind === 'route') {
      const docs = await ctx.db
        .collection(ROUTES)
        .where(_.and(scoped))
        .orderBy('_id', 'asc')
        .limit(limit + 1)
        .get();
      const routes = docs.slice(0, limit).flatMap((d) => {
        const r = routeDocSchema.safeParse(d);
        return r.success ? [r.data] : [];
      });
      const names = new Map<string, string>();
      for (const id of new Set(routes.flatMap((r) => r.landmarkIds))) {
        const p = await readPlace(ctx.db, id);
        if (p) names.set(id, p.name);
      }
      return {
        items: routes.map((r) => ({
          type: 'route' as const,
          routeId: r._id,
          name: r.name,
          nameEn: r.nameEn,
          intro: r.intro,
          introEn: r.introEn,
          county: r.county,
          landmarks: r.landmarkIds.map((id) => ({ landmarkId: id, name: names.get(id) ?? '' })),
          active: r.active,
          updatedAt: r.updatedAt,
        })),
        nextCursor: docs.length > limit ? (docs[limit - 1]?._id ?? null) : null,
      };
    }
    const kinds: LandmarkKind[] =
      input.kind !== undefined
        ? [input.kind]
        : ctx.user.role === 'secretary'
          ? ['post', 'area', 'shop']
          : ['red', 'post', 'area', 'shop'];
    scoped.push({ kind: _.in(kinds) });
    const docs = await ctx.db
      .collection(LANDMARKS)
      .where(_.and(scoped))
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
    const places = docs.slice(0, limit).flatMap((d) => {
      const p = landmarkDocSchema.safeParse(d);
      return p.success ? [p.data] : [];
    });
    const branchNames = new Map<string, string>();
    for (const id of new Set(places.flatMap((p) => (p.branchId ? [p.branchId] : [])))) {
      const unit = unitDocSchema.safeParse(await ctx.db.collection(UNITS).doc(id).get());
      if (unit.success) branchNames.set(id, unit.data.name);
    }
    return {
      items: places.map((p) => adminPlace(p, branchNames)),
      nextCursor: docs.length > limit ? (docs[limit - 1]?._id ?? null) : null,
    };
  },
});
