import { defineFunction } from '../../define';
import * as vaccine from '../../../domain/vaccine';
import * as admin from '../../../domain/vaccine';
import {
  appoint,
  reconcileAppointments,
  cancel,
  verify,
  myAppointments,
  addPerson,
  persons,
  releasePerson,
  removePerson,
  slots,
} from '../../../domain/vaccine';

export const router = defineFunction(
  'vaccine',
  {
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
  },
  { reconcile: reconcileAppointments },
);
