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
import * as map from '../../../domain/map';

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
    // 党建地图 and 红色打卡 (domain/map).
    mapMarkers: map.mapMarkers,
    landmarkDetail: map.landmarkDetail,
    checkIn: map.checkIn,
    mapRoutes: map.mapRoutes,
    myFootprint: map.myFootprint,
    routeCertificate: map.routeCertificate,
    // The map's admin actions (domain/map/admin.ts): scoped, audited, texts through the content check.
    saveLandmark: map.saveLandmark,
    saveRoute: map.saveRoute,
    savePost: map.savePost,
    saveShop: map.saveShop,
    archiveMapPlace: map.archiveMapPlace,
    mapAdminList: map.mapAdminList,
    // A landmark's poster (its mini-program code, domain/wxacode) and the page a poster's scene opens.
    landmarkPoster: map.landmarkPoster,
    landmarkByScene: map.landmarkByScene,
  },
  // Messages (reminders among them) go out from the `user` function's deliverMessages job.
  { markNoShows: (db, now) => markNoShows(db, now), reconcile: reconcileBookings },
);
