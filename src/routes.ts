/**
 * Every page of the app by name: the one place a page's path is spelled. src/app.config.ts declares the same
 * pages (Taro reads it on its own, and tests parse it as text); test/node/routes.test.ts checks the two agree.
 * Plain data and one small function: the main package imports it, so it stays tiny.
 */
/** A subpackage page's path, spelled once: the table below is shipped in the main package, whose budget is tight. */
const sub = <P extends string, G extends string>(pkg: P, page: G) => `/packages/${pkg}/pages/${page}/index` as const;

export const ROUTES = {
  home: '/pages/index/index',
  points: '/pages/points/index',
  stations: '/pages/stations/index',
  vaccine: '/pages/vaccine/index',
  mine: '/pages/mine/index',
  login: '/pages/login/index',
  bookingStation: sub('booking', 'station'),
  bookingItem: sub('booking', 'item'),
  bookingMine: sub('booking', 'mine'),
  messagesInbox: sub('messages', 'inbox'),
  vaccineSite: sub('vaccine', 'site'),
  vaccineAppoint: sub('vaccine', 'appoint'),
  vaccinePeople: sub('vaccine', 'people'),
  vaccineMine: sub('vaccine', 'mine'),
  mallGoods: sub('mall', 'goods'),
  mallDetail: sub('mall', 'detail'),
  mallOrders: sub('mall', 'orders'),
  mallRanking: sub('mall', 'ranking'),
  adminPoints: sub('admin', 'points'),
  adminSlots: sub('admin', 'slots'),
  staffVerify: sub('staff', 'verify'),
  staffRoster: sub('staff', 'roster'),
  staffVaccineRoster: sub('staff', 'vaccine-roster'),
  orgJoin: sub('org', 'join'),
  orgApplications: sub('org', 'applications'),
  consoleApprove: sub('console', 'approve'),
  consoleSessions: sub('console', 'sessions'),
  helpAsk: sub('help', 'ask'),
  helpMine: sub('help', 'mine'),
  helpDetail: sub('help', 'detail'),
  helpQueue: sub('help', 'queue'),
  helpHall: sub('help', 'hall'),
  helpTasks: sub('help', 'tasks'),
  helpWall: sub('help', 'wall'),
  helpVolunteer: sub('help', 'volunteer'),
  privacyAgree: sub('privacy', 'agree'),
  noticeList: sub('notices', 'list'),
  noticeDetail: sub('notices', 'detail'),
  noticeBirthday: sub('notices', 'birthday'),
  noticeBirthdays: sub('notices', 'birthdays'),
  mapHome: sub('map', 'map'),
  mapLandmark: sub('map', 'landmark'),
  mapFootprint: sub('map', 'footprint'),
  mapPost: sub('map', 'post'),
  mapShop: sub('map', 'shop'),
  mapRoutes: sub('map', 'routes'),
  mapRoute: sub('map', 'route'),
  mapCertificate: sub('map', 'certificate'),
  meetingsMine: sub('meetings', 'mine'),
  meetingsDetail: sub('meetings', 'detail'),
  meetingsPlan: sub('meetings', 'plan'),
  meetingsMinutes: sub('meetings', 'minutes'),
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
