/** publishActivity: one requestId, one activity — a double tap or a retry answers the same activity and code. */
import { seededWorld } from '../../test/support/functions';
import { ACTIVITIES } from './model';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const publish = (requestId: string, title = '党史学习教育专题党课') =>
  w.call<{ activityId: string; code: string }>(
    'points',
    {
      action: 'publishActivity',
      title,
      ruleId: 'r-sanhui',
      place: '向阳社区',
      start: '2026-11-25 19:30',
      end: '2026-11-25 21:00',
      requestId,
    },
    'demo-admin',
  );
const countTitled = async (title: string) =>
  (await w.db.collection(ACTIVITIES).where({ title }).limit(100).get()).length;

test('publishing twice with one requestId has one effect and the same answer', async () => {
  const first = await publish('pub-twice-0001', '两次发布');
  const second = await publish('pub-twice-0001', '两次发布');
  expect(first.ok).toBe(true);
  expect(second).toEqual(first);
  expect(await countTitled('两次发布')).toBe(1);
});

test('a double tap (two requests at once) makes one activity', async () => {
  const [a, b] = await Promise.all([publish('pub-race-0001', '同时发布'), publish('pub-race-0001', '同时发布')]);
  expect(a.ok && b.ok).toBe(true);
  expect(b).toEqual(a);
  expect(await countTitled('同时发布')).toBe(1);
});

test('another requestId is another activity with another code', async () => {
  const a = await publish('pub-other-0001', '两场活动');
  const b = await publish('pub-other-0002', '两场活动');
  expect(a.ok && b.ok && a.data.code !== b.data.code).toBe(true);
  expect(await countTitled('两场活动')).toBe(2);
});

test('a missing requestId or a backwards time is refused beside its field', async () => {
  const base = {
    action: 'publishActivity',
    title: '党课',
    ruleId: 'r-sanhui',
    start: '2026-11-25 19:30',
    end: '2026-11-25 21:00',
  };
  expect(await w.call('points', base, 'demo-admin')).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', field: 'requestId' },
  });
  expect(
    await w.call('points', { ...base, end: '2026-11-25 18:00', requestId: 'pub-back-0001' }, 'demo-admin'),
  ).toEqual({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', field: 'end', message: '结束时间必须晚于开始时间' },
  });
});
