/**
 * The map module's door: what other modules, the functions and the hosts may use. 党建地图 and 红色打卡: places
 * (red landmarks, 先锋岗, 责任区, 诚信经营户) in GCJ-02, the markers of a visible area clustered on the server,
 * check-ins (place + poster code, once a day, no impossible travel; a party member's earn points through the
 * ledger), routes and their completion, a person's 足迹.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { archiveMapPlace, mapAdminList, saveLandmark, savePost, saveRoute, saveShop } from './admin';
export { checkIn } from './checkin';
export { DATUMS, toGcj02, wgs84ToGcj02, type Datum } from './datum';
export { checkMapInvariants } from './invariants';
export {
  CHECKIN_RULE_ID,
  LANDMARK_KINDS,
  POST_PLACE_TYPES,
  SHOP_BADGES,
  maskHolder,
  type LandmarkKind,
  type PostPlaceType,
  type ShopBadge,
} from './labels';
export { cluster, mapMarkers, type Marker } from './markers';
export { LANDMARK_PAGE, landmarkByScene, landmarkPoster } from './poster';
export {
  LANDMARKS,
  LANDMARK_CHECKINS,
  LANDMARK_SCENES,
  ROUTES,
  ROUTE_COMPLETIONS,
  TRAVELLERS,
  landmarkDocSchema,
  routeDocSchema,
  type LandmarkDoc,
  type RouteDoc,
} from './model';
export { readAskablePost, type PostReference } from './posts';
export { landmarkCheckins, landmarkDetail, mapRoutes, myFootprint, routeCertificate, routeCompletions } from './read';
