import { defineFunction } from '../../define';
import * as earning from '../../../domain/points';
import {
  exportLedger,
  goods,
  goodsDetail,
  restock,
  saveGoods,
  expireOrders,
  reconcileRedemptions,
  cancelOrder,
  orders,
  verifyOrder,
  redeem,
  leaderboard,
} from '../../../domain/points';
import * as ledger from '../../../domain/points';

export const router = defineFunction(
  'points',
  {
    rules: earning.rules,
    summary: ledger.summary,
    ledger: ledger.ledger,
    activities: earning.activities,
    checkin: earning.checkin,
    goods,
    goodsDetail,
    redeem,
    orders,
    cancelOrder,
    verifyOrder,
    leaderboard,
    award: earning.award,
    saveGoods,
    restock,
    publishActivity: earning.publishActivity,
    export: exportLedger,
  },
  { expireOrders: (db, now) => expireOrders(db, now), reconcile: reconcileRedemptions },
);
