/** A secretary (or an admin in scope) plans a meeting of their branch, or cancels one not yet held. */
import { z } from 'zod';
import { action } from '../core/router';
import { AppError, invalidField, notFound } from '../core/errors';
import { atShanghai } from '../core/time';
import { fields } from '../core/validation';
import { TX_ATTEMPTS, derivedId, withFreshCode } from '../core/ids';
import { USERS, userDocSchema } from '../core/identity';
import { assertTextsPass } from '../content';
import { enqueue } from '../messages';
import { readUnit } from '../org';
import { RULES, insertActivity, newActivityCode, ruleDocSchema } from '../points';
import { MEETINGS, MEETING_ATTENDEES, TYPE_CATEGORY, meetingTypeSchema } from './model';
import { MAX_MEETING_MEMBERS } from './rules';
import {
  attendeeId,
  detailPage,
  meetingMissing,
  meetingName,
  meetingTime,
  readMeeting,
  scopeOfMeeting,
} from './shared';

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '请选择日期和时间');

export const planInput = z.strictObject({
  type: meetingTypeSchema,
  title: z.string().trim().min(2, '主题至少 2 个字').max(40, '主题最多 40 个字'),
  agenda: z.string().trim().max(500, '议程最多 500 个字').default(''),
  place: z.string().trim().min(1, '请填写地点').max(60, '地点最多 60 个字'),
  start: dateTime,
  end: dateTime,
  branchId: fields.id,
  /** Absent: the whole branch. Given: the members the secretary picked (each of the branch). */
  members: z.array(fields.id).min(1, '请至少选择 1 名党员').max(MAX_MEETING_MEMBERS).optional(),
  requestId: fields.requestId,
});

const answerOf = (doc: Record<string, unknown> | null) =>
  doc && typeof doc.code === 'string' ? { meetingId: String(doc._id), code: doc.code } : null;

export const planMeeting = action({
  input: planInput,
  access: ['admin', 'secretary'],
  scope: ({ branchId }) => ({ branchId }),
  async run(input, ctx) {
    const meetingId = derivedId('mt', ctx.user._id, input.requestId);
    const before = answerOf(await ctx.db.collection(MEETINGS).doc(meetingId).get());
    if (before) return before;
    const now = ctx.now();
    const startAt = atShanghai(input.start);
    const endAt = atShanghai(input.end);
    if (!(startAt > now)) throw invalidField('start', '开始时间必须晚于现在');
    if (!(endAt > startAt)) throw invalidField('end', '结束时间必须晚于开始时间');
    const unit = await readUnit(ctx.db, input.branchId);
    if (!unit || unit.kind !== 'branch') throw notFound('党支部');
    await assertTextsPass(ctx.services, ctx.user._id, 'forum', [
      { field: 'title', name: '主题', text: input.title },
      { field: 'agenda', name: '议程', text: input.agenda },
      { field: 'place', name: '地点', text: input.place },
    ]);
    // The points rule of the type's category (the first by id): a meeting earns as an activity of that category.
    const rules = await ctx.db
      .collection(RULES)
      .where({ category: TYPE_CATEGORY[input.type] })
      .orderBy('_id', 'asc')
      .limit(1)
      .get();
    const rule = ruleDocSchema.safeParse(rules[0]);
    if (!rule.success) throw new AppError('NOT_FOUND', `没有「${TYPE_CATEGORY[input.type]}」的积分细则，请联系管理员`);
    let members: string[];
    if (input.members) {
      members = [...new Set(input.members)];
      for (const openid of members) {
        const u = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(openid).get());
        if (!u.success || u.data.branchId !== input.branchId) throw invalidField('members', '只能选择本支部的党员');
      }
    } else {
      const docs = await ctx.db
        .collection(USERS)
        .where({ branchId: input.branchId })
        .orderBy('_id', 'asc')
        .limit(MAX_MEETING_MEMBERS + 1)
        .get();
      if (docs.length > MAX_MEETING_MEMBERS)
        throw invalidField('members', `支部超过 ${MAX_MEETING_MEMBERS} 人，请选择本次参会的党员`);
      members = docs.map((d) => d._id);
    }
    if (members.length === 0) throw invalidField('members', '支部还没有党员，请先导入名册');
    const meeting = { type: input.type, title: input.title };
    const time = meetingTime({ startAt, endAt });
    return withFreshCode(newActivityCode, '签到码', (code) =>
      ctx.db.runTransaction(async (tx) => {
        const raced = answerOf(await tx.collection(MEETINGS).doc(meetingId).get());
        if (raced) return raced;
        const activityId = derivedId('ac', 'meeting', meetingId);
        await insertActivity(tx, {
          _id: activityId,
          title: meetingName(meeting),
          ruleId: rule.data._id,
          branchId: input.branchId,
          place: input.place,
          start: startAt,
          end: endAt,
          code,
          createdBy: ctx.user._id,
          createdAt: now,
          requestId: input.requestId,
          meetingId,
        });
        await tx
          .collection(MEETINGS)
          .doc(meetingId)
          .set({
            type: input.type,
            title: input.title,
            agenda: input.agenda,
            place: input.place,
            branchId: input.branchId,
            countyId: unit.county || null,
            startAt,
            endAt,
            expected: input.members ? 'picked' : 'branch',
            members,
            status: 'planned',
            activityId,
            code,
            minutes: '',
            photos: [],
            heldPhotos: [],
            photosHeld: false,
            attendance: null,
            expectedCount: members.length,
            presentCount: 0,
            leaveCount: 0,
            absentCount: 0,
            observers: [],
            heldAt: null,
            cancelledAt: null,
            createdBy: ctx.user._id,
            createdAt: now,
            requestId: input.requestId,
          });
        for (const openid of members) {
          await tx.collection(MEETING_ATTENDEES).doc(attendeeId(meetingId, openid)).set({
            meetingId,
            openid,
            branchId: input.branchId,
            role: 'member',
            state: 'expected',
            leaveReason: '',
            leaveDecision: null,
            leaveDecidedBy: null,
            checkedInAt: null,
            final: null,
            remindedR24: null,
            remindedR1: null,
            updatedAt: now,
          });
          await enqueue(
            tx,
            {
              cause: ['meetings', meetingId, openid, 'planned'],
              openid,
              module: 'activities',
              kind: 'meeting.planned',
              title: `会议通知：${meetingName(meeting)}`,
              body: `${time} 在「${input.place}」召开，请准时参加；不能参加请在会议详情里请假`,
              page: detailPage(meetingId),
              refId: meetingId,
              data: { time, item: meetingName(meeting), place: input.place, status: '待召开' },
            },
            now,
          );
        }
        return { meetingId, code };
      }, TX_ATTEMPTS),
    );
  },
});

export const cancelMeeting = action({
  input: z.strictObject({ meetingId: fields.id }),
  access: ['admin', 'secretary'],
  scope: scopeOfMeeting,
  async run({ meetingId }, ctx) {
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const m = await readMeeting(tx, meetingId);
      if (!m) throw meetingMissing();
      if (m.status === 'cancelled') return { meetingId, status: m.status };
      if (m.status === 'held') throw new AppError('CONFLICT', '会议已召开并记录，不能取消');
      await tx.collection(MEETINGS).doc(meetingId).update({ status: 'cancelled', cancelledAt: now });
      for (const openid of m.members)
        await enqueue(
          tx,
          {
            cause: ['meetings', meetingId, openid, 'cancelled'],
            openid,
            module: 'activities',
            kind: 'meeting.cancelled',
            title: `会议取消：${meetingName(m)}`,
            body: `原定 ${meetingTime(m)} 的会议已取消`,
            page: detailPage(meetingId),
            refId: meetingId,
          },
          now,
        );
      ctx.audit?.({ targetId: meetingId, before: { status: m.status }, after: { status: 'cancelled' } });
      return { meetingId, status: 'cancelled' as const };
    }, TX_ATTEMPTS);
  },
});
