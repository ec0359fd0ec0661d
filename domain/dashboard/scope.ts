import type { Database } from '../db';
import { notFound } from '../core/errors';
import { BRANCHES, USERS, branchDocSchema } from '../core/identity';
import { readUnit, allUnits, branchesUnder } from '../org';

/**
 * Which part of the organisation a dashboard covers.
 * - everything (no unit);
 * - a county (its name, as branches, stations and sites carry it): services given at its stations and
 *   sites, and the points, orders and members of its branches;
 * - a branch: everything its members did (their bookings, doses, points, pickups).
 * When the organisation tree (domain/org) lands, `resolveScope` should ask it for the branches under any
 * unit (街道/社区 大党委, 联盟) and the unit's county; the figures below need nothing else.
 */
export interface Scope {
  unitId: string | null;
  name: string;
  /** Place filter for services: the county whose stations and sites count; null = any place. */
  county: string | null;
  /** Branches whose members' points and orders count; null = everyone. */
  branchIds: string[] | null;
  /** Services count only when used by these people (a branch scope); null = anyone. */
  byMembers: boolean;
}

export async function resolveScope(db: Database, unitId: string | undefined): Promise<Scope> {
  if (!unitId) return { unitId: null, name: '全部', county: null, branchIds: null, byMembers: false };
  // A unit of the organisation tree: a county counts its places and every branch in it; a 大党委 or 联盟
  // the branches under it (by their members, as a branch does).
  const unit = await readUnit(db, unitId);
  if (unit) {
    const units = await allUnits(db, { county: unit.county });
    if (unit.kind === 'county') {
      const inCounty = units.filter((u) => u.kind === 'branch' && u.county === unit.county).map((u) => u._id);
      return { unitId, name: unit.name, county: unit.county, branchIds: inCounty, byMembers: false };
    }
    const branchIds = unit.kind === 'branch' ? [unit._id] : branchesUnder(units, unit._id);
    return { unitId, name: unit.name, county: unit.county || null, branchIds, byMembers: true };
  }
  const branch = branchDocSchema.safeParse(await db.collection(BRANCHES).doc(unitId).get());
  if (branch.success)
    return { unitId, name: branch.data.name, county: branch.data.county || null, branchIds: [unitId], byMembers: true };
  const inCounty = await db.collection(BRANCHES).where({ county: unitId }).limit(1000).get();
  const stationsThere =
    inCounty.length > 0 ? 1 : await db.collection('stations').where({ county: unitId }).limit(1).count();
  if (inCounty.length === 0 && stationsThere === 0) throw notFound('该组织');
  return { unitId, name: unitId, county: unitId, branchIds: inCounty.map((b) => b._id), byMembers: false };
}

/** The openids of the scope's branches' members, read a page at a time (bounded by `max`). */
export async function membersOf(db: Database, branchIds: string[], max = 50_000): Promise<Set<string>> {
  const _ = db.command;
  const members = new Set<string>();
  if (branchIds.length === 0) return members;
  let cursor = '';
  while (members.size < max) {
    const page = await db
      .collection(USERS)
      .where(_.and([{ branchId: _.in(branchIds) }, { _id: _.gt(cursor) }]))
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    for (const doc of page) members.add(doc._id);
    if (page.length < 1000) break;
    cursor = page[page.length - 1]!._id;
  }
  return members;
}

/** Ids of a county's stations or sites (directories of a few hundred at most). */
export async function placesIn(
  db: Database,
  collection: 'stations' | 'vaccineSites',
  county: string,
): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor = '';
  for (;;) {
    const _ = db.command;
    const page = await db
      .collection(collection)
      .where(_.and([{ county }, { _id: _.gt(cursor) }]))
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    for (const doc of page) ids.add(doc._id);
    if (page.length < 1000) return ids;
    cursor = page[page.length - 1]!._id;
  }
}
