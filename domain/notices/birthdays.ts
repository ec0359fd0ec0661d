/**
 * 政治生日: a party member's 入党日期, entered by their secretary (or an admin in scope; every change audited),
 * seen only by the member, their secretary and admins in scope. At 08:00 Shanghai time on the anniversary the
 * member gets a 消息 and a card (「入党 N 周年」), once: the card's id is derived from the member and the year,
 * and the message is written in the transaction that writes the card, so two jobs on two connections send one.
 * The secretary lists a month's birthdays for a 主题党日.
 */
import { z } from 'zod';
import type { Database, Doc, Query } from '../db';
import { AppError, notFound } from '../core/errors';
import { TX_ATTEMPTS, derivedId } from '../core/ids';
import { USERS, userDocSchema, type UserDoc } from '../core/identity';
import { action } from '../core/router';
import { dayOf, dayjs, formatShanghai } from '../core/time';
import { fields } from '../core/validation';
import { PARTY_DATES, assertInScope, joinDateProblem, partyDateDocSchema, readUnit } from '../org';
import { enqueue } from '../messages';
import { partyYears } from './labels';
import { PARTY_CARDS, partyCardDocSchema } from './model';

export const CARD_PAGE = '/packages/notices/pages/birthday/index';
/** The hour (Shanghai) the messages go out. */
export const BIRTHDAY_HOUR = 8;
const PAGE = 200;

async function readUser(db: Database, openid: string): Promise<UserDoc | null> {
  const u = userDocSchema.safeParse(await db.collection(USERS).doc(openid).get());
  return u.success ? u.data : null;
}

async function readDate(db: Database, openid: string): Promise<string | null> {
  const d = partyDateDocSchema.safeParse(await db.collection(PARTY_DATES).doc(openid).get());
  return d.success ? d.data.joinDate : null;
}

/** 设置入党日期 (or clear it with null): a party member of the secretary's branch, or of the admin's scope. */
export const setJoinDate = action({
  input: z.strictObject({ openid: fields.id, joinDate: fields.date.nullable() }),
  access: ['secretary', 'admin'],
  scope: ({ openid }) => ({ openid }),
  async run({ openid, joinDate }, ctx) {
    const member = await readUser(ctx.db, openid);
    if (!member) throw notFound('党员');
    if (!member.branchId) throw new AppError('INVALID_ARGUMENT', '只能为党员设置入党日期', 'openid');
    const now = ctx.now();
    const problem = joinDate === null ? null : joinDateProblem(joinDate, dayOf(now));
    if (problem) throw new AppError('INVALID_ARGUMENT', problem, 'joinDate');
    const before = await readDate(ctx.db, openid);
    if (joinDate === null) await ctx.db.collection(PARTY_DATES).doc(openid).remove();
    else
      await ctx.db
        .collection(PARTY_DATES)
        .doc(openid)
        .set({ joinDate, monthDay: joinDate.slice(5), updatedAt: now, updatedBy: ctx.user._id });
    ctx.audit?.({ targetId: openid, before: { joinDate: before }, after: { joinDate } });
    return { openid, joinDate };
  },
});

/**
 * A member's 入党日期: their own, or a member's in the caller's scope (their secretary, an admin of their
 * county or the system). Anyone else is refused, and so is a secretary asking about another branch's member.
 */
export const joinDate = action({
  input: z.strictObject({ openid: fields.id.optional() }),
  access: 'signedIn',
  async run({ openid }, ctx) {
    const target = openid ?? ctx.user._id;
    if (target !== ctx.user._id) {
      if (ctx.user.role !== 'secretary' && ctx.user.role !== 'admin')
        throw new AppError('FORBIDDEN', '只有本人、所在支部书记和管理员可以查看入党日期');
      await assertInScope(ctx.db, ctx.user, { openid: target });
    }
    const date = await readDate(ctx.db, target);
    const today = dayOf(ctx.now());
    return { openid: target, joinDate: date, years: date ? partyYears(date, today) : null };
  },
});

/** The birthdays of a branch in a month ('YYYY-MM'; this month by default), by day: for a 主题党日. */
export const birthdays = action({
  input: z.strictObject({
    branchId: fields.id.optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择月份')
      .optional(),
  }),
  access: ['secretary', 'admin'],
  scope: ({ branchId }, ctx) => {
    const branch = branchId ?? ctx.user.branchId;
    return branch ? { branchId: branch } : null;
  },
  async run({ branchId, month }, ctx) {
    const branch = branchId ?? ctx.user.branchId;
    if (!branch) throw new AppError('INVALID_ARGUMENT', '请选择党支部', 'branchId');
    const m = month ?? dayOf(ctx.now()).slice(0, 7);
    const members: UserDoc[] = [];
    let after: string | null = null;
    for (;;) {
      const _ = ctx.db.command;
      const query: Query = after === null ? { branchId: branch } : _.and([{ branchId: branch }, { _id: _.gt(after) }]);
      const raw: Doc[] = await ctx.db.collection(USERS).where(query).orderBy('_id', 'asc').limit(PAGE).get();
      for (const d of raw) {
        const u = userDocSchema.safeParse(d);
        if (u.success) members.push(u.data);
      }
      if (raw.length < PAGE) break;
      after = raw.at(-1)!._id;
    }
    const items: { openid: string; nickname: string; joinDate: string; day: string; years: number }[] = [];
    for (let i = 0; i < members.length; i += 100) {
      const chunk = members.slice(i, i + 100);
      const dates = await ctx.db
        .collection(PARTY_DATES)
        .where({ _id: ctx.db.command.in(chunk.map((u) => u._id)) })
        .limit(100)
        .get();
      for (const d of dates) {
        const p = partyDateDocSchema.safeParse(d);
        if (!p.success || p.data.monthDay.slice(0, 2) !== m.slice(5)) continue;
        const u = chunk.find((x) => x._id === p.data._id)!;
        const day = `${m}-${p.data.monthDay.slice(3)}`;
        items.push({
          openid: u._id,
          nickname: u.nickname,
          joinDate: p.data.joinDate,
          day,
          years: partyYears(p.data.joinDate, day),
        });
      }
    }
    items.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.openid < b.openid ? -1 : 1));
    return { branchId: branch, month: m, items: items.filter((x) => x.years >= 1) };
  },
});

/** My 政治生日: the date, and the card of this year once it has come (「入党 N 周年」). */
export const myPartyBirthday = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx) {
    const date = await readDate(ctx.db, ctx.user._id);
    const today = dayOf(ctx.now());
    const raw = await ctx.db
      .collection(PARTY_CARDS)
      .where({ openid: ctx.user._id })
      .orderBy('day', 'desc')
      .limit(1)
      .get();
    const card = partyCardDocSchema.safeParse(raw[0]);
    return {
      joinDate: date,
      years: date ? partyYears(date, today) : null,
      card: card.success ? { day: card.data.day, years: card.data.years, branchName: card.data.branchName } : null,
    };
  },
});

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * Timer job: from 08:00 Shanghai time, each member whose joining anniversary is today gets the card and a 消息,
 * once (a run after 08:00 catches up; a second job finds the card and writes nothing). 2月29日 falls on 2月28日
 * in other years.
 */
export async function politicalBirthdays(db: Database, now: number): Promise<{ sent: number }> {
  if (Number(formatShanghai(now, 'H')) < BIRTHDAY_HOUR) return { sent: 0 };
  const today = dayOf(now);
  const year = Number(today.slice(0, 4));
  const monthDays = [today.slice(5)];
  if (monthDays[0] === '02-28' && !isLeap(year)) monthDays.push('02-29');
  const _ = db.command;
  let sent = 0;
  let after: string | null = null;
  for (;;) {
    const who = { monthDay: _.in(monthDays) };
    const raw: Doc[] = await db
      .collection(PARTY_DATES)
      .where(after === null ? who : _.and([who, { _id: _.gt(after) }]))
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get();
    for (const d of raw) {
      const p = partyDateDocSchema.safeParse(d);
      if (p.success && (await sendCard(db, p.data._id, p.data.joinDate, today, now))) sent += 1;
    }
    if (raw.length < PAGE) return { sent };
    after = raw.at(-1)!._id;
  }
}

async function sendCard(db: Database, openid: string, joined: string, today: string, now: number): Promise<boolean> {
  const years = partyYears(joined, today);
  const member = await readUser(db, openid);
  if (years < 1 || !member?.branchId) return false;
  const branchName = (await readUnit(db, member.branchId))?.name ?? '';
  const cardId = derivedId('pb', openid, today.slice(0, 4));
  return db.runTransaction(async (tx) => {
    if (await tx.collection(PARTY_CARDS).doc(cardId).get()) return false;
    await tx
      .collection(PARTY_CARDS)
      .doc(cardId)
      .set({ openid, day: today, years, joinDate: joined, branchName, at: now });
    await enqueue(
      tx,
      {
        cause: ['partyBirthday', openid, today.slice(0, 4)],
        openid,
        module: 'activities',
        kind: 'partyBirthday',
        title: `今天是你入党 ${years} 周年的政治生日`,
        body: `${dayjs(joined).format('YYYY年M月D日')}你加入中国共产党，到今天整整 ${years} 年。不忘初心，牢记使命。`,
        page: CARD_PAGE,
        refId: cardId,
        data: { item: `入党 ${years} 周年` },
      },
      now,
    );
    return true;
  }, TX_ATTEMPTS);
}
