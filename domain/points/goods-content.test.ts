/**
 * Content security for what admins publish in the mall (issue 22): a goods' name or description that fails the check
 * is refused beside its field, in plain Chinese, and nothing is written — on whichever engine the project picks.
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
const goods = (extra: object) => ({
  action: 'saveGoods',
  name: '毛巾两条装',
  description: '纯棉毛巾，驿站领取',
  price: 10,
  stock: 5,
  perUserLimit: 2,
  ...extra,
});

test('a refused name or description names its field, and neither a new nor a changed goods is written', async () => {
  const before = await everything();
  const refusals: [object, string, string][] = [
    [goods({ name: '加微信领毛巾' }), 'name', '名称含有广告内容，请修改后再提交'],
    [goods({ description: '刷单返利，积分翻倍' }), 'description', '说明含有欺诈内容，请修改后再提交'],
    [
      goods({ goodsId: 'g-towel', name: '毛巾', description: '低俗图案毛巾' }),
      'description',
      '说明含有低俗内容，请修改后再提交',
    ],
  ];
  for (const [event, field, message] of refusals)
    expect(await w.call('points', event, 'demo-admin')).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message, field },
    });
  expect(await everything()).toBe(before);

  // The same goods with plain words is saved.
  const saved = await w.call<{ goodsId: string }>('points', goods({}), 'demo-admin');
  expect(saved).toMatchObject({ ok: true });
});
