import { defineFunction } from '../../define';
import * as vaccine from '../../../domain/vaccine/actions';
import * as admin from '../../../domain/vaccine/admin';
import { appoint, reconcileAppointments } from '../../../domain/vaccine/appoint';
import { cancel } from '../../../domain/vaccine/cancel';
import { verify } from '../../../domain/vaccine/completion';
import { myAppointments } from '../../../domain/vaccine/mine';
import { addPerson, persons, releasePerson, removePerson } from '../../../domain/vaccine/people';
import { slots } from '../../../domain/vaccine/slots';

export const router = defineFunction('vaccine', {
  sites: vaccine.sites,
  siteDetail: vaccine.siteDetail,
  slots,
  addPerson,
  persons,
  removePerson,
  appoint,
  myAppointments,
  cancel,
  verify,
  releasePerson,
  saveSite: admin.saveSite,
  generateSlots: admin.generateSlots,
  setStatus: admin.setStatus,
  roster: admin.roster,
  export: admin.exportRoster,
}, { reconcile: reconcileAppointments });
