/** The user, stations and vaccine functions against the embedded engine, through their routers. */
import { COLLECTIONS } from '../../domain/collections';
import { STATIONS, VACCINE_SITES } from '../../domain/seed/data';
import { OPENING_BALANCES } from '../../domain/seed/points-data';
import { dump, seededWorld } from '../support/functions';

let world: Awaited<ReturnType<typeof seededWorld>>;
beforeAll(async () => {
  world = await seededWorld();
});
afterAll(() => world.db.close());

const everything = () => dump(world.db, Object.keys(COLLECTIONS));

describe('user', () => {
  test('me answers the caller from the platform, whatever the event claims', async () => {
    const res = await world.call('user', { action: 'me', userInfo: { openId: 'demo-admin' } }, 'demo-member');
    expect(res).toEqual({
      ok: true,
      data: {
        openid: 'demo-member',
        nickname: '党员王建国',
        role: 'member',
        roleLabel: '党员',
        branch: { branchId: 'br-yf-xiangyang', name: '向阳社区党支部' },
        points: { balance: OPENING_BALANCES.find((o) => o.openid === 'demo-member')!.points },
        scope: { unitId: null, unitName: '', stationIds: [], siteIds: [] },
      },
    });
  });

  test('me for a caller never seen registers them as a resident', async () => {
    const res = await world.call<{ role: string }>('user', { action: 'me' }, 'wx-new-visitor');
    expect(res.ok && res.data.role).toBe('resident');
    expect(await world.db.collection('users').doc('wx-new-visitor').get()).toMatchObject({ role: 'resident' });
  });

  test('setRole is for admins only, checked on the server', async () => {
    const before = await everything();
    for (const who of ['demo-resident', 'demo-member', 'demo-staff']) {
      expect(await world.call('user', { action: 'setRole', openid: 'demo-resident', role: 'admin' }, who)).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
      });
    }
    expect(await everything()).toBe(before);
    expect(
      await world.call('user', { action: 'setRole', openid: 'demo-resident', role: 'staff' }, 'demo-admin'),
    ).toEqual({ ok: true, data: { openid: 'demo-resident', role: 'staff' } });
    expect(await world.db.collection('users').doc('demo-resident').get()).toMatchObject({
      role: 'staff',
      updatedBy: 'demo-admin',
    });
    await world.call('user', { action: 'setRole', openid: 'demo-resident', role: 'resident' }, 'demo-admin');
  });

  test('setRole rejects bad input and unknown users, writing nothing', async () => {
    const before = await everything();
    const cases: [unknown, string][] = [
      [{ action: 'setRole', openid: 'demo-resident', role: 'king' }, 'INVALID_ARGUMENT'],
      [{ action: 'setRole', openid: 'x'.repeat(65), role: 'staff' }, 'INVALID_ARGUMENT'],
      [{ action: 'setRole', openid: 'demo-resident' }, 'INVALID_ARGUMENT'],
      [{ action: 'setRole', openid: 'demo-resident', role: 'staff', extra: 1 }, 'INVALID_ARGUMENT'],
      [{ action: 'setRole', openid: 'nobody', role: 'staff' }, 'NOT_FOUND'],
      [{ action: 'setRole', openid: 'demo-admin', role: 'resident' }, 'CONFLICT'],
    ];
    for (const [event, code] of cases) {
      const res = await world.call('user', event, 'demo-admin');
      expect(res.ok ? 'ok' : res.error.code).toBe(code);
      if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await everything()).toBe(before);
  });

  test('a signed-out caller is refused', async () => {
    expect(await world.call('user', { action: 'me' }, null)).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: '请先登录' },
    });
  });
});

describe('stations', () => {
  type Page = { items: { stationId: string; name: string; kind: string }[]; nextCursor: string | null };

  test('list pages through every seeded station exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const res = await world.call<Page>('stations', { action: 'list', limit: 7, ...(cursor ? { cursor } : {}) });
      if (!res.ok) throw new Error(res.error.message);
      expect(res.data.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.data.items.map((s) => s.stationId));
      if (!res.data.nextCursor) break;
      cursor = res.data.nextCursor;
    }
    expect(seen).toEqual(STATIONS.map((s) => s._id).sort());
  });

  test('list filters by kind and by keyword in name, district or address', async () => {
    const byKind = await world.call<Page>('stations', { action: 'list', kind: 'tourism', limit: 50 });
    expect(byKind.ok && byKind.data.items.map((s) => s.stationId).sort()).toEqual(
      STATIONS.filter((s) => s.kind === 'tourism')
        .map((s) => s._id)
        .sort(),
    );
    const byWord = await world.call<Page>('stations', { action: 'list', keyword: '灵川', limit: 50 });
    const expected = STATIONS.filter((s) => [s.name, s.district, s.address].some((f) => f.includes('灵川')))
      .map((s) => s._id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(byWord.ok && byWord.data.items.map((s) => s.stationId).sort()).toEqual(expected);
    const none = await world.call<Page>('stations', { action: 'list', keyword: '.*不存在的驿站' });
    expect(none).toEqual({ ok: true, data: { items: [], nextCursor: null } });
  });

  test('detail returns the station and its services from the catalogue; unknown ids are NOT_FOUND', async () => {
    const station = STATIONS[0]!;
    const res = await world.call<{ station: { stationId: string; services: { code: string; name: string }[] } }>(
      'stations',
      { action: 'detail', stationId: station._id },
    );
    expect(res.ok && res.data.station.stationId).toBe(station._id);
    expect(res.ok && res.data.station.services.map((s) => s.code)).toEqual(station.services);
    expect(await world.call('stations', { action: 'detail', stationId: 'st-none' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '驿站不存在' },
    });
  });

  test('a station edited badly by hand in the console is skipped; the rest is served', async () => {
    await world.db.collection('stations').add({ _id: 'st-aaa-broken', name: 42, kind: 'unknown-kind' });
    const res = await world.call<Page>('stations', { action: 'list', limit: 50 });
    expect(res.ok && res.data.items.map((s) => s.stationId)).toEqual(STATIONS.map((s) => s._id).sort());
    expect(await world.call('stations', { action: 'detail', stationId: 'st-aaa-broken' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await world.db.collection('stations').doc('st-aaa-broken').remove();
  });

  test('bad input is INVALID_ARGUMENT with a readable message', async () => {
    const cases: unknown[] = [
      { action: 'list', limit: 0 },
      { action: 'list', limit: 51 },
      { action: 'list', limit: '10' },
      { action: 'list', kind: 'castle' },
      { action: 'list', keyword: '驿'.repeat(31) },
      { action: 'list', cursor: 'c'.repeat(201) },
      { action: 'list', unexpected: true },
      { action: 'detail' },
      { action: 'detail', stationId: 123 },
    ];
    for (const event of cases) {
      const res = await world.call('stations', event);
      expect(res.ok ? 'ok' : res.error.code).toBe('INVALID_ARGUMENT');
    }
    for (const event of [null, 42, 'list', [1, 2]]) {
      expect(await world.call('stations', event)).toEqual({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', message: '请求必须是一个 JSON 对象' },
      });
    }
    expect(await world.call('stations', { action: 'explode' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('vaccine', () => {
  type Page = {
    items: { siteId: string; status: string; volunteerBranch: { volunteers: number } }[];
    nextCursor: string | null;
  };

  test('sites lists the 9 seeded sites of 永福县 with their 336 volunteers', async () => {
    const res = await world.call<Page>('vaccine', { action: 'sites', limit: 50 });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.items).toHaveLength(9);
    expect(res.data.items.reduce((sum, s) => sum + s.volunteerBranch.volunteers, 0)).toBe(336);
    expect(res.data.items.filter((s) => s.status === 'paused')).toHaveLength(
      VACCINE_SITES.filter((s) => s.status === 'paused').length,
    );
    expect(res.data.nextCursor).toBeNull();
  });

  test('siteDetail returns the vaccines offered; unknown ids are NOT_FOUND', async () => {
    const site = VACCINE_SITES[0]!;
    const res = await world.call<{ site: { siteId: string; offers: unknown[]; amenities: string[] } }>('vaccine', {
      action: 'siteDetail',
      siteId: site._id,
    });
    expect(res.ok && res.data.site.offers).toHaveLength(site.vaccines?.length ?? 0);
    expect(res.ok && res.data.site.amenities).toEqual(expect.arrayContaining(['遮阳伞', '电扇', '饮用水']));
    expect(await world.call('vaccine', { action: 'siteDetail', siteId: 'vs-none' })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '接种点不存在' },
    });
  });
});

test('seeding twice changes nothing', async () => {
  const { seedIfEmpty } = await import('../../domain/seed/seed');
  const before = await everything();
  expect(await seedIfEmpty(world.db, world.now + 1000)).toBe(false);
  expect(await everything()).toBe(before);
});

test('sites show the seats left today, summed over the slots still to come', async () => {
  const res = await world.call<{ items: { siteId: string; todayRemaining: number }[] }>('vaccine', {
    action: 'sites',
    limit: 50,
  });
  if (!res.ok) throw new Error(res.error.message);
  const today = new Date(world.now + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const site of res.data.items) {
    const slots = await world.db.collection('slots').where({ resourceId: site.siteId, date: today }).limit(1000).get();
    const expected = slots
      .filter((s) => Number(s.start) > world.now && !s.closed)
      .reduce((sum, s) => sum + Number(s.capacity) - Number(s.booked), 0);
    expect([site.siteId, site.todayRemaining]).toEqual([site.siteId, expected]);
  }
  expect(res.data.items.some((s) => s.todayRemaining > 0)).toBe(true);
});
