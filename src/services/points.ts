import type { ActionInput, ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import type { OrderStatus } from '../../domain/points/model';
import { callFunction } from './transport';

export type Summary = ActionOutput<'points', 'summary'>;
export type LedgerItem = ItemOf<ActionOutput<'points', 'ledger'>>;
export type Rule = ItemOf<ActionOutput<'points', 'rules'>>;
export type ActivityItem = ItemOf<ActionOutput<'points', 'activities'>>;
export type CheckinAnswer = ActionOutput<'points', 'checkin'>;
export type GoodsItem = ItemOf<ActionOutput<'points', 'goods'>>;
export type GoodsDetail = ActionOutput<'points', 'goodsDetail'>;
export type OrderItem = ItemOf<ActionOutput<'points', 'orders'>>;
export type Leaderboard = ActionOutput<'points', 'leaderboard'>;
export type RedeemAnswer = ActionOutput<'points', 'redeem'>;
export type { OrderStatus };

/** A request id for an action that must have one effect however often it is retried. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export const getSummary = () => callFunction('points', 'summary');
export const listLedger = (cursor?: string) => callFunction('points', 'ledger', { cursor });
export const listRules = () => callFunction('points', 'rules');
export const listActivities = (cursor?: string) => callFunction('points', 'activities', { cursor });
export const checkIn = (code: string) => callFunction('points', 'checkin', { code });
export const listGoods = (cursor?: string) => callFunction('points', 'goods', { cursor });
export const getGoods = (goodsId: string) => callFunction('points', 'goodsDetail', { goodsId });
export const redeem = (goodsId: string, qty: number, requestId: string) =>
  callFunction('points', 'redeem', { goodsId, qty, requestId });
export const listOrders = (status: OrderStatus | undefined, cursor?: string) =>
  callFunction('points', 'orders', { status, cursor });
export const cancelMyOrder = (orderId: string) => callFunction('points', 'cancelOrder', { orderId });
export const verifyPickup = (pickupCode: string) => callFunction('points', 'verifyOrder', { pickupCode });
export const getLeaderboard = (scope: 'member' | 'branch') => callFunction('points', 'leaderboard', { scope });
export const awardPoints = (input: ActionInput<'points', 'award'>) => callFunction('points', 'award', input);

export const publishActivity = (input: ActionInput<'points', 'publishActivity'>) =>
  callFunction('points', 'publishActivity', input);
export const exportLedger = (input: ActionInput<'points', 'export'>) => callFunction('points', 'export', input);
