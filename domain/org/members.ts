import { z } from 'zod';
import type { Database, Query, UpdateDoc } from '../db';
import { AppError, notFound } from '../core/errors';
import { TX_ATTEMPTS } from '../core/ids';
import { action, type SignedInContext } from '../core/router';
import { fields } from '../core/validation';
import { accountDocSchema, ACCOUNTS as POINT_ACCOUNTS } from '../points';
import { USERS, roleSchema, userDocSchema, type UserDoc } from '../core/identity';
import { ROLE_LABELS } from '../core/labels';
import { safeDecrypt } from './invites';
import { UNITS } from './model';
import { adminCounty, inScope, readUnit, type ScopeTarget } from './scope';
import { setBranchOf, visibleBranches } from './units';

const STATIONS = 'stations';
const SITES = 'vaccineSites';

/** How many user documents one members/search request reads at most, however sparse the matches. */
const SCAN_LIMIT = 1000;
const SCAN_BATCH = 100;

interface MemberRow {
  openid: string;
  nickname: string;
  realName: string;
  phoneMasked: string;
  role: UserDoc['role'];
  roleLabel: string;
  branchId: string | null;
  branchName: string;
}

/**
 * Members of the branches the caller may see, by openid, filtered by a keyword on the nickname or the
 * real name (sealed, so matched after opening it: a branch's roster is small). Keyset paging on `_id`.
 */
async function scanMembers(
  ctx: SignedInContext,
  opts: { unitId?: string; keyword?: string; cursor?: string; limit: number },
) {
  const _ = ctx.db.command;
  const { ids, names } = await visibleBranches(ctx.db, ctx.user, opts.unitId);
  const items: MemberRow[] = [];
  if (ids.length === 0) return { items, nextCursor: null as string | null };
  const keyword = opts.keyword?.trim() ?? '';
  let after = opts.cursor;
  let scanned = 0;
  let more = false;
  let lastSeen: string | undefined;
  scan: while (scanned < SCAN_LIMIT) {
    const query: Query = after ? _.and([{ branchId: _.in(ids) }, { _id: _.gt(after) }]) : { branchId: _.in(ids) };
    const batch = await ctx.db.collection(USERS).where(query).orderBy('_id', 'asc').limit(SCAN_BATCH).get();
    for (const [index, doc] of batch.entries()) {
      scanned += 1;
      lastSeen = doc._id;
      const u = userDocSchema.safeParse(doc);
      if (!u.success) continue;
      const realName = u.data.identity ? safeDecrypt(u.data.identity.name, u.data.identity.maskedName) : '';
      if (keyword && !u.data.nickname.includes(keyword) && !realName.includes(keyword)) continue;
      items.push({
        openid: u.data._id,
        nickname: u.data.nickname,
        realName,
        phoneMasked: u.data.identity?.maskedPhone ?? '',
        role: u.data.role,
        roleLabel: ROLE_LABELS[u.data.role],
        branchId: u.data.branchId,
        branchName: u.data.branchId ? (names.get(u.data.branchId) ?? '') : '',
      });
      if (items.length >= opts.limit) {
        more = index < batch.length - 1 || batch.length === SCAN_BATCH;
        break scan;
      }
    }
    more = batch.length === SCAN_BATCH;
    if (!more) break;
    after = lastSeen;
  }
  return { items, nextCursor: more && lastSeen ? lastSeen : null };
}

async function balanceOf(db: Database, openid: string): Promise<number> {
  const account = accountDocSchema.safeParse(await db.collection(POINT_ACCOUNTS).doc(openid).get());
  return account.success ? account.data.balance : 0;
}

export const members = action({
  input: z.strictObject({
    unitId: fields.id.optional(),
    keyword: fields.keyword,
    cursor: fields.cursor,
    limit: fields.limit,
  }),
  access: ['admin', 'secretary'],
  scope: ({ unitId }) => (unitId ? { unitId } : null),
  async run({ unitId, keyword, cursor, limit }, ctx) {
    const page = await scanMembers(ctx, { unitId, keyword, cursor, limit: limit ?? 20 });
    const items = [];
    for (const m of page.items) items.push({ ...m, balance: await balanceOf(ctx.db, m.openid) });
    // Real names were read: who looked, where, for what, and how many.
    ctx.audit?.({
      targetId: unitId ?? null,
      before: null,
      after: { unitId: unitId ?? null, keyword: keyword ?? null, cursor: cursor ?? null, returned: items.length },
    });
    return { items, nextCursor: page.nextCursor };
  },
});

/** The member picker (award points, set a secretary): members in the caller's scope whose names match. */
export const searchMembers = action({
  input: z.strictObject({
    keyword: z.string().trim().min(1, '请输入姓名或昵称').max(30),
    unitId: fields.id.optional(),
  }),
  access: ['admin', 'secretary'],
  scope: ({ unitId }) => (unitId ? { unitId } : null),
  async run({ keyword, unitId }, ctx) {
    const page = await scanMembers(ctx, { keyword, unitId, limit: 20 });
    ctx.audit?.({
      targetId: unitId ?? null,
      before: null,
      after: { unitId: unitId ?? null, keyword, returned: page.items.length },
    });
    return {
      items: page.items.map(({ openid, nickname, realName, branchId, branchName, roleLabel }) => ({
        openid,
        nickname,
        realName,
        branchId,
        branchName,
        roleLabel,
      })),
    };
  },
});

export const moveMember = action({
  input: z.strictObject({ openid: fields.id, branchId: fields.id }),
  access: ['admin'],
  scope: ({ openid, branchId }) => [{ openid }, { branchId }],
  async run({ openid, branchId }, ctx) {
    const unit = await readUnit(ctx.db, branchId);
    if (!unit || unit.kind !== 'branch') throw notFound('目标党支部');
    return ctx.db.runTransaction(async (tx) => {
      const u = userDocSchema.safeParse(await tx.collection(USERS).doc(openid).get());
      if (!u.success) throw notFound('该用户');
      if (!u.data.branchId) throw new AppError('CONFLICT', '该用户还不是任何党支部的党员');
      if (u.data.role === 'secretary') throw new AppError('CONFLICT', '该用户是支部书记，请先为原支部更换书记');
      if (u.data.branchId === branchId) return { openid, branchId, moved: false };
      // Only where they belong changes: their balance and every ledger entry stay as they were.
      const change = { branchId, updatedBy: ctx.user._id, updatedAt: ctx.now() };
      await tx.collection(USERS).doc(openid).update(change);
      await setBranchOf(tx, openid, branchId);
      ctx.audit?.({ targetId: openid, before: u.data, after: { ...u.data, ...change } });
      return { openid, branchId, moved: true };
    }, TX_ATTEMPTS);
  },
});

const setRoleInput = z.strictObject({ openid: fields.id, role: roleSchema, scopeUnitId: fields.id.optional() });

/**
 * Changes a role. An admin is scoped to a county unit (`scopeUnitId`) or, given by a system admin
 * without one, to the whole system; a secretary to a branch (`scopeUnitId`, as `setSecretary`); a member
 * may be placed in a branch. A county admin acts on people of their county (or of none) only.
 */
export const setRole = action({
  input: setRoleInput,
  access: ['admin'],
  scope({ openid, role, scopeUnitId }) {
    const targets: ScopeTarget[] = [{ openid }];
    if (scopeUnitId) targets.push({ unitId: scopeUnitId });
    else if (role === 'admin') targets.push({ system: true });
    return targets;
  },
  async run({ openid, role, scopeUnitId }, ctx) {
    if (openid === ctx.user._id) throw new AppError('CONFLICT', '不能更改自己的角色，请让另一位管理员操作');
    const unit = scopeUnitId ? await readUnit(ctx.db, scopeUnitId) : null;
    if (scopeUnitId && !unit) throw notFound('组织');
    if (role === 'admin' && unit && unit.kind !== 'county')
      throw new AppError('INVALID_ARGUMENT', '管理员的范围应为一个县（市、区），不填则为全系统');
    if ((role === 'secretary' || role === 'member') && unit && unit.kind !== 'branch')
      throw new AppError('INVALID_ARGUMENT', '请选择一个党支部');
    if (role === 'secretary' && !unit) throw new AppError('INVALID_ARGUMENT', '设为书记时请选择党支部');
    if ((role === 'staff' || role === 'resident') && unit)
      throw new AppError('INVALID_ARGUMENT', '该角色不需要选择组织');
    return ctx.db.runTransaction(async (tx) => {
      const target = userDocSchema.safeParse(await tx.collection(USERS).doc(openid).get());
      if (!target.success) throw notFound('该用户');
      const before = target.data;
      // A secretary who changes role or branch leaves the branch without a secretary.
      if (before.role === 'secretary' && before.branchId && (role !== 'secretary' || unit?._id !== before.branchId)) {
        await tx.collection(UNITS).doc(before.branchId).update({ secretary: null });
      }
      const patch: UpdateDoc = { role, updatedBy: ctx.user._id, updatedAt: ctx.now() };
      patch.scopeUnitId = role === 'admin' ? (unit?._id ?? null) : null;
      if (role !== 'staff') {
        patch.stationIds = [];
        patch.siteIds = [];
      }
      // A resident belongs to no branch; their ledger stays, as on any move.
      if (role === 'resident' && before.branchId) {
        patch.branchId = null;
        await setBranchOf(tx, openid, null);
      }
      if ((role === 'secretary' || role === 'member') && unit) {
        patch.branchId = unit._id;
        await setBranchOf(tx, openid, unit._id);
      }
      if (role === 'secretary' && unit) {
        const fresh = await tx.collection(UNITS).doc(unit._id).get();
        const previous = typeof fresh?.secretary === 'string' ? fresh.secretary : null;
        if (previous && previous !== openid) await tx.collection(USERS).doc(previous).update({ role: 'member' });
        await tx.collection(UNITS).doc(unit._id).update({ secretary: openid });
      }
      await tx.collection(USERS).doc(openid).update(patch);
      ctx.audit?.({ targetId: openid, before, after: { ...before, ...patch } });
      return { openid, role };
    }, TX_ATTEMPTS);
  },
});

const idList = z.array(fields.id).max(100);

export const assignStaff = action({
  input: z.strictObject({ openid: fields.id, stationIds: idList, siteIds: idList }),
  access: ['admin'],
  scope: ({ openid, stationIds, siteIds }) => [
    { openid },
    ...stationIds.map((stationId) => ({ stationId })),
    ...siteIds.map((siteId) => ({ siteId })),
  ],
  async run({ openid, stationIds, siteIds }, ctx) {
    for (const id of stationIds) if (!(await ctx.db.collection(STATIONS).doc(id).get())) throw notFound(`驿站 ${id}`);
    for (const id of siteIds) if (!(await ctx.db.collection(SITES).doc(id).get())) throw notFound(`接种点 ${id}`);
    return ctx.db.runTransaction(async (tx) => {
      const target = userDocSchema.safeParse(await tx.collection(USERS).doc(openid).get());
      if (!target.success) throw notFound('该用户');
      if (target.data.role !== 'staff') throw new AppError('CONFLICT', '请先把该用户的角色设为驿站工作人员');
      // A county admin replaces the assignments in their county; those elsewhere stay.
      const keptStations = [];
      for (const id of target.data.stationIds)
        if (!(await inScope(ctx.db, ctx.user, { stationId: id }))) keptStations.push(id);
      const keptSites = [];
      for (const id of target.data.siteIds) if (!(await inScope(ctx.db, ctx.user, { siteId: id }))) keptSites.push(id);
      const next = {
        stationIds: [...new Set([...keptStations, ...stationIds])],
        siteIds: [...new Set([...keptSites, ...siteIds])],
      };
      const change = { ...next, updatedBy: ctx.user._id, updatedAt: ctx.now() };
      await tx.collection(USERS).doc(openid).update(change);
      ctx.audit?.({ targetId: openid, before: target.data, after: { ...target.data, ...change } });
      return { openid, ...next };
    }, TX_ATTEMPTS);
  },
});

async function namesOf(db: Database, collection: string, ids: readonly string[]) {
  const out = [];
  for (const id of ids) {
    const doc = await db.collection(collection).doc(id).get();
    out.push({
      id,
      name: typeof doc?.name === 'string' ? doc.name : '（已删除）',
      county: typeof doc?.county === 'string' ? doc.county : '',
    });
  }
  return out;
}

export const staff = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: ['admin'],
  async run({ cursor, limit }, ctx) {
    const _ = ctx.db.command;
    const county = await adminCounty(ctx.db, ctx.user);
    const size = limit ?? 20;
    const query: Query = cursor ? _.and([{ role: 'staff' }, { _id: _.gt(cursor) }]) : { role: 'staff' };
    const raw = await ctx.db
      .collection(USERS)
      .where(query)
      .orderBy('_id', 'asc')
      .limit(size + 1)
      .get();
    const items = [];
    for (const doc of raw.slice(0, size)) {
      const u = userDocSchema.safeParse(doc);
      if (!u.success) continue;
      const stations = await namesOf(ctx.db, STATIONS, u.data.stationIds);
      const sites = await namesOf(ctx.db, SITES, u.data.siteIds);
      // A county admin sees staff working in their county, and staff not yet assigned anywhere.
      const inCounty =
        county === null ||
        [...stations, ...sites].length === 0 ||
        [...stations, ...sites].some((s) => s.county === county);
      if (!inCounty) continue;
      items.push({
        openid: u.data._id,
        nickname: u.data.nickname,
        stations: stations.map(({ id, name }) => ({ stationId: id, name })),
        sites: sites.map(({ id, name }) => ({ siteId: id, name })),
        stationIds: u.data.stationIds,
        siteIds: u.data.siteIds,
      });
    }
    const last = raw.slice(0, size).at(-1);
    return { items, nextCursor: raw.length > size && last ? last._id : null };
  },
});
