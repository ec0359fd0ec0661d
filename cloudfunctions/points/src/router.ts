import { defineFunction } from '../../define';
import * as earning from '../../../domain/points';
import {
  exportLedger,
  goods,
  goodsDetail,
  restock,
  saveGoods,
  expireOrders,
  reconcileRedemptions,
  cancelOrder,
  orders,
  verifyOrder,
  redeem,
  leaderboard,
} from '../../../domain/points';
import * as ledger from '../../../domain/points';
import * as meetings from '../../../domain/meetings';

export const router = defineFunction(
  'points',
  {
    rules: earning.rules,
    summary: ledger.summary,
    ledger: ledger.ledger,
    activities: earning.activities,
    // The one check-in path, with the meetings' attendance added to it (a meeting's activity marks its attendee).
    checkin: earning.checkinWith(meetings.meetingCheckin),
    goods,
    goodsDetail,
    redeem,
    orders,
    cancelOrder,
    verifyOrder,
    leaderboard,
    award: earning.award,
    saveGoods,
    restock,
    publishActivity: earning.publishActivity,
    export: exportLedger,
    // 三会一课 and the rest (domain/meetings): here because a meeting is an activity grown up — its check-in is this
    // function's `checkin`, its points this ledger, its reminders this function's timer.
    planMeeting: meetings.planMeeting,
    cancelMeeting: meetings.cancelMeeting,
    myMeetings: meetings.myMeetings,
    meetingDetail: meetings.meetingDetail,
    branchMeetings: meetings.branchMeetings,
    askLeave: meetings.askLeave,
    decideLeave: meetings.decideLeave,
    recordMinutes: meetings.recordMinutes,
    linkLiaison: meetings.linkLiaison,
    unlinkLiaison: meetings.unlinkLiaison,
    liaisons: meetings.liaisons,
  },
  {
    expireOrders: (db, now) => expireOrders(db, now),
    reconcile: reconcileRedemptions,
    meetings: (db, now) => meetings.meetingJobs(db, now),
  },
);
