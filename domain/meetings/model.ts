/**
 * Meetings (三会一课 and the rest of a branch's routine): the stored shapes.
 *
 * Field names here are read by other modules (达标创星 computes star ratings from them) and stay stable:
 *
 * `meetings/{meetingId}` — one planned meeting of one branch.
 *   - `type`       one of MEETING_TYPES' codes: 'general' 支部党员大会, 'committee' 支委会, 'group' 党小组会,
 *                  'lecture' 党课, 'themeDay' 主题党日, 'orgLife' 组织生活会, 'review' 民主评议党员.
 *   - `branchId`   the branch holding it (never null); `countyId` the branch's county by its full name, as the
 *                  units' `county` (e.g. '桂林市永福县'; null when unknown).
 *   - `startAt` / `endAt`  epoch ms (Shanghai wall time entered by the secretary).
 *   - `status`     'planned' → 'held' (minutes recorded, attendance final) or 'cancelled'.
 *   - `attendance` null until held; then the FINAL state of every expected member: { [openid]: 'present' |
 *                  'leave' | 'absent' }. `expectedCount`, `presentCount`, `leaveCount`, `absentCount` are its counts.
 *   - `observers`  openids of the branch's 联系点 who checked in (列席), recorded when held.
 *   - `activityId` the activity that carries the check-in code and window (domain/points: one check-in path).
 *   - `heldAt`     when the minutes were recorded (epoch ms), null before.
 *
 * `meetingAttendees/{derivedId('ma', meetingId, openid)}` — one person's state at one meeting, the document that
 *   leave and check-in both write (so they conflict and one final state wins): see ATTENDEE_STATES.
 *
 * `branchLiaisons/{derivedId('li', branchId, openid)}` — a 联系点: a user a county admin linked to a branch.
 */
import { z } from 'zod';
import { ATTENDEE_STATES, FINAL_ATTENDANCE, MAX_MEETING_PHOTOS, MEETING_STATUS, MEETING_TYPES } from './labels';

export { ATTENDEE_STATES, FINAL_ATTENDANCE, MAX_MEETING_PHOTOS, MEETING_STATUS, MEETING_TYPES };

export const MEETINGS = 'meetings';
export const MEETING_ATTENDEES = 'meetingAttendees';
export const BRANCH_LIAISONS = 'branchLiaisons';

export type MeetingType = keyof typeof MEETING_TYPES;
export const meetingTypeSchema = z.enum(Object.keys(MEETING_TYPES) as [MeetingType, ...MeetingType[]]);

/** The points category (domain/points CATEGORIES) a meeting of each type earns under, by default. */
export const TYPE_CATEGORY: Record<MeetingType, string> = {
  general: '三会一课',
  committee: '三会一课',
  group: '三会一课',
  lecture: '三会一课',
  themeDay: '主题党日',
  orgLife: '组织生活会',
  review: '组织生活会',
};

export type MeetingStatus = keyof typeof MEETING_STATUS;

export type FinalAttendance = keyof typeof FINAL_ATTENDANCE;
const finalAttendanceSchema = z.enum(['present', 'leave', 'absent']);

export const meetingDocSchema = z.object({
  _id: z.string(),
  type: meetingTypeSchema,
  title: z.string(),
  agenda: z.string().default(''),
  place: z.string().default(''),
  branchId: z.string(),
  countyId: z.string().nullable().catch(null),
  startAt: z.number(),
  endAt: z.number(),
  /** 'branch': every member of the branch when planned; 'picked': the members the secretary chose. */
  expected: z.enum(['branch', 'picked']),
  /** The expected members' openids (the whole branch resolved at planning time). */
  members: z.array(z.string()),
  status: z.enum(['planned', 'held', 'cancelled']),
  activityId: z.string(),
  code: z.string(),
  minutes: z.string().default(''),
  /** Photos' file ids, shown only once the content check has passed them (see pictures). */
  photos: z.array(z.string()).default([]),
  /** Photos still waiting for their content verdict: shown to the secretary who added them only. */
  heldPhotos: z.array(z.string()).default([]),
  /** Whether `heldPhotos` holds any: what the meetings' job looks for. */
  photosHeld: z.boolean().default(false),
  attendance: z.record(z.string(), finalAttendanceSchema).nullable().default(null),
  expectedCount: z.number().int().default(0),
  presentCount: z.number().int().default(0),
  leaveCount: z.number().int().default(0),
  absentCount: z.number().int().default(0),
  observers: z.array(z.string()).default([]),
  heldAt: z.number().nullable().default(null),
  /** Who recorded the minutes (the uploader of the photos, who alone sees the held ones). */
  recordedBy: z.string().nullable().default(null),
  cancelledAt: z.number().nullable().default(null),
  createdBy: z.string(),
  createdAt: z.number(),
  requestId: z.string(),
});
export type Meeting = z.output<typeof meetingDocSchema>;

export type AttendeeState = keyof typeof ATTENDEE_STATES;

export const attendeeDocSchema = z.object({
  _id: z.string(),
  meetingId: z.string(),
  openid: z.string(),
  branchId: z.string(),
  role: z.enum(['member', 'liaison']),
  state: z.enum(['expected', 'leaveAsked', 'onLeave', 'present']),
  leaveReason: z.string().default(''),
  /** The secretary's answer to the last leave request: null before one. */
  leaveDecision: z.enum(['approved', 'declined']).nullable().default(null),
  leaveDecidedBy: z.string().nullable().default(null),
  checkedInAt: z.number().nullable().default(null),
  /** Written when the meeting is held: the person's final attendance (also in the meeting's `attendance`). */
  final: z.enum(['present', 'leave', 'absent']).nullable().default(null),
  /** When each reminder was written (so two timer runs write it once). */
  remindedR24: z.number().nullable().default(null),
  remindedR1: z.number().nullable().default(null),
  updatedAt: z.number(),
});
export type Attendee = z.output<typeof attendeeDocSchema>;

export const liaisonDocSchema = z.object({
  _id: z.string(),
  branchId: z.string(),
  countyId: z.string().nullable().catch(null),
  openid: z.string(),
  linkedBy: z.string(),
  linkedAt: z.number(),
});
export type Liaison = z.output<typeof liaisonDocSchema>;
