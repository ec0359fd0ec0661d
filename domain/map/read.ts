/**
 * Reading the map: a place's detail, the routes with the caller's progress, the caller's 足迹 and a completed
 * route's certificate. Counts (打卡人次, routes completed) are counts of the check-ins and completions themselves.
 */
import { z } from 'zod';
import { pictureAddress } from '../files';
import type { Database } from '../db';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { BRANCHES } from '../core/identity';
import { pageByNewest } from '../core/paging';
import { dayOf } from '../core/time';
import { fields } from '../core/validation';
import { ARTICLE_TITLES, type Source } from '../stations';
import { CHECKIN_KINDS, LANDMARK_KINDS, POST_PLACE_TYPES, SHOP_BADGES, maskHolder } from './labels';
import { checkinIdOf, completionIdOf } from './checkin';
import {
  LANDMARKS,
  LANDMARK_CHECKINS,
  ROUTES,
  ROUTE_COMPLETIONS,
  checkinDocSchema,
  completionDocSchema,
  landmarkDocSchema,
  routeDocSchema,
  type Landmark,
  type Route,
} from './model';
import { readLandmark, readRoute, readTraveller } from './shared';

const shown = (source: Source | null) =>
  source ? { ...source, title: ARTICLE_TITLES[source.article] ?? source.article } : null;

/** 打卡人次 of one landmark: its check-ins, counted by index (no counter document). */
export const landmarkCheckins = (db: Database, landmarkId: string): Promise<number> =>
  db.collection(LANDMARK_CHECKINS).where({ landmarkId }).count();

/** How many people completed a route: its completions, counted by index. */
export const routeCompletions = (db: Database, routeId: string): Promise<number> =>
  db.collection(ROUTE_COMPLETIONS).where({ routeId }).count();

/** Landmarks by id (active or not: a route or a 足迹 still names a place an admin has since hidden). */
async function landmarksById(db: Database, ids: string[]): Promise<Map<string, Landmark>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Landmark>();
  for (let i = 0; i < unique.length; i += 100) {
    const docs = await db
      .collection(LANDMARKS)
      .where({ _id: db.command.in(unique.slice(i, i + 100)) })
      .limit(100)
      .get();
    for (const d of docs) {
      const p = landmarkDocSchema.safeParse(d);
      if (p.success) out.set(p.data._id, p.data);
    }
  }
  return out;
}

async function activeRoutes(db: Database, landmarkId?: string): Promise<Route[]> {
  const docs = await db
    .collection(ROUTES)
    .where(landmarkId ? { landmarkIds: landmarkId, active: true } : { active: true })
    .orderBy('_id', 'asc')
    .limit(100)
    .get();
  return docs.flatMap((d) => {
    const r = routeDocSchema.safeParse(d);
    return r.success ? [r.data] : [];
  });
}

export const landmarkDetail = action({
  input: z.strictObject({ landmarkId: fields.id }),
  access: 'public',
  async run({ landmarkId }, ctx) {
    const l = await readLandmark(ctx.db, landmarkId);
    const branch = l.branchId ? await ctx.db.collection(BRANCHES).doc(l.branchId).get() : null;
    const routes = await activeRoutes(ctx.db, l._id);
    const openid = ctx.user?._id;
    const traveller = openid ? await readTraveller(ctx.db, openid) : null;
    const today = openid
      ? Boolean(
          await ctx.db
            .collection(LANDMARK_CHECKINS)
            .doc(checkinIdOf(openid, l._id, dayOf(ctx.now())))
            .get(),
        )
      : false;
    return {
      landmarkId: l._id,
      name: l.name,
      nameEn: l.nameEn,
      kind: l.kind,
      kindLabel: LANDMARK_KINDS[l.kind].zh,
      kindLabelEn: LANDMARK_KINDS[l.kind].en,
      location: l.location,
      radius: l.radius,
      intro: l.intro,
      introEn: l.introEn,
      hours: l.hours,
      county: l.county,
      address: l.address,
      pictures: l.pictures.map(pictureAddress),
      branch: branch && typeof branch.name === 'string' ? { branchId: branch._id, name: branch.name } : null,
      checkIn: CHECKIN_KINDS.includes(l.kind) && l.scene !== null,
      /** 先锋岗 and 责任区: the member, masked (「王*华」; never an openid or a phone), and what it is on. */
      holder: l.holder ? maskHolder(l.holder.name) : null,
      placeType: l.placeType,
      placeTypeLabel: l.placeType ? POST_PLACE_TYPES[l.placeType] : '',
      /** 「找他办事」: a live post or area with a branch takes a 群众点单 addressed to that branch. */
      canAsk: (l.kind === 'post' || l.kind === 'area') && l.branchId !== null,
      /** 诚信经营户 / 共产党员经营户: the title and 亮牌. */
      badge: l.badge,
      badgeLabel: l.badge ? SHOP_BADGES[l.badge].zh : '',
      badgeLabelEn: l.badge ? SHOP_BADGES[l.badge].en : '',
      lit: l.lit,
      litAt: l.lit ? l.litAt : null,
      source: shown(l.source),
      illustrative: l.illustrative,
      illustrativeNote: l.illustrativeNote,
      checkins: await landmarkCheckins(ctx.db, l._id),
      routes: routes.map((r) => ({
        routeId: r._id,
        name: r.name,
        nameEn: r.nameEn,
        order: r.landmarkIds.indexOf(l._id) + 1,
        total: r.landmarkIds.length,
      })),
      mine: traveller
        ? {
            checkedInToday: today,
            visits: traveller.visits[l._id]?.count ?? 0,
            lastAt: traveller.visits[l._id]?.last ?? null,
          }
        : null,
    };
  },
});

export const mapRoutes = action({
  input: z.strictObject({}),
  access: 'public',
  async run(_input, ctx) {
    const routes = await activeRoutes(ctx.db);
    const places = await landmarksById(
      ctx.db,
      routes.flatMap((r) => r.landmarkIds),
    );
    const traveller = ctx.user ? await readTraveller(ctx.db, ctx.user._id) : null;
    const items = [];
    for (const r of routes) {
      const visited = traveller ? r.landmarkIds.filter((id) => traveller.visits[id]).length : 0;
      items.push({
        routeId: r._id,
        name: r.name,
        nameEn: r.nameEn,
        intro: r.intro,
        introEn: r.introEn,
        county: r.county,
        source: shown(r.source),
        illustrative: r.illustrative,
        illustrativeNote: r.illustrativeNote,
        landmarks: r.landmarkIds.map((id) => {
          const p = places.get(id);
          return {
            landmarkId: id,
            name: p?.name ?? '',
            nameEn: p?.nameEn ?? '',
            kind: p?.kind ?? 'red',
            location: p?.location ?? null,
            visited: Boolean(traveller?.visits[id]),
          };
        }),
        completions: await routeCompletions(ctx.db, r._id),
        mine: traveller ? { visited, total: r.landmarkIds.length, completedAt: traveller.routes[r._id] ?? null } : null,
      });
    }
    return { items };
  },
});

export const myFootprint = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ cursor, limit }, ctx) {
    const traveller = await readTraveller(ctx.db, ctx.user._id);
    const page = await pageByNewest(
      ctx.db.collection(LANDMARK_CHECKINS),
      { openid: ctx.user._id },
      'seq',
      { cursor, limit },
      checkinDocSchema,
      (c) => c,
    );
    const places = await landmarksById(
      ctx.db,
      page.items.map((c) => c.landmarkId),
    );
    return {
      summary: {
        checkins: traveller.checkins,
        landmarks: Object.keys(traveller.visits).length,
        routes: Object.keys(traveller.routes).length,
      },
      items: page.items.map((c) => {
        const p = places.get(c.landmarkId);
        return {
          checkinId: c._id,
          landmarkId: c.landmarkId,
          name: p?.name ?? '',
          nameEn: p?.nameEn ?? '',
          kind: p?.kind ?? 'red',
          county: p?.county ?? '',
          at: c.at,
          day: c.day,
          points: c.points,
        };
      }),
      nextCursor: page.nextCursor,
    };
  },
});

export const routeCertificate = action({
  input: z.strictObject({ routeId: fields.id }),
  access: 'signedIn',
  async run({ routeId }, ctx) {
    const route = await readRoute(ctx.db, routeId);
    const done = completionDocSchema.safeParse(
      await ctx.db.collection(ROUTE_COMPLETIONS).doc(completionIdOf(ctx.user._id, routeId)).get(),
    );
    if (!done.success) throw new AppError('NOT_FOUND', `还没有走完「${route.name}」`);
    const places = await landmarksById(
      ctx.db,
      done.data.landmarks.map((l) => l.landmarkId),
    );
    const dates = done.data.landmarks.map((l) => l.at);
    return {
      routeId,
      name: route.name,
      nameEn: route.nameEn,
      nickname: ctx.user.nickname,
      startedAt: Math.min(...dates),
      completedAt: done.data.completedAt,
      landmarks: done.data.landmarks.map((l) => ({
        landmarkId: l.landmarkId,
        name: places.get(l.landmarkId)?.name ?? '',
        nameEn: places.get(l.landmarkId)?.nameEn ?? '',
        at: l.at,
      })),
    };
  },
});
