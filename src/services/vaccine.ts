import type { ActionInput, ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import type { SiteSummary } from '../../domain/vaccine/sites';
import { callFunction } from './transport';

export type { SiteSummary };
export type SiteDetail = ActionOutput<'vaccine', 'siteDetail'>['site'];

export const listSites = (query: ActionInput<'vaccine', 'sites'>) => callFunction('vaccine', 'sites', query);
export const getSite = (siteId: string) => callFunction('vaccine', 'siteDetail', { siteId }).then((r) => r.site);

export type VaccineSlot = ActionOutput<'vaccine', 'slots'>['slots'][number];
export type PersonItem = ItemOf<ActionOutput<'vaccine', 'persons'>>;
export type AppointmentItem = ItemOf<ActionOutput<'vaccine', 'myAppointments'>>;
export type VaccineRoster = ActionOutput<'vaccine', 'roster'>;

export const listSitesNear = (query: ActionInput<'vaccine', 'sites'>) => callFunction('vaccine', 'sites', query);
/** Without a date: today while today has an open slot, else the first day that has one (the answer's `date`). */
export const getVaccineSlots = (siteId: string, date?: string) => callFunction('vaccine', 'slots', { siteId, date });
export const listPersons = () => callFunction('vaccine', 'persons');
export const addPerson = (input: ActionInput<'vaccine', 'addPerson'>) => callFunction('vaccine', 'addPerson', input);
export const removePerson = (personId: string) => callFunction('vaccine', 'removePerson', { personId });
export const appoint = (input: ActionInput<'vaccine', 'appoint'>) => callFunction('vaccine', 'appoint', input);
export const listAppointments = (cursor?: string) => callFunction('vaccine', 'myAppointments', { cursor });
export const cancelAppointment = (appointmentId: string) => callFunction('vaccine', 'cancel', { appointmentId });
export const verifyAppointment = (code: string) => callFunction('vaccine', 'verify', { code });
/** Staff, having seen the ID card, free a number a stranger added (domain/vaccine/persons.ts, rule 4). */
export const releaseIdNumber = (idNumber: string) => callFunction('vaccine', 'releasePerson', { idNumber });
export const getVaccineRoster = (siteId: string, date: string) => callFunction('vaccine', 'roster', { siteId, date });
