/**
 * The meetings' timer job (run inside the points function's timer): reminders 24 hours and 1 hour before, and the
 * minutes' held photos moved on once their verdict is in.
 *
 * A reminder is written in a transaction that marks the attendee document (`remindedR24` / `remindedR1`): two runs
 * at once (two timer invocations, separate connections) both write that document, so one commits and the other, on
 * its retry, finds the mark and writes nothing — each reminder goes out exactly once.
 */
import type { Database } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { enqueue } from '../messages';
import { photoDocId, photoDocSchema, PHOTOS } from '../requests';
import { MEETINGS, MEETING_ATTENDEES, meetingDocSchema, type Meeting } from './model';
import { REMINDERS, reminderDue } from './rules';
import { attendeeId, detailPage, meetingName, meetingTime, readAttendee, readMeeting } from './shared';

const BATCH = 50;

async function remindOne(db: Database, m: Meeting, openid: string, now: number): Promise<boolean> {
  const key = reminderDue(m.startAt, now);
  if (!key) return false;
  const field = key === 'r24' ? 'remindedR24' : 'remindedR1';
  const reminder = REMINDERS.find((r) => r.key === key)!;
  return db.runTransaction(async (tx) => {
    const current = await readMeeting(tx, m._id);
    const a = await readAttendee(tx, m._id, openid);
    if (!current || current.status !== 'planned' || !a || a.role !== 'member') return false;
    // On leave or already here: no reminder. The 1-hour one makes a missed 24-hour one pointless.
    if (a.state === 'onLeave' || a.state === 'present' || a[field] !== null) return false;
    if (key === 'r24' && a.remindedR1 !== null) return false;
    await tx
      .collection(MEETING_ATTENDEES)
      .doc(attendeeId(m._id, openid))
      .update({ [field]: now });
    const time = meetingTime(current);
    await enqueue(
      tx,
      {
        cause: ['meetings', m._id, openid, key],
        openid,
        module: 'activities',
        kind: 'meeting.reminder',
        title: `会议提醒：${meetingName(current)}`,
        body: `${reminder.words}（${time}）在「${current.place}」召开，到场后输入签到码签到`,
        page: detailPage(m._id),
        refId: m._id,
        data: { time, item: meetingName(current), place: current.place, status: '即将召开' },
      },
      now,
    );
    return true;
  }, TX_ATTEMPTS);
}

/** Reminders due now for meetings starting within a day. Safe to run twice at once. */
export async function remindMeetings(db: Database, now: number): Promise<{ reminded: number }> {
  const _ = db.command;
  const due = await db
    .collection(MEETINGS)
    .where(_.and([{ status: 'planned', startAt: _.gt(now) }, { startAt: _.lte(now + REMINDERS[0].before) }]))
    .orderBy('startAt', 'asc')
    .limit(BATCH)
    .get();
  let reminded = 0;
  for (const doc of due) {
    const m = meetingDocSchema.safeParse(doc);
    if (!m.success) continue;
    for (const openid of m.data.members) if (await remindOne(db, m.data, openid, now)) reminded += 1;
  }
  return { reminded };
}

/** The minutes' held photos: passed ones are shown, refused (or vanished) ones dropped, pending ones wait. */
export async function settleMeetingPhotos(db: Database): Promise<{ settled: number }> {
  const held = await db.collection(MEETINGS).where({ photosHeld: true }).limit(BATCH).get();
  let settled = 0;
  for (const doc of held) {
    const changed = await db.runTransaction(async (tx) => {
      const m = await readMeeting(tx, doc._id);
      if (!m || m.heldPhotos.length === 0) return false;
      const photos = [...m.photos];
      const still: string[] = [];
      for (const fileId of m.heldPhotos) {
        const p = photoDocSchema.safeParse(await tx.collection(PHOTOS).doc(photoDocId(fileId)).get());
        if (p.success && p.data.check === 'pending') still.push(fileId);
        else if (p.success && p.data.check !== 'rejected') photos.push(fileId);
      }
      if (still.length === m.heldPhotos.length) return false;
      await tx
        .collection(MEETINGS)
        .doc(m._id)
        .update({ photos, heldPhotos: still, photosHeld: still.length > 0 });
      return true;
    }, TX_ATTEMPTS);
    if (changed) settled += 1;
  }
  return { settled };
}

/** The one job the points function's timer runs for meetings. */
export async function meetingJobs(db: Database, now: number) {
  return { ...(await remindMeetings(db, now)), ...(await settleMeetingPhotos(db)) };
}
