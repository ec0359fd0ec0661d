/**
 * kill -9 of the local cloud in the middle of a redemption storm, restarted each time on the same
 * data folder: afterwards every points invariant holds and every order answered `ok` exists.
 */
import { LocalDatabase } from '../../domain/db/local/engine';
import { checkPointsInvariants } from '../../domain/points/invariants';
import { devLogin, startLocalCloud, type RunningCloud } from '../support/local-cloud';
import { stormWithKills } from '../support/storm';

const MEMBERS = 30;

async function call(
  cloud: RunningCloud,
  token: string,
  fn: string,
  event: object,
): Promise<{ ok: boolean; data?: Record<string, unknown>; error?: { code: string } }> {
  const res = await fetch(`${cloud.url}/fn/${fn}`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
}

test('redemption storms cut by kill -9 leave no broken invariant and lose no answered order', async () => {
  let cloud = await startLocalCloud();
  const dataDir = cloud.dataDir;
  const admin = await devLogin(cloud.url, 'demo-admin');
  const tokens: string[] = [];
  for (let i = 0; i < MEMBERS; i += 1) {
    const openid = `crash-m${i}`;
    tokens.push(await devLogin(cloud.url, openid));
    const award = await call(cloud, admin, 'points', {
      action: 'award',
      openid,
      points: 100,
      reason: '压力测试积分',
      requestId: `crash-award-${i}`,
    });
    expect(award.ok).toBe(true);
  }
  const goods = await call(cloud, admin, 'points', {
    action: 'saveGoods',
    name: '压力测试商品',
    price: 7,
    stock: 120,
    perUserLimit: 6,
  });
  const goodsId = String(goods.data?.goodsId);

  const answered = new Set<string>();
  let sent = 0;
  cloud = await stormWithKills(
    cloud,
    { rounds: 3, requests: 300, workers: 25, killAfterMax: 200 },
    async (cloud, i, round) => {
      sent += 1;
      const member = (round * 7 + i) % MEMBERS;
      const res = await call(cloud, tokens[member]!, 'points', {
        action: 'redeem',
        goodsId,
        qty: 1,
        requestId: `crash-${round}-${i}-req`,
      });
      if (res.ok) answered.add(String(res.data?.orderId));
      if (res.ok && i % 5 === 0)
        await call(cloud, tokens[member]!, 'points', { action: 'cancelOrder', orderId: String(res.data?.orderId) });
    },
  );
  await cloud.stop('SIGINT');

  expect(sent).toBeGreaterThan(0);
  expect(answered.size).toBeGreaterThan(0);
  const db = LocalDatabase.open(dataDir);
  try {
    for (const report of await checkPointsInvariants(db))
      expect(`${report.name}: ${report.violations}`).toBe(`${report.name}: 0`);
    for (const orderId of answered) expect(await db.collection('orders').doc(orderId).get()).not.toBeNull();
  } finally {
    await db.close();
  }
}, 300_000);
