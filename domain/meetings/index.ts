/**
 * The meetings module's door: 三会一课 and the rest of a branch's routine — planning, leave, check-in (through the
 * points module's one check-in path, with `meetingCheckin`), reminders, minutes with photos, final attendance, 联系点.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { askLeave, decideLeave, meetingCheckin } from './attendance';
export { meetingJobs, remindMeetings, settleMeetingPhotos } from './jobs';
export { liaisons, linkLiaison, unlinkLiaison } from './liaisons';
export { recordMinutes } from './minutes';
export { cancelMeeting, planMeeting } from './plan';
export { branchMeetings, meetingDetail, myMeetings } from './read';
export {
  ATTENDEE_STATES,
  BRANCH_LIAISONS,
  FINAL_ATTENDANCE,
  MAX_MEETING_PHOTOS,
  MEETINGS,
  MEETING_ATTENDEES,
  MEETING_STATUS,
  MEETING_TYPES,
  attendeeDocSchema,
  liaisonDocSchema,
  meetingDocSchema,
  type Attendee,
  type FinalAttendance,
  type Liaison,
  type Meeting,
  type MeetingStatus,
  type MeetingType,
} from './model';
