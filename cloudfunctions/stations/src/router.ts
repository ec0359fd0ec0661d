import { defineFunction } from '../../define';
import * as admin from '../../../domain/booking';
import {
  book,
  reconcileBookings,
  cancel,
  verify,
  messages,
  myBookings,
  slots,
  joinWaitlist,
  leaveWaitlist,
  myWaitlist,
  markNoShows,
} from '../../../domain/booking';
import * as stations from '../../../domain/stations';

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
