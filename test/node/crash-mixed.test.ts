/**
 * The crash suite: a mixed storm of redemptions, bookings and appointments against the local cloud,
 * killed with kill -9 six times (each after a random number of answered requests) and restarted on the same data folder. Afterwards
 * the invariant checker finds 0 violations and every request answered ok is in the database.
 */
import { dayOf } from '../../domain/core/time';
import { LocalDatabase } from '../../domain/db/local/engine';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { checkAll } from '../../scripts/check-invariants';
import { devLogin, startLocalCloud, type RunningCloud } from '../support/local-cloud';
import { stormWithKills } from '../support/storm';

const KILLS = 6;
const PEOPLE = 24;

async function call(cloud: RunningCloud, token: string, fn: string, event: object): Promise<{ ok: boolean; data?: Record<string, unknown> }> {
  const res = await fetch(`${cloud.url}/fn/${fn}`, { method: 'POST', body: JSON.stringify(event), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
}

test(`a mixed storm killed ${KILLS} times leaves 0 violations and loses no answered request`, async () => {
  let cloud = await startLocalCloud();
  const dataDir = cloud.dataDir;
  const admin = await devLogin(cloud.url, 'demo-admin');
  const people: { token: string; personId: string }[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const openid = `mixed-${i}`;
    const token = await devLogin(cloud.url, openid);
    await call(cloud, admin, 'points', { action: 'award', openid, points: 200, reason: '压力测试积分', requestId: `mixed-award-${i}` });
    const person = await call(cloud, token, 'vaccine', { action: 'addPerson', name: '测试居民', idNumber: makeIdNumber('450326', i % 2 ? '1950-02-03' : '1990-02-03', i), phone: `1370000${String(i).padStart(4, '0')}` });
    people.push({ token, personId: String(person.data?.personId) });
  }
  const goods = await call(cloud, admin, 'points', { action: 'saveGoods', name: '混合压测商品', price: 9, stock: 60, perUserLimit: 4 });
  const goodsId = String(goods.data?.goodsId);
  const date = dayOf(Date.now() + 2 * 86_400_000);
  const roomSlots = (await call(cloud, admin, 'stations', { action: 'slots', itemId: 'it-lu-wenchang-counselling', date })).data?.slots as { slotId: string }[];
  const vaccineSlots = (await call(cloud, admin, 'vaccine', { action: 'slots', siteId: 'vs-yf-02', date })).data?.slots as { slotId: string }[];
  const site = (await call(cloud, admin, 'vaccine', { action: 'siteDetail', siteId: 'vs-yf-02' })).data?.site as { offers: { code: string }[] };

  const answered: { collection: string; id: string }[] = [];
  let sent = 0;
  cloud = await stormWithKills(cloud, { rounds: KILLS, requests: 300, workers: 16, killAfterMax: 200 }, async (cloud, i, round) => {
    sent += 1;
  const p = people[(i * 5 + round) % PEOPLE]!;
  const request = `mixed-${round}-${i}-req`;
    if (i % 3 === 0) {
      const r = await call(cloud, p.token, 'points', { action: 'redeem', goodsId, qty: 1, requestId: request });
      if (r.ok) answered.push({ collection: 'orders', id: String(r.data?.orderId) });
      if (r.ok && i % 4 === 0) await call(cloud, p.token, 'points', { action: 'cancelOrder', orderId: String(r.data?.orderId) });
    } else if (i % 3 === 1) {
      const r = await call(cloud, p.token, 'stations', { action: 'book', slotId: roomSlots[i % roomSlots.length]!.slotId, requestId: request });
      if (r.ok) answered.push({ collection: 'bookings', id: String(r.data?.bookingId) });
      else await call(cloud, p.token, 'stations', { action: 'joinWaitlist', slotId: roomSlots[i % roomSlots.length]!.slotId });
      if (r.ok && i % 5 === 0) await call(cloud, p.token, 'stations', { action: 'cancel', bookingId: String(r.data?.bookingId) });
    } else {
      const r = await call(cloud, p.token, 'vaccine', { action: 'appoint', slotId: vaccineSlots[i % vaccineSlots.length]!.slotId, personId: p.personId, vaccine: site.offers[0]!.code, dose: 1, requestId: request });
      if (r.ok) answered.push({ collection: 'appointments', id: String(r.data?.appointmentId) });
      if (r.ok && i % 4 === 0) await call(cloud, p.token, 'vaccine', { action: 'cancel', appointmentId: String(r.data?.appointmentId) });
    }
  });
  await cloud.stop('SIGINT');

  expect(sent).toBeGreaterThan(0);
  expect(answered.length).toBeGreaterThan(0);
  const db = LocalDatabase.open(dataDir);
  try {
    for (const r of await checkAll(db)) expect(`${r.area} ${r.name}: ${r.violations}`).toBe(`${r.area} ${r.name}: 0`);
    for (const a of answered) expect(await db.collection(a.collection).doc(a.id).get()).not.toBeNull();
  } finally {
    await db.close();
  }
}, 300_000);
