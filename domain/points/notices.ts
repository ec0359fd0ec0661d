/**
 * Where an order is collected and what its owner is told: the 驿站 an order names (name, address, opening hours,
 * coordinates for navigation) and the 消息 of each step — redeemed, picked up, cancelled or expired and refunded, and
 * the reminder a day before the pickup code runs out. Every message goes through the one outbox (module `points`), in
 * the transaction of the change it reports, under an id derived from the order and the step.
 */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { formatShanghai } from '../core/time';
import { enqueue } from '../messages';
import { STATIONS } from '../stations';
import { ORDERS, type Order } from './model';

export const ORDERS_PAGE = '/packages/mall/pages/orders/index';
const DAY_MS = 86_400_000;

/** Where to collect an order. */
export interface PickupPlace {
  stationId: string;
  name: string;
  address: string;
  /** As the station states them, e.g. 「周一至周五 09:00-17:00」; empty when it states none. */
  openHours: string;
  /** For navigation (Taro.openLocation); null when the station has no coordinates. */
  location: { lat: number; lng: number } | null;
}

/** Only what an order needs of a station: read without the stations module's own schema. */
const placeSchema = z.object({
  name: z.string().min(1),
  address: z.string().default(''),
  openHours: z.string().default(''),
  location: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .nullable()
    .optional()
    .catch(null),
});

type Reader = Pick<Database, 'collection'> | Pick<Transaction, 'collection'>;

/** The 驿站 of `stationId`, or null (goods without a station, or a station since removed). */
export async function pickupPlace(db: Reader, stationId: string | null): Promise<PickupPlace | null> {
  if (!stationId) return null;
  const parsed = placeSchema.safeParse(await db.collection(STATIONS).doc(stationId).get());
  if (!parsed.success) return null;
  const { name, address, openHours, location } = parsed.data;
  return { stationId, name, address, openHours, location: location ?? null };
}

/** The places of many orders' stations, each read once. */
export async function pickupPlaces(db: Reader, stationIds: (string | null)[]): Promise<Map<string, PickupPlace>> {
  const out = new Map<string, PickupPlace>();
  for (const id of new Set(stationIds)) {
    if (!id) continue;
    const place = await pickupPlace(db, id);
    if (place) out.set(id, place);
  }
  return out;
}

/** 「向阳社区党群服务驿站（永福县城北路 12 号，周一至周五 09:00-17:00）」, or 「任一驿站」 for goods without one. */
export function whereToCollect(place: PickupPlace | null): string {
  if (!place) return '任一驿站';
  const details = [place.address, place.openHours ? `开放时间 ${place.openHours}` : ''].filter(Boolean).join('，');
  return details ? `${place.name}（${details}）` : place.name;
}

const deadlineOf = (expiresAt: number) => formatShanghai(expiresAt, 'M月D日 HH:mm');
const item = (o: Pick<Order, 'goodsName' | 'qty'>) => `「${o.goodsName}」×${o.qty}`;

type OrderFacts = Pick<Order, '_id' | 'openid' | 'goodsName' | 'qty' | 'total' | 'pickupCode' | 'expiresAt'>;

/** At redemption: where and until when to collect, with the code; and the reminder a day before the code runs out. */
export async function tellRedeemed(
  tx: Transaction,
  o: OrderFacts,
  place: PickupPlace | null,
  now: number,
): Promise<void> {
  const deadline = deadlineOf(o.expiresAt);
  const where = whereToCollect(place);
  await enqueue(
    tx,
    {
      cause: ['points', o._id, 'redeemed'],
      openid: o.openid,
      module: 'points',
      kind: 'redeemed',
      title: `兑换成功：${o.goodsName} ×${o.qty}，待领取`,
      body: `已用 ${o.total} 积分兑换${item(o)}。请在 ${deadline} 前凭取货码 ${o.pickupCode} 到${where}领取，逾期订单将取消、积分退回`,
      page: ORDERS_PAGE,
      refId: o._id,
      data: {
        time: deadline,
        item: o.goodsName,
        place: place?.name ?? '任一驿站',
        code: o.pickupCode,
        status: '待领取',
      },
    },
    now,
  );
  await enqueue(
    tx,
    {
      cause: ['points', o._id, 'expiring'],
      openid: o.openid,
      module: 'points',
      kind: 'expiring',
      title: `取货码即将到期：${o.goodsName} ×${o.qty}`,
      body: `你兑换的${item(o)}请在 ${deadline} 前凭取货码 ${o.pickupCode} 到${where}领取，逾期订单将取消、积分退回`,
      page: ORDERS_PAGE,
      refId: o._id,
      dueAt: Math.max(now, o.expiresAt - DAY_MS),
      data: {
        time: deadline,
        item: o.goodsName,
        place: place?.name ?? '任一驿站',
        code: o.pickupCode,
        status: '待领取',
      },
      onlyIf: { collection: ORDERS, docId: o._id, fields: { status: ['pending'] } },
    },
    now,
  );
}

/** Handed over at the 驿站. */
export async function tellPicked(
  tx: Transaction,
  o: OrderFacts,
  place: PickupPlace | null,
  now: number,
): Promise<void> {
  const at = formatShanghai(now, 'M月D日 HH:mm');
  await enqueue(
    tx,
    {
      cause: ['points', o._id, 'picked'],
      openid: o.openid,
      module: 'points',
      kind: 'picked',
      title: `已领取：${o.goodsName} ×${o.qty}`,
      body: `你兑换的${item(o)}已于 ${at}${place ? `在${place.name}` : ''}领取，订单完成`,
      page: ORDERS_PAGE,
      refId: o._id,
      data: { time: at, item: o.goodsName, place: place?.name ?? '', code: '', status: '已领取' },
    },
    now,
  );
}

/** Cancelled by its owner, or expired unclaimed: the points are back. */
export async function tellClosed(
  tx: Transaction,
  o: OrderFacts,
  status: 'cancelled' | 'expired',
  balance: number,
  now: number,
): Promise<void> {
  const cancelled = status === 'cancelled';
  await enqueue(
    tx,
    {
      cause: ['points', o._id, status],
      openid: o.openid,
      module: 'points',
      kind: status,
      title: cancelled
        ? `订单已取消：${o.goodsName} ×${o.qty}，积分已退回`
        : `逾期未领取：${o.goodsName} ×${o.qty}，积分已退回`,
      body: cancelled
        ? `你取消了${item(o)}的兑换，${o.total} 积分已退回，现有 ${balance} 积分`
        : `${item(o)}未在 ${deadlineOf(o.expiresAt)} 前领取，订单已取消，${o.total} 积分已退回，现有 ${balance} 积分`,
      page: ORDERS_PAGE,
      refId: o._id,
      data: {
        time: formatShanghai(now, 'M月D日 HH:mm'),
        item: o.goodsName,
        code: '',
        status: cancelled ? '已取消' : '已过期',
      },
    },
    now,
  );
}
