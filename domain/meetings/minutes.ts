/**
 * Afterwards: the secretary records the minutes and up to 9 photos, and the attendance becomes final. Photos go
 * through the 点单 photo pipeline (domain/requests: uploaded with `uploadPhoto`, content-checked; one still waiting
 * for its verdict is held — shown to its uploader only — until the meetings' job moves it on).
 */
import { z } from 'zod';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS } from '../core/ids';
import { fields } from '../core/validation';
import { assertTextsPass } from '../content';
import { assertOwnPhotos, usePhotos } from '../requests';
import { MAX_MEETING_PHOTOS, MEETINGS, MEETING_ATTENDEES, attendeeDocSchema, type FinalAttendance } from './model';
import { finalOf } from './rules';
import { attendeeId, meetingMissing, readMeeting, scopeOfMeeting } from './shared';

export const recordMinutes = action({
  input: z.strictObject({
    meetingId: fields.id,
    minutes: z.string().trim().min(10, '会议记录至少 10 个字').max(2000, '会议记录最多 2000 个字'),
    photos: z
      .array(z.string().trim().min(1).max(300))
      .max(MAX_MEETING_PHOTOS, `最多 ${MAX_MEETING_PHOTOS} 张照片`)
      .default([]),
  }),
  access: ['admin', 'secretary'],
  scope: scopeOfMeeting,
  async run({ meetingId, minutes, photos }, ctx) {
    const openid = ctx.user._id;
    const now = ctx.now();
    const first = await readMeeting(ctx.db, meetingId);
    if (!first) throw meetingMissing();
    if (first.status === 'held') return { meetingId, status: first.status, attendance: first.attendance ?? {} };
    if (first.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，不能记录');
    if (now < first.startAt) throw new AppError('TOO_EARLY', '会议开始后才能记录');
    await assertTextsPass(ctx.services, openid, 'forum', [{ field: 'minutes', name: '会议记录', text: minutes }]);
    await assertOwnPhotos(ctx.db, openid, photos);
    // 联系点 who checked in (列席): found before the transaction; one checking in at this very moment is refused
    // by the meeting's status once this commits, or is read here.
    const liaisons = await ctx.db.collection(MEETING_ATTENDEES).where({ meetingId, role: 'liaison' }).limit(100).get();
    return ctx.db.runTransaction(async (tx) => {
      const m = await readMeeting(tx, meetingId);
      if (!m) throw meetingMissing();
      if (m.status === 'held') return { meetingId, status: m.status, attendance: m.attendance ?? {} };
      if (m.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消，不能记录');
      const attendance: Record<string, FinalAttendance> = {};
      // Every attendee document is written here: a check-in or a leave decision racing this conflicts with it.
      for (const member of m.members) {
        const id = attendeeId(meetingId, member);
        const a = attendeeDocSchema.safeParse(await tx.collection(MEETING_ATTENDEES).doc(id).get());
        const final = a.success ? finalOf(a.data.state) : 'absent';
        attendance[member] = final;
        if (a.success) await tx.collection(MEETING_ATTENDEES).doc(id).update({ final, updatedAt: now });
      }
      const observers: string[] = [];
      for (const d of liaisons) {
        const a = attendeeDocSchema.safeParse(await tx.collection(MEETING_ATTENDEES).doc(d._id).get());
        if (!a.success || a.data.state !== 'present') continue;
        observers.push(a.data.openid);
        await tx.collection(MEETING_ATTENDEES).doc(d._id).update({ final: 'present', updatedAt: now });
      }
      const { shown, held } = await usePhotos(tx, openid, photos);
      const counts = Object.values(attendance);
      const after = {
        status: 'held' as const,
        minutes,
        photos: shown,
        heldPhotos: held,
        photosHeld: held.length > 0,
        attendance,
        expectedCount: counts.length,
        presentCount: counts.filter((x) => x === 'present').length,
        leaveCount: counts.filter((x) => x === 'leave').length,
        absentCount: counts.filter((x) => x === 'absent').length,
        observers,
        heldAt: now,
        recordedBy: openid,
      };
      await tx.collection(MEETINGS).doc(meetingId).update(after);
      ctx.audit?.({ targetId: meetingId, before: { status: m.status }, after: { status: 'held', attendance } });
      return { meetingId, status: after.status, attendance };
    }, TX_ATTEMPTS);
  },
});
