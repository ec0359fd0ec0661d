/**
 * 红色打卡 on every engine (node, cloudbase-matched, cloudbase-modified): the place + code rule, once a Shanghai day,
 * impossible travel, points through the ledger within the rule's cap, routes completed once, storms by one person
 * and crowds at one place, the markers of a visible area, and the map's invariants.
 */
import { seededWorld } from '../../test/support/functions';
import { CAPS, LEDGER, checkPointsInvariants } from '../points';
import { wgs84ToGcj02 } from './datum';
import { checkMapInvariants } from './invariants';
import { LANDMARK_CHECKINS, ROUTE_COMPLETIONS } from './model';
import { DEMO_LANDMARKS } from '../seed/map-data';

// Through the real SDK against the CloudBase double a storm takes seconds, not milliseconds.
jest.setTimeout(180_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
type Answer<T = Record<string, unknown>> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const place = (id: string) => {
  const l = DEMO_LANDMARKS.find((d) => d._id === id);
  if (!l) throw new Error(id);
  return { ...l, scene: l.scene ?? '', location: l.location };
};
const JIEQU = place('lm-rx-jiequ');
const BASE1 = place('lm-rx-jidi-1');
const BASE2 = place('lm-rx-jidi-2');
const BASE3 = place('lm-rx-jidi-3');
const HALL1 = place('lm-rx-zhanguan-1');
const XIUFENG = place('lm-xf-zuji');
const SHOP = place('lm-rx-gucheng-shop');

/** A position `metres` north of a place (GCJ-02). */
const north = (p: { location: { lat: number; lng: number } }, metres: number) => ({
  lat: p.location.lat + metres / 111_320,
  lng: p.location.lng,
});

let w: World;
let people = 0;
/** A new person of `role` (each test its own, so one test's check-ins never meet another's rules). */
async function person(role: 'member' | 'resident' = 'member'): Promise<string> {
  people += 1;
  const id = `p-${role}-${String(people).padStart(4, '0')}`;
  await w.db.collection('users').add({
    _id: id,
    nickname: `${role === 'member' ? '党员' : '居民'}${people}`,
    role,
    branchId: role === 'member' ? 'br-yf-xiangyang' : null,
    createdAt: w.now,
  });
  return id;
}

function checkIn(
  openid: string,
  at: number,
  where: { _id: string; scene: string; location: { lat: number; lng: number } },
  over: Record<string, unknown> = {},
): Promise<Answer<{ points: number; capped: boolean; completedRoutes: { routeId: string }[]; checkinId: string }>> {
  return w.call.at(at)(
    'stations',
    { action: 'checkIn', landmarkId: where._id, scene: where.scene, location: where.location, ...over },
    openid,
  ) as never;
}
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const ledgerOf = async (openid: string) =>
  (await w.db.collection(LEDGER).where({ openid, ruleId: 'r-hongse' }).get()).map((e) => Number(e.amount));

beforeAll(async () => {
  w = await seededWorld();
});
afterAll(async () => {
  for (const r of [...(await checkMapInvariants(w.db)), ...(await checkPointsInvariants(w.db))])
    expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
  await w.db.close();
});

describe('the place and the code', () => {
  test('near without the code is refused, beside the code', async () => {
    const me = await person();
    const { scene: _scene, ...withoutCode } = { landmarkId: JIEQU._id, scene: '', location: JIEQU.location };
    const none = (await w.call('stations', { action: 'checkIn', ...withoutCode }, me)) as Answer;
    expect(none).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '请扫描现场的打卡二维码', field: 'scene' },
    });
    const blank = await checkIn(me, w.now, { ...JIEQU, scene: '  ' });
    expect(blank.ok ? null : blank.error.field).toBe('scene');
    expect(await w.db.collection(LANDMARK_CHECKINS).where({ openid: me }).count()).toBe(0);
  });

  test('the code from far away is refused, saying how far', async () => {
    const me = await person();
    const far = await checkIn(me, w.now, { ...JIEQU, location: north(JIEQU, 1500) });
    expect(far.ok).toBe(false);
    if (far.ok) return;
    expect(far.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'location' });
    expect(far.error.message).toBe('你离「民国小镇红色街区」还有约 1.5 公里，到 200 米以内才能打卡');
    // Just inside the radius, it counts.
    expect(codeOf(await checkIn(me, w.now, { ...JIEQU, location: north(JIEQU, 190) }))).toBe('ok');
  });

  test("another landmark's code is refused by name; an unknown code plainly", async () => {
    const me = await person();
    const other = await checkIn(me, w.now, { ...JIEQU, scene: BASE1.scene });
    expect(other.ok ? null : other.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '这是「红色党课第一基地」的打卡码，请扫描「民国小镇红色街区」现场的二维码',
      field: 'scene',
    });
    const unknown = await checkIn(me, w.now, { ...JIEQU, scene: 'ZZZZ9999' });
    expect(unknown.ok ? null : unknown.error.message).toBe('打卡码无效，请扫描现场的二维码');
    // The code is read whatever its case.
    expect(codeOf(await checkIn(me, w.now, { ...JIEQU, scene: JIEQU.scene.toLowerCase() }))).toBe('ok');
  });

  test('a place that takes no check-ins refuses one', async () => {
    const me = await person();
    const res = await checkIn(me, w.now, { ...SHOP, scene: 'RXJQ2021' });
    expect(res.ok ? null : res.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'landmarkId' });
  });

  test("a browser's WGS-84 position is converted before the distance: sent as GCJ-02 it would be 500 m off", async () => {
    const me = await person();
    // The WGS-84 point whose GCJ-02 is the landmark's centre (one fixed-point step is within a metre).
    const shift = wgs84ToGcj02(JIEQU.location);
    const gps = {
      lat: JIEQU.location.lat - (shift.lat - JIEQU.location.lat),
      lng: JIEQU.location.lng - (shift.lng - JIEQU.location.lng),
    };
    const unconverted = await checkIn(me, w.now, { ...JIEQU, location: gps }, { datum: 'gcj02' });
    expect(unconverted.ok ? null : unconverted.error.field).toBe('location');
    expect(codeOf(await checkIn(me, w.now, { ...JIEQU, location: gps }, { datum: 'wgs84' }))).toBe('ok');
  });
});

describe('once a day, and no impossible travel', () => {
  test('once per landmark per Shanghai day: 23:59 and 00:01 are two days, the same UTC day', async () => {
    const me = await person('resident');
    const before = Date.parse('2026-11-24T15:59:00Z'); // 23:59 on 11月24日 in Shanghai
    const after = Date.parse('2026-11-24T16:01:00Z'); // 00:01 on 11月25日
    expect(codeOf(await checkIn(me, before - 10 * MIN, JIEQU))).toBe('ok');
    const again = await checkIn(me, before, JIEQU);
    expect(again.ok ? null : again.error).toEqual({
      code: 'CONFLICT',
      message: '今天已在「民国小镇红色街区」打过卡，明天再来吧',
    });
    expect(codeOf(await checkIn(me, after, JIEQU))).toBe('ok');
    expect(await w.db.collection(LANDMARK_CHECKINS).where({ openid: me }).count()).toBe(2);
  });

  test('two landmarks further apart than anyone could travel in the time between are refused', async () => {
    const me = await person();
    const t0 = Date.parse('2026-11-25T02:00:00Z'); // 10:00 in Shanghai
    expect(codeOf(await checkIn(me, t0, JIEQU))).toBe('ok');
    // 容县 → 秀峰区 is some 270 km: at the configured 200 km/h, not within an hour.
    const soon = await checkIn(me, t0 + HOUR, XIUFENG);
    expect(soon.ok ? null : soon.error.code).toBe('TOO_EARLY');
    expect(soon.ok ? '' : soon.error.message).toMatch(
      /^你 10:00 在「民国小镇红色街区」打了卡，离这里约 \d+ 公里，1[12]:\d\d 以后才能在这里打卡$/,
    );
    // The speed is the setting: at a walking 5 km/h the 500 m between two stops in 容县 take six minutes…
    process.env.MAP_MAX_SPEED_KMH = '5';
    try {
      expect(codeOf(await checkIn(me, t0 + 5 * MIN, BASE1))).toBe('TOO_EARLY');
    } finally {
      delete process.env.MAP_MAX_SPEED_KMH;
    }
    // …and at the default 200 km/h a few seconds.
    expect(codeOf(await checkIn(me, t0 + 5 * MIN, BASE1))).toBe('ok');
  });

  test('the same trip after enough time is fine', async () => {
    const me = await person();
    const t0 = Date.parse('2026-11-25T02:00:00Z');
    expect(codeOf(await checkIn(me, t0, JIEQU))).toBe('ok');
    expect(codeOf(await checkIn(me, t0 + 2 * HOUR, XIUFENG))).toBe('ok');
  });
});

describe('points, caps and routes', () => {
  test("a party member's check-in posts the 红色打卡 rule's points once; past the daily cap it counts for 0", async () => {
    const me = await person();
    const t0 = Date.parse('2026-11-26T01:00:00Z');
    const answers = [];
    for (const [i, p] of [BASE1, BASE2, BASE3, HALL1].entries()) answers.push(await checkIn(me, t0 + i * 10 * MIN, p));
    expect(answers.map((a) => (a.ok ? [a.data.points, a.data.capped] : a.error.code))).toEqual([
      [2, false],
      [2, false],
      [2, false],
      [0, true],
    ]);
    expect(await ledgerOf(me)).toEqual([2, 2, 2]);
    // The rule's one cap counter for the day holds exactly what was paid.
    const caps = await w.db.collection(CAPS).where({ openid: me, ruleId: 'r-hongse' }).get();
    expect(caps.map((c) => [c.period, c.earned])).toEqual([['2026-11-26', 6]]);
    // The next Shanghai day the cap starts again.
    const next = await checkIn(me, t0 + DAY, BASE1);
    expect(next.ok ? next.data.points : next.error.code).toBe(2);
  });

  test('a resident keeps a 足迹 and earns no points', async () => {
    const me = await person('resident');
    const t0 = Date.parse('2026-11-26T01:00:00Z');
    const res = await checkIn(me, t0, BASE2);
    expect(res.ok ? res.data.points : res.error.code).toBe(0);
    expect(await ledgerOf(me)).toEqual([]);
    await checkIn(me, t0 + 10 * MIN, BASE3);
    const fp = (await w.call.at(t0 + HOUR)('stations', { action: 'myFootprint' }, me)) as Answer<{
      summary: { checkins: number; landmarks: number; routes: number };
      items: { name: string; at: number }[];
    }>;
    if (!fp.ok) throw new Error(fp.error.message);
    expect(fp.data.summary).toEqual({ checkins: 2, landmarks: 2, routes: 0 });
    expect(fp.data.items.map((i) => i.name)).toEqual(['红色党课第三基地', '红色党课第二基地']);
  });

  test('a route is complete, once, when every stop has a check-in — in any order, over days', async () => {
    const me = await person('resident');
    const route = [
      'lm-rx-jidi-1',
      'lm-rx-jidi-2',
      'lm-rx-jidi-3',
      'lm-rx-zhanguan-1',
      'lm-rx-zhanguan-2',
      'lm-rx-zhanguan-3',
      'lm-rx-jiequ',
    ];
    const t0 = Date.parse('2026-11-27T01:00:00Z');
    const order = [...route].reverse();
    const done: string[][] = [];
    for (const [i, id] of order.entries()) {
      const res = await checkIn(me, t0 + i * 20 * MIN + (i > 3 ? DAY : 0), place(id));
      if (!res.ok) throw new Error(res.error.message);
      done.push(res.data.completedRoutes.map((r) => r.routeId));
    }
    expect(done).toEqual([[], [], [], [], [], [], ['rt-rx-xingzou']]);
    // Again another day: no second completion.
    const again = await checkIn(me, t0 + 3 * DAY, place(route[0]!));
    expect(again.ok ? again.data.completedRoutes : again.error.code).toEqual([]);
    expect(await w.db.collection(ROUTE_COMPLETIONS).where({ openid: me }).count()).toBe(1);

    const routes = (await w.call('stations', { action: 'mapRoutes' }, me)) as Answer<{
      items: {
        routeId: string;
        mine: { visited: number; total: number; completedAt: number | null };
        completions: number;
      }[];
    }>;
    if (!routes.ok) throw new Error(routes.error.message);
    const mine = routes.data.items.find((r) => r.routeId === 'rt-rx-xingzou')!;
    expect(mine.mine).toEqual({ visited: 7, total: 7, completedAt: t0 + 6 * 20 * MIN + DAY });
    const cert = (await w.call('stations', { action: 'routeCertificate', routeId: 'rt-rx-xingzou' }, me)) as Answer<{
      nickname: string;
      startedAt: number;
      completedAt: number;
      landmarks: { name: string; at: number }[];
    }>;
    if (!cert.ok) throw new Error(cert.error.message);
    expect(cert.data.nickname).toMatch(/^居民/);
    expect(cert.data.startedAt).toBe(t0);
    expect(cert.data.landmarks.map((l) => l.name)[6]).toBe('民国小镇红色街区');
    // Someone who has not finished it has no certificate.
    const other = await person('resident');
    const none = (await w.call('stations', { action: 'routeCertificate', routeId: 'rt-rx-xingzou' }, other)) as Answer;
    expect(none.ok ? null : none.error.code).toBe('NOT_FOUND');
  });
});

describe('storms and crowds', () => {
  test('50 simultaneous check-ins by one person make one check-in and post points once', async () => {
    const me = await person();
    const at = Date.parse('2026-11-28T02:00:00Z');
    const answers = await Promise.all(Array.from({ length: 50 }, () => checkIn(me, at, JIEQU)));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok' && c !== 'CONFLICT')).toEqual([]);
    expect(await w.db.collection(LANDMARK_CHECKINS).where({ openid: me }).count()).toBe(1);
    expect(await ledgerOf(me)).toEqual([2]);
  });

  test('200 people at one landmark at once: 200 check-ins, each member paid once, the count exact', async () => {
    const at = Date.parse('2026-11-29T02:00:00Z');
    const crowd: string[] = [];
    for (let i = 0; i < 200; i += 1) crowd.push(await person(i % 2 === 0 ? 'member' : 'resident'));
    const before = (await w.call('stations', { action: 'landmarkDetail', landmarkId: HALL1._id })) as Answer<{
      checkins: number;
    }>;
    if (!before.ok) throw new Error(before.error.message);
    const answers = await Promise.all(crowd.map((id) => checkIn(id, at, HALL1)));
    expect(answers.map(codeOf).filter((c) => c !== 'ok')).toEqual([]);
    const after = (await w.call('stations', { action: 'landmarkDetail', landmarkId: HALL1._id }, crowd[0]!)) as Answer<{
      checkins: number;
      mine: { checkedInToday: boolean } | null;
    }>;
    if (!after.ok) throw new Error(after.error.message);
    expect(after.data.checkins - before.data.checkins).toBe(200);
    const paid = await w.db
      .collection(LEDGER)
      .where({ ruleId: 'r-hongse', openid: w.db.command.in(crowd) })
      .count();
    expect(paid).toBe(100);
  });
});

describe('the map', () => {
  test("the markers of a county's visible area: clustered when zoomed out, single places when zoomed in, by kind", async () => {
    const box = { south: 22.84, west: 110.54, north: 22.88, east: 110.58 };
    type Markers = { total: number; markers: { type: string; count?: number; landmarkId?: string; kind?: string }[] };
    const out = (await w.call('stations', { action: 'mapMarkers', bounds: box, zoom: 11 })) as Answer<Markers>;
    if (!out.ok) throw new Error(out.error.message);
    expect(out.data.total).toBe(10);
    expect(out.data.markers.some((m) => m.type === 'cluster')).toBe(true);
    expect(out.data.markers.reduce((n, m) => n + (m.count ?? 1), 0)).toBe(10);
    const inside = (await w.call('stations', { action: 'mapMarkers', bounds: box, zoom: 18 })) as Answer<Markers>;
    if (!inside.ok) throw new Error(inside.error.message);
    expect(inside.data.markers.every((m) => m.type === 'place')).toBe(true);
    const shops = (await w.call('stations', {
      action: 'mapMarkers',
      bounds: box,
      zoom: 18,
      kinds: ['shop'],
    })) as Answer<Markers>;
    expect(shops.ok && shops.data.markers.map((m) => m.landmarkId)).toEqual(['lm-rx-gucheng-shop']);
    // A shop carries the branch that vouches for it (the map shows that branch's stars); a red landmark none.
    expect(shops.ok && shops.data.markers[0]).toMatchObject({ branchId: 'br-rx-biguiyuan' });
    const red = (await w.call('stations', {
      action: 'mapMarkers',
      bounds: box,
      zoom: 18,
      kinds: ['red'],
    })) as Answer<Markers>;
    expect(red.ok && red.data.markers.length > 0 && red.data.markers.every((m) => !('branchId' in m))).toBe(true);
    const bad = (await w.call('stations', { action: 'mapMarkers', bounds: { ...box, south: 23 }, zoom: 11 })) as Answer;
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '地图范围不正确，请移动地图后重试',
    });
  });

  test("a landmark's detail never carries its poster code", async () => {
    const res = (await w.call('stations', { action: 'landmarkDetail', landmarkId: JIEQU._id })) as Answer<
      Record<string, unknown>
    >;
    if (!res.ok) throw new Error(res.error.message);
    expect(JSON.stringify(res.data)).not.toContain(JIEQU.scene);
    expect(res.data).toMatchObject({ name: '民国小镇红色街区', kindLabel: '红色地标', checkIn: true, radius: 200 });
    const routes = (await w.call('stations', { action: 'mapRoutes' })) as Answer;
    expect(JSON.stringify(routes)).not.toMatch(/RXJQ2021|RXJD0001/);
  });
});
