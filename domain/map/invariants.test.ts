/** The map's invariant checker finds what it is meant to find: clean after real check-ins, each break counted. */
import { seededWorld } from '../../test/support/functions';
import { DEMO_LANDMARKS } from '../seed/map-data';
import { checkMapInvariants } from './invariants';
import { LANDMARK_CHECKINS, ROUTE_COMPLETIONS, TRAVELLERS } from './model';

jest.setTimeout(120_000);

const at = (id: string) => {
  const l = DEMO_LANDMARKS.find((d) => d._id === id)!;
  return { landmarkId: l._id, scene: l.scene, location: l.location };
};

test('0 violations after check-ins; a forged check-in, a teleport, a stray completion and a stale traveller are each counted', async () => {
  const w = await seededWorld();
  try {
    const t0 = Date.parse('2026-11-24T02:00:00Z');
    const ok = await w.call.at(t0)('stations', { action: 'checkIn', ...at('lm-rx-jiequ') }, 'demo-member');
    expect(ok.ok).toBe(true);
    const broken = async () =>
      Object.fromEntries(
        (await checkMapInvariants(w.db)).filter((r) => r.violations > 0).map((r) => [r.name, r.violations]),
      );
    expect(await broken()).toEqual({});

    const [real] = await w.db.collection(LANDMARK_CHECKINS).where({ openid: 'demo-member' }).get();
    // A check-in 270 km away ten minutes later, outside its radius, under an id of its own choosing, paid by no entry.
    await w.db.collection(LANDMARK_CHECKINS).add({
      ...real!,
      _id: 'forged',
      landmarkId: 'lm-xf-zuji',
      at: t0 + 10 * 60_000,
      seq: 2,
      distance: 900,
      radius: 200,
      points: 2,
      entryId: null,
    });
    await w.db.collection(ROUTE_COMPLETIONS).add({
      _id: 'stray',
      openid: 'demo-member',
      routeId: 'rt-rx-xingzou',
      completedAt: t0,
      landmarks: [{ landmarkId: 'lm-rx-jidi-1', at: t0 }],
    });
    const names = Object.keys(await broken());
    expect(names).toEqual([
      'one check-in per person, landmark and day (its _id derived from the three)',
      'every check-in lies within its landmark radius and names a landmark',
      'no check-in further from the one before it than MAP_MAX_SPEED_KMH (then in force) allows',
      "a check-in's points are its one ledger entry, and only a check-in with points has one",
      "each traveller's counts match their check-ins, and their check-ins count 1..n",
      'a route completion once per person and route, after a check-in at each of its landmarks',
      "each traveller's completed routes are their completions",
    ]);
    expect(await w.db.collection(TRAVELLERS).doc('demo-member').get()).toMatchObject({ checkins: 1 });
  } finally {
    await w.db.close();
  }
});
