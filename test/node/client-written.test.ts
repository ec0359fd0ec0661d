/**
 * A collection left creator-writable (made by hand in the console) lets a mini-program user insert
 * documents; the platform stamps each with the writer's `_openid`. Such a document must never count
 * as a user, a role or a balance.
 */
import { dump, seededWorld } from '../support/functions';

let world: Awaited<ReturnType<typeof seededWorld>>;
beforeAll(async () => {
  world = await seededWorld();
});
afterAll(() => world.db.close());

const INTRUDER = 'wx-intruder';

test('a users/{openid} document carrying _openid with role admin gives no admin rights', async () => {
  await world.db
    .collection('users')
    .add({ _id: INTRUDER, _openid: INTRUDER, nickname: '我是管理员', role: 'admin', branchId: null, createdAt: 0 });
  const before = await dump(world.db, ['users']);
  expect(await world.call('user', { action: 'setRole', openid: 'demo-member', role: 'admin' }, INTRUDER)).toEqual({
    ok: false,
    error: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
  });
  expect(
    await world.call(
      'points',
      { action: 'award', openid: INTRUDER, points: 100, reason: '自己给自己加分', requestId: 'self-award-1' },
      INTRUDER,
    ),
  ).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
  const me = await world.call<{ role: string; nickname: string }>('user', { action: 'me' }, INTRUDER);
  expect(me.ok && me.data).toMatchObject({ role: 'resident', nickname: '微信用户' });
  expect(await dump(world.db, ['users'])).toBe(before);
  // The same document without the client's stamp is a real admin: the refusal is about `_openid`, nothing else.
  await world.db
    .collection('users')
    .doc(INTRUDER)
    .set({ _id: INTRUDER, nickname: '管理员', role: 'admin', branchId: null, createdAt: 0 });
  const admin = await world.call<{ role: string }>('user', { action: 'me' }, INTRUDER);
  expect(admin.ok && admin.data.role).toBe('admin');
  await world.db.collection('users').doc(INTRUDER).remove();
});

test('a planted pointAccounts document gives no balance to show or to spend', async () => {
  const who = 'wx-planter';
  await world.db.collection('pointAccounts').add({
    _id: who,
    _openid: who,
    balance: 100_000,
    earned: 100_000,
    spent: 0,
    entries: 0,
    orders: 0,
    branchId: null,
  });
  const me = await world.call<{ points: { balance: number } }>('user', { action: 'me' }, who);
  expect(me.ok && me.data.points.balance).toBe(0);
  expect(await world.call('points', { action: 'summary' }, who)).toEqual({
    ok: true,
    data: { balance: 0, earned: 0, spent: 0 },
  });
  const redeem = await world.call(
    'points',
    { action: 'redeem', goodsId: 'g-towel', qty: 1, requestId: 'planted-balance-1' },
    who,
  );
  expect(redeem).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } });
  expect(await world.db.collection('orders').where({ openid: who }).count()).toBe(0);
});
