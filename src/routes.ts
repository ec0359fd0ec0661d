/**
 * Every page of the app by name: the one place a page's path is spelled. src/app.config.ts declares the same
 * pages (Taro reads it on its own, and tests parse it as text); test/node/routes.test.ts checks the two agree.
 * Plain data and one small function: the main package imports it, so it stays tiny.
 */
export const ROUTES = {
  home: '/pages/index/index',
  points: '/pages/points/index',
  stations: '/pages/stations/index',
  vaccine: '/pages/vaccine/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  bookingStation: '/packages/booking/pages/station/index',
  bookingItem: '/packages/booking/pages/item/index',
  bookingMine: '/packages/booking/pages/mine/index',
  messagesInbox: '/packages/messages/pages/inbox/index',
  vaccineSite: '/packages/vaccine/pages/site/index',
  vaccineAppoint: '/packages/vaccine/pages/appoint/index',
  vaccinePeople: '/packages/vaccine/pages/people/index',
  vaccineMine: '/packages/vaccine/pages/mine/index',
  mallGoods: '/packages/mall/pages/goods/index',
  mallDetail: '/packages/mall/pages/detail/index',
  mallOrders: '/packages/mall/pages/orders/index',
  mallRanking: '/packages/mall/pages/ranking/index',
  adminPoints: '/packages/admin/pages/points/index',
  adminSlots: '/packages/admin/pages/slots/index',
  staffVerify: '/packages/staff/pages/verify/index',
  staffRoster: '/packages/staff/pages/roster/index',
  staffVaccineRoster: '/packages/staff/pages/vaccine-roster/index',
  orgJoin: '/packages/org/pages/join/index',
  orgApplications: '/packages/org/pages/applications/index',
  consoleApprove: '/packages/console/pages/approve/index',
  consoleSessions: '/packages/console/pages/sessions/index',
  helpAsk: '/packages/help/pages/ask/index',
  helpMine: '/packages/help/pages/mine/index',
  helpDetail: '/packages/help/pages/detail/index',
  helpQueue: '/packages/help/pages/queue/index',
  helpHall: '/packages/help/pages/hall/index',
  helpTasks: '/packages/help/pages/tasks/index',
  helpWall: '/packages/help/pages/wall/index',
  helpVolunteer: '/packages/help/pages/volunteer/index',
  privacyAgree: '/packages/privacy/pages/agree/index',
  noticeList: '/packages/notices/pages/list/index',
  noticeDetail: '/packages/notices/pages/detail/index',
  noticeBirthday: '/packages/notices/pages/birthday/index',
  noticeBirthdays: '/packages/notices/pages/birthdays/index',
  mapHome: '/packages/map/pages/map/index',
  mapLandmark: '/packages/map/pages/landmark/index',
  mapFootprint: '/packages/map/pages/footprint/index',
  mapPost: '/packages/map/pages/post/index',
  mapShop: '/packages/map/pages/shop/index',
  mapRoutes: '/packages/map/pages/routes/index',
  mapRoute: '/packages/map/pages/route/index',
  mapCertificate: '/packages/map/pages/certificate/index',
  meetingsMine: '/packages/meetings/pages/mine/index',
  meetingsDetail: '/packages/meetings/pages/detail/index',
  meetingsPlan: '/packages/meetings/pages/plan/index',
  meetingsMinutes: '/packages/meetings/pages/minutes/index',
} as const;

export type RouteName = keyof typeof ROUTES;

/** The tab bar's pages: reached with switchTab or reLaunch, never navigateTo. */
export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.points, ROUTES.stations, ROUTES.vaccine, ROUTES.mine];

/** A page's URL with a query: each value encoded, undefined ones left out. */
export function routeUrl(name: RouteName, query: Record<string, string | number | undefined> = {}): string {
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    value === undefined ? [] : [`${key}=${encodeURIComponent(String(value))}`],
  );
  return pairs.length === 0 ? ROUTES[name] : `${ROUTES[name]}?${pairs.join('&')}`;
}
