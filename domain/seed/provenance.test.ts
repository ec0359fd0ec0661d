/**
 * The seed data says where it comes from: every station, service, bookable item, vaccination site,
 * organisation and figure quotes its article (the quote must be in the file) or is marked 示例 — in its
 * `source`/`illustrative`/`illustrativeNote` fields, for the desk console. The words a resident reads
 * (names, addresses, hours, intros, notices, titles) carry no 示例, 原文 or 出处.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededWorld } from '../../test/support/functions';
import { COLLECTIONS } from '../collections';
import { REQUESTS } from '../requests';
import { STATIONS as STATION_COLLECTION } from '../stations';
import { datesBetween, planSlots } from '../slots/generate';
import { parseOpeningHours } from '../slots/hours';
import type { Source } from '../stations/model';
import { DEMO_ITEMS, VACCINE_TEMPLATES } from './booking-data';
import { ARTICLES, ARTICLE_FIGURES, BRANCHES, SERVICE_CATALOGUE, STATIONS, VACCINE_SITES } from './data';
import { demoWords } from './demo-words';
import { demoActivities } from './points-data';
import { MIDDLE_UNITS } from './org';

const text = new Map<string, string>(
  Object.values(ARTICLES).map((file) => [
    file,
    readFileSync(join(__dirname, 'articles', file), 'utf8').replace(/\s+/g, ''),
  ]),
);
const quoted = (source: Source) => text.get(source.article)?.includes(source.quote.replace(/\s+/g, '')) ?? false;
/** Failing sources, named, so a broken quote says which. */
const badSources = (entries: [string, Source | null | undefined][]) =>
  entries.filter(([, s]) => s && !quoted(s)).map(([name]) => name);

test('every quote is found, word for word, in the article it names', () => {
  expect(badSources(STATIONS.map((s) => [s._id, s.source]))).toEqual([]);
  expect(
    badSources(
      STATIONS.flatMap((s) =>
        Object.entries(s.serviceSources ?? {}).map(([code, src]) => [`${s._id}/${code}`, src] as [string, Source]),
      ),
    ),
  ).toEqual([]);
  expect(badSources(SERVICE_CATALOGUE.map((k) => [k.code, k.source]))).toEqual([]);
  expect(badSources(DEMO_ITEMS.map((i) => [i._id, i.source]))).toEqual([]);
  expect(badSources(VACCINE_SITES.map((s) => [s._id, s.source]))).toEqual([]);
  expect(badSources(BRANCHES.map((b) => [b._id, b.source]))).toEqual([]);
  expect(badSources(ARTICLE_FIGURES.map((f) => [f.key, f.source]))).toEqual([]);
});

test('every seeded station, site, item and organisation has a source or is marked illustrative', () => {
  const unexplained = [...STATIONS, ...VACCINE_SITES, ...DEMO_ITEMS, ...BRANCHES]
    .filter((d) => !d.source && !d.illustrative)
    .map((d) => d._id);
  expect(unexplained).toEqual([]);
  // A station drawn from an article still says what of it is illustrative (its address, hours, phone).
  expect(STATIONS.filter((s) => !s.illustrativeNote).map((s) => s._id)).toEqual([]);
  // Its address is invented, and the note says so (the address itself reads plainly).
  for (const s of STATIONS)
    expect([s._id, s.illustrativeNote]).toEqual([s._id, expect.stringMatching(/地址|地点|位置/)]);
});

test('the station detail marks each service as sourced or 示例, and bookable only where an item books it', async () => {
  const w = await seededWorld();
  try {
    for (const station of STATIONS) {
      const res = await w.call<{
        items: { itemId: string; serviceCode: string | null }[];
        station: {
          services: {
            code: string;
            source: Source | null;
            illustrative: boolean;
            bookable: boolean;
            itemId: string | null;
          }[];
          bookableCount: number;
        };
      }>('stations', { action: 'detail', stationId: station._id });
      if (!res.ok) throw new Error(res.error.message);
      const { items, station: shown } = res.data;
      expect(shown.services.map((s) => s.code)).toEqual(station.services);
      for (const s of shown.services) {
        expect([station._id, s.code, s.source !== null || s.illustrative]).toEqual([station._id, s.code, true]);
        expect([station._id, s.code, s.illustrative]).toEqual([station._id, s.code, !station.serviceSources?.[s.code]]);
        const item = items.find((i) => i.serviceCode === s.code);
        expect([station._id, s.code, s.bookable, s.itemId]).toEqual([
          station._id,
          s.code,
          Boolean(item),
          item?.itemId ?? null,
        ]);
      }
      expect(shown.bookableCount).toBe(items.length);
    }
    // The list carries the same count, so its 「可预约」 badge agrees with the detail.
    const list = await w.call<{ items: { stationId: string; bookable: boolean; bookableCount: number }[] }>(
      'stations',
      { action: 'list', limit: 50 },
    );
    if (!list.ok) throw new Error(list.error.message);
    for (const s of list.data.items) {
      const expected = DEMO_ITEMS.filter((i) => i.stationId === s.stationId).length;
      expect([s.stationId, s.bookableCount, s.bookable]).toEqual([s.stationId, expected, expected > 0]);
    }
    expect(list.data.items.filter((s) => s.bookable).length).toBeLessThan(list.data.items.length);
  } finally {
    await w.db.close();
  }
});

test('no station lists more than 9 services unless its article lists them all; tourist stations list illustrations only', () => {
  for (const s of STATIONS) {
    const sourced = s.services!.filter((code) => s.serviceSources?.[code]).length;
    if (s.services!.length > 9) expect([s._id, sourced]).toEqual([s._id, s.services!.length]);
  }
  // 永福's 28 tourist services are a count in the article, never a list.
  const tourist = STATIONS.filter((s) => s.kind === 'tourism' && s.county === '桂林市永福县');
  expect(tourist.length).toBe(3);
  for (const s of tourist) {
    expect(s.services!.length).toBeLessThanOrEqual(9);
    expect([s._id, Object.keys(s.serviceSources ?? {})]).toEqual([s._id, []]);
  }
});

test('容县 and 陆川 are there with the places their article names', () => {
  const names = (county: string) =>
    STATIONS.filter((s) => s.county === county)
      .map((s) => s.name)
      .join('|');
  for (const place of ['碧桂园小区', '民国小镇', '容州古城', '东光社区']) expect(names('玉林市容县')).toContain(place);
  for (const place of ['新洲社区', '文昌社区']) expect(names('玉林市陆川县')).toContain(place);
  const biguiyuan = STATIONS.find((s) => s._id === 'st-rx-biguiyuan')!;
  expect(biguiyuan.serviceSources).toHaveProperty('kidsreading');
  const wenchang = STATIONS.find((s) => s._id === 'st-lu-wenchang')!;
  expect(wenchang.serviceSources).toHaveProperty('counselling');
  expect(DEMO_ITEMS.find((i) => i.serviceCode === 'counselling')!.stationId).toBe('st-lu-wenchang');
});

test('what the articles attribute to one county is not given to another', () => {
  const countyOf = (id: string) => STATIONS.find((s) => s._id === id)!.county;
  // 心理辅导室 is 陆川's (文昌社区); 1元公益, 书香夜话 and 共享集市 are 北流's.
  for (const [code, county] of [
    ['counselling', '玉林市陆川县'],
    ['haircut1', '玉林市北流市'],
    ['breakfast1', '玉林市北流市'],
    ['reading', '玉林市北流市'],
    ['market', '玉林市北流市'],
    ['timebank', '桂林市永福县'],
  ] as const) {
    expect([code, STATIONS.filter((s) => s.services!.includes(code)).map((s) => s.county)]).toEqual([
      code,
      STATIONS.filter((s) => s.services!.includes(code)).map(() => county),
    ]);
  }
  // 先锋联盟工作站 is the one at 永福's 电商产业园, not 苏桥工业园区.
  expect(STATIONS.filter((s) => s.kind === 'pioneer').map((s) => s._id)).toEqual(['st-yf-ecommerce']);
  expect(STATIONS.filter((s) => s.name.includes('苏桥'))).toEqual([]);
  // 桂塘社区 and 东湖一号小区 were inspected places, not 党群服务小屋.
  expect(STATIONS.filter((s) => s.kind === 'hut' && /桂塘|东湖/.test(s.name))).toEqual([]);
  // "红管家" is 容县's brand.
  const redSteward = [
    ...STATIONS.map((s) => [s.county, `${s.name}${s.intro}`]),
    ...demoActivities(0).map((a) => ['桂林市永福县', a.title]),
  ].filter(([, t]) => t!.includes('红管家'));
  expect(redSteward.every(([county]) => county === '玉林市容县')).toBe(true);
  expect(countyOf('st-rx-biguiyuan')).toBe('玉林市容县');
  // 解东社区 is a 党委; 九龙, 七彩 and 新洲 are 大党委: committees of the organisation tree, with the branches
  // seeded under them marked illustrative (no article names those branches).
  const committees = new Map(MIDDLE_UNITS.map((u) => [u._id, u.name]));
  expect(committees.get('cm-xf-jiedong')).toBe('解东社区党委');
  expect(['cm-lc-jiulong', 'cm-lc-qicai', 'cm-luc-xinzhou'].every((id) => committees.get(id)?.includes('大党委'))).toBe(
    true,
  );
  for (const id of ['br-xf-jiedong', 'br-lc-jiulong', 'br-lc-qicai', 'br-lu-xinzhou']) {
    const branch = BRANCHES.find((b) => b._id === id)!;
    expect([branch.name, branch.illustrative]).toEqual([expect.stringMatching(/党支部$/), true]);
  }
});

test("the nine 永福 vaccination sites are plainly illustrative, COVID-19 only, with the article's 336 people", () => {
  expect(VACCINE_SITES).toHaveLength(9);
  for (const s of VACCINE_SITES) {
    expect(s.illustrative).toBe(true);
    // The note, not the name or the hours, says that they are invented.
    for (const what of ['名称', '地址', '开放时间', '容量']) expect(s.illustrativeNote).toContain(what);
    expect(s.vaccines!.every((v) => v.code.startsWith('covid') && v.name.includes('新冠'))).toBe(true);
  }
  expect(VACCINE_SITES.reduce((sum, s) => sum + s.volunteerBranch.volunteers, 0)).toBe(336);
  expect(new Set(VACCINE_SITES.map((s) => s.town)).size).toBe(9);
});

test('the vaccine function tells the app which sites are illustrative and where the facts come from', async () => {
  const w = await seededWorld();
  try {
    const list = await w.call<{ items: { siteId: string; illustrative: boolean }[] }>('vaccine', {
      action: 'sites',
      limit: 20,
    });
    expect(list.ok && list.data.items.map((s) => s.illustrative)).toEqual(VACCINE_SITES.map(() => true));
    const detail = await w.call<{ site: { source: Source | null; illustrativeNote: string } }>('vaccine', {
      action: 'siteDetail',
      siteId: 'vs-yf-01',
    });
    expect(detail.ok && detail.data.site.source?.article).toBe(ARTICLES.yongfu);
    expect(detail.ok && detail.data.site.illustrativeNote).toContain('示例');
  } finally {
    await w.db.close();
  }
});

test("seeded timetables sit inside their station's opening hours", () => {
  const week = datesBetween('2026-11-23', '2026-11-29');
  for (const item of DEMO_ITEMS) {
    const station = STATIONS.find((s) => s._id === item.stationId)!;
    const hours = parseOpeningHours(station.openHours!);
    expect([item._id, hours === null]).toEqual([item._id, false]);
    for (const t of item.templates)
      expect([item._id, planSlots(t, week[0]!, week[6]!, hours).outside]).toEqual([item._id, 0]);
  }
  for (const site of VACCINE_SITES) {
    for (const t of VACCINE_TEMPLATES)
      expect(planSlots(t, week[0]!, week[6]!, parseOpeningHours(site.openHours!)).outside).toBe(0);
  }
});

test('no seeded text a resident can read says 示例, 原文 or 出处: provenance stays in its own fields', async () => {
  const w = await seededWorld();
  try {
    const found: string[] = [];
    let seen = 0;
    for (const collection of Object.keys(COLLECTIONS)) {
      const total = await w.db.collection(collection).count();
      for (let skip = 0; skip < total; skip += 1000) {
        const docs = await w.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(1000).get();
        seen += docs.length;
        for (const doc of docs) found.push(...demoWords(doc, `${collection}/${String(doc._id)}`));
      }
    }
    expect(found).toEqual([]);
    // The walk saw the demo (stations, sites, items, goods, wishes) and the provenance is still there.
    expect(seen).toBeGreaterThan(STATIONS.length + VACCINE_SITES.length + DEMO_ITEMS.length);
    const wishes = await w.db.collection(REQUESTS).limit(10).get();
    expect(wishes.length).toBeGreaterThan(0);
    const station = await w.db.collection(STATION_COLLECTION).doc('st-xf-zhengyang').get();
    expect(station?.illustrative).toBe(true);
    expect(String(station?.illustrativeNote)).toContain('示例');
  } finally {
    await w.db.close();
  }
});

test('the walk finds a note a resident would read, and passes over the provenance fields', () => {
  expect(
    demoWords(
      {
        name: '某某接种点（示例）',
        items: [{ description: '出处：某报道' }],
        source: { article: 'a', quote: '原文' },
        illustrativeNote: '地址为示例',
        serviceSources: { water: { quote: '原文' } },
      },
      'x',
    ),
  ).toEqual(['x.name: 某某接种点（示例）', 'x.items[0].description: 出处：某报道']);
});
