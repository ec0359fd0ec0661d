import { z } from 'zod';
import { addIfAbsent, derivedId, TX_ATTEMPTS } from '../core/ids';
import { AppError, notFound } from '../core/errors';
import { action } from '../core/router';
import { fields } from '../core/validation';
import { assertTextsPass } from '../content';
import type { Database, Query } from '../db';
import { accountDocSchema, ACCOUNTS as POINT_ACCOUNTS } from '../points';
import { BRANCHES, USERS, userDocSchema, type UserDoc } from '../core/identity';
import {
  PARENT_KINDS,
  UNITS,
  UNITS_PER_PARENT,
  UNIT_KINDS,
  unitDocSchema,
  unitKindSchema,
  type UnitDoc,
} from './model';
import { adminCounty, readUnit } from './scope';

/** The most one read returns (CloudBase's own limit). */
const UNIT_PAGE = 1000;
/** A bound on the units one read of the tree walks: 200 a parent keeps a real system far below it. */
const MAX_UNITS = 50_000;

/**
 * Units of the tree, paged through by `_id` (never just the first page): those of one county when `county` is
 * given, else all. Archived units only on request.
 */
export async function allUnits(
  db: Database,
  options: { county?: string; includeArchived?: boolean } = {},
): Promise<UnitDoc[]> {
  const _ = db.command;
  const out: UnitDoc[] = [];
  let after: string | undefined;
  for (let read = 0; read < MAX_UNITS;) {
    const filters: Query[] = [];
    if (options.county !== undefined) filters.push({ county: options.county });
    if (after !== undefined) filters.push({ _id: _.gt(after) });
    const query =
      filters.length === 0
        ? db.collection(UNITS)
        : db.collection(UNITS).where(filters.length === 1 ? filters[0]! : _.and(filters));
    const page = await query.orderBy('_id', 'asc').limit(UNIT_PAGE).get();
    read += page.length;
    for (const doc of page) {
      const u = unitDocSchema.safeParse(doc);
      if (u.success && (options.includeArchived || u.data.archivedAt === null)) out.push(u.data);
    }
    if (page.length < UNIT_PAGE) break;
    after = page.at(-1)!._id;
  }
  return out;
}

/** The units the caller's role lets them see in the tree: a county admin's county, or everything. */
async function unitsFor(db: Database, user: UserDoc): Promise<UnitDoc[]> {
  const county = await adminCounty(db, user);
  return county === null ? allUnits(db) : allUnits(db, { county });
}

/** The branches under `unitId` (itself when it is one). */
export function branchesUnder(units: readonly UnitDoc[], unitId: string): string[] {
  const children = new Map<string, UnitDoc[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: string[] = [];
  const walk = (id: string, depth: number) => {
    const unit = units.find((u) => u._id === id);
    if (!unit || depth > 8) return;
    if (unit.kind === 'branch') out.push(unit._id);
    for (const child of children.get(id) ?? []) walk(child._id, depth + 1);
  };
  walk(unitId, 0);
  return out;
}

/**
 * The branches whose members the caller may see: a secretary their own; a county admin their county's;
 * a system admin every branch. `unitId` narrows it (already checked to be in scope by the router).
 */
export async function visibleBranches(
  db: Database,
  user: UserDoc,
  unitId?: string,
): Promise<{ ids: string[]; names: Map<string, string> }> {
  if (user.role === 'secretary') {
    const own = user.branchId ? await readUnit(db, user.branchId) : null;
    const mine =
      own &&
      own.archivedAt === null &&
      (!unitId || branchesUnder(await allUnits(db, { county: own.county }), unitId).includes(own._id));
    return { ids: mine ? [own._id] : [], names: new Map(own ? [[own._id, own.name]] : []) };
  }
  // A unit narrows the read to its county; otherwise the caller's county, or every county for a system admin.
  const narrowed = unitId ? await readUnit(db, unitId) : null;
  const units = narrowed ? await allUnits(db, { county: narrowed.county }) : await unitsFor(db, user);
  const names = new Map(units.filter((u) => u.kind === 'branch').map((u) => [u._id, u.name]));
  const ids = unitId ? branchesUnder(units, unitId) : units.filter((u) => u.kind === 'branch').map((u) => u._id);
  return { ids, names };
}

/** Moves a person's membership (and their account's branch, for rankings); their ledger stays as it was. */
export async function setBranchOf(
  tx: import('../db').Transaction,
  openid: string,
  branchId: string | null,
): Promise<void> {
  const account = accountDocSchema.safeParse(await tx.collection(POINT_ACCOUNTS).doc(openid).get());
  if (account.success && account.data.branchId !== branchId)
    await tx.collection(POINT_ACCOUNTS).doc(openid).update({ branchId });
}

export const tree = action({
  input: z.strictObject({}),
  access: ['admin', 'secretary'],
  async run(_input, ctx) {
    let visible: UnitDoc[];
    if (ctx.user.role === 'secretary') {
      // A secretary sees their branch and the units above it.
      visible = [];
      let at = ctx.user.branchId ? await readUnit(ctx.db, ctx.user.branchId) : null;
      for (let depth = 0; at && depth < 8; depth += 1) {
        if (at.archivedAt === null) visible.push(at);
        at = at.parentId ? await readUnit(ctx.db, at.parentId) : null;
      }
    } else {
      visible = await unitsFor(ctx.db, ctx.user);
    }
    const counts = new Map<string, number>();
    for (const u of visible.filter((v) => v.kind === 'branch'))
      counts.set(u._id, await ctx.db.collection(USERS).where({ branchId: u._id }).count());
    const nicknames = new Map<string, string>();
    for (const u of visible) {
      if (!u.secretary || nicknames.has(u.secretary)) continue;
      const doc = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(u.secretary).get());
      nicknames.set(u.secretary, doc.success ? doc.data.nickname : '（已注销）');
    }
    return {
      units: visible.map((u) => ({
        unitId: u._id,
        parentId: u.parentId,
        kind: u.kind,
        kindLabel: UNIT_KINDS[u.kind],
        name: u.name,
        county: u.county,
        secretary: u.secretary ? { openid: u.secretary, nickname: nicknames.get(u.secretary) ?? '' } : null,
        memberCount: branchesUnder(visible, u._id).reduce((sum, id) => sum + (counts.get(id) ?? 0), 0),
      })),
    };
  },
});

const unitName = z.string().trim().min(2, '名称至少 2 个字').max(40, '名称最多 40 个字');

export const saveUnit = action({
  input: z.strictObject({
    unitId: fields.id.optional(),
    parentId: fields.id.nullable(),
    kind: unitKindSchema,
    name: unitName,
    /** A county's full name as stations and sites carry it (桂林市永福县); defaults to `name`. */
    county: z.string().trim().min(2).max(20).optional(),
    requestId: fields.requestId,
  }),
  access: ['admin'],
  // A county is made by a system admin; anything else under a unit in the caller's county.
  scope: ({ unitId, parentId }) => [
    parentId ? { unitId: parentId } : { system: true as const },
    ...(unitId ? [{ unitId }] : []),
  ],
  async run(input, ctx) {
    let county: string;
    if (input.kind === 'county') {
      if (input.parentId !== null) throw new AppError('INVALID_ARGUMENT', '县（市、区）是最上一级，不能有上级组织');
      county = input.county ?? input.name;
    } else {
      if (input.county !== undefined)
        throw new AppError('INVALID_ARGUMENT', '只有县（市、区）可以填写县名，其他组织随上级');
      if (!input.parentId) throw new AppError('INVALID_ARGUMENT', `请选择${UNIT_KINDS[input.kind]}的上级组织`);
      const parent = await readUnit(ctx.db, input.parentId);
      if (!parent) throw notFound('上级组织');
      if (parent.archivedAt !== null) throw new AppError('CONFLICT', `上级组织「${parent.name}」已撤销`);
      if (!PARENT_KINDS[input.kind].includes(parent.kind)) {
        throw new AppError('INVALID_ARGUMENT', `${UNIT_KINDS[input.kind]}不能建在${UNIT_KINDS[parent.kind]}之下`);
      }
      county = parent.county;
    }
    const siblings = (
      await ctx.db.collection(UNITS).where({ parentId: input.parentId, name: input.name }).limit(10).get()
    ).filter((u) => u._id !== input.unitId && unitDocSchema.safeParse(u).data?.archivedAt === null);
    // Members and residents read the name (the branch list, 群众点单's communities): checked before anything is written.
    await assertTextsPass(ctx.services, ctx.user._id, 'profile', [
      { field: 'name', name: '名称', text: input.name },
      { field: 'county', name: '县全称', text: input.county },
    ]);
    const now = ctx.now();
    if (input.unitId) {
      const unitId = input.unitId;
      const existing = await readUnit(ctx.db, unitId);
      if (!existing) throw notFound('组织');
      if (existing.kind !== input.kind) throw new AppError('CONFLICT', '不能更改组织的类型');
      if (existing.county !== county) throw new AppError('CONFLICT', '不能把组织移到另一个县（市、区）');
      if (siblings.length > 0) throw new AppError('CONFLICT', `同一上级下已有「${input.name}」`);
      await ctx.db.runTransaction(async (tx) => {
        await tx
          .collection(UNITS)
          .doc(unitId)
          .update({ name: input.name, parentId: input.parentId, updatedBy: ctx.user._id, updatedAt: now });
        if (existing.kind === 'branch') await tx.collection(BRANCHES).doc(unitId).set({ name: input.name, county });
      }, TX_ATTEMPTS);
      return { unitId, created: false };
    }
    const unitId = derivedId(input.kind === 'branch' ? 'br' : 'ou', ctx.user._id, input.requestId);
    // A retried request finds its unit already made: the same answer, nothing written twice.
    if (await readUnit(ctx.db, unitId)) return { unitId, created: false };
    if (siblings.length > 0) throw new AppError('CONFLICT', `同一上级下已有「${input.name}」`);
    if (
      input.kind === 'county' &&
      (await ctx.db.collection(UNITS).where({ kind: 'county', county }).limit(1).get()).length > 0
    ) {
      throw new AppError('CONFLICT', `已有「${county}」`);
    }
    // Bounded before anything is written: one parent holds at most UNITS_PER_PARENT units (archived ones count).
    if ((await ctx.db.collection(UNITS).where({ parentId: input.parentId }).count()) >= UNITS_PER_PARENT) {
      throw new AppError('LIMIT_REACHED', `同一上级下最多 ${UNITS_PER_PARENT} 个组织，请先撤销不再使用的组织`);
    }
    if (input.kind === 'branch') await addIfAbsent(ctx.db, BRANCHES, { _id: unitId, name: input.name, county });
    await addIfAbsent(ctx.db, UNITS, {
      _id: unitId,
      parentId: input.parentId,
      kind: input.kind,
      name: input.name,
      county,
      secretary: null,
      createdAt: now,
      createdBy: ctx.user._id,
    });
    return { unitId, created: true };
  },
});

export const setSecretary = action({
  input: z.strictObject({ unitId: fields.id, openid: fields.id }),
  access: ['admin'],
  scope: ({ unitId, openid }) => [{ unitId }, { openid }],
  async run({ unitId, openid }, ctx) {
    const unit = await readUnit(ctx.db, unitId);
    if (!unit) throw notFound('党支部');
    if (unit.kind !== 'branch') throw new AppError('INVALID_ARGUMENT', '书记只能设在党支部');
    return ctx.db.runTransaction(async (tx) => {
      const target = userDocSchema.safeParse(await tx.collection(USERS).doc(openid).get());
      if (!target.success) throw notFound('该用户');
      if (target.data.role === 'admin') throw new AppError('CONFLICT', '管理员不能兼任支部书记，请先更改其角色');
      const fresh = unitDocSchema.safeParse(await tx.collection(UNITS).doc(unitId).get());
      const previous = fresh.success ? fresh.data.secretary : null;
      if (previous && previous !== openid) {
        const old = userDocSchema.safeParse(await tx.collection(USERS).doc(previous).get());
        // The former secretary stays a member of the branch.
        if (old.success && old.data.role === 'secretary' && old.data.branchId === unitId)
          await tx.collection(USERS).doc(previous).update({ role: 'member' });
      }
      if (target.data.role === 'secretary' && target.data.branchId && target.data.branchId !== unitId) {
        await tx.collection(UNITS).doc(target.data.branchId).update({ secretary: null });
      }
      const change = {
        role: 'secretary' as const,
        branchId: unitId,
        stationIds: [],
        siteIds: [],
        scopeUnitId: null,
        updatedBy: ctx.user._id,
        updatedAt: ctx.now(),
      };
      await tx.collection(USERS).doc(openid).update(change);
      await setBranchOf(tx, openid, unitId);
      await tx.collection(UNITS).doc(unitId).update({ secretary: openid });
      const unitBefore = fresh.success ? fresh.data : { ...unit, secretary: previous };
      ctx.audit?.({
        targetId: unitId,
        before: { ...unitBefore, secretaryUser: target.data },
        after: { ...unitBefore, secretary: openid, secretaryUser: { ...target.data, ...change } },
      });
      return { unitId, openid, previous };
    }, TX_ATTEMPTS);
  },
});

/**
 * Archives (撤销) a unit, or restores it. Only an empty one: a branch without members, a unit without live units
 * under it. Its invite codes stop with it; the records that name it keep the name.
 */
export const archiveUnit = action({
  input: z.strictObject({ unitId: fields.id, archived: z.boolean({ error: '请选择撤销或恢复' }) }),
  access: ['admin'],
  scope: ({ unitId }) => ({ unitId }),
  async run({ unitId, archived }, ctx) {
    const now = ctx.now();
    const unit = await readUnit(ctx.db, unitId);
    if (!unit) throw notFound('组织');
    if (archived) {
      const children = await ctx.db.collection(UNITS).where({ parentId: unitId }).limit(UNITS_PER_PARENT).get();
      if (children.some((c) => unitDocSchema.safeParse(c).data?.archivedAt === null))
        throw new AppError('CONFLICT', `「${unit.name}」下还有组织，请先撤销或移走它们`);
      if ((await ctx.db.collection(USERS).where({ branchId: unitId }).count()) > 0)
        throw new AppError('CONFLICT', `「${unit.name}」还有党员，请先把他们转到其他支部`);
    } else if (unit.parentId) {
      const parent = await readUnit(ctx.db, unit.parentId);
      if (parent && parent.archivedAt !== null)
        throw new AppError('CONFLICT', `上级组织「${parent.name}」已撤销，请先恢复它`);
    }
    return ctx.db.runTransaction(async (tx) => {
      const before = unitDocSchema.safeParse(await tx.collection(UNITS).doc(unitId).get());
      if (!before.success) throw notFound('组织');
      const change = {
        archivedAt: archived ? (before.data.archivedAt ?? now) : null,
        updatedBy: ctx.user._id,
        updatedAt: now,
      };
      await tx.collection(UNITS).doc(unitId).update(change);
      ctx.audit?.({ targetId: unitId, before: before.data, after: { ...before.data, ...change } });
      return { unitId, archived };
    }, TX_ATTEMPTS);
  },
});
