import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { setting } from '../core/config';
import { action } from '../core/router';
import { AppError, invalidField, notFound } from '../core/errors';
import { atShanghai, inZone } from '../core/time';
import { fields } from '../core/validation';
import { enqueue } from '../messages';
import { USERS, userDocSchema } from '../core/identity';
import { TX_ATTEMPTS, derivedId, withFreshCode } from '../core/ids';
import { post, readAccount } from './ledger';
import { capReached, takeFromCap } from './caps';
import {
  ACTIVITIES,
  ACTIVITY_CODES,
  CHECKIN_OPENS_BEFORE_MS,
  LEDGER,
  RULES,
  activityDocSchema,
  ruleDocSchema,
  type Activity,
} from './model';

const EARNERS = ['member', 'secretary', 'staff', 'admin'] as const;

export const rules = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx) {
    const docs = await ctx.db.collection(RULES).orderBy('_id', 'asc').limit(200).get();
    return {
      items: docs.flatMap((d) => {
        const r = ruleDocSchema.safeParse(d);
        return r.success
          ? [
              {
                ruleId: r.data._id,
                name: r.data.name,
                category: r.data.category,
                points: r.data.points,
                cap: r.data.cap,
                description: r.data.description,
              },
            ]
          : [];
      }),
    };
  },
});

function presentActivity(a: Activity, now: number) {
  const opensAt = a.start - CHECKIN_OPENS_BEFORE_MS;
  return {
    activityId: a._id,
    title: a.title,
    ruleId: a.ruleId,
    branchId: a.branchId,
    place: a.place,
    start: a.start,
    end: a.end,
    state: now < opensAt ? ('upcoming' as const) : now <= a.end ? ('open' as const) : ('ended' as const),
  };
}

/** Activities not yet ended, soonest first; paged by start time. */
export const activities = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ cursor, limit = 20 }, ctx) {
    const _ = ctx.db.command;
    const now = ctx.now();
    const after = cursor ? cursor.split(':') : null;
    const where = after
      ? _.and([
          { end: _.gte(now) },
          _.or([{ start: _.gt(Number(after[0])) }, { start: Number(after[0]), _id: _.gt(after[1] ?? '') }]),
        ])
      : { end: _.gte(now) };
    const raw = await ctx.db
      .collection(ACTIVITIES)
      .where(where)
      .orderBy('start', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
    const page = raw.slice(0, limit);
    const items = page.flatMap((d) => {
      const a = activityDocSchema.safeParse(d);
      return a.success ? [presentActivity(a.data, now)] : [];
    });
    const last = page[page.length - 1];
    return { items, nextCursor: raw.length > limit && last ? `${String(last.start)}:${last._id}` : null };
  },
});

/**
 * What another module adds to a check-in, inside its transaction before the points are posted (domain/meetings: the
 * attendee's state, so leave and check-in end in one state). Handed in by the function's router (the composition
 * file): points imports no module that builds on it. Throwing refuses the check-in and writes nothing.
 */
export type CheckinHook = (tx: Transaction, activity: Activity, openid: string, now: number) => Promise<void>;

/** The one check-in path: a code, its window, the rule's cap and the ledger; `hook` adds what a module needs. */
export const checkinWith = (hook?: CheckinHook) =>
  action({
    input: z.strictObject({
      code: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{6}$/i, '签到码是 6 位字母或数字'),
    }),
    access: EARNERS,
    async run({ code }, ctx) {
      const now = ctx.now();
      const link = await ctx.db.collection(ACTIVITY_CODES).doc(code.toUpperCase()).get();
      const activity = activityDocSchema.safeParse(
        link ? await ctx.db.collection(ACTIVITIES).doc(String(link.activityId)).get() : null,
      );
      if (!activity.success) throw new AppError('NOT_FOUND', '签到码无效，请核对后重试');
      const a = activity.data;
      if (now < a.start - CHECKIN_OPENS_BEFORE_MS) {
        throw new AppError(
          'TOO_EARLY',
          `签到将于 ${inZone(a.start - CHECKIN_OPENS_BEFORE_MS).format('M月D日 HH:mm')} 开始`,
        );
      }
      if (now > a.end) throw new AppError('TOO_LATE', '活动已结束，签到已关闭');
      const rule = ruleDocSchema.safeParse(await ctx.db.collection(RULES).doc(a.ruleId).get());
      if (!rule.success) throw new AppError('NOT_FOUND', '该活动的积分细则不存在，请联系管理员');
      const openid = ctx.user._id;
      const entryId = derivedId('ck', a._id, openid);
      return ctx.db.runTransaction(async (tx) => {
        if (await tx.collection(LEDGER).doc(entryId).get()) throw new AppError('CONFLICT', '你已签到过这个活动');
        if (hook) await hook(tx, a, openid, now);
        const account = await readAccount(tx, openid, ctx.user.branchId);
        const points = await takeFromCap(tx, openid, rule.data, now);
        // Nothing left under the cap: the check-in is refused (and not recorded), so the member knows why.
        if (points === 0) throw new AppError('LIMIT_REACHED', capReached(rule.data));
        const next = await post(
          tx,
          {
            openid,
            branchId: ctx.user.branchId,
            amount: points,
            kind: 'checkin',
            reason: `${rule.data.category}：${a.title}`,
            entryId,
            at: now,
            ruleId: rule.data._id,
            activityId: a._id,
          },
          account,
        );
        return { activityId: a._id, title: a.title, points, balance: next.balance };
      }, TX_ATTEMPTS);
    },
  });

export const checkin = checkinWith();

export const award = action({
  input: z.strictObject({
    openid: fields.id,
    points: z
      .number()
      .int('积分必须是整数')
      .min(-1000)
      .max(1000)
      .refine((n) => n !== 0, '积分不能为 0'),
    reason: z.string().trim().min(2).max(100),
    requestId: fields.requestId,
  }),
  // A secretary awards members of their branch; a county admin people of their county.
  access: ['admin', 'secretary'],
  scope: ({ openid }) => ({ openid }),
  async run({ openid, points, reason, requestId }, ctx) {
    const target = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(openid).get());
    if (!target.success) throw notFound('该用户');
    const entryId = derivedId('aw', ctx.user._id, requestId);
    return ctx.db.runTransaction(async (tx) => {
      const done = await tx.collection(LEDGER).doc(entryId).get();
      // A retried request: the same answer, and no second posting.
      if (done)
        return {
          entryId,
          openid: String(done.openid),
          points: Number(done.amount),
          balance: Number(done.balanceAfter),
        };
      const next = await post(tx, {
        openid,
        branchId: target.data.branchId,
        amount: points,
        kind: points > 0 ? 'award' : 'correction',
        reason,
        entryId,
        at: ctx.now(),
        adminId: ctx.user._id,
      });
      return { entryId, openid, points, balance: next.balance };
    }, TX_ATTEMPTS);
  },
});

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '请选择日期和时间');
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const newActivityCode = () =>
  Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/**
 * Writes an activity and its check-in code (inside the caller's transaction): a published activity, or the one a
 * meeting carries (domain/meetings, with `meetingId`), so both are checked in through `checkin`.
 */
export async function insertActivity(
  tx: Transaction,
  doc: Omit<Activity, 'meetingId'> & { meetingId?: string | null; requestId: string },
): Promise<void> {
  await tx.collection(ACTIVITY_CODES).add({ _id: doc.code, activityId: doc._id });
  await tx.collection(ACTIVITIES).add({ ...doc, meetingId: doc.meetingId ?? null });
}

/** The activity a publication made, if `activityId` is already stored: the answer to a repeated request. */
const published = (doc: Record<string, unknown> | null) =>
  doc && typeof doc.code === 'string' ? { activityId: String(doc._id), code: doc.code } : null;

/**
 * Publishes an activity with a fresh check-in code. The activity's id is derived from the admin and
 * the request, so a double tap or a retry with the same `requestId` answers the same activity and code.
 */
/**
 * How many members of a branch hear of its new activity: the messages are written in the activity's
 * own transaction, so their number is bounded (env ACTIVITY_MESSAGE_LIMIT, default 100; a branch is
 * rarely larger — members past the bound still see the activity in 积分 → 党员活动).
 */
export const activityMessageLimit = (): number => setting('ACTIVITY_MESSAGE_LIMIT');

async function branchMembers(db: Database, branchId: string): Promise<string[]> {
  const limit = activityMessageLimit();
  if (limit === 0) return [];
  const docs = await db.collection(USERS).where({ branchId }).orderBy('_id', 'asc').limit(limit).get();
  return docs.map((d) => d._id);
}

export const publishActivity = action({
  input: z.strictObject({
    title: z.string().trim().min(2).max(60),
    ruleId: fields.id,
    branchId: fields.id.optional(),
    place: z.string().trim().max(100).default(''),
    start: dateTime,
    end: dateTime,
    requestId: fields.requestId,
  }),
  access: ['admin', 'secretary'],
  // An activity for every branch is a system admin's; a branch's, its secretary's or its county admin's.
  scope: ({ branchId }) => (branchId ? { branchId } : { system: true }),
  async run(input, ctx) {
    const activityId = derivedId('ac', ctx.user._id, input.requestId);
    const before = published(await ctx.db.collection(ACTIVITIES).doc(activityId).get());
    if (before) return before;
    const start = atShanghai(input.start);
    const end = atShanghai(input.end);
    if (!(end > start)) throw invalidField('end', '结束时间必须晚于开始时间');
    if (!(await ctx.db.collection(RULES).doc(input.ruleId).get())) throw notFound('积分细则');
    if (input.branchId && !(await ctx.db.collection('branches').doc(input.branchId).get())) throw notFound('党支部');
    // A branch's activity is told to its members (up to ACTIVITY_MESSAGE_LIMIT, in the same transaction).
    const members = input.branchId ? await branchMembers(ctx.db, input.branchId) : [];
    return withFreshCode(newActivityCode, '签到码', (code) =>
      ctx.db.runTransaction(async (tx) => {
        // The same request racing itself: the one that committed first is the answer.
        const raced = published(await tx.collection(ACTIVITIES).doc(activityId).get());
        if (raced) return raced;
        await insertActivity(tx, {
          _id: activityId,
          title: input.title,
          ruleId: input.ruleId,
          branchId: input.branchId ?? null,
          place: input.place,
          start,
          end,
          code,
          createdBy: ctx.user._id,
          createdAt: ctx.now(),
          requestId: input.requestId,
        });
        const time = `${inZone(start).format('M月D日 HH:mm')}-${inZone(end).format('HH:mm')}`;
        for (const openid of members) {
          await enqueue(
            tx,
            {
              cause: ['activities', activityId, openid],
              openid,
              module: 'activities',
              kind: 'published',
              title: `党员活动：${input.title}`,
              body: `${time}${input.place ? ` 在「${input.place}」` : ''}，到场后扫码或输入签到码签到，可得积分`,
              page: '/pages/points/index',
              refId: activityId,
              data: { time, item: input.title, place: input.place, status: '报名中' },
            },
            ctx.now(),
          );
        }
        return { activityId, code };
      }, TX_ATTEMPTS),
    );
  },
});
