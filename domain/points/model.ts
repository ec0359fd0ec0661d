import { z } from 'zod';
import { setting } from '../core/config';
import { notClientWritten } from '../core/identity';

export const RULES = 'pointRules';
export const ACTIVITIES = 'activities';
export const ACTIVITY_CODES = 'activityCodes';
export const ACCOUNTS = 'pointAccounts';
export const LEDGER = 'ledger';
export const CAPS = 'pointCaps';
export const GOODS = 'goods';
export const GOODS_QUOTAS = 'goodsQuotas';
export const EVENTS = 'redemptionEvents';
export const ORDERS = 'orders';
export const PICKUP_CODES = 'pickupCodes';

/** Days an order waits for pickup before it expires and is refunded; `POINTS_PICKUP_DAYS` overrides. */
export const pickupDays = (): number => setting('POINTS_PICKUP_DAYS');
/** Check-in opens this long before an activity starts (the 71cms window). */
export const CHECKIN_OPENS_BEFORE_MS = 10 * 60_000;

export const CATEGORIES = [
  '三会一课',
  '主题党日',
  '组织生活会',
  '政治生日',
  '志愿服务',
  '双报到双服务',
  '学习',
  '入户走访',
  '政策宣讲',
  '夜巡',
  '垃圾分类劝导',
] as const;

export const ruleDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  category: z.string(),
  points: z.number().int().positive(),
  cap: z
    .object({ period: z.enum(['day', 'month']), max: z.number().int().positive() })
    .nullable()
    .catch(null),
  description: z.string().default(''),
});
export type Rule = z.output<typeof ruleDocSchema>;

export const activityDocSchema = z.object({
  _id: z.string(),
  title: z.string(),
  ruleId: z.string(),
  branchId: z.string().nullable().catch(null),
  place: z.string().default(''),
  start: z.number(),
  end: z.number(),
  code: z.string(),
  createdBy: z.string().default(''),
  createdAt: z.number().default(0),
  /** Set when the activity is a meeting's (domain/meetings): its check-in also marks the attendee present. */
  meetingId: z.string().nullable().default(null),
});
export type Activity = z.output<typeof activityDocSchema>;

/** `pointAccounts/{openid}`: the document that holds the balance, so every change to it conflicts. */
export const accountDocSchema = z.object({
  _id: z.string(),
  /** Refused: a balance a client wrote is no balance. */
  _openid: notClientWritten,
  balance: z.number().int().min(0),
  earned: z.number().int(),
  spent: z.number().int(),
  /** How many ledger entries; each entry's `seq`, for paging. */
  entries: z.number().int().min(0),
  /** How many orders; each order's `seq`, for paging. */
  orders: z.number().int().min(0),
  branchId: z.string().nullable(),
});
export type Account = z.output<typeof accountDocSchema>;

export const LEDGER_KINDS = {
  checkin: '活动签到',
  award: '管理员奖励',
  correction: '管理员更正',
  redeem: '积分兑换',
  refund: '兑换退还',
  service: '志愿服务（群众点单）',
} as const;
export type LedgerKind = keyof typeof LEDGER_KINDS;

export const ledgerDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  branchId: z.string().nullable(),
  seq: z.number().int(),
  amount: z.number().int(),
  balanceAfter: z.number().int(),
  kind: z.enum(Object.keys(LEDGER_KINDS) as [LedgerKind, ...LedgerKind[]]),
  reason: z.string(),
  ruleId: z.string().nullable().default(null),
  activityId: z.string().nullable().default(null),
  orderId: z.string().nullable().default(null),
  adminId: z.string().nullable().default(null),
  at: z.number(),
});
export type LedgerEntry = z.output<typeof ledgerDocSchema>;

export const goodsDocSchema = z.object({
  _id: z.string(),
  name: z.string(),
  picture: z.string().default(''),
  /** A new picture waiting for its content check (domain/content/held.ts); residents see `picture` meanwhile. */
  heldPicture: z.string().nullable().catch(null).default(null),
  description: z.string().default(''),
  price: z.number().int().positive(),
  stock: z.number().int().min(0),
  sold: z.number().int().min(0),
  /** Initial stock plus every restock: stock + sold always equals it. */
  stocked: z.number().int().min(0),
  perUserLimit: z.number().int().positive(),
  stationId: z.string().nullable().catch(null),
  saleStart: z.number().nullable().catch(null),
  saleEnd: z.number().nullable().catch(null),
  eventId: z.string().nullable().catch(null),
  lowStockAt: z.number().int().min(0).default(5),
  active: z.boolean().default(true),
});
export type Goods = z.output<typeof goodsDocSchema>;

export const eventDocSchema = z.object({ _id: z.string(), name: z.string(), start: z.number(), end: z.number() });
export type RedemptionEvent = z.output<typeof eventDocSchema>;

export const ORDER_STATUS = { pending: '待领取', picked: '已领取', cancelled: '已取消', expired: '已过期' } as const;
export type OrderStatus = keyof typeof ORDER_STATUS;
export const orderStatusSchema = z.enum(Object.keys(ORDER_STATUS) as [OrderStatus, ...OrderStatus[]]);

export const orderDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  seq: z.number().int(),
  goodsId: z.string(),
  goodsName: z.string(),
  qty: z.number().int().positive(),
  price: z.number().int(),
  total: z.number().int(),
  status: orderStatusSchema,
  pickupCode: z.string(),
  stationId: z.string().nullable().catch(null),
  /** The balance right after this redemption: part of the idempotent answer. */
  balanceAfter: z.number().int(),
  createdAt: z.number(),
  expiresAt: z.number(),
  pickedAt: z.number().nullable().default(null),
  pickedBy: z.string().nullable().default(null),
  closedAt: z.number().nullable().default(null),
});
export type Order = z.output<typeof orderDocSchema>;
