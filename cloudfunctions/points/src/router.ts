import { defineFunction } from '../../define';
import * as earning from '../../../domain/points/earning';
import { exportLedger } from '../../../domain/points/export';
import * as ledger from '../../../domain/points/ledger';
import { goods, goodsDetail } from '../../../domain/points/goods';
import { restock, saveGoods } from '../../../domain/points/goods-admin';
import { expireOrders, reconcileRedemptions } from '../../../domain/points/jobs';
import { cancelOrder, orders } from '../../../domain/points/orders';
import { verifyOrder } from '../../../domain/points/pickup';
import { redeem } from '../../../domain/points/redeem';
import { leaderboard } from '../../../domain/points/ranking';

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
