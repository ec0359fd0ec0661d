/**
 * The vaccine module's door: what other modules, the functions and the hosts may use. 红色疫苗接种点: sites, people, appointments with the green channel, completion, the staff's tools.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { sites, siteDetail, SITES } from './sites';
export { saveSite, setStatus, roster, exportRoster, generateSlots } from './admin';
export { appoint, reconcileAppointments } from './appoint';
export { cancel } from './cancel';
export { verify } from './completion';
export { checkVaccineInvariants } from './invariants';
export { myAppointments } from './mine';
export { APPOINTMENTS, appointmentDocSchema, isElder, type AMENITIES, type SiteDoc, type VaccineOffer } from './model';
export { addPerson, persons, releasePerson, removePerson } from './people';
export { heldPersons } from './persons';
export { slots } from './slots';
export { PERSONS } from './model';
export { OWNERS } from './model';
export { APPOINTMENT_CODES } from './model';
