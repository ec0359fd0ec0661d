/**
 * The words of the audit log: what each recorded action is called, what it acts on, and the names of the fields
 * shown before and after. Plain data (no zod, no Node): the presenter (present.ts) writes each entry as a sentence
 * with them, and the console imports this file for its 操作 filter.
 */

/** What an action acts on: its Chinese noun, the collection its name is read from, and the fields holding the name. */
export const TARGET_KINDS = {
  goods: { noun: '商品', collection: 'goods', names: ['name'] },
  activity: { noun: '活动', collection: 'activities', names: ['title'] },
  person: { noun: '', collection: 'users', names: ['nickname'] },
  order: { noun: '兑换订单', collection: 'orders', names: ['goodsName'] },
  station: { noun: '驿站', collection: 'stations', names: ['name'] },
  item: { noun: '预约项目', collection: 'serviceItems', names: ['name'] },
  booking: { noun: '预约', collection: 'bookings', names: ['itemName'] },
  site: { noun: '接种点', collection: 'vaccineSites', names: ['name'] },
  appointment: { noun: '接种预约', collection: 'appointments', names: ['vaccineName'] },
  unit: { noun: '', collection: 'orgUnits', names: ['name'] },
  /** An invite code is named by its branch (the code itself is a credential of sorts). */
  invite: { noun: '', collection: 'orgInvites', names: [] },
  application: { noun: '加入支部申请', collection: 'orgApplications', names: ['maskedName'] },
  request: { noun: '点单', collection: 'helpRequests', names: ['title'] },
  rating: { noun: '星级评定', collection: 'starRatings', names: ['branchName'] },
  notice: { noun: '通知', collection: 'notices', names: ['title'] },
  meeting: { noun: '会议', collection: 'meetings', names: ['title'] },
  place: { noun: '地图地点', collection: 'landmarks', names: ['name'] },
  route: { noun: '打卡路线', collection: 'mapRoutes', names: ['name'] },
  none: { noun: '', collection: '', names: [] },
} as const satisfies Record<string, { noun: string; collection: string; names: readonly string[] }>;
export type TargetKind = keyof typeof TARGET_KINDS;

/**
 * One recorded action. `says` is the sentence after the person, `{target}` standing for what it acted on
 * (「驿站「永福县党群服务中心」」). `created` is said instead when there was nothing before (a new record);
 * `by` picks a sentence by a field of the record after (`status`, `archived`).
 */
export interface OperationWords {
  /** The action's name in the 操作 filter and the table. */
  label: string;
  target: TargetKind;
  says: string;
  created?: string;
  by?: { field: string; says: Readonly<Record<string, string>> };
  /** A field of the record after naming a person the sentence mentions (`{person}`). */
  person?: string;
  /** No longer recorded (a plain page view); kept so entries written before still read as sentences. */
  past?: true;
}

export const OPERATIONS: Readonly<Record<string, OperationWords>> = {
  'user.setRole': { label: '设置角色', target: 'person', says: '调整了{target}的角色' },
  'org.setRole': { label: '设置角色', target: 'person', says: '调整了{target}的角色' },
  'org.moveMember': { label: '调动党员', target: 'person', says: '调动了{target}的所在支部' },
  'org.assignStaff': { label: '安排工作人员', target: 'person', says: '调整了{target}负责的驿站和接种点' },
  'org.setSecretary': { label: '任命书记', target: 'unit', says: '任命{person}为{target}的书记', person: 'secretary' },
  'org.saveUnit': { label: '保存组织', target: 'unit', says: '修改了{target}', created: '新建了{target}' },
  'org.archiveUnit': {
    label: '撤销或恢复组织',
    target: 'unit',
    says: '修改了{target}',
    by: { field: 'archived', says: { true: '撤销了{target}', false: '恢复了{target}' } },
  },
  'org.createInvite': { label: '生成邀请码', target: 'unit', says: '生成了{target}的加入支部邀请码' },
  'org.revokeInvite': { label: '停用邀请码', target: 'invite', says: '停用了{target}的一个加入支部邀请码' },
  'org.review': {
    label: '审核加入支部申请',
    target: 'application',
    says: '审核了{target}',
    by: { field: 'status', says: { approved: '通过了{target}', rejected: '未通过{target}' } },
  },
  'org.members': { label: '查看党员名单', target: 'unit', says: '查看了{target}的党员名单（含真实姓名）' },
  'org.searchMembers': { label: '搜索党员', target: 'unit', says: '按姓名搜索了{target}的党员（含真实姓名）' },
  'org.importRoster': { label: '导入党员名册', target: 'unit', says: '导入了{target}的党员名册' },
  'points.planMeeting': { label: '安排会议', target: 'meeting', says: '安排了{target}' },
  'points.cancelMeeting': { label: '取消会议', target: 'meeting', says: '取消了{target}' },
  'points.recordMinutes': { label: '记录会议', target: 'meeting', says: '记录了{target}的会议记录和出勤' },
  'points.decideLeave': { label: '审批请假', target: 'meeting', says: '审批了{target}的一个请假' },
  'points.linkLiaison': { label: '设置联系点', target: 'unit', says: '设置了{target}的联系点' },
  'points.unlinkLiaison': { label: '取消联系点', target: 'unit', says: '取消了{target}的一个联系点' },
  'org.publishNotice': { label: '发布通知', target: 'notice', says: '发布了{target}' },
  'org.pinNotice': {
    label: '置顶通知',
    target: 'notice',
    says: '修改了{target}的置顶',
    by: { field: 'pinned', says: { true: '置顶了{target}', false: '取消置顶{target}' } },
  },
  'org.endNotice': { label: '结束通知', target: 'notice', says: '结束了{target}' },
  'org.setJoinDate': { label: '设置入党日期', target: 'person', says: '修改了{target}的入党日期' },
  'org.birthdays': { label: '查看政治生日', target: 'unit', says: '查看了{target}党员的政治生日（含入党日期）' },
  'points.award': { label: '奖励积分', target: 'person', says: '给{target}奖励了积分' },
  'points.saveGoods': { label: '保存商品', target: 'goods', says: '修改了{target}', created: '上架了{target}' },
  'points.restock': { label: '补充库存', target: 'goods', says: '给{target}补充了库存' },
  'points.publishActivity': { label: '发布活动', target: 'activity', says: '发布了{target}' },
  'points.verifyOrder': { label: '核销兑换', target: 'order', says: '核销了{target}' },
  'points.export': { label: '导出积分台账', target: 'unit', says: '导出了{target}的积分台账' },
  'stations.saveStation': { label: '保存驿站', target: 'station', says: '修改了{target}', created: '新建了{target}' },
  'stations.saveItem': { label: '保存预约项目', target: 'item', says: '修改了{target}', created: '新建了{target}' },
  'stations.generateSlots': { label: '生成预约时段', target: 'item', says: '为{target}生成了预约时段' },
  'stations.closeSlots': { label: '关闭预约时段', target: 'item', says: '关闭了{target}的预约时段' },
  'stations.verify': { label: '核销预约', target: 'booking', says: '核销了{target}' },
  'stations.export': { label: '导出预约名单', target: 'item', says: '导出了{target}的预约名单' },
  'stations.saveLandmark': {
    label: '保存红色地标',
    target: 'place',
    says: '修改了{target}',
    created: '新建了{target}',
  },
  'stations.saveRoute': { label: '保存打卡路线', target: 'route', says: '修改了{target}', created: '新建了{target}' },
  'stations.savePost': { label: '保存先锋岗', target: 'place', says: '修改了{target}', created: '新建了{target}' },
  'stations.saveShop': { label: '保存诚信经营户', target: 'place', says: '修改了{target}', created: '新建了{target}' },
  'stations.archiveMapPlace': {
    label: '停用或恢复地图地点',
    target: 'place',
    says: '修改了{target}',
    by: { field: 'active', says: { false: '停用了{target}', true: '恢复了{target}' } },
  },
  'stations.mapAdminList': { label: '查看地图地点列表', target: 'none', says: '查看了地图上的地点和路线' },
  'vaccine.saveSite': { label: '保存接种点', target: 'site', says: '修改了{target}', created: '新建了{target}' },
  'vaccine.generateSlots': { label: '生成接种时段', target: 'site', says: '为{target}生成了接种时段' },
  'vaccine.setStatus': {
    label: '暂停或恢复接种点',
    target: 'site',
    says: '修改了{target}的状态',
    by: { field: 'status', says: { open: '恢复开放了{target}', paused: '暂停了{target}' } },
  },
  'vaccine.verify': { label: '核销接种', target: 'appointment', says: '核销了{target}' },
  'vaccine.releasePerson': { label: '解除证件号占用', target: 'none', says: '核对证件后解除了一个证件号的占用' },
  'vaccine.export': { label: '导出接种名单', target: 'site', says: '导出了{target}的接种名单' },
  'requests.review': {
    label: '受理点单',
    target: 'request',
    says: '审核了{target}',
    by: { field: 'status', says: { accepted: '受理了{target}', declined: '未受理{target}' } },
  },
  'requests.dispatch': {
    label: '派单',
    target: 'request',
    says: '派发了{target}',
    by: {
      field: 'status',
      says: { inProgress: '把{target}指派给{person}办理', open: '把{target}发布到任务大厅' },
    },
    person: 'assignee',
  },
  'requests.withdraw': { label: '收回认领', target: 'request', says: '收回了{target}的认领' },
  'requests.reviewVolunteer': {
    label: '审核志愿者',
    target: 'person',
    says: '审核了{target}的志愿者登记',
    by: { field: 'status', says: { approved: '通过了{target}的志愿者登记', rejected: '未通过{target}的志愿者登记' } },
  },
  'admin.computeStars': { label: '计算星级', target: 'none', says: '计算了一个季度的党支部星级' },
  'admin.adjustStars': { label: '调整星级', target: 'rating', says: '调整了{target}' },
  'admin.signOffStars': { label: '确认星级', target: 'rating', says: '确认了{target}' },
  'admin.uploadImage': { label: '上传图片', target: 'none', says: '上传了一张图片' },
  'admin.dashboardExport': { label: '导出数据看板', target: 'unit', says: '导出了{target}的数据看板' },
  'admin.auditExport': { label: '导出操作日志', target: 'none', says: '导出了操作日志' },
  'admin.approveConsoleLogin': { label: '确认后台登录', target: 'none', says: '在小程序中确认了一次管理后台登录' },
  'admin.revokeConsoleSession': { label: '退出后台登录', target: 'none', says: '退出了一次管理后台登录' },
  // Page views recorded before they were left out of the log.
  'requests.queue': { label: '查看点单列表', target: 'none', says: '查看了点单列表', past: true },
  'requests.volunteers': { label: '查看志愿者列表', target: 'none', says: '查看了志愿者列表', past: true },
  'requests.stats': { label: '查看点单统计', target: 'unit', says: '查看了{target}的点单统计', past: true },
  'stations.roster': { label: '查看预约名单', target: 'item', says: '查看了{target}的预约名单', past: true },
  'vaccine.roster': { label: '查看接种名单', target: 'site', says: '查看了{target}的接种名单', past: true },
};

/** How a field's value is written: as it is, a count, a time, yes/no, or a name looked up from an id. */
export type FieldFormat =
  | 'text'
  | 'number'
  | 'time'
  | 'date'
  | 'bool'
  | 'role'
  | 'status'
  | 'unit'
  | 'person'
  | 'stations'
  | 'sites'
  | 'picture';

/** The fields an entry may show, in this order; any other field (ids, counters, internals) is left out. */
export const FIELDS: Readonly<Record<string, { label: string; format: FieldFormat }>> = {
  name: { label: '名称', format: 'text' },
  title: { label: '标题', format: 'text' },
  joinDate: { label: '入党日期', format: 'text' },
  pinned: { label: '置顶', format: 'bool' },
  nickname: { label: '昵称', format: 'text' },
  maskedName: { label: '姓名', format: 'text' },
  goodsName: { label: '商品', format: 'text' },
  itemName: { label: '预约项目', format: 'text' },
  siteName: { label: '接种点', format: 'text' },
  vaccineName: { label: '疫苗', format: 'text' },
  status: { label: '状态', format: 'status' },
  role: { label: '角色', format: 'role' },
  branchId: { label: '所在支部', format: 'unit' },
  unitId: { label: '组织', format: 'unit' },
  parentId: { label: '上级组织', format: 'unit' },
  scopeUnitId: { label: '管理范围', format: 'unit' },
  secretary: { label: '书记', format: 'person' },
  assignee: { label: '指派给', format: 'person' },
  claimant: { label: '认领人', format: 'person' },
  stationIds: { label: '负责的驿站', format: 'stations' },
  siteIds: { label: '负责的接种点', format: 'sites' },
  archived: { label: '已撤销', format: 'bool' },
  county: { label: '县（市、区）', format: 'text' },
  district: { label: '乡镇（街道）', format: 'text' },
  town: { label: '乡镇', format: 'text' },
  address: { label: '地址', format: 'text' },
  openHours: { label: '开放时间', format: 'text' },
  intro: { label: '简介', format: 'text' },
  description: { label: '说明', format: 'text' },
  notice: { label: '公告', format: 'text' },
  category: { label: '类别', format: 'text' },
  price: { label: '所需积分', format: 'number' },
  stock: { label: '库存', format: 'number' },
  perUserLimit: { label: '每人限兑', format: 'number' },
  picture: { label: '图片', format: 'picture' },
  balance: { label: '积分余额', format: 'number' },
  points: { label: '积分', format: 'number' },
  stars: { label: '星级', format: 'number' },
  reason: { label: '原因', format: 'text' },
  place: { label: '地点', format: 'text' },
  places: { label: '名额', format: 'number' },
  hours: { label: '时长（小时）', format: 'number' },
  capacity: { label: '每个时段人数', format: 'number' },
  start: { label: '开始', format: 'time' },
  end: { label: '结束', format: 'time' },
  from: { label: '起始日期', format: 'date' },
  to: { label: '截止日期', format: 'date' },
  date: { label: '日期', format: 'date' },
  keyword: { label: '搜索词', format: 'text' },
  returned: { label: '返回人数', format: 'number' },
  created: { label: '新增时段', format: 'number' },
  added: { label: '新增', format: 'number' },
  unchanged: { label: '未变化', format: 'number' },
  rows: { label: '行数', format: 'number' },
  expiresAt: { label: '有效至', format: 'time' },
  revokedAt: { label: '停用时间', format: 'time' },
  bytes: { label: '大小（字节）', format: 'number' },
};

/** Status words of every kind of record the log shows (one table: the keys do not clash in meaning). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  submitted: '待受理',
  declined: '未受理',
  accepted: '已受理',
  open: '开放',
  inProgress: '办理中',
  finished: '待确认',
  confirmed: '已办结',
  cancelled: '已取消',
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  active: '有效',
  checkedIn: '已签到',
  noShow: '未到场',
  completed: '已接种',
  picked: '已领取',
  expired: '已过期',
  paused: '已暂停',
  proposed: '待审核',
  signedOff: '已确认',
  on: '上架',
  off: '下架',
};

/** A request that is `open` is 招募中 (in the 任务大厅), a site that is `open` is 开放. */
export const REQUEST_STATUS_WORDS: Readonly<Record<string, string>> = { open: '招募中' };

/**
 * The 操作 filter: every recorded action's label once. Both setRole actions answer to one choice, a search by the
 * action's name alone (`setRole`), which the audit search matches in any function.
 */
export const OPERATION_CHOICES: readonly { value: string; label: string }[] = Object.entries(OPERATIONS)
  .filter(([op, words]) => op !== 'user.setRole' && !words.past)
  .map(([op, words]) => ({ value: op.endsWith('.setRole') ? 'setRole' : op, label: words.label }));
