import { defineFunction } from '../../define';
import * as admin from '../../../domain/booking/admin';
import * as booking from '../../../domain/booking/booking';
import { markNoShows } from '../../../domain/booking/jobs';
import * as stations from '../../../domain/stations/actions';

export const router = defineFunction(
  'stations',
  {
    list: stations.list,
    detail: stations.detail,
    slots: booking.slots,
    book: booking.book,
    myBookings: booking.myBookings,
    cancel: booking.cancel,
    joinWaitlist: booking.joinWaitlist,
    leaveWaitlist: booking.leaveWaitlist,
    myWaitlist: booking.myWaitlist,
    verify: booking.verify,
    messages: booking.messages,
    saveStation: admin.saveStation,
    saveItem: admin.saveItem,
    generateSlots: admin.generateSlots,
    closeSlots: admin.closeSlots,
    roster: admin.roster,
    export: admin.exportBookings,
  },
  // Messages (reminders among them) go out from the `user` function's deliverMessages job.
  { markNoShows: (db, now) => markNoShows(db, now), reconcile: booking.reconcileBookings },
);
