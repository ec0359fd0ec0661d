/**
 * Every collection the product uses, with its CloudBase security rule (`acl`). Nobody writes from a
 * client: all writes go through cloud functions, which bypass the rules. `ADMINONLY` (no client access)
 * for anything holding people's data or counters; `ADMINWRITE` (clients may read) only for public
 * directories. `npm run cloud:setup` creates the collections with these rules and the indexes below.
 */
export type AclTag = 'ADMINONLY' | 'ADMINWRITE';

const PRIVATE = { acl: 'ADMINONLY' } as const;
const DIRECTORY = { acl: 'ADMINWRITE' } as const;

export const COLLECTIONS = {
  users: { description: '用户与角色（_id 为 openid）', ...PRIVATE },
  branches: { description: '党支部', ...DIRECTORY },
  stations: { description: '红色驿站与党群服务中心', ...DIRECTORY },
  vaccineSites: { description: '红色疫苗接种点', ...DIRECTORY },
  pointRules: { description: '积分细则', ...DIRECTORY },
  activities: { description: '党员活动（签到赚积分）', ...PRIVATE },
  activityCodes: { description: '活动签到码 → 活动', ...PRIVATE },
  pointAccounts: { description: '积分账户（余额、累计获得、累计消费）', ...PRIVATE },
  ledger: { description: '积分台账（每一笔变动）', ...PRIVATE },
  pointCaps: { description: '积分细则的日/月上限计数', ...PRIVATE },
  goods: { description: '积分商城商品', ...PRIVATE },
  goodsQuotas: { description: '每人限兑计数', ...PRIVATE },
  redemptionEvents: { description: '积分兑换日', ...DIRECTORY },
  orders: { description: '兑换订单', ...PRIVATE },
  pickupCodes: { description: '取货码 → 订单', ...PRIVATE },
  serviceItems: { description: '驿站可预约的服务与场地', ...DIRECTORY },
  slots: { description: '预约时段（容量、已约、候补队列）', ...PRIVATE },
  bookings: { description: '预约记录', ...PRIVATE },
  bookingCodes: { description: '预约码 → 预约', ...PRIVATE },
  bookers: { description: '每人有效预约数', ...PRIVATE },
  notifications: { description: '消息（各模块的一个发件箱：订阅消息与站内消息，投递尝试记录）', ...PRIVATE },
  vaccinePersons: { description: '接种人（姓名、身份证号、电话加密存储）', ...PRIVATE },
  vaccineOwners: { description: '每位用户的接种人数量', ...PRIVATE },
  appointments: { description: '接种预约', ...PRIVATE },
  appointmentCodes: { description: '接种预约码 → 预约', ...PRIVATE },
  meta: { description: '系统标记（演示数据、迁移）', ...PRIVATE },
  orgUnits: { description: '组织架构：县（市、区）、街道/社区大党委、联盟、党支部', ...PRIVATE },
  orgInvites: { description: '党支部邀请码', ...PRIVATE },
  orgApplications: { description: '入党支部申请（姓名、电话加密存储）', ...PRIVATE },
  orgRoster: { description: '导入的党支部花名册（姓名、电话加密存储，待本人加入时匹配）', ...PRIVATE },
  intents: { description: '抢兑、预约、接种占位的意向记录（补偿与对账用）', ...PRIVATE },
  auditLog: { description: '操作日志（只追加：谁、什么角色、做了什么、哪条记录、改前改后、何时）', ...PRIVATE },
  consoleLogins: { description: '管理后台扫码登录票据（只存轮询密钥的哈希；发起的电脑的地址与浏览器）', ...PRIVATE },
  consoleSessions: {
    description: '管理后台登录会话（谁、从哪台电脑、何时起、8 小时内有效、可在小程序中退出）',
    ...PRIVATE,
  },
  consoleLoginLimits: { description: '管理后台扫码登录每个地址每分钟的发起次数（地址只存哈希）', ...PRIVATE },
  helpRequests: { description: '群众点单：微心愿与诉求（联系人姓名、电话加密存储）、认领、评价', ...PRIVATE },
  helpRequestEvents: { description: '群众点单的办理过程（时间线）', ...PRIVATE },
  helpPhotos: { description: '群众点单上传的照片（谁上传的，是否已用；一天未用即删除）', ...PRIVATE },
  helpPhotoQuotas: {
    description: '群众点单每人的计数：每天上传照片、点单、报告进展的次数，正在认领的任务',
    ...PRIVATE,
  },
  volunteers: {
    description: '登记的志愿者（姓名、电话加密存储；双报到在职党员；所属社区党支部与审核状态）',
    ...PRIVATE,
  },
  timeBankAccounts: { description: '时间银行账户（小时余额）', ...PRIVATE },
  timeBankLedger: { description: '时间银行台账（每一笔变动）', ...PRIVATE },
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
  {
    collection: 'intents',
    keys: [
      ['kind', 1],
      ['createdAt', 1],
    ],
  },
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
  {
    collection: 'helpPhotos',
    keys: [
      ['state', 1],
      ['at', 1],
    ],
  },
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
  },
];

/** CloudBase needs a name per index (letters, digits, underscores): e.g. `openid_asc_seq_desc`. */
export const indexName = (spec: IndexSpec): string =>
  spec.keys.map(([field, dir]) => `${field.replace(/\W/g, '_')}_${dir === 1 ? 'asc' : 'desc'}`).join('_');
