/**
 * The booking module's door: what other modules, the functions and the hosts may use. Station bookings: slots of a station's items, booking, the waiting list, check-in and the staff's tools.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { saveStation, saveItem, generateSlots, closeSlots, roster, exportBookings } from './admin';
export { book, reconcileBookings } from './book';
export { cancel } from './cancel';
export { verify } from './checkin';
export { checkBookingInvariants } from './invariants';
export { markNoShows } from './jobs';
export { messages, myBookings, slots } from './listings';
export { BOOKINGS, ITEMS, bookingDocSchema } from './model';
export { joinWaitlist, leaveWaitlist, myWaitlist } from './waitlist';
export { BOOKING_CODES } from './model';
export { BOOKERS } from './model';
