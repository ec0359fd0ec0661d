/**
 * Content security for what admins publish about vaccination sites (issue 22): a site's words and the notice shown
 * while it is paused are checked before anything is written; a refusal names its field in plain Chinese — on
 * whichever engine the project picks.
 */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { SITES, siteDocSchema } from './model';

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

test('a site and a pause notice that fail the check are refused by field, and nothing is written', async () => {
  const site = siteDocSchema.parse((await w.db.collection(SITES).limit(1).get())[0]);
  const save = (extra: object) => ({
    action: 'saveSite',
    siteId: site._id,
    name: site.name,
    county: site.county,
    town: site.town,
    address: site.address,
    openHours: site.openHours,
    vaccines: site.vaccines.map(({ code, name, maker, doses, intervalDays }) => ({
      code,
      name,
      maker,
      doses,
      intervalDays,
    })),
    amenities: site.amenities,
    volunteerBranch: site.volunteerBranch,
    ...extra,
  });
  const before = await everything();
  const cases: [object, ReturnType<typeof refused>][] = [
    [save({ name: '加微信预约接种点' }), refused('名称含有广告内容', 'name')],
    [save({ address: '毒品仓库旁' }), refused('地址含有违法犯罪内容', 'address')],
    [
      save({ vaccines: [{ code: 'flu', name: '流感疫苗', maker: '盗版资源厂', doses: 1, intervalDays: 0 }] }),
      refused('疫苗含有侵犯版权内容', 'vaccines'),
    ],
    [save({ amenities: ['饮用水', '下流'] }), refused('便民设施含有低俗内容', 'amenities')],
    [
      save({ volunteerBranch: { name: '刷单返利支部', volunteers: 3 } }),
      refused('志愿服务支部含有欺诈内容', 'volunteerBranch.name'),
    ],
    [
      { action: 'setStatus', siteId: site._id, status: 'paused', notice: '暂停接种，扫码领红包' },
      refused('公告含有广告内容', 'notice'),
    ],
  ];
  for (const [event, expected] of cases) expect(await w.call('vaccine', event, 'demo-admin')).toEqual(expected);
  expect(await everything()).toBe(before);

  // Plain words go through.
  expect(
    await w.call(
      'vaccine',
      { action: 'setStatus', siteId: site._id, status: 'paused', notice: '疫苗到货延迟' },
      'demo-admin',
    ),
  ).toMatchObject({ ok: true });
});
