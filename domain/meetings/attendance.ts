/**
 * Who comes: check-in (through points' one check-in path, with this hook), leave asked for and decided. All three
 * write the person's attendee document in their transaction, and holding the minutes writes every one of them, so
 * whatever races ends in one state per person: checked in (and the points posted) or on leave, never both.
 */
import { z } from 'zod';
import type { Transaction } from '../db';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS } from '../core/ids';
import { fields } from '../core/validation';
import { assertTextsPass } from '../content';
import { enqueue } from '../messages';
import type { Activity, CheckinHook } from '../points';
import { BRANCH_LIAISONS, MEETING_ATTENDEES } from './model';
import {
  attendeeId,
  detailPage,
  liaisonId,
  meetingMissing,
  meetingName,
  readAttendee,
  readMeeting,
  scopeOfMeeting,
} from './shared';

/**
 * Points' check-in of a meeting's activity: an expected member becomes present (a leave still waiting is withdrawn by
 * coming); one on granted leave is refused; a 联系点 of the branch is recorded as 列席; anyone else is refused.
 */
export const meetingCheckin: CheckinHook = async (tx: Transaction, activity: Activity, openid: string, now: number) => {
  if (!activity.meetingId) return;
  const m = await readMeeting(tx, activity.meetingId);
  if (!m) throw meetingMissing();
  if (m.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，无需签到');
  if (m.status === 'held') throw new AppError('TOO_LATE', '会议记录已完成，签到已关闭');
  const id = attendeeId(m._id, openid);
  const a = await readAttendee(tx, m._id, openid);
  if (a) {
    if (a.state === 'present') throw new AppError('CONFLICT', '你已签到过这个会议');
    if (a.state === 'onLeave') throw new AppError('CONFLICT', '你的请假已批准，本次会议记为请假');
    await tx.collection(MEETING_ATTENDEES).doc(id).update({ state: 'present', checkedInAt: now, updatedAt: now });
    return;
  }
  if (!(await tx.collection(BRANCH_LIAISONS).doc(liaisonId(m.branchId, openid)).get()))
    throw new AppError('FORBIDDEN', '你不在这次会议的参会名单中');
  await tx.collection(MEETING_ATTENDEES).doc(id).set({
    meetingId: m._id,
    openid,
    branchId: m.branchId,
    role: 'liaison',
    state: 'present',
    leaveReason: '',
    leaveDecision: null,
    leaveDecidedBy: null,
    checkedInAt: now,
    final: null,
    remindedR24: null,
    remindedR1: null,
    updatedAt: now,
  });
};

export const askLeave = action({
  input: z.strictObject({
    meetingId: fields.id,
    reason: z.string().trim().min(2, '请写明请假事由（至少 2 个字）').max(100, '事由最多 100 个字'),
  }),
  access: ['member', 'secretary', 'staff', 'admin'],
  async run({ meetingId, reason }, ctx) {
    const openid = ctx.user._id;
    await assertTextsPass(ctx.services, openid, 'comment', [{ field: 'reason', name: '请假事由', text: reason }]);
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const m = await readMeeting(tx, meetingId);
      const a = m ? await readAttendee(tx, meetingId, openid) : null;
      if (!m || !a || a.role !== 'member') throw meetingMissing();
      if (m.status !== 'planned' || now > m.endAt) throw new AppError('TOO_LATE', '会议已结束，不能再请假');
      if (a.state === 'present') throw new AppError('CONFLICT', '你已签到，无需请假');
      if (a.state === 'onLeave') return { meetingId, state: a.state };
      await tx.collection(MEETING_ATTENDEES).doc(a._id).update({
        state: 'leaveAsked',
        leaveReason: reason,
        leaveDecision: null,
        leaveDecidedBy: null,
        updatedAt: now,
      });
      await enqueue(
        tx,
        {
          cause: ['meetings', meetingId, openid, 'leaveAsked', String(now)],
          openid: m.createdBy,
          module: 'activities',
          kind: 'meeting.leaveAsked',
          title: `请假申请：${meetingName(m)}`,
          body: `${ctx.user.nickname}申请请假：${reason}`,
          page: detailPage(meetingId),
          refId: meetingId,
        },
        now,
      );
      return { meetingId, state: 'leaveAsked' as const };
    }, TX_ATTEMPTS);
  },
});

export const decideLeave = action({
  input: z.strictObject({ meetingId: fields.id, openid: fields.id, approve: z.boolean() }),
  access: ['admin', 'secretary'],
  scope: scopeOfMeeting,
  async run({ meetingId, openid, approve }, ctx) {
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const m = await readMeeting(tx, meetingId);
      const a = m ? await readAttendee(tx, meetingId, openid) : null;
      if (!m || !a) throw meetingMissing();
      if (m.status !== 'planned') throw new AppError('TOO_LATE', '会议已记录或已取消，请假不能再审批');
      const decided = approve ? 'onLeave' : 'expected';
      // The same answer again (a double tap) changes nothing.
      if (a.leaveDecision === (approve ? 'approved' : 'declined') && a.state === decided)
        return { meetingId, openid, state: a.state };
      if (a.state === 'present') throw new AppError('CONFLICT', '该党员已签到，请假申请已作废');
      if (a.state !== 'leaveAsked') throw new AppError('CONFLICT', '该党员没有待审批的请假');
      await tx
        .collection(MEETING_ATTENDEES)
        .doc(a._id)
        .update({
          state: decided,
          leaveDecision: approve ? 'approved' : 'declined',
          leaveDecidedBy: ctx.user._id,
          updatedAt: now,
        });
      await enqueue(
        tx,
        {
          cause: ['meetings', meetingId, openid, 'leaveDecided', String(now)],
          openid,
          module: 'activities',
          kind: 'meeting.leaveDecided',
          title: approve ? `请假已批准：${meetingName(m)}` : `请假未批准：${meetingName(m)}`,
          body: approve ? '本次会议记为请假' : '请按时参加会议并签到',
          page: detailPage(meetingId),
          refId: meetingId,
        },
        now,
      );
      ctx.audit?.({ targetId: a._id, before: { state: a.state }, after: { state: decided } });
      return { meetingId, openid, state: decided };
    }, TX_ATTEMPTS);
  },
});
