/**
 * An order names where to collect it (the 驿站's name, address, opening hours and coordinates) and until when, in the
 * redeem answer and the order list; each step of an order leaves a 消息 in the inbox (module points) saying what
 * happened to which goods: redeemed, picked up, cancelled and refunded, expired and refunded.
 */
import { seededWorld } from '../../test/support/functions';
import { MESSAGES } from '../messages';
import { expireOrders } from './jobs';

jest.setTimeout(120_000);
type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 86_400_000;

let w: World;
beforeAll(async () => {
  w = await seededWorld();
  await w.call(
    'points',
    { action: 'award', openid: 'demo-member', points: 500, reason: '测试积分', requestId: 'orders-test-award' },
    'demo-admin',
  );
});
afterAll(() => w.db.close());

const ok = <T>(res: { ok: boolean; data?: T; error?: { message: string } }): T => {
  if (!res.ok) throw new Error(res.error!.message);
  return res.data as T;
};

interface Pickup {
  stationId: string;
  name: string;
  address: string;
  openHours: string;
  location: { lat: number; lng: number } | null;
}
interface Redeemed {
  orderId: string;
  pickupCode: string;
  balance: number;
  pickup: Pickup | null;
  expiresAt: number;
}

async function newGoods(name: string, stationId?: string): Promise<string> {
  return ok(
    await w.call<{ goodsId: string }>(
      'points',
      { action: 'saveGoods', name, price: 5, stock: 10, perUserLimit: 5, ...(stationId ? { stationId } : {}) },
      'demo-admin',
    ),
  ).goodsId;
}
const redeem = async (goodsId: string, requestId: string) =>
  ok(await w.call<Redeemed>('points', { action: 'redeem', goodsId, qty: 1, requestId }, 'demo-member'));
const messagesOf = async (orderId: string) =>
  (await w.db.collection(MESSAGES).where({ refId: orderId }).get()).map((m) => ({
    kind: m.kind as string,
    module: m.module as string,
    title: m.title as string,
    body: m.body as string,
    delivered: typeof m.sentAt === 'number',
  }));

test('an order names its 驿站 and deadline; redeeming leaves a 消息 with both, and the same request answers the same', async () => {
  const station = (await w.db.collection('stations').doc('st-yf-center').get())!;
  const goodsId = await newGoods('取货测试毛巾', 'st-yf-center');
  const answer = await redeem(goodsId, 'orders-test-pick-1');
  expect(answer.pickup).toEqual({
    stationId: 'st-yf-center',
    name: station.name,
    address: station.address,
    openHours: station.openHours,
    location: station.location,
  });
  expect(answer.expiresAt).toBeGreaterThan(w.now);
  // A retry of the same tap: the stored answer, with the same place.
  expect(await redeem(goodsId, 'orders-test-pick-1')).toEqual(answer);

  const list = ok(
    await w.call<{ items: { orderId: string; pickup: Pickup | null }[] }>('points', { action: 'orders' }),
  );
  expect(list.items.find((o) => o.orderId === answer.orderId)?.pickup).toEqual(answer.pickup);

  const told = await messagesOf(answer.orderId);
  const redeemed = told.find((m) => m.kind === 'redeemed')!;
  expect(redeemed).toMatchObject({ module: 'points', delivered: true });
  expect(redeemed.title).toBe('兑换成功：取货测试毛巾 ×1，待领取');
  for (const part of [station.name as string, station.address as string, answer.pickupCode, '前凭取货码'])
    expect(redeemed.body).toContain(part);
  // The reminder a day before the code runs out waits.
  expect(told.find((m) => m.kind === 'expiring')).toMatchObject({ delivered: false });
  expect(told.filter((m) => m.kind === 'redeemed')).toHaveLength(1);

  // Handed over at the station: a 已领取 message naming it.
  ok(await w.call('points', { action: 'verifyOrder', pickupCode: answer.pickupCode }, 'demo-staff'));
  const picked = (await messagesOf(answer.orderId)).find((m) => m.kind === 'picked')!;
  expect(picked.title).toBe('已领取：取货测试毛巾 ×1');
  expect(picked.body).toContain(`在${station.name as string}领取`);
  // The inbox shows them under 积分兑换.
  const inbox = ok(
    await w.call<{ items: { refId: string; moduleLabel: string; title: string }[] }>(
      'user',
      { action: 'messages', module: 'points' },
      'demo-member',
    ),
  );
  // (Both at the world's one instant: their order between them is the ids'.)
  expect(
    inbox.items
      .filter((i) => i.refId === answer.orderId)
      .map((i) => `${i.moduleLabel} ${i.title}`)
      .sort(),
  ).toEqual(['积分兑换 兑换成功：取货测试毛巾 ×1，待领取', '积分兑换 已领取：取货测试毛巾 ×1']);
});

test('goods without a station: collected at any 驿站, and the message says so', async () => {
  const goodsId = await newGoods('任意驿站测试笔');
  const answer = await redeem(goodsId, 'orders-test-any-1');
  expect(answer.pickup).toBeNull();
  const redeemed = (await messagesOf(answer.orderId)).find((m) => m.kind === 'redeemed')!;
  expect(redeemed.body).toContain('到任一驿站领取');
});

test('cancelled and expired orders each leave a message with the refund', async () => {
  const goodsId = await newGoods('退款测试香皂', 'st-yf-center');
  const cancelled = await redeem(goodsId, 'orders-test-cancel-1');
  const res = ok(await w.call<{ balance: number }>('points', { action: 'cancelOrder', orderId: cancelled.orderId }));
  const c = (await messagesOf(cancelled.orderId)).find((m) => m.kind === 'cancelled')!;
  expect(c.title).toBe('订单已取消：退款测试香皂 ×1，积分已退回');
  expect(c.body).toContain(`5 积分已退回，现有 ${res.balance} 积分`);

  const expiring = await redeem(goodsId, 'orders-test-expire-1');
  expect((await expireOrders(w.db, expiring.expiresAt + DAY)).expired).toBeGreaterThanOrEqual(1);
  expect((await w.db.collection('orders').doc(expiring.orderId).get())?.status).toBe('expired');
  const e = (await messagesOf(expiring.orderId)).find((m) => m.kind === 'expired')!;
  expect(e.title).toBe('逾期未领取：退款测试香皂 ×1，积分已退回');
  expect(e.body).toContain('5 积分已退回');
  // Run again: nothing more expires and no second message.
  expect(await expireOrders(w.db, expiring.expiresAt + DAY)).toMatchObject({ expired: 0 });
  expect((await messagesOf(expiring.orderId)).filter((m) => m.kind === 'expired')).toHaveLength(1);
});
