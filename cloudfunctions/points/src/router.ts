import { defineFunction } from '../../define';
import * as earning from '../../../domain/points/earning';
import { exportLedger } from '../../../domain/points/export';
import * as ledger from '../../../domain/points/ledger';
import * as mall from '../../../domain/points/mall';
import { leaderboard } from '../../../domain/points/ranking';

export const router = defineFunction(
  'points',
  {
    rules: earning.rules,
    summary: ledger.summary,
    ledger: ledger.ledger,
    activities: earning.activities,
    checkin: earning.checkin,
    goods: mall.goods,
    goodsDetail: mall.goodsDetail,
    redeem: mall.redeem,
    orders: mall.orders,
    cancelOrder: mall.cancelOrder,
    verifyOrder: mall.verifyOrder,
    leaderboard,
    award: earning.award,
    saveGoods: mall.saveGoods,
    restock: mall.restock,
    publishActivity: earning.publishActivity,
    export: exportLedger,
  },
  { expireOrders: (db, now) => mall.expireOrders(db, now), reconcile: mall.reconcileRedemptions },
);
