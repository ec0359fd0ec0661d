/**
 * The words of 群众点单: a message's title says what happened to which request (「点单「…」已办结」, not a bare
 * 「已办结」); a name that already carries its role is not given it twice (「党员王建国认领」, never
 * 「党员党员王建国认领」); and the resident's own request shows no dispatch (任务大厅, places, 时间银行 hours), which
 * is for the branch and the claimants.
 */
import { seededWorld } from '../../test/support/functions';
import { USERS } from '../core/identity';
import { MESSAGES } from '../messages';
import { aboutRequest, claimantName, withRole } from './present';

jest.setTimeout(120_000);
type World = Awaited<ReturnType<typeof seededWorld>>;

let w: World;
beforeAll(async () => {
  w = await seededWorld();
  await w.db.collection(USERS).doc('words-plain').set({
    nickname: '王芳',
    role: 'member',
    branchId: 'br-yf-xiangyang',
    createdAt: 0,
    scopeUnitId: null,
    stationIds: [],
    siteIds: [],
  });
});
afterAll(() => w.db.close());

let clock = Date.parse('2026-11-23T02:00:00Z');
async function data<T>(event: object, who: string): Promise<T> {
  const res = await w.call.at((clock += 1000))<T>('requests', event, who);
  if (!res.ok) throw new Error(`${(event as { action: string }).action}: ${res.error.message}`);
  return res.data;
}
const titlesTo = async (openid: string, refId: string) =>
  (await w.db.collection(MESSAGES).where({ openid, refId }).get()).map((m) => ({
    kind: m.kind as string,
    title: m.title as string,
  }));

interface Detail {
  request: Record<string, unknown> & { dispatchShown: boolean; mode: string | null; hours: number | null };
  timeline: { text: string; by: string }[];
}

test('the role word is added once', () => {
  expect(withRole('党员', '党员王建国')).toBe('党员王建国');
  expect(withRole('党员', '王芳')).toBe('党员王芳');
  expect(claimantName({ kind: 'volunteer', nickname: '志愿者小张' })).toBe('志愿者小张');
  expect(claimantName({ kind: 'volunteer', nickname: '小张' })).toBe('志愿者小张');
  expect(aboutRequest({ title: '楼道灯坏了' }, '已办结')).toBe('点单「楼道灯坏了」已办结');
});

test('titles say what happened to which request; no doubled role; the resident sees no dispatch jargon', async () => {
  const { id } = await data<{ id: string }>(
    {
      action: 'ask',
      kind: 'issue',
      category: '环境',
      title: '楼道灯坏了',
      text: '三单元二楼的楼道灯不亮了，晚上看不清台阶',
      photos: [],
      unitId: 'br-yf-xiangyang',
      contactName: '李秀兰',
      contactPhone: '13812345678',
      publicOnWall: false,
      requestId: 'words-ask-0001',
    },
    'demo-resident',
  );
  await data({ action: 'review', id, decision: 'accept' }, 'demo-secretary');
  await data({ action: 'dispatch', id, mode: 'hall', places: 2, hours: 3 }, 'demo-secretary');
  await data({ action: 'claim', id }, 'demo-member'); // 党员王建国
  await data({ action: 'claim', id }, 'words-plain'); // 王芳

  const resident = await data<Detail>({ action: 'detail', id }, 'demo-resident');
  const lines = resident.timeline.map((t) => t.text);
  expect(lines).toContain('党员王建国认领');
  expect(lines).toContain('党员王芳认领，开始办理');
  expect(JSON.stringify(resident)).not.toMatch(/党员党员|志愿者志愿者/);
  // The resident's own request: who handles it and each step, but not the dispatch.
  expect(resident.request).toMatchObject({ dispatchShown: false, mode: null, hours: null });
  expect(JSON.stringify(resident)).not.toMatch(/任务大厅|名额|时间银行|派单/);

  // The secretary and the claimants see how it was dispatched.
  for (const who of ['demo-secretary', 'demo-member']) {
    const d = await data<Detail>({ action: 'detail', id }, who);
    expect(d.request).toMatchObject({ dispatchShown: true, mode: 'hall', hours: 3 });
  }

  await data({ action: 'progress', id, text: '已联系物业，明天换灯泡' }, 'demo-member');
  const titles = await titlesTo('demo-resident', id);
  expect(titles.map((t) => t.title).sort()).toEqual(
    [
      '点单「楼道灯坏了」已提交，等待支部受理',
      '点单「楼道灯坏了」已被向阳社区党支部受理',
      '点单「楼道灯坏了」正在招募党员和志愿者办理',
      '点单「楼道灯坏了」已由党员王建国认领',
      '点单「楼道灯坏了」已由党员王芳认领，开始办理',
      '点单「楼道灯坏了」有新进展',
    ].sort(),
  );
  expect(
    JSON.stringify(await w.db.collection(MESSAGES).where({ openid: 'demo-resident', refId: id }).get()),
  ).not.toMatch(/任务大厅|名额|党员党员/);
  expect((await titlesTo('demo-secretary', id)).map((t) => t.title)).toEqual(['点单「楼道灯坏了」待受理']);
});

test('assigned by the branch: 「安排党员王建国办理」, once', async () => {
  const { id } = await data<{ id: string }>(
    {
      action: 'ask',
      kind: 'wish',
      category: '长者',
      title: '想要一台收音机',
      text: '家里的收音机坏了，想听广播',
      photos: [],
      unitId: 'br-yf-xiangyang',
      contactName: '李秀兰',
      contactPhone: '13812345678',
      publicOnWall: false,
      requestId: 'words-ask-0002',
    },
    'demo-resident',
  );
  await data({ action: 'review', id, decision: 'accept' }, 'demo-secretary');
  await data({ action: 'dispatch', id, mode: 'assign', openid: 'demo-member' }, 'demo-secretary');
  const d = await data<Detail>({ action: 'detail', id }, 'demo-resident');
  expect(d.timeline.map((t) => t.text)).toContain('安排党员王建国办理');
  expect((await titlesTo('demo-member', id)).map((t) => t.title)).toEqual([
    '点单「想要一台收音机」派给了你，请联系居民',
  ]);
  expect((await titlesTo('demo-resident', id)).map((t) => t.title)).toContain(
    '点单「想要一台收音机」已安排党员王建国办理',
  );
});
