import { defineFunction } from '../../define';
import * as admin from '../../../domain/booking/admin';
import { book, reconcileBookings } from '../../../domain/booking/book';
import { cancel } from '../../../domain/booking/cancel';
import { verify } from '../../../domain/booking/checkin';
import { messages, myBookings, slots } from '../../../domain/booking/listings';
import { joinWaitlist, leaveWaitlist, myWaitlist } from '../../../domain/booking/waitlist';
import { markNoShows } from '../../../domain/booking/jobs';
import * as stations from '../../../domain/stations/actions';

export const router = defineFunction(
  'stations',
  {
    list: stations.list,
    detail: stations.detail,
    slots,
    book,
    myBookings,
    cancel,
    joinWaitlist,
    leaveWaitlist,
    myWaitlist,
    verify,
    messages,
    saveStation: admin.saveStation,
    saveItem: admin.saveItem,
    generateSlots: admin.generateSlots,
    closeSlots: admin.closeSlots,
    roster: admin.roster,
    export: admin.exportBookings,
  },
  // Messages (reminders among them) go out from the `user` function's deliverMessages job.
  { markNoShows: (db, now) => markNoShows(db, now), reconcile: reconcileBookings },
);
