/**
 * The map's invariants over a whole database; each answers how many documents break it (0 is the only good answer).
 * Registered with `npm run check:invariants` (scripts/check-invariants.ts).
 */
import { clock } from '../core/clock';
import type { Database } from '../db';
import { distanceMetres } from '../core/geo';
import { readAll, type InvariantReport } from '../core/invariants';
import { LEDGER, ledgerDocSchema } from '../points';
import { checkinEntryIdOf, checkinIdOf, completionIdOf } from './checkin';
import {
  LANDMARKS,
  LANDMARK_CHECKINS,
  ROUTES,
  ROUTE_COMPLETIONS,
  TRAVELLERS,
  checkinDocSchema,
  completionDocSchema,
  landmarkDocSchema,
  routeDocSchema,
  travellerDocSchema,
} from './model';
import { leastTravelMs, travelGap } from './shared';

// `now` is the checkers' common signature; nothing here depends on it.
export async function checkMapInvariants(db: Database, _now = clock.now()): Promise<InvariantReport[]> {
  const landmarks = new Map(
    (await readAll(db, LANDMARKS)).flatMap((d) => {
      const l = landmarkDocSchema.safeParse(d);
      return l.success ? [[l.data._id, l.data] as const] : [];
    }),
  );
  const routes = new Map((await readAll(db, ROUTES)).map((d) => [d._id, routeDocSchema.parse(d)] as const));
  const checkins = (await readAll(db, LANDMARK_CHECKINS)).map((d) => checkinDocSchema.parse(d));
  const travellers = (await readAll(db, TRAVELLERS)).map((d) => travellerDocSchema.parse(d));
  const completions = (await readAll(db, ROUTE_COMPLETIONS)).map((d) => completionDocSchema.parse(d));
  const ledger = new Map(
    (await readAll(db, LEDGER)).map((d) => {
      const e = ledgerDocSchema.parse(d);
      return [e._id, e] as const;
    }),
  );

  const byPerson = new Map<string, typeof checkins>();
  for (const c of checkins) byPerson.set(c.openid, [...(byPerson.get(c.openid) ?? []), c]);
  for (const list of byPerson.values()) list.sort((a, b) => a.at - b.at || a.seq - b.seq);
  let impossible = 0;
  for (const list of byPerson.values()) {
    for (let i = 1; i < list.length; i += 1) {
      const a = landmarks.get(list[i - 1]!.landmarkId);
      const b = landmarks.get(list[i]!.landmarkId);
      if (!a || !b || a._id === b._id) continue;
      const gap = travelGap(distanceMetres(a.location, b.location), a.radius, b.radius);
      const speed = list[i]!.speedKmh;
      if (gap > 0 && list[i]!.at - list[i - 1]!.at < Math.ceil(leastTravelMs(gap, speed))) impossible += 1;
    }
  }
  const visited = (openid: string, landmarkId: string, before: number) =>
    checkins.some((c) => c.openid === openid && c.landmarkId === landmarkId && c.at <= before);

  return [
    {
      name: 'one check-in per person, landmark and day (its _id derived from the three)',
      violations: checkins.filter((c) => c._id !== checkinIdOf(c.openid, c.landmarkId, c.day)).length,
    },
    {
      name: 'every check-in lies within its landmark radius and names a landmark',
      violations: checkins.filter((c) => c.distance > c.radius || !landmarks.has(c.landmarkId)).length,
    },
    {
      name: 'no check-in further from the one before it than MAP_MAX_SPEED_KMH (then in force) allows',
      violations: impossible,
    },
    {
      name: "a check-in's points are its one ledger entry, and only a check-in with points has one",
      violations: checkins.filter((c) => {
        if (c.points === 0) return c.entryId !== null || ledger.has(checkinEntryIdOf(c._id));
        const e = c.entryId ? ledger.get(c.entryId) : undefined;
        return c.entryId !== checkinEntryIdOf(c._id) || !e || e.amount !== c.points || e.openid !== c.openid;
      }).length,
    },
    {
      name: "each traveller's counts match their check-ins, and their check-ins count 1..n",
      violations:
        travellers.filter((t) => {
          const mine = byPerson.get(t._id) ?? [];
          if (t.checkins !== mine.length) return true;
          const seqs = mine.map((c) => c.seq).sort((a, b) => a - b);
          if (seqs.some((s, i) => s !== i + 1)) return true;
          const per = new Map<string, number>();
          for (const c of mine) per.set(c.landmarkId, (per.get(c.landmarkId) ?? 0) + 1);
          return (
            per.size !== Object.keys(t.visits).length ||
            [...per].some(([id, n]) => t.visits[id]?.count !== n) ||
            (mine.length > 0 && t.last?.landmarkId !== mine[mine.length - 1]!.landmarkId)
          );
        }).length + [...byPerson.keys()].filter((id) => !travellers.some((t) => t._id === id)).length,
    },
    {
      name: 'a route completion once per person and route, after a check-in at each of its landmarks',
      violations: completions.filter(
        (c) =>
          c._id !== completionIdOf(c.openid, c.routeId) ||
          !routes.has(c.routeId) ||
          c.landmarks.some((l) => !visited(c.openid, l.landmarkId, c.completedAt)),
      ).length,
    },
    {
      name: "each traveller's completed routes are their completions",
      violations: travellers.filter((t) => {
        const mine = completions.filter((c) => c.openid === t._id).map((c) => c.routeId);
        const listed = Object.keys(t.routes);
        return mine.length !== listed.length || mine.some((id) => t.routes[id] === undefined);
      }).length,
    },
  ];
}
