/**
 * 通知公告: a secretary publishes to their branch's members, a county admin to their county (members,
 * residents or both), a system admin to everyone. A notice can be pinned and has an end; readers see the
 * current ones, pinned first, newest next; members are told by a 消息; the publisher sees how many have read
 * each (one document a reader, counted: no counter anyone writes to).
 */
import { z } from 'zod';
import { DbError, type Database } from '../db';
import { AppError, notFound } from '../core/errors';
import { derivedId } from '../core/ids';
import { BRANCHES, USERS, branchDocSchema, userDocSchema, type UserDoc } from '../core/identity';
import type { ActionContext, ScopeTarget } from '../core/router';
import { action } from '../core/router';
import { atShanghai, dayOf, dayjs } from '../core/time';
import { fields } from '../core/validation';
import { assertTextsPass } from '../content';
import { enqueue } from '../messages';
import { adminCounty, allUnits, assertInScope, readUnit } from '../org';
import { VOLUNTEERS } from '../requests';
import { NEVER, NOTICES_SHOWN, type NoticeAudience, type NoticeScope } from './labels';
import {
  NOTICES,
  NOTICE_READS,
  audienceKey,
  noticeAudienceSchema,
  noticeDocSchema,
  noticeScopeSchema,
  readerKeys,
  type NoticeDoc,
} from './model';

export const NOTICE_PAGE = '/packages/notices/pages/detail/index';
/** Members told within the publishing request; the rest by the `tellNotices` job, this many a notice a run. */
const TELL_NOW = 200;
const TELL_PER_RUN = 1000;
const USER_PAGE = 100;

/** The county of a branch: its unit's, else the older branch directory's. */
export async function countyOfBranch(db: Database, branchId: string): Promise<string | null> {
  const unit = await readUnit(db, branchId);
  if (unit) return unit.county;
  const branch = branchDocSchema.safeParse(await db.collection(BRANCHES).doc(branchId).get());
  return branch.success ? branch.data.county : null;
}

/** Who a reader is for notices: their branch and county; without a branch, the county they chose or registered in. */
async function readerOf(
  db: Database,
  user: UserDoc | null,
  chosen?: string,
): Promise<{ branchId: string | null; county: string | null }> {
  if (user?.branchId) return { branchId: user.branchId, county: await countyOfBranch(db, user.branchId) };
  if (chosen) return { branchId: null, county: chosen };
  if (!user) return { branchId: null, county: null };
  const admin = await adminCounty(db, user);
  if (admin) return { branchId: null, county: admin };
  const volunteer = await db.collection(VOLUNTEERS).doc(user._id).get();
  const county = typeof volunteer?.county === 'string' && volunteer.county ? volunteer.county : null;
  return { branchId: null, county };
}

/** Where a notice lies, for the scope check of whoever manages it. */
export const placeOfNotice = (n: Pick<NoticeDoc, 'scope' | 'branchId' | 'county'>): ScopeTarget =>
  n.scope === 'branch'
    ? { branchId: n.branchId ?? '' }
    : n.scope === 'county'
      ? { county: n.county }
      : { system: true };

async function readNotice(db: Database, noticeId: string): Promise<NoticeDoc | null> {
  const parsed = noticeDocSchema.safeParse(await db.collection(NOTICES).doc(noticeId).get());
  return parsed.success ? parsed.data : null;
}

const isCurrent = (n: NoticeDoc, now: number) => n.expiresAt > now;
/** Pinned first, then newest first. */
const byPinThenNewest = (a: NoticeDoc, b: NoticeDoc) =>
  Number(b.pinned) - Number(a.pinned) || b.publishedAt - a.publishedAt || (a._id < b._id ? -1 : 1);

function present(n: NoticeDoc, now: number) {
  return {
    noticeId: n._id,
    title: n.title,
    excerpt: n.body.replace(/\s+/g, ' ').slice(0, 60),
    fromName: n.fromName,
    publishedAt: n.publishedAt,
    pinned: n.pinned,
    /** null: no end date. */
    expiresAt: n.expiresAt >= NEVER ? null : n.expiresAt,
    ended: !isCurrent(n, now),
  };
}

const publishInput = z.strictObject({
  title: z.string().trim().min(1, '请填写标题').max(40, '标题不能超过 40 个字'),
  body: z.string().trim().min(1, '请填写正文').max(2000, '正文不能超过 2000 个字'),
  scope: noticeScopeSchema,
  /** A branch notice: the branch (a secretary's own when left out). */
  branchId: fields.id.optional(),
  /** A county notice: the county (a county admin's own when left out). */
  county: z.string().trim().min(1).max(40).optional(),
  audience: noticeAudienceSchema.default('members'),
  pinned: z.boolean().default(false),
  /** The last day it is shown, 'YYYY-MM-DD' (Shanghai); none: until someone ends it. */
  expiresOn: fields.date.nullable().optional(),
  requestId: fields.requestId,
});

/** The branch or county a publish names, filled in from the publisher where left out. */
async function targetOf(
  input: z.output<typeof publishInput>,
  ctx: Pick<ActionContext, 'db'> & { user: UserDoc },
): Promise<{ branchId: string | null; county: string }> {
  if (input.scope === 'branch') {
    const branchId = input.branchId ?? ctx.user.branchId ?? '';
    return { branchId, county: branchId ? ((await countyOfBranch(ctx.db, branchId)) ?? '') : '' };
  }
  if (input.scope === 'county')
    return { branchId: null, county: input.county ?? (await adminCounty(ctx.db, ctx.user)) ?? '' };
  return { branchId: null, county: '' };
}

export const publishNotice = action({
  input: publishInput,
  access: ['secretary', 'admin'],
  scope: async (input, ctx) => {
    const target = await targetOf(input, ctx);
    if (input.scope === 'branch') return { branchId: target.branchId ?? '' };
    if (input.scope === 'county') return { county: target.county };
    return { system: true };
  },
  async run(input, ctx) {
    const now = ctx.now();
    const noticeId = derivedId('nc', ctx.user._id, input.requestId);
    const existing = await readNotice(ctx.db, noticeId);
    if (existing) return { noticeId, told: 0 };
    const { branchId, county } = await targetOf(input, ctx);
    let fromName: string;
    if (input.scope === 'branch') {
      const unit = branchId ? await readUnit(ctx.db, branchId) : null;
      if (!unit || unit.kind !== 'branch') throw new AppError('INVALID_ARGUMENT', '请选择党支部', 'branchId');
      fromName = unit.name;
    } else if (input.scope === 'county') {
      if (!county) throw new AppError('INVALID_ARGUMENT', '请选择县（市、区）', 'county');
      fromName = county;
    } else fromName = '先锋驿站';
    let expiresAt = NEVER;
    if (input.expiresOn) {
      expiresAt = atShanghai(`${dayjs(input.expiresOn).add(1, 'day').format('YYYY-MM-DD')} 00:00`);
      if (input.expiresOn < dayOf(now)) throw new AppError('INVALID_ARGUMENT', '截止日期不能早于今天', 'expiresOn');
    }
    await assertTextsPass(ctx.services, ctx.user._id, 'forum', [
      { field: 'title', name: '标题', text: input.title },
      { field: 'body', name: '正文', text: input.body },
    ]);
    // A branch notice is for the branch's party members only.
    const audience: NoticeAudience = input.scope === 'branch' ? 'members' : input.audience;
    const doc: Omit<NoticeDoc, '_id' | '_openid'> = {
      title: input.title,
      body: input.body,
      scope: input.scope,
      branchId,
      county,
      audience,
      key: audienceKey({ scope: input.scope, branchId, county, audience }),
      fromName,
      publishedBy: ctx.user._id,
      publishedAt: now,
      pinned: input.pinned,
      expiresAt,
      tellCursor: null,
      telling: audience !== 'residents',
    };
    await ctx.db.collection(NOTICES).doc(noticeId).set(doc);
    ctx.audit?.({
      targetId: noticeId,
      before: null,
      after: { title: doc.title, scope: doc.scope, audience, pinned: doc.pinned },
    });
    const told = await tellNotice(ctx.db, { _id: noticeId, ...doc }, now, TELL_NOW);
    return { noticeId, told };
  },
});

/** The party members a notice is for, a page after `after` (by openid). */
async function membersPage(db: Database, n: NoticeDoc, after: string | null): Promise<UserDoc[]> {
  const _ = db.command;
  let who;
  if (n.scope === 'branch') who = { branchId: n.branchId ?? '' };
  else if (n.scope === 'county') {
    const branches = (await allUnits(db, { county: n.county })).filter((u) => u.kind === 'branch').map((u) => u._id);
    if (branches.length === 0) return [];
    who = { branchId: _.in(branches) };
  } else who = { branchId: _.neq(null) };
  const query = after === null ? who : _.and([who, { _id: _.gt(after) }]);
  const raw = await db.collection(USERS).where(query).orderBy('_id', 'asc').limit(USER_PAGE).get();
  return raw.flatMap((d) => {
    const u = userDocSchema.safeParse(d);
    return u.success && u.data.branchId ? [u.data] : [];
  });
}

/**
 * Tells up to `budget` more members of a notice by a 消息 (one per member and notice: its id is derived from
 * both, so a page told twice writes the same message), and moves the notice's cursor on. Answers how many.
 */
async function tellNotice(db: Database, n: NoticeDoc, now: number, budget: number): Promise<number> {
  if (!n.telling) return 0;
  let after = n.tellCursor;
  let told = 0;
  for (;;) {
    const page = await membersPage(db, n, after);
    for (const member of page) {
      if (member._id !== n.publishedBy)
        await enqueue(
          db,
          {
            cause: ['notice', n._id, member._id],
            openid: member._id,
            module: 'activities',
            kind: 'notice',
            title: `通知：${n.title}`,
            body: `${n.fromName}发布了通知「${n.title}」，点击查看全文。`,
            page: `${NOTICE_PAGE}?id=${n._id}`,
            refId: n._id,
            data: { item: n.title.slice(0, 20) },
          },
          now,
        );
      told += 1;
    }
    const done = page.length < USER_PAGE;
    after = page.at(-1)?._id ?? after;
    await db.collection(NOTICES).doc(n._id).update({ tellCursor: after, telling: !done });
    if (done || told >= budget) return told;
  }
}

/** Timer job: tells the members of notices still being told (a county's or everyone's), a bounded number a run. */
export async function tellNotices(db: Database, now: number): Promise<{ told: number }> {
  const raw = await db.collection(NOTICES).where({ telling: true }).limit(20).get();
  let told = 0;
  for (const doc of raw) {
    const n = noticeDocSchema.safeParse(doc);
    if (n.success) told += await tellNotice(db, n.data, now, TELL_PER_RUN);
  }
  return { told };
}

/** The notices the caller may read now (anyone, signed out too): pinned first, then newest; which they have read. */
export const notices = action({
  input: z.strictObject({
    /** Someone without a branch may name the county they live in. */
    county: z.string().trim().min(1).max(40).optional(),
    limit: z.number().int().min(1).max(NOTICES_SHOWN).optional(),
  }),
  access: 'public',
  async run({ county, limit }, ctx) {
    const now = ctx.now();
    const _ = ctx.db.command;
    const keys = readerKeys(await readerOf(ctx.db, ctx.user, county));
    const raw = await ctx.db
      .collection(NOTICES)
      .where({ key: _.in(keys), expiresAt: _.gt(now) })
      .orderBy('publishedAt', 'desc')
      .limit(NOTICES_SHOWN)
      .get();
    const list = raw
      .flatMap((d) => {
        const n = noticeDocSchema.safeParse(d);
        return n.success ? [n.data] : [];
      })
      .sort(byPinThenNewest)
      .slice(0, limit ?? NOTICES_SHOWN);
    const read = new Set<string>();
    if (ctx.user && list.length > 0) {
      const marks = await ctx.db
        .collection(NOTICE_READS)
        .where({ openid: ctx.user._id, noticeId: _.in(list.map((n) => n._id)) })
        .limit(NOTICES_SHOWN)
        .get();
      for (const m of marks) read.add(String(m.noticeId));
    }
    return { items: list.map((n) => ({ ...present(n, now), read: !ctx.user || read.has(n._id) })) };
  },
});

/** Whether the caller manages this notice: its publisher, or a secretary or admin whose scope holds it. */
async function manages(db: Database, user: UserDoc | null, n: NoticeDoc): Promise<boolean> {
  if (!user) return false;
  if (n.publishedBy === user._id) return true;
  if (user.role !== 'admin' && user.role !== 'secretary') return false;
  try {
    await assertInScope(db, user, placeOfNotice(n));
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** One notice in full, for whoever it is for (an ended one too) or whoever manages it; reading it counts once. */
export const notice = action({
  input: z.strictObject({ noticeId: fields.id }),
  access: 'public',
  async run({ noticeId }, ctx) {
    const now = ctx.now();
    const n = await readNotice(ctx.db, noticeId);
    if (!n) throw notFound('通知');
    const keys = readerKeys(await readerOf(ctx.db, ctx.user));
    // Notices for residents are public within their county; members' and branches' only to their readers.
    const forMe = keys.includes(n.key) || n.audience !== 'members';
    if (!forMe && !(await manages(ctx.db, ctx.user, n))) throw notFound('通知');
    // The publisher opening their own notice is no read.
    if (ctx.user && forMe && ctx.user._id !== n.publishedBy) {
      try {
        await ctx.db
          .collection(NOTICE_READS)
          .add({ _id: derivedId('nr', n._id, ctx.user._id), noticeId: n._id, openid: ctx.user._id, at: now });
      } catch (error) {
        // Read before: counted once.
        if (!(error instanceof DbError && error.code === 'DUPLICATE_KEY')) throw error;
      }
    }
    return { ...present(n, now), body: n.body };
  },
});

/** The notices the caller manages, newest first, with how many have read each. */
export const managedNotices = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: ['secretary', 'admin'],
  async run({ cursor, limit }, ctx) {
    const now = ctx.now();
    const _ = ctx.db.command;
    let where: Record<string, unknown>;
    if (ctx.user.role === 'secretary') where = { branchId: ctx.user.branchId ?? '\u0000none' };
    else {
      const county = await adminCounty(ctx.db, ctx.user);
      where = county === null ? { publishedAt: _.gt(0) } : { county };
    }
    const before = cursor === undefined ? undefined : Number(cursor);
    if (before !== undefined && !(Number.isFinite(before) && before > 0))
      throw new AppError('INVALID_ARGUMENT', '翻页位置不正确，请刷新后重试', 'cursor');
    const size = limit ?? 20;
    const raw = await ctx.db
      .collection(NOTICES)
      .where(before === undefined ? (where as never) : ({ ...where, publishedAt: _.lt(before) } as never))
      .orderBy('publishedAt', 'desc')
      .limit(size + 1)
      .get();
    const page = raw.slice(0, size).flatMap((d) => {
      const n = noticeDocSchema.safeParse(d);
      return n.success ? [n.data] : [];
    });
    const items = await Promise.all(
      page.map(async (n) => ({
        ...present(n, now),
        scope: n.scope,
        audience: n.audience,
        readCount: await ctx.db.collection(NOTICE_READS).where({ noticeId: n._id }).count(),
      })),
    );
    const last = page.at(-1);
    return { items, nextCursor: raw.length > size && last ? String(last.publishedAt) : null };
  },
});

/** The scope of an action on one notice: where the notice lies (null when there is none: NOT_FOUND follows). */
const noticeScope = async ({ noticeId }: { noticeId: string }, ctx: Pick<ActionContext, 'db'>) => {
  const n = await readNotice(ctx.db, noticeId);
  return n ? placeOfNotice(n) : null;
};

/** 置顶 or 取消置顶. */
export const pinNotice = action({
  input: z.strictObject({ noticeId: fields.id, pinned: z.boolean() }),
  access: ['secretary', 'admin'],
  scope: noticeScope,
  async run({ noticeId, pinned }, ctx) {
    const n = await readNotice(ctx.db, noticeId);
    if (!n) throw notFound('通知');
    await ctx.db.collection(NOTICES).doc(noticeId).update({ pinned });
    ctx.audit?.({ targetId: noticeId, before: { pinned: n.pinned }, after: { pinned } });
    return { noticeId, pinned };
  },
});

/** 结束: the notice leaves every list now (it stays readable from a 消息 that named it, marked ended). */
export const endNotice = action({
  input: z.strictObject({ noticeId: fields.id }),
  access: ['secretary', 'admin'],
  scope: noticeScope,
  async run({ noticeId }, ctx) {
    const n = await readNotice(ctx.db, noticeId);
    if (!n) throw notFound('通知');
    const now = ctx.now();
    const expiresAt = Math.min(n.expiresAt, now);
    await ctx.db.collection(NOTICES).doc(noticeId).update({ expiresAt, telling: false });
    ctx.audit?.({ targetId: noticeId, before: { expiresAt: n.expiresAt }, after: { expiresAt } });
    return { noticeId, expiresAt };
  },
});

export type { NoticeScope };
