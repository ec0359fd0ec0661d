/**
 * What residents read of stations, vaccination sites and goods: plain names, addresses, hours and texts
 * (no 「示例」「原文」 notes), with the provenance fields still there for the desk console; uploaded pictures
 * come back as each one's `picture`.
 */
import { seededWorld } from '../../test/support/functions';
import { plainText } from './directory';

const DEMO_NOTE = /示例|原文/;

test('plainText leaves out the bracketed notes of the demo and nothing else', () => {
  expect(plainText('县城（示例地址）')).toBe('县城');
  expect(plainText('白马国际商贸城（示例门牌）')).toBe('白马国际商贸城');
  expect(plainText('（示例）可容纳 30 人，供支部议事、居民活动使用')).toBe('可容纳 30 人，供支部议事、居民活动使用');
  expect(plainText('提供各类特色服务28项（原文未列出名目，以下服务为示例）。')).toBe('提供各类特色服务28项。');
  expect(plainText('8:00-12:00 14:30-17:30（示例）')).toBe('8:00-12:00 14:30-17:30');
  // Brackets that say something else stay.
  expect(plainText('八里街九龙社区党群(邻里)服务中心')).toBe('八里街九龙社区党群(邻里)服务中心');
  expect(plainText('“三江六岸”水利风景区（入口处）')).toBe('“三江六岸”水利风景区（入口处）');
});

test('stations, sites and goods read plainly; the provenance stays for the console', async () => {
  const w = await seededWorld();
  try {
    const list = await w.call<{ items: Record<string, unknown>[] }>('stations', { action: 'list', limit: 50 });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.items.some((s) => s.illustrative === true)).toBe(true);
    for (const s of list.data.items)
      for (const field of ['name', 'address', 'openHours'] as const)
        expect([s.stationId, field, s[field]]).toEqual([s.stationId, field, expect.not.stringMatching(DEMO_NOTE)]);

    for (const s of list.data.items) {
      const detail = await w.call<{
        station: { intro: string; illustrativeNote: string; illustrative: boolean };
        items: { name: string; description: string }[];
      }>('stations', { action: 'detail', stationId: s.stationId });
      if (!detail.ok) throw new Error(detail.error.message);
      expect([s.stationId, detail.data.station.intro]).toEqual([s.stationId, expect.not.stringMatching(DEMO_NOTE)]);
      for (const item of detail.data.items)
        expect([s.stationId, item.name, item.description]).toEqual([
          s.stationId,
          expect.not.stringMatching(DEMO_NOTE),
          expect.not.stringMatching(DEMO_NOTE),
        ]);
    }

    const sites = await w.call<{ items: Record<string, unknown>[] }>('vaccine', { action: 'sites', limit: 50 });
    if (!sites.ok) throw new Error(sites.error.message);
    expect(sites.data.items.length).toBeGreaterThan(0);
    for (const site of sites.data.items) {
      const shown = JSON.stringify([site.name, site.address, site.openHours, site.notice, site.volunteerBranch]);
      expect([site.siteId, shown]).toEqual([site.siteId, expect.not.stringMatching(DEMO_NOTE)]);
      expect([site.siteId, site.illustrative, site.picture]).toEqual([site.siteId, true, null]);
    }
    const siteDetail = await w.call<{ site: { illustrativeNote: string; source: unknown } }>('vaccine', {
      action: 'siteDetail',
      siteId: String(sites.data.items[0]!.siteId),
    });
    if (!siteDetail.ok) throw new Error(siteDetail.error.message);
    expect(siteDetail.data.site.illustrativeNote).toMatch('示例');
    expect(siteDetail.data.site.source).not.toBeNull();

    const goods = await w.call<{ items: { goodsId: string; name: string; description: string; picture: unknown }[] }>(
      'points',
      { action: 'goods', limit: 50 },
    );
    if (!goods.ok) throw new Error(goods.error.message);
    for (const g of goods.data.items) {
      expect([g.goodsId, g.name, g.description]).toEqual([
        g.goodsId,
        expect.not.stringMatching(DEMO_NOTE),
        expect.not.stringMatching(DEMO_NOTE),
      ]);
      expect([g.goodsId, g.picture]).toEqual([g.goodsId, null]);
    }
  } finally {
    await w.db.close();
  }
});

test('a picture an admin uploaded is the station’s and the site’s picture', async () => {
  const w = await seededWorld();
  try {
    const saved = await w.call(
      'stations',
      {
        action: 'saveStation',
        stationId: 'st-test-pictured',
        name: '测试驿站',
        nameEn: 'Test Station',
        kind: 'warm',
        county: '桂林市永福县',
        district: '永福镇',
        address: '城北路 1 号',
        pictures: ['/files/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.jpg'],
      },
      'demo-admin',
    );
    expect(saved.ok).toBe(true);
    const list = await w.call<{ items: { stationId: string; nameEn: string; picture: string | null }[] }>('stations', {
      action: 'list',
      keyword: '测试驿站',
    });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.items.map((s) => [s.stationId, s.picture])).toEqual([
      ['st-test-pictured', '/files/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.jpg'],
    ]);
    // The English name an admin gave is what the English station page shows.
    expect(list.data.items[0]!.nameEn).toBe('Test Station');

    const siteSaved = await w.call(
      'vaccine',
      {
        action: 'saveSite',
        siteId: 'vs-test-pictured',
        name: '测试接种点',
        county: '桂林市永福县',
        town: '永福镇',
        address: '城北路 2 号',
        vaccines: [{ code: 'covid-test', name: '新冠病毒灭活疫苗', maker: '测试', doses: 2 }],
        volunteerBranch: { name: '测试临时党支部', volunteers: 3 },
        pictures: ['cccccccccccccccccccccccccccccccc.png'],
      },
      'demo-admin',
    );
    expect(siteSaved.ok).toBe(true);
    const site = await w.call<{ site: { picture: string | null } }>('vaccine', {
      action: 'siteDetail',
      siteId: 'vs-test-pictured',
    });
    expect(site.ok && site.data.site.picture).toBe('/files/cccccccccccccccccccccccccccccccc.png');
  } finally {
    await w.db.close();
  }
});
