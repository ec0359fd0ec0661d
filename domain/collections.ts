/**
 * Every collection the product uses, with who may read it from a client. Nobody writes from a
 * client: all writes go through cloud functions. cloudbaserc.json must say the same (tested).
 */
export const COLLECTIONS = {
  users: { description: '用户与角色（_id 为 openid）', clientRead: false },
  branches: { description: '党支部', clientRead: true },
  pointAccounts: { description: '积分账户（余额）', clientRead: false },
  stations: { description: '红色驿站与党群服务中心', clientRead: true },
  vaccineSites: { description: '红色疫苗接种点', clientRead: true },
  meta: { description: '系统标记（演示数据、迁移）', clientRead: false },
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
