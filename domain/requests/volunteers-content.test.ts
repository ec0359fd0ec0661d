/**
 * Content security for a volunteer's registration and its review (issue 22): the workplace (the secretary reads it)
 * and a refusal's reason (the volunteer reads it) are checked before anything is written; a refusal names its field
 * in plain Chinese — on whichever engine the project picks.
 */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const everything = () => dump(w.db, Object.keys(COLLECTIONS));
const refused = (message: string, field: string) => ({
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message: `${message}，请修改后再提交`, field },
});
const register = (workplace: string) => ({
  action: 'registerVolunteer',
  realName: '赵志勇',
  phone: '13907731111',
  inService: true,
  workplace,
  unitId: 'br-yf-xiangyang',
});

test('a refused workplace or refusal reason names its field, and nothing is written', async () => {
  const before = await everything();
  expect(await w.call('requests', register('加微信的县住建局'), 'content-volunteer')).toEqual(
    refused('工作单位含有广告内容', 'workplace'),
  );
  expect(await everything()).toBe(before);

  expect(await w.call('requests', register('县住建局'), 'content-volunteer')).toMatchObject({
    ok: true,
    data: { status: 'pending' },
  });
  const registered = await everything();
  expect(
    await w.call(
      'requests',
      { action: 'reviewVolunteer', openid: 'content-volunteer', decision: 'reject', reason: '你这个混蛋' },
      'demo-secretary',
    ),
  ).toEqual(refused('原因含有辱骂内容', 'reason'));
  expect(await everything()).toBe(registered);
  expect(
    await w.call(
      'requests',
      { action: 'reviewVolunteer', openid: 'content-volunteer', decision: 'reject', reason: '请先完成双报到' },
      'demo-secretary',
    ),
  ).toMatchObject({ ok: true });
});
