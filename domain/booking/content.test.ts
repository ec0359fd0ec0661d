/**
 * Content security for what admins and staff publish about stations (issue 22): a station's or an item's words, and
 * the reason a day is closed (sent to every resident whose booking it cancels), are checked before anything is
 * written; a refusal names its field in plain Chinese — on whichever engine the project picks.
 */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { SLOTS } from '../slots';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
beforeAll(async () => {
  w = await seededWorld();
});
afterAll(() => w.db.close());

const everything = () => dump(w.db, Object.keys(COLLECTIONS));
const station = (extra: object) => ({
  action: 'saveStation',
  stationId: 'st-yf-center',
  name: '永福县党群服务中心',
  kind: 'center',
  county: '桂林市永福县',
  district: '永福镇',
  address: '县城中心',
  openHours: '周一至周日 8:00-18:00',
  intro: '县级党群服务中心，为居民群众提供一站式服务。',
  ...extra,
});
const refused = (message: string, field: string) => ({
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message: `${message}，请修改后再提交`, field },
});

test('a station, an item and a closing reason that fail the check are refused by field, and nothing is written', async () => {
  const slot = (await w.db.collection(SLOTS).where({ stationId: 'st-yf-center' }).limit(1).get())[0]!;
  const before = await everything();
  const cases: [string, object, ReturnType<typeof refused>][] = [
    ['demo-admin', station({ name: '加微信领红包驿站' }), refused('名称含有广告内容', 'name')],
    ['demo-admin', station({ address: '赌博街 1 号' }), refused('地址含有违法犯罪内容', 'address')],
    ['demo-admin', station({ openHours: '全天 裸聊' }), refused('开放时间含有色情内容', 'openHours')],
    ['demo-admin', station({ intro: '这里的管理员是王八蛋' }), refused('简介含有辱骂内容', 'intro')],
    [
      'demo-admin',
      { action: 'saveItem', stationId: 'st-yf-center', name: '代开发票咨询', kind: 'service' },
      refused('名称含有违法犯罪内容', 'name'),
    ],
    [
      'demo-admin',
      { action: 'saveItem', stationId: 'st-yf-center', name: '政策咨询', kind: 'service', description: '优惠券当场发' },
      refused('说明含有广告内容', 'description'),
    ],
    [
      'demo-staff',
      { action: 'closeSlots', itemId: slot.resourceId, date: slot.date, reason: '值班的混蛋请假了' },
      refused('原因含有辱骂内容', 'reason'),
    ],
  ];
  for (const [who, event, expected] of cases) expect(await w.call('stations', event, who)).toEqual(expected);
  expect(await everything()).toBe(before);

  // Plain words go through.
  expect(await w.call('stations', station({}), 'demo-admin')).toMatchObject({ ok: true });
});
