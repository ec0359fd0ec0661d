/**
 * Content security for what admins and secretaries publish in the organisation (issue 22): a unit's name (members and
 * residents read it) and the reason an application is refused (the applicant reads it) are checked before anything is
 * written; a refusal names its field in plain Chinese — on whichever engine the project picks.
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
async function data<T>(fn: string, event: object, who: string): Promise<T> {
  const res = await w.call<T>(fn, event, who);
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`);
  return res.data;
}
const refused = (message: string, field: string) => ({
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message: `${message}，请修改后再提交`, field },
});

test('a unit name and a refusal reason that fail the check are refused by field, and nothing is written', async () => {
  const invite = await data<{ code: string }>(
    'org',
    { action: 'createInvite', branchId: 'br-yf-xiangyang' },
    'demo-secretary',
  );
  const { applicationId } = await data<{ applicationId: string }>(
    'org',
    { action: 'apply', code: invite.code, realName: '李建华', phone: '13812340000', requestId: 'content-apply-1' },
    'content-joiner',
  );
  const before = await everything();
  const cases: [string, object, ReturnType<typeof refused>][] = [
    [
      'demo-admin',
      {
        action: 'saveUnit',
        parentId: 'cm-lc-qicai',
        kind: 'branch',
        name: '代理招募党支部',
        requestId: 'content-unit-1',
      },
      refused('名称含有广告内容', 'name'),
    ],
    [
      'demo-admin',
      {
        action: 'saveUnit',
        unitId: 'br-yf-xiangyang',
        parentId: 'cty-yongfu',
        kind: 'branch',
        name: '向阳社区赌博支部',
        requestId: 'content-unit-2',
      },
      refused('名称含有违法犯罪内容', 'name'),
    ],
    [
      'demo-admin',
      { action: 'saveUnit', parentId: null, kind: 'county', name: '色情县', requestId: 'content-unit-3' },
      refused('名称含有色情内容', 'name'),
    ],
    [
      'demo-secretary',
      { action: 'review', applicationId, decision: 'reject', reason: '你就是个傻逼' },
      refused('原因含有辱骂内容', 'reason'),
    ],
  ];
  for (const [who, event, expected] of cases) expect(await w.call('org', event, who)).toEqual(expected);
  expect(await everything()).toBe(before);

  // A plain reason goes through, and the applicant reads it.
  expect(
    await w.call(
      'org',
      { action: 'review', applicationId, decision: 'reject', reason: '请先转入组织关系' },
      'demo-secretary',
    ),
  ).toMatchObject({ ok: true, data: { status: 'rejected' } });
});
