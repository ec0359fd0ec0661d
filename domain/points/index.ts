/**
 * The points module's door: what other modules, the functions and the hosts may use. Points: the ledger, earning (rules, activities, check-in, awards), the mall, orders and pickup, ranking, export.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { takeFromCap } from './caps';
export { rules, activities, checkin, award, publishActivity } from './earning';
export { checkinWith, insertActivity, newActivityCode, type CheckinHook } from './earning';
export { CHECKIN_OPENS_BEFORE_MS, activityDocSchema, type Activity } from './model';
export { exportLedger } from './export';
export { goods, goodsDetail } from './goods';
export { restock, saveGoods } from './goods-admin';
export { checkPointsInvariants, type InvariantReport } from './invariants';
export { expireOrders, reconcileRedemptions } from './jobs';
export { summary, ledger, post } from './ledger';
export {
  ACCOUNTS,
  ACTIVITIES,
  ACTIVITY_CODES,
  EVENTS,
  GOODS,
  LEDGER,
  ORDERS,
  RULES,
  accountDocSchema,
  ledgerDocSchema,
  ruleDocSchema,
} from './model';
export { cancelOrder, orders } from './orders';
export { verifyOrder } from './pickup';
export { leaderboard } from './ranking';
export { redeem } from './redeem';
export { CAPS } from './model';
export { GOODS_QUOTAS } from './model';
export { PICKUP_CODES } from './model';
