/**
 * 打卡人次 on the dashboard, on every engine: real check-ins (through the stations function) by people of two
 * counties and a branch, in and out of the period; the dashboard's counts per landmark and per route are then
 * recomputed here from the check-in and completion documents, for everyone, a county admin and a secretary.
 * Nothing a check-in writes is shared by everyone (the landmark and route documents are untouched).
 */
import { seededWorld } from '../../test/support/functions';
import { DEMO_LANDMARKS, DEMO_ROUTES } from '../seed/map-data';
import { LANDMARKS, LANDMARK_CHECKINS, ROUTES, ROUTE_COMPLETIONS } from '../map';
import type { Dashboard } from './dashboard';

jest.setTimeout(180_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const sh = (t: string) => Date.parse(`${t}+08:00`);
const PERIOD = { from: '2026-11-15', to: '2026-11-22' };
const start = sh('2026-11-15T00:00:00');
const end = sh('2026-11-23T00:00:00');

const place = (id: string) => {
  const l = DEMO_LANDMARKS.find((d) => d._id === id);
  if (!l?.scene) throw new Error(id);
  return { _id: l._id, scene: l.scene, location: l.location, county: l.county ?? '' };
};
const ROUTE = DEMO_ROUTES[0]!;
const XF = place('lm-xf-zuji');
const JIEQU = place('lm-rx-jiequ');
const BASE1 = place('lm-rx-jidi-1');

let w: World;
let n = 0;
async function person(branchId: string | null, role: 'member' | 'resident' = branchId ? 'member' : 'resident') {
  n += 1;
  const id = `dc-${String(n).padStart(3, '0')}`;
  await w.db.collection('users').add({ _id: id, nickname: `打卡人${n}`, role, branchId, createdAt: w.now });
  return id;
}
async function checkIn(openid: string, at: number, p: ReturnType<typeof place>) {
  const res = (await w.call.at(at)(
    'stations',
    { action: 'checkIn', landmarkId: p._id, scene: p.scene, location: p.location },
    openid,
  )) as { ok: boolean; error?: { message: string } };
  if (!res.ok) throw new Error(`${openid} at ${p._id}: ${res.error?.message}`);
}
async function dashboard(openid: string, unitId?: string): Promise<Dashboard> {
  const res = (await w.call('admin', { action: 'dashboard', ...PERIOD, ...(unitId ? { unitId } : {}) }, openid)) as {
    ok: boolean;
    data: Dashboard;
    error?: unknown;
  };
  if (!res.ok) throw new Error(JSON.stringify(res.error));
  return res.data;
}

/** The counts recomputed from the documents: check-ins in the period passing `keep`, by landmark and by route. */
async function recount(keep: (c: { landmarkId: string; openid: string }) => boolean) {
  const checkins = (await w.db.collection(LANDMARK_CHECKINS).limit(1000).get()).filter(
    (c) => Number(c.at) >= start && Number(c.at) < end && keep(c as never),
  );
  const perLandmark: Record<string, number> = {};
  for (const c of checkins) perLandmark[String(c.landmarkId)] = (perLandmark[String(c.landmarkId)] ?? 0) + 1;
  const completions = (await w.db.collection(ROUTE_COMPLETIONS).limit(1000).get()).filter(
    (c) =>
      Number(c.completedAt) >= start &&
      Number(c.completedAt) < end &&
      keep({ landmarkId: '', openid: String(c.openid) }),
  );
  return {
    total: checkins.length,
    perLandmark,
    route: {
      checkins: ROUTE.landmarkIds.reduce((s, id) => s + (perLandmark[id] ?? 0), 0),
      completions: completions.filter((c) => c.routeId === ROUTE._id).length,
    },
  };
}
const shown = (d: Dashboard) => Object.fromEntries(d.mapCheckins.landmarks.map((l) => [l.landmarkId, l.checkins]));

let membersOfXiangyang: string[];
let placesBefore: string;

beforeAll(async () => {
  w = await seededWorld(sh('2026-11-23T10:00:00'));
  placesBefore = JSON.stringify([
    await w.db.collection(LANDMARKS).limit(100).get(),
    await w.db.collection(ROUTES).limit(100).get(),
  ]);
  const walker = await person('br-yf-xiangyang');
  const friend = await person('br-yf-xiangyang');
  const visitor = await person(null);
  const local = await person('br-xf-jiedong');
  membersOfXiangyang = [walker, friend];
  // The walker completes the route on one day, ten minutes between stops (a few kilometres at most).
  let at = sh('2026-11-20T09:00:00');
  for (const id of ROUTE.landmarkIds) {
    await checkIn(walker, at, place(id));
    at += 10 * 60_000;
  }
  // Before the period: counted nowhere.
  await checkIn(friend, sh('2026-11-10T09:00:00'), JIEQU);
  await checkIn(friend, sh('2026-11-21T09:00:00'), JIEQU);
  await checkIn(visitor, sh('2026-11-21T10:00:00'), JIEQU);
  await checkIn(visitor, sh('2026-11-21T10:30:00'), BASE1);
  await checkIn(visitor, sh('2026-11-22T10:00:00'), JIEQU);
  await checkIn(local, sh('2026-11-21T08:00:00'), XF);
  await checkIn(local, sh('2026-11-22T08:00:00'), XF);
  // After the period (the dashboard's `to` is the 22nd).
  await checkIn(local, sh('2026-11-23T08:00:00'), XF);
});
afterAll(async () => {
  await w.db.close();
});

test('everyone: per landmark and per route, as recomputed from the check-ins', async () => {
  const d = await dashboard('demo-admin');
  const expected = await recount(() => true);
  expect(expected.total).toBe(7 + 1 + 3 + 2);
  expect(d.mapCheckins.total).toBe(expected.total);
  expect(shown(d)).toEqual(expected.perLandmark);
  expect(shown(d)[JIEQU._id]).toBe(4);
  const route = d.mapCheckins.routes.find((r) => r.routeId === ROUTE._id);
  expect(route).toMatchObject({ name: ROUTE.name, ...expected.route });
  expect(route).toMatchObject({ checkins: 11, completions: 1 });
  // Most first.
  const counts = d.mapCheckins.landmarks.map((l) => l.checkins);
  expect([...counts].sort((a, b) => b - a)).toEqual(counts);
});

test('a county admin: the check-ins at their county’s landmarks only', async () => {
  const d = await dashboard('demo-county-admin');
  const expected = await recount((c) => c.landmarkId === XF._id);
  expect(d.mapCheckins.total).toBe(2);
  expect(shown(d)).toEqual({ [XF._id]: expected.perLandmark[XF._id] });
  // The route lies in another county: not theirs to see.
  expect(d.mapCheckins.routes.map((r) => r.routeId)).not.toContain(ROUTE._id);
});

test('a secretary: their members’ check-ins, wherever they were', async () => {
  const d = await dashboard('demo-secretary', 'br-yf-xiangyang');
  const expected = await recount((c) => membersOfXiangyang.includes(c.openid));
  expect(d.mapCheckins.total).toBe(expected.total);
  expect(d.mapCheckins.total).toBe(8);
  expect(shown(d)).toEqual(expected.perLandmark);
  expect(d.mapCheckins.routes.find((r) => r.routeId === ROUTE._id)).toMatchObject(expected.route);
});

test('no document is shared by every check-in: landmarks and routes are as seeded', async () => {
  expect(
    JSON.stringify([await w.db.collection(LANDMARKS).limit(100).get(), await w.db.collection(ROUTES).limit(100).get()]),
  ).toBe(placesBefore);
});

test('the export carries the 红色打卡 sheet', async () => {
  const res = (await w.call('admin', { action: 'dashboardExport', ...PERIOD }, 'demo-admin')) as {
    ok: boolean;
    data: { base64: string };
  };
  expect(res.ok).toBe(true);
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(res.data.base64, 'base64') as never);
  const sheet = book.getWorksheet('红色打卡');
  expect(sheet).toBeDefined();
  const rows: unknown[][] = [];
  sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows).toContainEqual([ROUTE.name, '路线', 11, 1]);
});
