import type { Page } from '../../domain/core/paging';
import type { activities, award, checkin, rules } from '../../domain/points/earning';
import type { ledger, summary } from '../../domain/points/ledger';
import type { cancelOrder, goods, goodsDetail, orders, RedeemAnswer, verifyOrder } from '../../domain/points/mall';
import type { OrderStatus } from '../../domain/points/model';
import type { leaderboard } from '../../domain/points/ranking';
import { callFunction } from './transport';

type Result<A extends { run: (...args: never[]) => Promise<unknown> }> = Awaited<ReturnType<A['run']>>;
type Item<P> = P extends { items: (infer T)[] } ? T : never;

export type Summary = Result<typeof summary>;
export type LedgerItem = Item<Result<typeof ledger>>;
export type Rule = Item<Result<typeof rules>>;
export type ActivityItem = Item<Result<typeof activities>>;
export type CheckinAnswer = Result<typeof checkin>;
export type GoodsItem = Item<Result<typeof goods>>;
export type GoodsDetail = Result<typeof goodsDetail>;
export type OrderItem = Item<Result<typeof orders>>;
export type Leaderboard = Result<typeof leaderboard>;
export type { OrderStatus, RedeemAnswer };

/** A request id for an action that must have one effect however often it is retried. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export const getSummary = () => callFunction<Summary>('points', 'summary');
export const listLedger = (cursor?: string) => callFunction<Page<LedgerItem>>('points', 'ledger', { cursor });
export const listRules = () => callFunction<{ items: Rule[] }>('points', 'rules');
export const listActivities = (cursor?: string) => callFunction<Page<ActivityItem>>('points', 'activities', { cursor });
export const checkIn = (code: string) => callFunction<CheckinAnswer>('points', 'checkin', { code });
export const listGoods = (cursor?: string) => callFunction<Page<GoodsItem>>('points', 'goods', { cursor });
export const getGoods = (goodsId: string) => callFunction<GoodsDetail>('points', 'goodsDetail', { goodsId });
export const redeem = (goodsId: string, qty: number, requestId: string) => callFunction<RedeemAnswer>('points', 'redeem', { goodsId, qty, requestId });
export const listOrders = (status: OrderStatus | undefined, cursor?: string) => callFunction<Page<OrderItem>>('points', 'orders', { status, cursor });
export const cancelMyOrder = (orderId: string) => callFunction<Result<typeof cancelOrder>>('points', 'cancelOrder', { orderId });
export const verifyPickup = (pickupCode: string) => callFunction<Result<typeof verifyOrder>>('points', 'verifyOrder', { pickupCode });
export const getLeaderboard = (scope: 'member' | 'branch') => callFunction<Leaderboard>('points', 'leaderboard', { scope });
export const awardPoints = (input: { openid: string; points: number; reason: string; requestId: string }) =>
  callFunction<Result<typeof award>>('points', 'award', input);

export const publishActivity = (input: { title: string; ruleId: string; place: string; start: string; end: string; requestId: string }) =>
  callFunction<{ activityId: string; code: string }>('points', 'publishActivity', input);
export const exportLedger = (input: { from: string; to: string; branchId?: string }) =>
  callFunction<{ filename: string; rows: number; csv: string }>('points', 'export', input);
