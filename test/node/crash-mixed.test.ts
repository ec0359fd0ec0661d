/**
 * The crash suite: a mixed storm of redemptions, bookings, appointments and 群众点单 requests (asks
 * dispatched to the hall, claims on a wish and on a task with places, finishes confirmed twice) against the local cloud,
 * killed with kill -9 six times (each after a random number of answered requests) and restarted on the same data folder. Afterwards
 * the invariant checker finds 0 violations and every request answered ok is in the database.
 */
import { clock } from '../../domain/core/clock';
import { dayOf } from '../../domain/core/time';
import { LocalDatabase } from '../../domain/db/local/engine';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { checkAll } from '../../scripts/check-invariants';
import { devLogin, startLocalCloud, type RunningCloud } from '../support/local-cloud';
import { stormWithKills } from '../support/storm';
import { REQUESTS, requestDocSchema, type RequestStatus } from '../../domain/requests/model';
import { askEvent, httpCall, must, requestAt, uploadPhoto, XIANGYANG } from '../support/requests-flow';

const KILLS = 6;
// Six owners ask far more than a day's 5 each during the storm: the cap (domain/requests/hardening.test.ts) is not
// what this storm is about. The children inherit it; the 3 active claims a person stay as they are.
process.env.REQUEST_ASKS_PER_DAY = '100000';
const NAMES = '甲乙丙丁戊己庚辛壬癸';
/** The cloud the current round runs on (each round restarts it on another port; tokens stay valid); stopped after a failure too. */
let live: RunningCloud | null = null;
afterAll(async () => {
  await live?.stop('SIGKILL');
});
const PEOPLE = 24;

async function call(
  cloud: RunningCloud,
  token: string,
  fn: string,
  event: object,
): Promise<{ ok: boolean; data?: Record<string, unknown> }> {
  const res = await fetch(`${cloud.url}/fn/${fn}`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
}

test(`a mixed storm killed ${KILLS} times leaves 0 violations and loses no answered request`, async () => {
  let cloud = await startLocalCloud();
  live = cloud;
  const dataDir = cloud.dataDir;
  const admin = await devLogin(cloud.url, 'demo-admin');
  const people: { token: string; personId: string }[] = [];
  for (let i = 0; i < PEOPLE; i += 1) {
    const openid = `mixed-${i}`;
    const token = await devLogin(cloud.url, openid);
    await call(cloud, admin, 'points', {
      action: 'award',
      openid,
      points: 200,
      reason: '压力测试积分',
      requestId: `mixed-award-${i}`,
    });
    const person = await call(cloud, token, 'vaccine', {
      action: 'addPerson',
      name: '测试居民',
      idNumber: makeIdNumber('450326', i % 2 ? '1950-02-03' : '1990-02-03', i),
      phone: `1370000${String(i).padStart(4, '0')}`,
    });
    people.push({ token, personId: String(person.data?.personId) });
  }
  const goods = await call(cloud, admin, 'points', {
    action: 'saveGoods',
    name: '混合压测商品',
    price: 9,
    stock: 60,
    perUserLimit: 4,
  });
  const goodsId = String(goods.data?.goodsId);
  // The counselling room and vs-yf-02 open every day; two days on, the green seats are not yet released.
  const date = dayOf(clock.now() + 2 * 86_400_000);
  const roomSlots = (
    await call(cloud, admin, 'stations', { action: 'slots', itemId: 'it-lu-wenchang-counselling', date })
  ).data?.slots as { slotId: string }[];
  const vaccineSlots = (await call(cloud, admin, 'vaccine', { action: 'slots', siteId: 'vs-yf-02', date })).data
    ?.slots as { slotId: string }[];
  const site = (await call(cloud, admin, 'vaccine', { action: 'siteDetail', siteId: 'vs-yf-02' })).data?.site as {
    offers: { code: string }[];
  };

  // 群众点单: everyone registers as a volunteer of 向阳社区 and its secretary approves them, four become members of 向阳社区 (points rather than hours);
  // owners ask, 向阳's secretary publishes wishes and tasks (3 places) to the hall before the storm and during it.
  const requests = httpCall(() => live!.url);
  for (let i = 0; i < PEOPLE; i += 1) {
    const openid = `mixed-${i}`;
    await must(
      requests(
        'requests',
        {
          action: 'registerVolunteer',
          realName: `志愿者${NAMES[i % 10]}${NAMES[Math.floor(i / 10) % 10]}`,
          phone: `1360773${String(i).padStart(4, '0')}`,
          inService: false,
          unitId: XIANGYANG,
        },
        openid,
      ),
      'registerVolunteer',
    );
    await must(
      requests('requests', { action: 'reviewVolunteer', openid, decision: 'approve' }, 'demo-secretary'),
      'reviewVolunteer',
    );
    if (i >= PEOPLE - 4)
      await must(
        requests('org', { action: 'setRole', openid, role: 'member', scopeUnitId: XIANGYANG }, 'demo-admin'),
        'setRole',
      );
  }
  const photos = new Map<string, string>();
  for (let i = 0; i < PEOPLE; i += 1) photos.set(`mixed-${i}`, await uploadPhoto(requests, `mixed-${i}`));
  const owners = Array.from({ length: 6 }, (_, k) => `mixed-owner-${k}`);
  const wishes: string[] = [];
  const tasks: string[] = [];
  for (let k = 0; k < 12; k += 1) {
    const people = { resident: owners[k % owners.length]!, secretary: 'demo-secretary' };
    wishes.push(await requestAt(requests, 'open', people, { kind: 'wish', requestId: `mixed-wish-${k}` }));
    if (k % 2 === 0)
      tasks.push(await requestAt(requests, 'open', people, { kind: 'issue', places: 3, requestId: `mixed-task-${k}` }));
  }
  /** Claims answered ok, waiting for their claimant to finish. */
  const claimed: { id: string; claimant: string }[] = [];
  /** The least each request must have reached: an answered ok is never undone by a crash. */
  const reached = new Map<string, RequestStatus[]>();
  const claimsAnswered: { id: string; openid: string }[] = [];
  const ownerOf = new Map<string, string>();
  for (const id of [...wishes, ...tasks]) ownerOf.set(id, owners[0]!);

  const requestOp = async (p: string, i: number, round: number, request: string) => {
    const kind = Math.floor(i / 4) % 4;
    if (kind === 0) {
      // A new wish or task: asked, accepted and published at once.
      const owner = owners[(i + round) % owners.length]!;
      const task = i % 8 === 3;
      const asked = await requests<{ id: string }>(
        'requests',
        askEvent({ kind: task ? 'issue' : 'wish', requestId: request }),
        owner,
      );
      if (!asked.ok) return;
      const id = asked.data.id;
      ownerOf.set(id, owner);
      reached.set(id, ['submitted']);
      if (!(await requests('requests', { action: 'review', id, decision: 'accept' }, 'demo-secretary')).ok) return;
      reached.set(id, ['accepted']);
      if (
        !(
          await requests(
            'requests',
            { action: 'dispatch', id, mode: 'hall', ...(task ? { places: 3 } : {}) },
            'demo-secretary',
          )
        ).ok
      )
        return;
      reached.set(id, ['open', 'inProgress']);
      (task ? tasks : wishes).push(id);
    } else if (kind === 1 || kind === 2) {
      // Claims: the newest wishes (several people on one at once) or a task with places.
      const pool = kind === 1 ? wishes : tasks;
      const id = pool[pool.length - 1 - (Math.floor(i / 16) % Math.min(3, pool.length))]!;
      const res = await requests<{ claimId: string }>('requests', { action: 'claim', id }, p);
      if (res.ok) {
        claimsAnswered.push({ id, openid: p });
        claimed.push({ id, claimant: p });
      }
    } else {
      // A claimant finishes with a photo; the resident confirms twice at once.
      const job = claimed.shift();
      if (!job) return;
      const finished = await requests(
        'requests',
        { action: 'finish', id: job.id, text: '已经办好了', photos: [photos.get(job.claimant)!] },
        job.claimant,
      );
      if (!finished.ok) return;
      if (!reached.get(job.id)?.includes('confirmed')) reached.set(job.id, ['finished', 'confirmed']);
      const owner = ownerOf.get(job.id)!;
      const answers = await Promise.all(
        [1, 2].map(() => requests('requests', { action: 'confirm', id: job.id, rating: 5, comment: '谢谢' }, owner)),
      );
      if (answers.some((a) => a.ok)) reached.set(job.id, ['confirmed']);
    }
  };

  const answered: { collection: string; id: string }[] = [];
  let sent = 0;
  cloud = await stormWithKills(
    cloud,
    { rounds: KILLS, requests: 400, workers: 16, killAfterMax: 260 },
    async (cloud, i, round) => {
      sent += 1;
      live = cloud;
      const person = (i * 5 + round) % PEOPLE;
      const p = people[person]!;
      const request = `mixed-${round}-${i}-req`;
      if (i % 4 === 3) {
        await requestOp(`mixed-${person}`, i, round, request);
      } else if (i % 4 === 0) {
        const r = await call(cloud, p.token, 'points', { action: 'redeem', goodsId, qty: 1, requestId: request });
        if (r.ok) answered.push({ collection: 'orders', id: String(r.data?.orderId) });
        if (r.ok && i % 8 === 0)
          await call(cloud, p.token, 'points', { action: 'cancelOrder', orderId: String(r.data?.orderId) });
      } else if (i % 4 === 1) {
        const r = await call(cloud, p.token, 'stations', {
          action: 'book',
          slotId: roomSlots[i % roomSlots.length]!.slotId,
          requestId: request,
        });
        if (r.ok) answered.push({ collection: 'bookings', id: String(r.data?.bookingId) });
        else
          await call(cloud, p.token, 'stations', {
            action: 'joinWaitlist',
            slotId: roomSlots[i % roomSlots.length]!.slotId,
          });
        if (r.ok && i % 5 === 0)
          await call(cloud, p.token, 'stations', { action: 'cancel', bookingId: String(r.data?.bookingId) });
      } else {
        const r = await call(cloud, p.token, 'vaccine', {
          action: 'appoint',
          slotId: vaccineSlots[i % vaccineSlots.length]!.slotId,
          personId: p.personId,
          vaccine: site.offers[0]!.code,
          dose: 1,
          requestId: request,
        });
        if (r.ok) answered.push({ collection: 'appointments', id: String(r.data?.appointmentId) });
        if (r.ok && i % 8 === 2)
          await call(cloud, p.token, 'vaccine', { action: 'cancel', appointmentId: String(r.data?.appointmentId) });
      }
    },
  );
  live = cloud;
  await cloud.stop('SIGINT');

  expect(sent).toBeGreaterThan(0);
  expect(answered.length).toBeGreaterThan(0);
  const db = LocalDatabase.open(dataDir);
  try {
    for (const r of await checkAll(db)) expect(`${r.area} ${r.name}: ${r.violations}`).toBe(`${r.area} ${r.name}: 0`);
    for (const a of answered) expect(await db.collection(a.collection).doc(a.id).get()).not.toBeNull();
    // Every request answered ok is there, at least as far as its answer said.
    expect(claimsAnswered.length).toBeGreaterThan(0);
    for (const [id, statuses] of reached) {
      const doc = requestDocSchema.parse(await db.collection(REQUESTS).doc(id).get());
      const later: Record<RequestStatus, RequestStatus[]> = {
        submitted: ['submitted', 'accepted', 'open', 'inProgress', 'finished', 'confirmed'],
        accepted: ['accepted', 'open', 'inProgress', 'finished', 'confirmed'],
        open: ['open', 'inProgress', 'finished', 'confirmed'],
        inProgress: ['inProgress', 'finished', 'confirmed'],
        finished: ['finished', 'confirmed'],
        confirmed: ['confirmed'],
        declined: ['declined'],
        cancelled: ['cancelled'],
      };
      expect([id, later[statuses[0]!].includes(doc.status)]).toEqual([id, true]);
    }
    for (const c of claimsAnswered) {
      const doc = requestDocSchema.parse(await db.collection(REQUESTS).doc(c.id).get());
      expect([c.id, doc.claimantIds.includes(c.openid)]).toEqual([c.id, true]);
    }
    // A wish has one holder at most, a task no more than its places.
    for (const doc of (await db.collection(REQUESTS).limit(1000).get()).map((d) => requestDocSchema.parse(d))) {
      expect([doc._id, Object.keys(doc.claims).length <= Math.max(doc.places, 0)]).toEqual([doc._id, true]);
    }
  } finally {
    await db.close();
  }
}, 300_000);
