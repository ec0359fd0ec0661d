/**
 * kill -9 of the local cloud in the middle of an appointment storm on green-channel slots, restarted
 * each time on the same data folder: afterwards every vaccination invariant holds and every
 * appointment answered `ok` exists.
 */
import { clock } from '../../domain/core/clock';
import { dayOf } from '../../domain/core/time';
import { LocalDatabase } from '../../domain/db/local/engine';
import { makeIdNumber } from '../../domain/privacy/idnumber';
import { checkVaccineInvariants } from '../../domain/vaccine/invariants';
import { devLogin, startLocalCloud, type RunningCloud } from '../support/local-cloud';
import { stormWithKills } from '../support/storm';

async function call(
  cloud: RunningCloud,
  token: string,
  event: object,
): Promise<{ ok: boolean; data?: Record<string, unknown> }> {
  const res = await fetch(`${cloud.url}/fn/vaccine`, {
    method: 'POST',
    body: JSON.stringify(event),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
}

test('appointment storms cut by kill -9 leave no broken invariant and lose no answered appointment', async () => {
  let cloud = await startLocalCloud();
  const dataDir = cloud.dataDir;
  const owners: { token: string; persons: string[] }[] = [];
  for (let i = 0; i < 20; i += 1) {
    const token = await devLogin(cloud.url, `crash-v${i}`);
    const persons: string[] = [];
    for (let k = 0; k < 4; k += 1) {
      const age = k === 0 ? 62 + i : 20 + i + k;
      const res = await call(cloud, token, {
        action: 'addPerson',
        name: '测试居民',
        idNumber: makeIdNumber('450326', `${2026 - age - 1}-06-0${k + 1}`, i * 4 + k),
        phone: `1390000${String(i * 4 + k).padStart(4, '0')}`,
      });
      expect(res.ok).toBe(true);
      persons.push(String(res.data?.personId));
    }
    owners.push({ token, persons });
  }
  // vs-yf-01 opens every day; two days on, the green seats are not yet released.
  const date = dayOf(clock.now() + 2 * 86_400_000);
  const slots = (await call(cloud, owners[0]!.token, { action: 'slots', siteId: 'vs-yf-01', date })).data?.slots as {
    slotId: string;
  }[];
  const site = (await call(cloud, owners[0]!.token, { action: 'siteDetail', siteId: 'vs-yf-01' })).data?.site as {
    offers: { code: string }[];
  };
  const vaccine = site.offers[0]!.code;

  const answered = new Set<string>();
  cloud = await stormWithKills(
    cloud,
    { rounds: 3, requests: 200, workers: 20, killAfterMax: 130 },
    async (cloud, i, round) => {
      const owner = owners[i % owners.length]!;
      const personId = owner.persons[Math.floor(i / owners.length) % 4]!;
      const res = await call(cloud, owner.token, {
        action: 'appoint',
        slotId: slots[(i + round) % 3]!.slotId,
        personId,
        vaccine,
        dose: 1,
        requestId: `crash-${round}-${i}-req`,
      });
      if (res.ok) answered.add(String(res.data?.appointmentId));
      if (res.ok && i % 6 === 0)
        await call(cloud, owner.token, { action: 'cancel', appointmentId: String(res.data?.appointmentId) });
    },
  );
  await cloud.stop('SIGINT');

  expect(answered.size).toBeGreaterThan(0);
  const db = LocalDatabase.open(dataDir);
  try {
    for (const report of await checkVaccineInvariants(db))
      expect(`${report.name}: ${report.violations}`).toBe(`${report.name}: 0`);
    for (const id of answered) expect(await db.collection('appointments').doc(id).get()).not.toBeNull();
  } finally {
    await db.close();
  }
}, 300_000);
