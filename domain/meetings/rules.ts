/** The meeting rules that are pure: when a reminder is due, a person's final attendance. */
import type { AttendeeState, FinalAttendance } from './model';

export const HOUR_MS = 60 * 60_000;
/** The reminders: 24 hours and 1 hour before the start. */
export const REMINDERS = [
  { key: 'r24', before: 24 * HOUR_MS, words: '明天' },
  { key: 'r1', before: HOUR_MS, words: '1 小时后' },
] as const;
export type ReminderKey = (typeof REMINDERS)[number]['key'];

/**
 * The reminder due at `now` for a meeting starting at `startAt`, if any: the 1-hour one inside the last hour, the
 * 24-hour one from 24 hours before until the last hour. A meeting planned less than an hour ahead gets the 1-hour
 * one only (its planning message said the rest).
 */
export function reminderDue(startAt: number, now: number): ReminderKey | null {
  if (now >= startAt) return null;
  if (now >= startAt - HOUR_MS) return 'r1';
  if (now >= startAt - 24 * HOUR_MS) return 'r24';
  return null;
}

/** Once the meeting is held: checked in is present, granted leave is leave, anything else is absent. */
export function finalOf(state: AttendeeState): FinalAttendance {
  return state === 'present' ? 'present' : state === 'onLeave' ? 'leave' : 'absent';
}

/** Most members one meeting expects (all of its attendee documents are written in one transaction). */
export const MAX_MEETING_MEMBERS = 100;
