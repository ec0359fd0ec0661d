/** Reading meetings: a member's own, one meeting's detail (what each viewer may see), a branch's list. */
import { z } from 'zod';
import { action, type SignedInContext } from '../core/router';
import { fields } from '../core/validation';
import { USERS, userDocSchema } from '../core/identity';
import { assertInScope } from '../org';
import { photoUrls } from '../requests';
import {
  ATTENDEE_STATES,
  BRANCH_LIAISONS,
  MEETINGS,
  MEETING_ATTENDEES,
  MEETING_STATUS,
  MEETING_TYPES,
  attendeeDocSchema,
  meetingDocSchema,
  type Attendee,
  type Meeting,
} from './model';
import { liaisonId, meetingMissing, readAttendee, readMeeting } from './shared';

const card = (m: Meeting) => ({
  meetingId: m._id,
  type: m.type,
  typeName: MEETING_TYPES[m.type],
  title: m.title,
  place: m.place,
  startAt: m.startAt,
  endAt: m.endAt,
  status: m.status,
  statusName: MEETING_STATUS[m.status],
  expectedCount: m.expectedCount,
  presentCount: m.presentCount,
  leaveCount: m.leaveCount,
  absentCount: m.absentCount,
});

/** What a person's own line says: their state now, or their final attendance once held. */
const ownState = (a: Attendee | null, m: Meeting) =>
  a
    ? {
        state: a.state,
        stateName:
          m.status === 'held' && a.final
            ? { present: '出席', leave: '请假', absent: '缺席' }[a.final]
            : a.role === 'liaison'
              ? '列席'
              : a.leaveDecision === 'declined' && a.state === 'expected'
                ? '请假未批准'
                : ATTENDEE_STATES[a.state],
        role: a.role,
        leaveReason: a.leaveReason,
      }
    : null;

/** The meetings the caller is expected at (or attended as 联系点), newest first. */
export const myMeetings = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx) {
    const mine = await ctx.db
      .collection(MEETING_ATTENDEES)
      .where({ openid: ctx.user._id })
      .orderBy('updatedAt', 'desc')
      .limit(50)
      .get();
    const items = [];
    for (const d of mine) {
      const a = attendeeDocSchema.safeParse(d);
      if (!a.success) continue;
      const m = await readMeeting(ctx.db, a.data.meetingId);
      if (m) items.push({ ...card(m), mine: ownState(a.data, m) });
    }
    items.sort((x, y) => y.startAt - x.startAt);
    return { items };
  },
});

async function mayManage(ctx: SignedInContext, m: Meeting): Promise<boolean> {
  if (ctx.user.role !== 'admin' && ctx.user.role !== 'secretary') return false;
  try {
    await assertInScope(ctx.db, ctx.user, { branchId: m.branchId });
    return true;
  } catch {
    return false;
  }
}

const nameOf = async (ctx: SignedInContext, openid: string) => {
  const u = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(openid).get());
  return u.success ? u.data.nickname : '（已注销）';
};

/**
 * One meeting. Its expected members and the branch's 联系点 see it with their own state; its secretary and admins in
 * scope also see the check-in code, everyone's state and the leave requests. Anyone else: not found.
 */
export const meetingDetail = action({
  input: z.strictObject({ meetingId: fields.id }),
  access: 'signedIn',
  async run({ meetingId }, ctx) {
    const m = await readMeeting(ctx.db, meetingId);
    if (!m) throw meetingMissing();
    const own = await readAttendee(ctx.db, meetingId, ctx.user._id);
    const manage = await mayManage(ctx, m);
    const liaison =
      !own && !manage && !!(await ctx.db.collection(BRANCH_LIAISONS).doc(liaisonId(m.branchId, ctx.user._id)).get());
    if (!own && !manage && !liaison) throw meetingMissing();
    const base = {
      ...card(m),
      agenda: m.agenda,
      minutes: m.status === 'held' ? m.minutes : '',
      photos: await photoUrls(ctx.services, m.photos),
      pendingPhotos: m.recordedBy === ctx.user._id ? await photoUrls(ctx.services, m.heldPhotos) : [],
      mine: ownState(own, m),
    };
    if (!manage) return { ...base, manage: false as const, code: null, people: [] };
    const docs = await ctx.db
      .collection(MEETING_ATTENDEES)
      .where({ meetingId })
      .orderBy('openid', 'asc')
      .limit(200)
      .get();
    const people = [];
    for (const d of docs) {
      const a = attendeeDocSchema.safeParse(d);
      if (!a.success) continue;
      people.push({ openid: a.data.openid, name: await nameOf(ctx, a.data.openid), ...ownState(a.data, m)! });
    }
    return { ...base, manage: true as const, code: m.status === 'planned' ? m.code : null, people };
  },
});

/** A branch's meetings, newest first (its secretary, admins in scope). */
export const branchMeetings = action({
  input: z.strictObject({ branchId: fields.id, limit: fields.limit }),
  access: ['admin', 'secretary'],
  scope: ({ branchId }) => ({ branchId }),
  async run({ branchId, limit = 50 }, ctx) {
    const docs = await ctx.db.collection(MEETINGS).where({ branchId }).orderBy('startAt', 'desc').limit(limit).get();
    return {
      items: docs.flatMap((d) => {
        const m = meetingDocSchema.safeParse(d);
        return m.success ? [card(m.data)] : [];
      }),
    };
  },
});
