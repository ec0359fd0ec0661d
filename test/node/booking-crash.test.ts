/**
 * kill -9 of the local cloud in the middle of a booking storm (books, cancels, waiting list),
 * restarted each time on the same data folder: afterwards every booking invariant holds and every
 * booking answered `ok` exists.
 */
import { clock } from '../../domain/core/clock';
import { checkBookingInvariants } from '../../domain/booking/invariants';
import { dayOf } from '../../domain/core/time';
import { LocalDatabase } from '../../domain/db/local/engine';
import { devLogin, startLocalCloud, type RunningCloud } from '../support/local-cloud';
import { stormWithKills } from '../support/storm';

const PEOPLE = 60;

async function call(
  cloud: RunningCloud,
  token: string,
  event: object,
): Promise<{ ok: boolean; data?: Record<string, unknown> }> {
  const res = await fetch(`${cloud.url}/fn/stations`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
}

test('booking storms cut by kill -9 leave no broken invariant and lose no answered booking', async () => {
  let cloud = await startLocalCloud();
  const dataDir = cloud.dataDir;
  const tokens: string[] = [];
  for (let i = 0; i < PEOPLE; i += 1) tokens.push(await devLogin(cloud.url, `crash-r${i}`));
  const admin = await devLogin(cloud.url, 'demo-admin');
  // st-yf-center opens every day (周一至周日 8:00-18:00): the next day always takes this template.
  const tomorrow = dayOf(clock.now() + 86_400_000);
  await call(cloud, admin, {
    action: 'saveItem',
    itemId: 'it-crash',
    stationId: 'st-yf-center',
    name: '压力测试项目',
    kind: 'service',
  });
  await call(cloud, admin, {
    action: 'generateSlots',
    itemId: 'it-crash',
    from: tomorrow,
    to: tomorrow,
    template: { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '09:00', end: '12:00', slotMinutes: 60, capacity: 20 },
  });
  const slots = (await call(cloud, tokens[0]!, { action: 'slots', itemId: 'it-crash', date: tomorrow })).data
    ?.slots as { slotId: string }[];
  expect(slots).toHaveLength(3);

  const answered = new Set<string>();
  cloud = await stormWithKills(
    cloud,
    { rounds: 3, requests: 240, workers: 20, killAfterMax: 160 },
    async (cloud, i, round) => {
      const person = (i * 7 + round) % PEOPLE;
      const slotId = slots[i % 3]!.slotId;
      const res = await call(cloud, tokens[person]!, { action: 'book', slotId, requestId: `crash-${round}-${i}-req` });
      if (res.ok) answered.add(String(res.data?.bookingId));
      else await call(cloud, tokens[person]!, { action: 'joinWaitlist', slotId });
      if (res.ok && i % 4 === 0)
        await call(cloud, tokens[person]!, { action: 'cancel', bookingId: String(res.data?.bookingId) });
    },
  );
  await cloud.stop('SIGINT');

  expect(answered.size).toBeGreaterThan(0);
  const db = LocalDatabase.open(dataDir);
  try {
    for (const report of await checkBookingInvariants(db))
      expect(`${report.name}: ${report.violations}`).toBe(`${report.name}: 0`);
    for (const bookingId of answered) expect(await db.collection('bookings').doc(bookingId).get()).not.toBeNull();
  } finally {
    await db.close();
  }
}, 300_000);
