/** user.searchMembers: admins find members by nickname or branch, and see no personal data. */
import { seededWorld } from '../../test/support/functions';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
  await w.db.collection('users').add({ _id: 'm-zhang', nickname: '张三', role: 'member', branchId: 'br-yf-xiangyang', createdAt: w.now, phone: '13812345678' });
  await w.db.collection('users').add({ _id: 'r-zhang', nickname: '张居民', role: 'resident', branchId: null, createdAt: w.now });
});
afterAll(() => w.db.close());

type Found = { items: { openid: string; nickname: string; branchName: string }[] };

test('finds members by part of the nickname, with the branch name and nothing personal', async () => {
  const res = await w.call<Found>('user', { action: 'searchMembers', keyword: '张' }, 'demo-admin');
  if (!res.ok) throw new Error(res.error.message);
  expect(res.data.items.map((i) => i.openid)).toEqual(['m-zhang']);
  expect(Object.keys(res.data.items[0]!).sort()).toEqual(['branchName', 'nickname', 'openid']);
  expect(res.data.items[0]!.branchName).not.toBe('未加入党支部');
});

test('finds members by branch name', async () => {
  const branch = await w.db.collection('branches').doc('br-yf-xiangyang').get();
  const res = await w.call<Found>('user', { action: 'searchMembers', keyword: String(branch?.name).slice(0, 4) }, 'demo-admin');
  expect(res.ok && res.data.items.map((i) => i.openid)).toContain('m-zhang');
});

test('only admins may search; an empty keyword is refused beside the field', async () => {
  expect(await w.call('user', { action: 'searchMembers', keyword: '张' }, 'demo-staff')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await w.call('user', { action: 'searchMembers', keyword: ' ' }, 'demo-admin')).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'keyword', message: '请输入姓名或支部名称' } });
});
