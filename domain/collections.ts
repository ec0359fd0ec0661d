/**
 * Every collection the product uses, with who may read it from a client. Nobody writes from a
 * client: all writes go through cloud functions. `npm run cloudbaserc` writes cloudbaserc.json from this.
 */
export const COLLECTIONS = {
  users: { description: '用户与角色（_id 为 openid）', clientRead: false },
  branches: { description: '党支部', clientRead: true },
  stations: { description: '红色驿站与党群服务中心', clientRead: true },
  vaccineSites: { description: '红色疫苗接种点', clientRead: true },
  pointRules: { description: '积分细则', clientRead: true },
  activities: { description: '党员活动（签到赚积分）', clientRead: false },
  activityCodes: { description: '活动签到码 → 活动', clientRead: false },
  pointAccounts: { description: '积分账户（余额、累计获得、累计消费）', clientRead: false },
  ledger: { description: '积分台账（每一笔变动）', clientRead: false },
  pointCaps: { description: '积分细则的日/月上限计数', clientRead: false },
  goods: { description: '积分商城商品', clientRead: false },
  goodsQuotas: { description: '每人限兑计数', clientRead: false },
  redemptionEvents: { description: '积分兑换日', clientRead: true },
  orders: { description: '兑换订单', clientRead: false },
  pickupCodes: { description: '取货码 → 订单', clientRead: false },
  serviceItems: { description: '驿站可预约的服务与场地', clientRead: true },
  slots: { description: '预约时段（容量、已约、候补队列）', clientRead: false },
  bookings: { description: '预约记录', clientRead: false },
  bookingCodes: { description: '预约码 → 预约', clientRead: false },
  bookers: { description: '每人有效预约数', clientRead: false },
  notifications: { description: '消息通知（预约成功、候补成功、提醒、取消）', clientRead: false },
  vaccinePersons: { description: '接种人（姓名、身份证号、电话加密存储）', clientRead: false },
  vaccineOwners: { description: '每位用户的接种人数量', clientRead: false },
  appointments: { description: '接种预约', clientRead: false },
  appointmentCodes: { description: '接种预约码 → 预约', clientRead: false },
  intents: { description: '抢兑、预约、接种占位的意向记录（补偿与对账用）', clientRead: false },
  meta: { description: '系统标记（演示数据、迁移）', clientRead: false },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
