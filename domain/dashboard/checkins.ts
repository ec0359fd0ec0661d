/**
 * 打卡人次 for the dashboard: check-ins per red landmark and per route in a period and scope, counted from the
 * check-ins themselves (and routes' completions from theirs) — read in bounded pages, never from a counter
 * document every check-in would have to write.
 * Scope: a county counts the check-ins at its landmarks (and its routes); a branch or 大党委 counts its members'
 * check-ins wherever they were; no scope counts everything.
 */
import type { Database, Doc, QueryDoc } from '../db';
import {
  LANDMARKS,
  LANDMARK_CHECKINS,
  ROUTES,
  ROUTE_COMPLETIONS,
  landmarkDocSchema,
  routeDocSchema,
  type LandmarkDoc,
} from '../map';
import { scanRange } from './scan';
import type { Scope } from './scope';

export interface MapCheckins {
  /** Check-ins in the period and scope. */
  total: number;
  /** Landmarks with at least one, most first (at most MAP_TOP). */
  landmarks: { landmarkId: string; name: string; county: string; checkins: number }[];
  /** Routes: check-ins at their landmarks, and people who completed them, in the period. */
  routes: { routeId: string; name: string; checkins: number; completions: number }[];
  truncated: boolean;
}

export const MAP_TOP = 50;

/** Every landmark of a county, by id (directories of a few hundred at most). */
async function landmarksWhere(db: Database, match: QueryDoc): Promise<Map<string, LandmarkDoc>> {
  const _ = db.command;
  const out = new Map<string, LandmarkDoc>();
  let cursor = '';
  for (;;) {
    const page = await db
      .collection(LANDMARKS)
      .where(_.and([match, { _id: _.gt(cursor) }]))
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    for (const doc of page) {
      const p = landmarkDocSchema.safeParse(doc);
      if (p.success) out.set(p.data._id, p.data);
    }
    if (page.length < 1000) return out;
    cursor = page[page.length - 1]!._id;
  }
}

export async function mapCheckins(
  db: Database,
  scope: Scope,
  range: { start: number; end: number },
  members: Set<string> | null,
  max: number,
): Promise<MapCheckins> {
  const _ = db.command;
  // The county's landmarks (a county scope counts check-ins there); otherwise names are looked up as met.
  const inCounty = scope.county && !scope.byMembers ? await landmarksWhere(db, { county: scope.county }) : null;
  const counted = (doc: Doc) => {
    if (inCounty && !(typeof doc.landmarkId === 'string' && inCounty.has(doc.landmarkId))) return false;
    if (members && scope.byMembers && !(typeof doc.openid === 'string' && members.has(doc.openid))) return false;
    return true;
  };

  const perLandmark = new Map<string, number>();
  let total = 0;
  const checkins = await scanRange(db, LANDMARK_CHECKINS, {}, 'at', range, max, (doc) => {
    if (!counted(doc)) return;
    const id = String(doc.landmarkId);
    total += 1;
    perLandmark.set(id, (perLandmark.get(id) ?? 0) + 1);
  });

  const places = inCounty ?? new Map<string, LandmarkDoc>();
  const unknown = [...perLandmark.keys()].filter((id) => !places.has(id));
  for (let i = 0; i < unknown.length; i += 100) {
    const found = await landmarksWhere(db, { _id: _.in(unknown.slice(i, i + 100)) });
    for (const [id, l] of found) places.set(id, l);
  }
  const landmarks = [...perLandmark.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAP_TOP)
    .map(([landmarkId, n]) => ({
      landmarkId,
      name: places.get(landmarkId)?.name ?? '（已删除的地点）',
      county: places.get(landmarkId)?.county ?? '',
      checkins: n,
    }));

  // Routes: a county's own, or (any other scope) every active route; completions in the period, by scope.
  const routeDocs = await db
    .collection(ROUTES)
    .where(scope.county && !scope.byMembers ? { county: scope.county, active: true } : { active: true })
    .orderBy('_id', 'asc')
    .limit(100)
    .get();
  const routes: MapCheckins['routes'] = [];
  const perRoute = new Map<string, number>();
  for (const d of routeDocs) {
    const r = routeDocSchema.safeParse(d);
    if (!r.success) continue;
    const n = r.data.landmarkIds.reduce((sum, id) => sum + (perLandmark.get(id) ?? 0), 0);
    perRoute.set(r.data._id, 0);
    routes.push({ routeId: r.data._id, name: r.data.name, checkins: n, completions: 0 });
  }
  let truncated = checkins.truncated;
  if (routes.length > 0) {
    const done = await scanRange(
      db,
      ROUTE_COMPLETIONS,
      { routeId: _.in(routes.map((r) => r.routeId)) },
      'completedAt',
      range,
      max,
      (doc) => {
        if (members && scope.byMembers && !(typeof doc.openid === 'string' && members.has(doc.openid))) return;
        const id = String(doc.routeId);
        if (perRoute.has(id)) perRoute.set(id, perRoute.get(id)! + 1);
      },
    );
    truncated ||= done.truncated;
  }
  for (const r of routes) r.completions = perRoute.get(r.routeId) ?? 0;
  // A branch's members walk routes anywhere: only those they used are worth a row.
  const shown = scope.byMembers ? routes.filter((r) => r.checkins > 0 || r.completions > 0) : routes;
  return { total, landmarks, routes: shown, truncated };
}
