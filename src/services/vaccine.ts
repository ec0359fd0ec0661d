import type { Page } from '../../domain/core/paging';
import type { SiteSummary, siteDetail } from '../../domain/vaccine/actions';
import type { roster } from '../../domain/vaccine/admin';
import type { addPerson as addPersonAction, appoint as appointAction, cancel, myAppointments, persons, releasePerson, removePerson as removePersonAction, slots, verify } from '../../domain/vaccine/appointments';
import { callFunction } from './transport';

export type { SiteSummary };
export type SiteDetail = Awaited<ReturnType<typeof siteDetail.run>>['site'];

export const listSites = (query: { cursor?: string; limit?: number }) => callFunction<Page<SiteSummary>>('vaccine', 'sites', query);
export const getSite = (siteId: string) => callFunction<{ site: SiteDetail }>('vaccine', 'siteDetail', { siteId }).then((r) => r.site);

type Result<A extends { run: (...args: never[]) => Promise<unknown> }> = Awaited<ReturnType<A['run']>>;
export type VaccineSlot = Result<typeof slots>['slots'][number];
export type PersonItem = Result<typeof persons>['items'][number];
export type AppointmentItem = Result<typeof myAppointments>['items'][number];
export type VaccineRoster = Result<typeof roster>;

export const listSitesNear = (query: { cursor?: string; near?: { lat: number; lng: number }; vaccine?: string }) =>
  callFunction<Page<SiteSummary & { todayRemaining: number; distance?: number | null }>>('vaccine', 'sites', query);
export const getVaccineSlots = (siteId: string, date: string) => callFunction<Result<typeof slots>>('vaccine', 'slots', { siteId, date });
export const listPersons = () => callFunction<Result<typeof persons>>('vaccine', 'persons');
export const addPerson = (input: { name: string; idNumber: string; phone: string }) => callFunction<Result<typeof addPersonAction>>('vaccine', 'addPerson', input);
export const removePerson = (personId: string) => callFunction<Result<typeof removePersonAction>>('vaccine', 'removePerson', { personId });
export const appoint = (input: { slotId: string; personId: string; vaccine: string; dose: number; requestId: string }) =>
  callFunction<Result<typeof appointAction>>('vaccine', 'appoint', input);
export const listAppointments = (cursor?: string) => callFunction<Page<AppointmentItem>>('vaccine', 'myAppointments', { cursor });
export const cancelAppointment = (appointmentId: string) => callFunction<Result<typeof cancel>>('vaccine', 'cancel', { appointmentId });
export const verifyAppointment = (code: string) => callFunction<Result<typeof verify>>('vaccine', 'verify', { code });
/** Staff, having seen the ID card, free a number a stranger added (domain/vaccine/persons.ts, rule 4). */
export const releaseIdNumber = (idNumber: string) => callFunction<Result<typeof releasePerson>>('vaccine', 'releasePerson', { idNumber });
export const getVaccineRoster = (siteId: string, date: string) => callFunction<VaccineRoster>('vaccine', 'roster', { siteId, date });
