/**
 * Every collection the product uses, with its CloudBase security rule (`acl`). Nobody writes from a
 * client: all writes go through cloud functions, which bypass the rules. `ADMINONLY` (no client access)
 * for anything holding people's data or counters; `ADMINWRITE` (clients may read) only for public
 * directories. `npm run cloud:setup` creates the collections with these rules and the indexes below.
 */
// Each collection's name is the constant of the module that owns it, so it is spelled once.
import { AUDIT } from './audit';
import { BOOKERS, BOOKINGS, BOOKING_CODES } from './booking';
import { CONSOLE_LOGINS, CONSOLE_LOGIN_LIMITS, CONSOLE_SESSIONS } from './console-login';
import { BRANCHES, USERS } from './core/identity';
import { INTENTS } from './core/intents';
import { LANDMARKS, LANDMARK_CHECKINS, LANDMARK_SCENES, ROUTES, ROUTE_COMPLETIONS, TRAVELLERS } from './map';
import { BRANCH_LIAISONS, MEETINGS, MEETING_ATTENDEES } from './meetings';
import { MESSAGES } from './messages';
import { NOTICES, NOTICE_READS, PARTY_CARDS } from './notices';
import { APPLICATIONS, INVITES, PARTY_DATES, ROSTER, UNITS } from './org';
import {
  ACCOUNTS,
  ACTIVITIES,
  ACTIVITY_CODES,
  CAPS,
  EVENTS,
  GOODS,
  GOODS_QUOTAS,
  LEDGER,
  ORDERS,
  PICKUP_CODES,
  RULES,
} from './points';
import { PHOTOS, PHOTO_QUOTAS, REQUESTS, REQUEST_EVENTS, TIME_ACCOUNTS, TIME_LEDGER, VOLUNTEERS } from './requests';
import { SLOTS } from './slots';
import { STAR_RATINGS, STAR_RUNS } from './stars';
import { ITEMS, STATIONS } from './stations';
import { APPOINTMENTS, APPOINTMENT_CODES, OWNERS, PERSONS, SITES } from './vaccine';

export type AclTag = 'ADMINONLY' | 'ADMINWRITE';

const PRIVATE = { acl: 'ADMINONLY' } as const;
const DIRECTORY = { acl: 'ADMINWRITE' } as const;

export const COLLECTIONS = {
  [USERS]: { description: '用户与角色（_id 为 openid）', ...PRIVATE },
  [BRANCHES]: { description: '党支部', ...DIRECTORY },
  [STATIONS]: { description: '红色驿站与党群服务中心', ...DIRECTORY },
  [SITES]: { description: '红色疫苗接种点', ...DIRECTORY },
  [RULES]: { description: '积分细则', ...DIRECTORY },
  [ACTIVITIES]: { description: '党员活动（签到赚积分）', ...PRIVATE },
  [ACTIVITY_CODES]: { description: '活动签到码 → 活动', ...PRIVATE },
  [ACCOUNTS]: { description: '积分账户（余额、累计获得、累计消费）', ...PRIVATE },
  [LEDGER]: { description: '积分台账（每一笔变动）', ...PRIVATE },
  [CAPS]: { description: '积分细则的日/月上限计数', ...PRIVATE },
  [GOODS]: { description: '积分商城商品', ...PRIVATE },
  [GOODS_QUOTAS]: { description: '每人限兑计数', ...PRIVATE },
  [EVENTS]: { description: '积分兑换日', ...DIRECTORY },
  [ORDERS]: { description: '兑换订单', ...PRIVATE },
  [PICKUP_CODES]: { description: '取货码 → 订单', ...PRIVATE },
  [ITEMS]: { description: '驿站可预约的服务与场地', ...DIRECTORY },
  [SLOTS]: { description: '预约时段（容量、已约、候补队列）', ...PRIVATE },
  [BOOKINGS]: { description: '预约记录', ...PRIVATE },
  [BOOKING_CODES]: { description: '预约码 → 预约', ...PRIVATE },
  [BOOKERS]: { description: '每人有效预约数', ...PRIVATE },
  [MESSAGES]: { description: '消息（各模块的一个发件箱：订阅消息与站内消息，投递尝试记录）', ...PRIVATE },
  [PERSONS]: { description: '接种人（姓名、身份证号、电话加密存储）', ...PRIVATE },
  [OWNERS]: { description: '每位用户的接种人数量', ...PRIVATE },
  [APPOINTMENTS]: { description: '接种预约', ...PRIVATE },
  [APPOINTMENT_CODES]: { description: '接种预约码 → 预约', ...PRIVATE },
  meta: { description: '系统标记（演示数据、迁移）', ...PRIVATE },
  [UNITS]: { description: '组织架构：县（市、区）、街道/社区大党委、联盟、党支部', ...PRIVATE },
  [INVITES]: { description: '党支部邀请码', ...PRIVATE },
  [APPLICATIONS]: { description: '入党支部申请（姓名、电话加密存储）', ...PRIVATE },
  [ROSTER]: { description: '导入的党支部花名册（姓名、电话加密存储，待本人加入时匹配）', ...PRIVATE },
  [INTENTS]: { description: '旧版抢兑、预约、接种占位的意向记录（已不再写入，对账检查仍读取）', ...PRIVATE },
  [AUDIT]: { description: '操作日志（只追加：谁、什么角色、做了什么、哪条记录、改前改后、何时）', ...PRIVATE },
  [CONSOLE_LOGINS]: { description: '管理后台扫码登录票据（只存轮询密钥的哈希；发起的电脑的地址与浏览器）', ...PRIVATE },
  [CONSOLE_SESSIONS]: {
    description: '管理后台登录会话（谁、从哪台电脑、何时起、8 小时内有效、可在小程序中退出）',
    ...PRIVATE,
  },
  [CONSOLE_LOGIN_LIMITS]: { description: '管理后台扫码登录每个地址每分钟的发起次数（地址只存哈希）', ...PRIVATE },
  [REQUESTS]: { description: '群众点单：微心愿与诉求（联系人姓名、电话加密存储）、认领、评价', ...PRIVATE },
  [REQUEST_EVENTS]: { description: '群众点单的办理过程（时间线）', ...PRIVATE },
  [PHOTOS]: {
    description: '群众点单上传的照片（谁上传的，是否已用，内容审核状态；一天未用即删除）',
    ...PRIVATE,
  },
  [PHOTO_QUOTAS]: {
    description: '群众点单每人的计数：每天上传照片、点单、报告进展的次数，正在认领的任务',
    ...PRIVATE,
  },
  [VOLUNTEERS]: {
    description: '登记的志愿者（姓名、电话加密存储；双报到在职党员；所属社区党支部与审核状态）',
    ...PRIVATE,
  },
  [TIME_ACCOUNTS]: { description: '时间银行账户（小时余额）', ...PRIVATE },
  [TIME_LEDGER]: { description: '时间银行台账（每一笔变动）', ...PRIVATE },
  // Places carry their poster's scene code: read through the functions only.
  [LANDMARKS]: {
    description: '党建地图上的地点：红色地标、党员先锋岗、党员责任区、诚信经营户（GCJ-02 坐标）',
    ...PRIVATE,
  },
  [LANDMARK_SCENES]: { description: '红色地标海报小程序码的场景码 → 地标', ...PRIVATE },
  [LANDMARK_CHECKINS]: { description: '红色打卡记录（每人每地每天一条；只存距离，不存位置）', ...PRIVATE },
  [TRAVELLERS]: { description: '每人的打卡足迹概要（上一次打卡、到过的地标、走完的路线）', ...PRIVATE },
  [ROUTES]: { description: '红色打卡路线（有序的地标）', ...DIRECTORY },
  [ROUTE_COMPLETIONS]: { description: '走完路线的记录（每人每条路线一条）', ...PRIVATE },
  [MEETINGS]: {
    description: '三会一课等会议（类型、议程、时间地点、应到党员、会议记录与照片、最终出勤）',
    ...PRIVATE,
  },
  [MEETING_ATTENDEES]: { description: '每人每次会议的参会状态（待参加、请假、签到、列席、提醒）', ...PRIVATE },
  [BRANCH_LIAISONS]: { description: '联系点：县里联系某个党支部的人（列席其会议）', ...PRIVATE },
  [STAR_RATINGS]: {
    description: '达标创星：每个党支部每季度的星级评定（计算的得分与明细、调整及理由、确认、历史）',
    ...PRIVATE,
  },
  [STAR_RUNS]: { description: '达标创星：每季度自动计算进行到哪个党支部', ...PRIVATE },
  [NOTICES]: { description: '通知公告（支部、县或全系统；置顶、截止时间、告知党员进行到哪里）', ...PRIVATE },
  [NOTICE_READS]: { description: '通知的阅读记录（每人每条一条，用来数阅读人数）', ...PRIVATE },
  [PARTY_DATES]: { description: '党员的入党日期（本人、支部书记和管理员可见）', ...PRIVATE },
  [PARTY_CARDS]: { description: '政治生日贺卡（每人每年一张，与消息一同写入）', ...PRIVATE },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

/** An index CloudBase should keep: fields in order, 1 ascending, -1 descending. */
export interface IndexSpec {
  collection: CollectionName;
  keys: readonly (readonly [field: string, direction: 1 | -1])[];
}

/**
 * The indexes the code queries by: every `where` on more than `_id`, with its `orderBy`, from the domain's
 * queries (equality fields first, then the sorted or ranged one). Add one here when a query gains a field.
 */
export const INDEXES: readonly IndexSpec[] = [
  // meetings: a branch's list; the reminders' due ones; held photos; one person's; one meeting's people; 联系点
  {
    collection: 'meetings',
    keys: [
      ['branchId', 1],
      ['startAt', -1],
    ],
  },
  {
    collection: 'meetings',
    keys: [
      ['status', 1],
      ['startAt', 1],
    ],
  },
  { collection: 'meetings', keys: [['photosHeld', 1]] },
  { collection: 'pointRules', keys: [['category', 1]] },
  {
    collection: 'meetingAttendees',
    keys: [
      ['openid', 1],
      ['updatedAt', -1],
    ],
  },
  {
    collection: 'meetingAttendees',
    keys: [
      ['meetingId', 1],
      ['openid', 1],
    ],
  },
  {
    collection: 'meetingAttendees',
    keys: [
      ['meetingId', 1],
      ['role', 1],
    ],
  },
  {
    collection: 'branchLiaisons',
    keys: [
      ['branchId', 1],
      ['linkedAt', 1],
    ],
  },
  {
    collection: 'users',
    keys: [
      ['branchId', 1],
      ['role', 1],
    ],
  },
  { collection: 'stations', keys: [['kind', 1]] },
  { collection: 'vaccineSites', keys: [['vaccines.code', 1]] },
  {
    collection: 'activities',
    keys: [
      ['end', 1],
      ['start', 1],
    ],
  },
  {
    collection: 'pointAccounts',
    keys: [
      ['branchId', 1],
      ['earned', -1],
    ],
  },
  {
    collection: 'ledger',
    keys: [
      ['openid', 1],
      ['seq', -1],
    ],
  },
  {
    collection: 'ledger',
    keys: [
      ['branchId', 1],
      ['at', 1],
    ],
  },
  { collection: 'ledger', keys: [['at', 1]] },
  { collection: 'goods', keys: [['active', 1]] },
  {
    collection: 'orders',
    keys: [
      ['openid', 1],
      ['status', 1],
      ['seq', -1],
    ],
  },
  {
    collection: 'orders',
    keys: [
      ['status', 1],
      ['expiresAt', 1],
    ],
  },
  {
    collection: 'serviceItems',
    keys: [
      ['stationId', 1],
      ['active', 1],
    ],
  },
  {
    collection: 'slots',
    keys: [
      ['resourceId', 1],
      ['date', 1],
      ['start', 1],
    ],
  },
  { collection: 'slots', keys: [['date', 1]] },
  {
    collection: 'bookings',
    keys: [
      ['openid', 1],
      ['status', 1],
      ['seq', -1],
    ],
  },
  {
    collection: 'bookings',
    keys: [
      ['slotId', 1],
      ['status', 1],
    ],
  },
  {
    collection: 'bookings',
    keys: [
      ['itemId', 1],
      ['start', 1],
    ],
  },
  {
    collection: 'bookings',
    keys: [
      ['status', 1],
      ['end', 1],
    ],
  },
  {
    collection: 'notifications',
    keys: [
      ['openid', 1],
      ['sentAt', 1],
      ['dueAt', -1],
    ],
  },
  {
    collection: 'notifications',
    keys: [
      ['sentAt', 1],
      ['dueAt', 1],
    ],
  },
  {
    collection: 'notifications',
    keys: [
      ['openid', 1],
      ['sentAt', -1],
      ['_id', -1],
    ],
  },
  {
    collection: 'notifications',
    keys: [
      ['openid', 1],
      ['module', 1],
      ['readAt', 1],
    ],
  },
  {
    collection: 'vaccinePersons',
    keys: [
      ['owner', 1],
      ['createdAt', 1],
    ],
  },
  {
    collection: 'appointments',
    keys: [
      ['owner', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'appointments',
    keys: [
      ['personId', 1],
      ['status', 1],
    ],
  },
  {
    collection: 'appointments',
    keys: [
      ['siteId', 1],
      ['start', 1],
    ],
  },
  { collection: 'vaccinePersons', keys: [['idHash', 1]] },
  // The reconcile jobs find hot documents carrying a taken mark (core/intents.ts `reconcileMarks`).
  { collection: 'goods', keys: [['holding', 1]] },
  { collection: 'slots', keys: [['holding', 1]] },
  {
    collection: 'helpRequests',
    keys: [
      ['openid', 1],
      ['status', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['openid', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['unitId', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['county', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['unitId', 1],
      ['status', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['county', 1],
      ['status', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['status', 1],
      ['county', 1],
      ['kind', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['status', 1],
      ['county', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['status', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['claimantIds', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['kind', 1],
      ['publicOnWall', 1],
      ['status', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['status', 1],
      ['overdue', 1],
      ['createdAt', 1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['status', 1],
      ['overdue', 1],
      ['acceptedAt', 1],
    ],
  },
  {
    collection: 'helpRequests',
    keys: [
      ['status', 1],
      ['mode', 1],
      ['updatedAt', -1],
    ],
  },
  { collection: 'helpRequests', keys: [['createdAt', -1]] },
  {
    collection: 'helpRequestEvents',
    keys: [
      ['requestId', 1],
      ['at', 1],
    ],
  },
  { collection: 'helpRequestEvents', keys: [['photos', 1]] },
  { collection: 'helpRequests', keys: [['photos', 1]] },
  // A photo's content-check verdict moves it from heldPhotos to photos (domain/requests/pictures.ts).
  { collection: 'helpRequestEvents', keys: [['heldPhotos', 1]] },
  { collection: 'helpRequests', keys: [['heldPhotos', 1]] },
  {
    collection: 'helpPhotos',
    keys: [
      ['state', 1],
      ['at', 1],
    ],
  },
  // The pushed verdict finds its photo by trace id; the job finds checks that never answered, and unsettled verdicts.
  { collection: 'helpPhotos', keys: [['traceId', 1]] },
  {
    collection: 'helpPhotos',
    keys: [
      ['check', 1],
      ['checkAt', 1],
    ],
  },
  { collection: 'helpPhotos', keys: [['settled', 1]] },
  {
    collection: 'volunteers',
    keys: [
      ['unitId', 1],
      ['status', 1],
      ['appliedAt', -1],
    ],
  },
  {
    collection: 'volunteers',
    keys: [
      ['county', 1],
      ['status', 1],
      ['appliedAt', -1],
    ],
  },
  {
    collection: 'volunteers',
    keys: [
      ['status', 1],
      ['appliedAt', -1],
    ],
  },
  {
    collection: 'timeBankLedger',
    keys: [
      ['openid', 1],
      ['seq', -1],
    ],
  },
  { collection: 'users', keys: [['role', 1]] },
  {
    collection: 'orgInvites',
    keys: [
      ['branchId', 1],
      ['expiresAt', -1],
    ],
  },
  {
    collection: 'orgApplications',
    keys: [
      ['branchId', 1],
      ['status', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'orgApplications',
    keys: [
      ['branchId', 1],
      ['personHash', 1],
      ['status', 1],
    ],
  },
  {
    collection: 'orgApplications',
    keys: [
      ['openid', 1],
      ['status', 1],
    ],
  },
  {
    collection: 'orgApplications',
    keys: [
      ['openid', 1],
      ['requestId', 1],
    ],
  },
  {
    collection: 'orgApplications',
    keys: [
      ['openid', 1],
      ['createdAt', -1],
    ],
  },
  {
    collection: 'auditLog',
    keys: [
      ['actor', 1],
      ['_id', -1],
    ],
  },
  {
    collection: 'auditLog',
    keys: [
      ['action', 1],
      ['_id', -1],
    ],
  },
  {
    collection: 'auditLog',
    keys: [
      ['op', 1],
      ['_id', -1],
    ],
  },
  {
    collection: 'auditLog',
    keys: [
      ['targetId', 1],
      ['_id', -1],
    ],
  },
  { collection: 'consoleLogins', keys: [['expiresAt', 1]] },
  {
    collection: 'consoleLogins',
    keys: [
      ['status', 1],
      ['expiresAt', 1],
    ],
  },
  {
    collection: 'consoleSessions',
    keys: [
      ['openid', 1],
      ['expiresAt', -1],
    ],
  },
  { collection: 'consoleSessions', keys: [['expiresAt', 1]] },
  { collection: 'consoleLoginLimits', keys: [['expiresAt', 1]] },
  {
    collection: 'bookings',
    keys: [
      ['status', 1],
      ['checkedInAt', 1],
    ],
  },
  {
    collection: 'appointments',
    keys: [
      ['status', 1],
      ['completedAt', 1],
    ],
  },
  {
    collection: 'orders',
    keys: [
      ['status', 1],
      ['pickedAt', 1],
    ],
  },
  // 我的 (user.overview, stations.myWaitlist): waiting-list places, the next booking, open appointments.
  {
    collection: 'slots',
    keys: [
      ['queue', 1],
      ['start', 1],
    ],
  },
  {
    collection: 'bookings',
    keys: [
      ['openid', 1],
      ['status', 1],
      ['end', 1],
    ],
  },
  {
    collection: 'appointments',
    keys: [
      ['owner', 1],
      ['status', 1],
    ],
  },
  {
    collection: 'appointments',
    keys: [
      ['idHash', 1],
      ['status', 1],
    ],
  }, // 党建地图 and 红色打卡 (domain/map): markers of a visible area, routes through a landmark, 足迹, counts.
  {
    collection: 'landmarks',
    keys: [
      ['active', 1],
      ['location.lat', 1],
    ],
  },
  {
    collection: 'mapRoutes',
    keys: [
      ['landmarkIds', 1],
      ['active', 1],
    ],
  },
  { collection: 'mapRoutes', keys: [['active', 1]] },
  // The console's map lists (mapAdminList): a secretary's branch, a county admin's county, by kind, paged by _id.
  {
    collection: 'landmarks',
    keys: [
      ['active', 1],
      ['branchId', 1],
      ['kind', 1],
      ['_id', 1],
    ],
  },
  {
    collection: 'landmarks',
    keys: [
      ['active', 1],
      ['county', 1],
      ['kind', 1],
      ['_id', 1],
    ],
  },
  {
    collection: 'mapRoutes',
    keys: [
      ['active', 1],
      ['county', 1],
      ['_id', 1],
    ],
  },
  {
    collection: 'landmarkCheckins',
    keys: [
      ['openid', 1],
      ['seq', -1],
    ],
  },
  { collection: 'landmarkCheckins', keys: [['landmarkId', 1]] },
  { collection: 'routeCompletions', keys: [['routeId', 1]] },
  // 达标创星 (domain/stars): the review list of a quarter (by county), a branch's signed-off stars.
  {
    collection: 'starRatings',
    keys: [
      ['quarter', 1],
      ['county', 1],
    ],
  },
  {
    collection: 'starRatings',
    keys: [
      ['branchId', 1],
      ['status', 1],
      ['quarter', -1],
    ],
  },
  // 通知公告 and 政治生日 (domain/notices): a reader's current notices, a manager's newest, read counts, the day's birthdays.
  {
    collection: 'notices',
    keys: [
      ['key', 1],
      ['expiresAt', 1],
      ['publishedAt', -1],
    ],
  },
  {
    collection: 'notices',
    keys: [
      ['county', 1],
      ['publishedAt', -1],
    ],
  },
  {
    collection: 'notices',
    keys: [
      ['branchId', 1],
      ['publishedAt', -1],
    ],
  },
  { collection: 'notices', keys: [['telling', 1]] },
  {
    collection: 'noticeReads',
    keys: [
      ['noticeId', 1],
      ['openid', 1],
    ],
  },
  { collection: 'noticeReads', keys: [['openid', 1]] },
  { collection: 'partyDates', keys: [['monthDay', 1]] },
  {
    collection: 'partyBirthdayCards',
    keys: [
      ['openid', 1],
      ['day', -1],
    ],
  },
];

/** CloudBase needs a name per index (letters, digits, underscores): e.g. `openid_asc_seq_desc`. */
export const indexName = (spec: IndexSpec): string =>
  spec.keys.map(([field, dir]) => `${field.replace(/\W/g, '_')}_${dir === 1 ? 'asc' : 'desc'}`).join('_');
