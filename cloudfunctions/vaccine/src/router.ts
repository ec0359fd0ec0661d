import { defineFunction } from '../../define';
import * as vaccine from '../../../domain/vaccine/actions';
import * as admin from '../../../domain/vaccine/admin';
import * as appointments from '../../../domain/vaccine/appointments';

export const router = defineFunction('vaccine', {
  sites: vaccine.sites,
  siteDetail: vaccine.siteDetail,
  slots: appointments.slots,
  addPerson: appointments.addPerson,
  persons: appointments.persons,
  removePerson: appointments.removePerson,
  appoint: appointments.appoint,
  myAppointments: appointments.myAppointments,
  cancel: appointments.cancel,
  verify: appointments.verify,
  releasePerson: appointments.releasePerson,
  saveSite: admin.saveSite,
  generateSlots: admin.generateSlots,
  setStatus: admin.setStatus,
  roster: admin.roster,
  export: admin.exportRoster,
}, { reconcile: appointments.reconcileAppointments });
