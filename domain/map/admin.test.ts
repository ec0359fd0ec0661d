/**
 * 先锋岗, 责任区, 诚信经营户 and the map's admin actions on every engine (node, cloudbase-matched, cloudbase-modified):
 * the member masked to everyone, 「找他办事」 reaching the post's branch queue with the post on the request, the scope
 * of every admin action (a county admin in their county, the system admin everywhere, a secretary their branch's
 * posts and shops), refused texts writing nothing, GCJ-02 stored, audit entries, and the map's invariants at 0.
 */
import { dump, seededWorld } from '../../test/support/functions';
import { askEvent } from '../../test/support/requests-flow';
import { AUDIT } from '../audit';
import { REQUESTS } from '../requests';
import { wgs84ToGcj02 } from './datum';
import { checkMapInvariants } from './invariants';
import { maskHolder } from './labels';
import { LANDMARKS, LANDMARK_SCENES, ROUTES } from './model';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
type Answer<T = Record<string, unknown>> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };

let w: World;
let n = 0;
const rid = () => `adm-${String((n += 1)).padStart(6, '0')}`;
const call = <T = Record<string, unknown>>(event: Record<string, unknown>, openid: string | null) =>
  w.call('stations', event, openid) as Promise<Answer<T>>;
const codeOf = (a: Answer<unknown>) => (a.ok ? 'ok' : a.error.code);
async function must<T = Record<string, unknown>>(p: Promise<Answer<T>>): Promise<T> {
  const a = await p;
  if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message} (${a.error.field ?? ''})`);
  return a.data;
}

const SYSTEM = 'demo-admin';
/** 秀峰区's county admin. */
const XIUFENG = 'demo-county-admin';
/** 向阳社区党支部 (永福县)'s secretary. */
const SECRETARY = 'demo-secretary';
const XIANGYANG = 'br-yf-xiangyang';

const place = (over: Record<string, unknown> = {}) => ({
  name: '向阳社区党员先锋岗',
  intro: '楼道、邻里的事，党员帮你办。',
  hours: '工作日 9:00-17:00',
  address: '永福县永福镇向阳社区 3 栋',
  location: { lat: 24.9856, lng: 109.9845 },
  requestId: rid(),
  ...over,
});
const post = (over: Record<string, unknown> = {}) => ({
  action: 'savePost',
  kind: 'post',
  placeType: 'building',
  holderName: '王小华',
  branchId: XIANGYANG,
  ...place(over),
  ...over,
});
const shop = (over: Record<string, unknown> = {}) => ({
  action: 'saveShop',
  badge: 'honest',
  lit: true,
  branchId: XIANGYANG,
  ...place({ name: '向阳便民小超市' }),
  ...over,
});
const landmark = (over: Record<string, unknown> = {}) => ({
  action: 'saveLandmark',
  county: '桂林市秀峰区',
  radius: 150,
  ...place({ name: '秀峰红色纪念馆', address: '秀峰区中山中路' }),
  location: { lat: 25.2801, lng: 110.2895 },
  ...over,
});

beforeAll(async () => {
  w = await seededWorld();
});
afterAll(async () => {
  for (const r of await checkMapInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
  await w.db.close();
});

describe('the member, masked', () => {
  test('「王*华」: first and last character; two characters keep the first', () => {
    expect(maskHolder('王小华')).toBe('王*华');
    expect(maskHolder('欧阳小明')).toBe('欧**明');
    expect(maskHolder('黄丽')).toBe('黄*');
    expect(maskHolder(' 李 ')).toBe('李*');
  });

  test('a post shows its member masked and its branch; neither the name nor an openid reaches anyone', async () => {
    for (const who of ['demo-resident', 'demo-member', SYSTEM, null]) {
      const detail = await must(call({ action: 'landmarkDetail', landmarkId: 'lm-lc-post' }, who));
      expect(detail).toMatchObject({
        kind: 'post',
        holder: '王*华',
        canAsk: true,
        placeTypeLabel: '楼栋',
        branch: { branchId: 'br-lc-jiulong', name: '九龙社区党支部' },
      });
      expect(JSON.stringify(detail)).not.toContain('王小华');
    }
    // The markers carry no member at all.
    const markers = await must(
      call({ action: 'mapMarkers', bounds: { south: 25.3, west: 110.2, north: 25.5, east: 110.4 }, zoom: 20 }, null),
    );
    expect(JSON.stringify(markers)).not.toMatch(/王小华|王\*华|holder/);
  });

  test('a shop shows its title, 亮牌 and the branch that vouches for it', async () => {
    const detail = await must(call({ action: 'landmarkDetail', landmarkId: 'lm-rx-gucheng-shop' }, 'demo-resident'));
    expect(detail).toMatchObject({
      kind: 'shop',
      badge: 'honest',
      badgeLabel: '诚信经营户',
      lit: true,
      canAsk: false,
      holder: null,
      branch: { branchId: 'br-rx-biguiyuan', name: '碧桂园小区党支部' },
    });
  });
});

describe('找他办事', () => {
  test("a resident's ask from a post reaches that branch's queue and carries the post", async () => {
    const { landmarkId } = await must(call<{ landmarkId: string }>(post(), SECRETARY));
    const asked = await must(
      w.call<{ id: string }>(
        'requests',
        { ...askEvent({ unitId: XIANGYANG }), postId: landmarkId },
        'demo-resident',
      ) as Promise<Answer<{ id: string }>>,
    );
    const stored = await w.db.collection(REQUESTS).doc(asked.id).get();
    expect(stored).toMatchObject({ unitId: XIANGYANG, post: { landmarkId, name: '向阳社区党员先锋岗', kind: 'post' } });
    const queue = await must(
      w.call('requests', { action: 'queue' }, SECRETARY) as Promise<
        Answer<{ items: { id: string; postName: string | null }[] }>
      >,
    );
    expect(queue.items.find((i) => i.id === asked.id)).toMatchObject({ postName: '向阳社区党员先锋岗' });
    // The 秀峰 county admin does not see it (another county).
    const county = await must(
      w.call('requests', { action: 'queue' }, XIUFENG) as Promise<Answer<{ items: { id: string }[] }>>,
    );
    expect(county.items.some((i) => i.id === asked.id)).toBe(false);
  });

  test('a post of another branch, a shop or an archived post is refused and writes nothing', async () => {
    const before = await w.db.collection(REQUESTS).count();
    const other = (await w.call(
      'requests',
      { ...askEvent({ unitId: XIANGYANG }), postId: 'lm-lc-post' },
      'demo-resident',
    )) as Answer;
    expect(other.ok ? null : other.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'unitId' });
    const theShop = (await w.call(
      'requests',
      { ...askEvent({ unitId: 'br-rx-biguiyuan' }), postId: 'lm-rx-gucheng-shop' },
      'demo-resident',
    )) as Answer;
    expect(theShop.ok ? null : theShop.error.field).toBe('postId');
    const { landmarkId } = await must(call<{ landmarkId: string }>(post({ name: '已撤的先锋岗' }), SECRETARY));
    await must(call({ action: 'archiveMapPlace', kind: 'place', id: landmarkId, archived: true }, SECRETARY));
    const gone = (await w.call(
      'requests',
      { ...askEvent({ unitId: XIANGYANG }), postId: landmarkId },
      'demo-resident',
    )) as Answer;
    expect(gone.ok ? null : gone.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message: '这个先锋岗已不再接受点单，请直接选择社区党支部',
      field: 'postId',
    });
    expect(await w.db.collection(REQUESTS).count()).toBe(before);
  });
});

describe('scopes of the admin actions', () => {
  test('red landmarks: a county admin in their county only, the system admin anywhere, never a secretary', async () => {
    const made = await must(call<{ landmarkId: string; scene: string }>(landmark(), XIUFENG));
    expect(made.scene).toMatch(/^[0-9]{8}$/);
    expect(await w.db.collection(LANDMARK_SCENES).doc(made.scene).get()).toMatchObject({
      landmarkId: made.landmarkId,
    });
    expect(codeOf(await call(landmark({ county: '玉林市容县' }), XIUFENG))).toBe('FORBIDDEN');
    // Editing another county's landmark, even saying it is in one's own county.
    expect(codeOf(await call(landmark({ landmarkId: 'lm-rx-jiequ' }), XIUFENG))).toBe('FORBIDDEN');
    expect(codeOf(await call(landmark(), SECRETARY))).toBe('FORBIDDEN');
    expect(codeOf(await call(landmark({ county: '玉林市容县' }), SYSTEM))).toBe('ok');
    // Not a red landmark: saveLandmark does not turn a post into one.
    const notRed = await call(landmark({ landmarkId: 'lm-xf-shop' }), XIUFENG);
    expect(notRed.ok ? null : notRed.error.field).toBe('landmarkId');
    // Another landmark's poster code is refused.
    const taken = await call(landmark({ scene: 'RXJQ2021', county: '玉林市容县' }), SYSTEM);
    expect(taken.ok ? null : taken.error).toMatchObject({ code: 'CONFLICT', field: 'scene' });
  });

  test('routes: red landmarks of the county, in order; a county admin in their county', async () => {
    const a = await must(call<{ landmarkId: string }>(landmark({ name: '秀峰红色第一站' }), XIUFENG));
    const b = await must(call<{ landmarkId: string }>(landmark({ name: '秀峰红色第二站' }), XIUFENG));
    const route = {
      action: 'saveRoute',
      name: '秀峰红色足迹线',
      county: '桂林市秀峰区',
      landmarkIds: [a.landmarkId, 'lm-xf-zuji', b.landmarkId],
    };
    const { routeId } = await must(call<{ routeId: string }>({ ...route, requestId: rid() }, XIUFENG));
    expect(await w.db.collection(ROUTES).doc(routeId).get()).toMatchObject({
      landmarkIds: [a.landmarkId, 'lm-xf-zuji', b.landmarkId],
      active: true,
    });
    const other = await call({ ...route, landmarkIds: [a.landmarkId, 'lm-rx-jiequ'], requestId: rid() }, XIUFENG);
    expect(other.ok ? null : other.error.field).toBe('landmarkIds.1');
    const notRed = await call({ ...route, landmarkIds: [a.landmarkId, 'lm-xf-shop'], requestId: rid() }, XIUFENG);
    expect(notRed.ok ? null : notRed.error).toMatchObject({ message: '第 2 站不是可打卡的红色地标' });
    const twice = await call({ ...route, landmarkIds: [a.landmarkId, a.landmarkId], requestId: rid() }, XIUFENG);
    expect(twice.ok ? null : twice.error.field).toBe('landmarkIds');
    expect(codeOf(await call({ ...route, routeId: 'rt-rx-xingzou', requestId: rid() }, XIUFENG))).toBe('FORBIDDEN');
    expect(codeOf(await call({ ...route, requestId: rid() }, SECRETARY))).toBe('FORBIDDEN');
    // The same requestId saves the same route once.
    const again = { ...route, requestId: rid() };
    const first = await must(call<{ routeId: string }>(again, XIUFENG));
    expect((await must(call<{ routeId: string; created: boolean }>(again, XIUFENG))).routeId).toBe(first.routeId);
  });

  test('posts and shops: a secretary their branch, a county admin their county, the system admin anywhere', async () => {
    expect(codeOf(await call(post(), SECRETARY))).toBe('ok');
    expect(codeOf(await call(shop(), SECRETARY))).toBe('ok');
    expect(codeOf(await call(post({ branchId: 'br-yf-longquan' }), SECRETARY))).toBe('FORBIDDEN');
    expect(codeOf(await call(shop({ branchId: 'br-lc-jiulong' }), SECRETARY))).toBe('FORBIDDEN');
    // Moving another branch's post into one's own branch is refused too.
    expect(codeOf(await call(post({ landmarkId: 'lm-lc-post' }), SECRETARY))).toBe('FORBIDDEN');
    expect(codeOf(await call(post({ branchId: 'br-xf-jiedong' }), XIUFENG))).toBe('ok');
    expect(codeOf(await call(post(), XIUFENG))).toBe('FORBIDDEN');
    expect(codeOf(await call(shop({ landmarkId: 'lm-rx-gucheng-shop', branchId: 'br-xf-jiedong' }), XIUFENG))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await call(shop({ branchId: 'br-lc-qicai' }), SYSTEM))).toBe('ok');
    for (const who of ['demo-resident', 'demo-member', 'demo-staff', null])
      expect([who, codeOf(await call(post(), who))]).toEqual([who, who ? 'FORBIDDEN' : 'UNAUTHENTICATED']);
    // A red landmark is not edited as a post; a branch that is not one is refused beside the field.
    const red = await call(post({ landmarkId: 'lm-xf-zuji', branchId: 'br-xf-jiedong' }), XIUFENG);
    expect(red.ok ? null : red.error.field).toBe('landmarkId');
    const county = await call(post({ branchId: 'cty-xiufeng' }), XIUFENG);
    expect(county.ok ? null : county.error.field).toBe('branchId');
  });

  test('archive and restore: a secretary their posts and shops only; routes and landmarks by county', async () => {
    const { landmarkId } = await must(call<{ landmarkId: string }>(shop({ name: '向阳诚信粮油店' }), SECRETARY));
    const archive = (kind: string, id: string, archived: boolean) => ({
      action: 'archiveMapPlace',
      kind,
      id,
      archived,
    });
    expect(codeOf(await call(archive('place', landmarkId, true), SECRETARY))).toBe('ok');
    expect(await w.db.collection(LANDMARKS).doc(landmarkId).get()).toMatchObject({ active: false });
    expect(codeOf(await call({ action: 'landmarkDetail', landmarkId }, 'demo-resident'))).toBe('NOT_FOUND');
    expect(codeOf(await call(archive('place', landmarkId, false), SECRETARY))).toBe('ok');
    expect(codeOf(await call(archive('place', 'lm-xf-zuji', true), SECRETARY))).toBe('FORBIDDEN');
    expect(codeOf(await call(archive('place', 'lm-lc-post', true), SECRETARY))).toBe('FORBIDDEN');
    expect(codeOf(await call(archive('route', 'rt-rx-xingzou', true), SECRETARY))).toBe('FORBIDDEN');
    expect(codeOf(await call(archive('route', 'rt-rx-xingzou', true), XIUFENG))).toBe('FORBIDDEN');
    expect(codeOf(await call(archive('place', 'lm-rx-jiequ', true), XIUFENG))).toBe('FORBIDDEN');
    expect(codeOf(await call(archive('place', 'no-such-place', true), SYSTEM))).toBe('NOT_FOUND');
    // The system admin archives the demo route and restores it.
    expect(codeOf(await call(archive('route', 'rt-rx-xingzou', true), SYSTEM))).toBe('ok');
    expect(await w.db.collection(ROUTES).doc('rt-rx-xingzou').get()).toMatchObject({ active: false });
    expect(codeOf(await call(archive('route', 'rt-rx-xingzou', false), SYSTEM))).toBe('ok');
  });

  test('the list: a secretary their branch, a county admin their county, the system admin everything', async () => {
    type Item = { landmarkId?: string; routeId?: string; branchId?: string | null; county: string; kind?: string };
    const all = async (who: string, input: Record<string, unknown> = {}) => {
      const items: Item[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 20; i += 1) {
        const page = await must(
          call<{ items: Item[]; nextCursor: string | null }>(
            { action: 'mapAdminList', limit: 5, cursor, ...input },
            who,
          ),
        );
        items.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return items;
    };
    await must(call(post({ name: '向阳列表先锋岗' }), SECRETARY));
    const mine = await all(SECRETARY);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.branchId === XIANGYANG && i.kind !== 'red')).toBe(true);
    expect(await all(SECRETARY, { kind: 'red' })).toEqual([]);
    expect(await all(SECRETARY, { kind: 'route' })).toEqual([]);
    const county = await all(XIUFENG);
    expect(county.length).toBeGreaterThan(0);
    expect(county.every((i) => i.county === '桂林市秀峰区')).toBe(true);
    const everything = await all(SYSTEM);
    expect(new Set(everything.map((i) => i.county)).size).toBeGreaterThan(2);
    expect(new Set(everything.map((i) => i.landmarkId)).size).toBe(everything.length);
    const routes = await all(SYSTEM, { kind: 'route' });
    expect(routes.some((r) => r.routeId === 'rt-rx-xingzou')).toBe(true);
    // The holder's name in full is for the managers who entered it.
    const row = mine.find((i) => (i as { holderName?: string }).holderName === '王小华');
    expect(row).toMatchObject({ holderMasked: '王*华' });
  });
});

describe('what is written', () => {
  test('a refused text names its field and writes nothing', async () => {
    const before = await dump(w.db, [LANDMARKS, LANDMARK_SCENES, ROUTES, AUDIT]);
    const refusals: [Record<string, unknown>, string, string][] = [
      [post({ intro: '有事加微信联系' }), SECRETARY, 'intro'],
      [post({ holderName: '混蛋' }), SECRETARY, 'holderName'],
      [shop({ name: '优惠券批发部' }), SECRETARY, 'name'],
      [landmark({ introEn: 'ok', hours: '赌博时间' }), XIUFENG, 'hours'],
      [
        { action: 'saveRoute', name: '广告推广线', county: '玉林市容县', landmarkIds: ['lm-rx-jidi-1', 'lm-rx-jiequ'] },
        SYSTEM,
        'name',
      ],
    ];
    for (const [event, who, field] of refusals) {
      const res = await call({ requestId: rid(), ...event }, who);
      expect([field, res.ok ? null : res.error.code, res.ok ? null : res.error.field]).toEqual([
        field,
        'INVALID_ARGUMENT',
        field,
      ]);
      expect(res.ok ? '' : res.error.message).toMatch(/含有.+内容，请修改后再提交/);
    }
    expect(await dump(w.db, [LANDMARKS, LANDMARK_SCENES, ROUTES, AUDIT])).toBe(before);
  });

  test('a position in WGS-84 is stored in GCJ-02; 亮牌 keeps the day it was first lit', async () => {
    const wgs = { lat: 24.99, lng: 109.99 };
    const input = shop({ location: wgs, datum: 'wgs84', lit: false });
    const { landmarkId } = await must(call<{ landmarkId: string }>(input, SECRETARY));
    const stored = (await w.db.collection(LANDMARKS).doc(landmarkId).get()) as unknown as {
      location: { lat: number; lng: number };
      lit: boolean;
      litAt: number | null;
    };
    expect(stored.location).toEqual(wgs84ToGcj02(wgs));
    expect(stored).toMatchObject({ lit: false, litAt: null });
    await must(w.call.at(w.now + 1000)('stations', { ...input, landmarkId, lit: true }, SECRETARY) as Promise<Answer>);
    await must(w.call.at(w.now + 9000)('stations', { ...input, landmarkId, lit: true }, SECRETARY) as Promise<Answer>);
    expect(await w.db.collection(LANDMARKS).doc(landmarkId).get()).toMatchObject({ lit: true, litAt: w.now + 1000 });
    const detail = await must(call({ action: 'landmarkDetail', landmarkId }, 'demo-resident'));
    expect(detail).toMatchObject({ lit: true, litAt: w.now + 1000, badgeLabel: '诚信经营户' });
  });

  test('each change leaves an audit entry with the place before and after', async () => {
    const { landmarkId } = await must(call<{ landmarkId: string }>(post({ name: '审计先锋岗' }), SECRETARY));
    await must(call(post({ landmarkId, name: '审计先锋岗（改）' }), SECRETARY));
    const entries = (await w.db.collection(AUDIT).where({ targetId: landmarkId }).get()) as Record<string, unknown>[];
    expect(entries.map((e) => `${String(e.fn)}.${String(e.action)}`)).toEqual([
      'stations.savePost',
      'stations.savePost',
    ]);
    expect(entries.some((e) => (e.before as { name?: string } | null)?.name === '审计先锋岗')).toBe(true);
  });
});
