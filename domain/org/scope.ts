import type { Database } from '../db';
import { AppError } from '../core/errors';
import type { ScopeTarget } from '../core/router';
import { BRANCHES, USERS, branchDocSchema, userDocSchema, type UserDoc } from '../core/identity';
import { UNITS, unitDocSchema, type UnitDoc } from './model';

// Collection names are spelled here rather than imported: the router imports this file, and the modules
// that own these collections import the router.
const STATIONS = 'stations';
const SITES = 'vaccineSites';
const ITEMS = 'serviceItems';
const GOODS = 'goods';

export type { ScopeTarget };

/** Where a target lies. `missing`: it does not exist, so the action itself answers NOT_FOUND. */
interface Place {
  missing?: boolean;
  system?: boolean;
  /** Belongs to no county yet (a resident who has joined nothing): any county admin may take them on. */
  unaffiliated?: boolean;
  county?: string;
  /** A staff member may work in several counties: any county admin of one of them may manage them. */
  counties?: string[];
  branchId?: string;
  stationId?: string;
  siteId?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export async function readUnit(db: Database, unitId: string): Promise<UnitDoc | null> {
  const parsed = unitDocSchema.safeParse(await db.collection(UNITS).doc(unitId).get());
  return parsed.success ? parsed.data : null;
}

async function countyOfBranch(db: Database, branchId: string): Promise<string | undefined> {
  const unit = await readUnit(db, branchId);
  if (unit) return unit.county;
  const branch = branchDocSchema.safeParse(await db.collection(BRANCHES).doc(branchId).get());
  return branch.success ? branch.data.county : undefined;
}

async function stationPlace(db: Database, stationId: string): Promise<Place> {
  const doc = await db.collection(STATIONS).doc(stationId).get();
  return doc ? { stationId, county: str(doc.county) } : { missing: true, stationId };
}

/** Where a user belongs: an admin's county (their scope), else their branch (and its county) or the counties staff work in. */
export async function placeOfUser(db: Database, user: UserDoc): Promise<Place> {
  // An admin is placed by their scope only: the branch they belong to as a party member gives that
  // branch's county admin no hold over them. An admin whose scope has gone is the system admin's.
  if (user.role === 'admin') {
    const county = user.scopeUnitId ? (await readUnit(db, user.scopeUnitId))?.county : undefined;
    return county ? { county } : { system: true };
  }
  const counties = new Set<string>();
  for (const stationId of user.stationIds) {
    const county = (await stationPlace(db, stationId)).county;
    if (county) counties.add(county);
  }
  for (const siteId of user.siteIds) {
    const county = str((await db.collection(SITES).doc(siteId).get())?.county);
    if (county) counties.add(county);
  }
  if (user.branchId)
    return { branchId: user.branchId, county: await countyOfBranch(db, user.branchId), counties: [...counties] };
  return counties.size > 0 ? { counties: [...counties] } : { unaffiliated: true };
}

async function resolve(db: Database, target: ScopeTarget): Promise<Place> {
  if ('system' in target) return { system: true };
  // An empty id names nowhere: only a system-wide admin may act there (and the database refuses '' as an id).
  if (Object.values(target).some((v) => v === '')) return {};
  if ('county' in target) return { county: target.county };
  if ('unitOrCounty' in target) {
    const id = target.unitOrCounty;
    if (await readUnit(db, id)) return resolve(db, { unitId: id });
    const county = await countyOfBranch(db, id);
    return county === undefined ? { county: id } : { branchId: id, county };
  }
  if ('stationId' in target) return stationPlace(db, target.stationId);
  if ('itemId' in target) {
    const item = await db.collection(ITEMS).doc(target.itemId).get();
    return item && str(item.stationId) ? stationPlace(db, String(item.stationId)) : { missing: true };
  }
  if ('siteId' in target) {
    const site = await db.collection(SITES).doc(target.siteId).get();
    return site ? { siteId: target.siteId, county: str(site.county) } : { missing: true, siteId: target.siteId };
  }
  if ('goodsId' in target) {
    const goods = await db.collection(GOODS).doc(target.goodsId).get();
    if (!goods) return { missing: true };
    // Goods without a pickup station belong to the whole system.
    return str(goods.stationId) ? stationPlace(db, String(goods.stationId)) : { system: true };
  }
  if ('branchId' in target) {
    const county = await countyOfBranch(db, target.branchId);
    return county === undefined ? { missing: true } : { branchId: target.branchId, county };
  }
  if ('unitId' in target) {
    const unit = await readUnit(db, target.unitId);
    if (!unit) return { missing: true };
    return { county: unit.county, ...(unit.kind === 'branch' ? { branchId: unit._id } : {}) };
  }
  const doc = userDocSchema.safeParse(await db.collection(USERS).doc(target.openid).get());
  return doc.success ? placeOfUser(db, doc.data) : { missing: true };
}

/** The county an admin is limited to, or null for a system-wide admin. */
export async function adminCounty(db: Database, user: UserDoc): Promise<string | null> {
  if (user.role !== 'admin' || !user.scopeUnitId) return null;
  const unit = await readUnit(db, user.scopeUnitId);
  // An admin whose scope unit has gone (or is not a county) may act nowhere rather than everywhere.
  return unit && unit.kind === 'county' ? unit.county : '\u0000none';
}

function allows(user: UserDoc, county: string | null, place: Place): boolean {
  if (place.missing) return true;
  switch (user.role) {
    case 'admin':
      if (county === null) return true;
      if (place.system) return false;
      return place.unaffiliated === true || place.county === county || (place.counties ?? []).includes(county);
    case 'secretary':
      return !!user.branchId && place.branchId === user.branchId;
    case 'staff':
      if (place.stationId) return user.stationIds.includes(place.stationId);
      if (place.siteId) return user.siteIds.includes(place.siteId);
      return false;
    default:
      return false;
  }
}

/** Refuses (FORBIDDEN) unless every target lies in the caller's scope. */
export async function assertInScope(
  db: Database,
  user: UserDoc,
  targets: ScopeTarget | readonly ScopeTarget[] | null,
): Promise<void> {
  if (targets === null) return;
  const list: readonly ScopeTarget[] = Array.isArray(targets) ? targets : [targets as ScopeTarget];
  if (user.role === 'admin' && !user.scopeUnitId) return;
  const county = await adminCounty(db, user);
  for (const target of list) {
    if (!allows(user, county, await resolve(db, target)))
      throw new AppError('FORBIDDEN', SCOPE_MESSAGE[user.role] ?? '没有权限执行此操作');
  }
}

const SCOPE_MESSAGE: Partial<Record<UserDoc['role'], string>> = {
  admin: '只能管理本县（市、区）的事务',
  secretary: '只能管理本支部的事务',
  staff: '只能在分配给你的驿站或接种点操作',
};

/** Whether the caller may act on `target` (for filtering lists instead of refusing). */
export async function inScope(db: Database, user: UserDoc, target: ScopeTarget): Promise<boolean> {
  try {
    await assertInScope(db, user, target);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}
