/** What the meetings' actions share: ids, reading a meeting, the scope of an action on one. */
import type { Database, Transaction } from '../db';
import { AppError } from '../core/errors';
import { derivedId } from '../core/ids';
import type { SignedInContext } from '../core/router';
import { inZone } from '../core/time';
import {
  MEETINGS,
  MEETING_ATTENDEES,
  MEETING_TYPES,
  attendeeDocSchema,
  meetingDocSchema,
  type Attendee,
  type Meeting,
} from './model';

export const attendeeId = (meetingId: string, openid: string) => derivedId('ma', meetingId, openid);
export const liaisonId = (branchId: string, openid: string) => derivedId('li', branchId, openid);

export const meetingMissing = () => new AppError('NOT_FOUND', '该会议不存在或已删除');

export async function readMeeting(db: Database | Transaction, meetingId: string): Promise<Meeting | null> {
  const parsed = meetingDocSchema.safeParse(await db.collection(MEETINGS).doc(meetingId).get());
  return parsed.success ? parsed.data : null;
}

export async function readAttendee(
  db: Database | Transaction,
  meetingId: string,
  openid: string,
): Promise<Attendee | null> {
  const parsed = attendeeDocSchema.safeParse(
    await db.collection(MEETING_ATTENDEES).doc(attendeeId(meetingId, openid)).get(),
  );
  return parsed.success ? parsed.data : null;
}

/** The scope of a secretary's or admin's action on one meeting: its branch (an unknown meeting: nothing to check). */
export const scopeOfMeeting = async ({ meetingId }: { meetingId: string }, ctx: SignedInContext) => {
  const m = await readMeeting(ctx.db, meetingId);
  return m ? { branchId: m.branchId } : null;
};

/** 「支部党员大会：学习二十届四中全会精神」 */
export const meetingName = (m: Pick<Meeting, 'type' | 'title'>) => `${MEETING_TYPES[m.type]}：${m.title}`;

/** 「12月10日 19:30-21:00」 */
export const meetingTime = (m: Pick<Meeting, 'startAt' | 'endAt'>) =>
  `${inZone(m.startAt).format('M月D日 HH:mm')}-${inZone(m.endAt).format('HH:mm')}`;

export const detailPage = (meetingId: string) => `/packages/meetings/pages/detail/index?id=${meetingId}`;
