/**
 * Pictures admins upload for goods, stations and vaccination sites (issue 22): a new one is held — residents keep
 * seeing what they saw — until its content check passes after the request; a refused one is never shown, its file
 * and reference removed and the admin told by a 消息 naming the goods, station or site — on whichever engine the
 * jest project picks.
 */
import path from 'node:path';
import fs from 'node:fs';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { seededWorld } from '../../test/support/functions';
import type { Envelope } from '../core/errors';
import { LocalFileStore } from '../files';
import { applyPictureVerdict, purgePhotos } from '../requests';
import { LocalContentCheck, LOST_MARKER, PICTURE_MARKER } from '../content';
import { XIANGYANG } from '../../test/support/requests-flow';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
let files: LocalFileStore;
let content: LocalContentCheck;
let services: { files: LocalFileStore; content: LocalContentCheck };
let clock = Date.parse('2026-11-23T02:00:00Z');
const HOUR = 3_600_000;

beforeAll(async () => {
  w = await seededWorld();
  files = new LocalFileStore(path.join(w.dir, 'held-files'));
  content = new LocalContentCheck();
  services = { files, content };
});
afterAll(() => w.db.close());

async function data<T>(fn: string, event: object, who = 'demo-admin'): Promise<T> {
  const res = (await FUNCTIONS[fn]!.handle(event, {
    db: w.db,
    caller: { openid: who },
    now: () => (clock += 1000),
    services,
  })) as Envelope<T>;
  if (!res.ok) throw new Error(`${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const png = (marker = '') =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(24, 1),
    Buffer.from(marker, 'latin1'),
  ]).toString('base64');
const upload = async (marker = '') =>
  (
    await data<{ fileId: string }>('admin', {
      action: 'uploadImage',
      contentType: 'image/png',
      dataBase64: png(marker),
    })
  ).fileId;
async function deliverVerdicts(): Promise<number> {
  let n = 0;
  for (const v of content.take()) if ((await applyPictureVerdict(w.db, v, (clock += 1000), services)).matched) n += 1;
  return n;
}
const exists = (fileId: string) => fs.existsSync(path.join(files.dir, fileId));
const doc = async (collection: string, id: string) => (await w.db.collection(collection).doc(id).get())!;
const messagesTo = async (openid: string) =>
  (await w.db.collection('notifications').where({ openid }).get()).map((m) => String(m.body));

/** A goods' row in the list as someone reads it (the list is paged by id: read every page). */
async function goodsRow(goodsId: string, who = 'demo-admin'): Promise<Record<string, unknown> | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < 50; page += 1) {
    const got = await data<{ items: Record<string, unknown>[]; nextCursor: string | null }>(
      'points',
      { action: 'goods', limit: 50, ...(cursor ? { cursor } : {}) },
      who,
    );
    const row = got.items.find((g) => g.goodsId === goodsId);
    if (row || !got.nextCursor) return row;
    cursor = got.nextCursor;
  }
  return undefined;
}

const goods = (extra: object) => ({
  action: 'saveGoods',
  name: '毛巾两条装',
  description: '纯棉毛巾，驿站领取',
  price: 10,
  stock: 5,
  perUserLimit: 2,
  ...extra,
});

test('a goods picture is held until it passes; a refused one is never shown, removed, and the admin told', async () => {
  const first = await upload();
  const { goodsId, pictureHeld } = await data<{ goodsId: string; pictureHeld: boolean }>(
    'points',
    goods({ picture: first }),
  );
  // The admin is told the picture waits for its check.
  expect(pictureHeld).toBe(true);
  expect(await doc('goods', goodsId)).toMatchObject({ picture: '', heldPicture: first });
  // The console's list marks the goods while it waits; a resident's shelf says nothing of it.
  expect(await goodsRow(goodsId)).toMatchObject({ pictureWaiting: true });
  expect(await goodsRow(goodsId, 'demo-resident')).not.toHaveProperty('pictureWaiting');
  expect(await deliverVerdicts()).toBe(1);
  expect(await doc('goods', goodsId)).toMatchObject({ picture: first, heldPicture: null });
  // Stored by its id, shown by its address.
  expect(await goodsRow(goodsId)).toMatchObject({ pictureWaiting: false, picture: `/files/${first}` });

  // Saved again with the same picture, as an id or as the address the console was shown: not asked again.
  expect(await data('points', goods({ goodsId, picture: first }))).toMatchObject({ pictureHeld: false });
  expect(await data('points', goods({ goodsId, picture: `/files/${first}` }))).toMatchObject({ pictureHeld: false });
  expect(await doc('goods', goodsId)).toMatchObject({ picture: first, heldPicture: null });
  expect(content.take()).toEqual([]);
  // A link to elsewhere would reach the mall past the check: refused beside the field, nothing written.
  const elsewhere = await FUNCTIONS.points!.handle(goods({ goodsId, picture: 'https://example.com/x.png' }), {
    db: w.db,
    caller: { openid: 'demo-admin' },
    now: () => (clock += 1000),
    services,
  });
  expect(elsewhere).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'picture' } });
  expect(await doc('goods', goodsId)).toMatchObject({ picture: first, heldPicture: null });

  const bad = await upload(`${PICTURE_MARKER}porn`);
  await data('points', goods({ goodsId, picture: bad }));
  expect(await doc('goods', goodsId)).toMatchObject({ picture: first, heldPicture: bad });
  // A save from a form that knows only the shown picture keeps the held one held.
  expect(await data('points', goods({ goodsId, picture: first, stock: 6 }))).toMatchObject({ pictureHeld: true });
  expect(await doc('goods', goodsId)).toMatchObject({ picture: first, heldPicture: bad, stock: 6 });
  expect(content.submitted.filter((s) => s.fileId === bad)).toHaveLength(1);
  const shelf = await data<{ items: { picture?: string }[] }>('points', { action: 'goods' }, 'demo-resident').catch(
    () => ({ items: [] }),
  );
  expect(JSON.stringify(shelf)).not.toContain(bad);
  expect(await deliverVerdicts()).toBe(1);
  expect(await doc('goods', goodsId)).toMatchObject({ picture: first, heldPicture: null });
  expect(exists(bad)).toBe(false);
  expect(exists(first)).toBe(true);
  expect(await messagesTo('demo-admin')).toContainEqual(expect.stringContaining('商品「毛巾两条装」'));
});

test('a goods picture replaced while it waits is removed when its verdict comes, not left unreferenced', async () => {
  const waiting = await upload('replaced-1');
  const { goodsId } = await data<{ goodsId: string }>('points', goods({ name: '围裙一条', picture: waiting }));
  const replacement = await upload('replaced-2');
  await data('points', goods({ goodsId, name: '围裙一条', picture: replacement }));
  expect(await doc('goods', goodsId)).toMatchObject({ picture: '', heldPicture: replacement });
  // Both pass: the replacement is shown; the one it replaced is used by nothing, so its file goes.
  expect(await deliverVerdicts()).toBe(2);
  expect(await doc('goods', goodsId)).toMatchObject({ picture: replacement, heldPicture: null });
  expect(exists(replacement)).toBe(true);
  expect(exists(waiting)).toBe(false);
});

const station = (pictures: string[]) => ({
  action: 'saveStation',
  stationId: 'st-xf-held',
  county: '桂林市秀峰区',
  name: '审核驿站',
  kind: 'center',
  district: '测试街道',
  address: '测试路 1 号',
  pictures,
});

test('a station picture shows only after it passes; a refused one is dropped and its file removed', async () => {
  const good = await upload();
  const bad = await upload(`${PICTURE_MARKER}ad`);
  expect(await data('stations', station([good, bad]))).toMatchObject({ heldPictures: 2 });
  expect(await doc('stations', 'st-xf-held')).toMatchObject({ pictures: [], heldPictures: [good, bad] });
  // The console marks the station in its list and detail while they wait; residents are told nothing of them.
  const listed = async (who: string) =>
    (
      await data<{ items: Record<string, unknown>[] }>('stations', { action: 'list', keyword: '审核驿站' }, who)
    ).items.find((s) => s.stationId === 'st-xf-held');
  const detailOf = async (who: string) =>
    (await data<{ station: Record<string, unknown> }>('stations', { action: 'detail', stationId: 'st-xf-held' }, who))
      .station;
  expect(await listed('demo-admin')).toMatchObject({ picturesWaiting: 2, picture: null });
  expect(await detailOf('demo-admin')).toMatchObject({ picturesWaiting: 2, pictures: [] });
  expect(await listed('demo-resident')).not.toHaveProperty('picturesWaiting');
  expect(await detailOf('demo-resident')).not.toHaveProperty('picturesWaiting');
  // Saved again by a form that shows none of them: both stay held, neither is asked about again.
  await data('stations', station([]));
  expect(await doc('stations', 'st-xf-held')).toMatchObject({ pictures: [], heldPictures: [good, bad] });
  expect(await deliverVerdicts()).toBe(2);
  expect(await doc('stations', 'st-xf-held')).toMatchObject({ pictures: [good], heldPictures: [] });
  expect(await listed('demo-admin')).toMatchObject({ picturesWaiting: 0, picture: `/files/${good}` });
  expect(exists(bad)).toBe(false);
  // A save that sends no pictures at all (the console editing the words) keeps the shown ones.
  const { pictures: _none, ...wordsOnly } = station([]);
  expect(await data('stations', { ...wordsOnly, address: '测试路 9 号' })).toMatchObject({ heldPictures: 0 });
  expect(await doc('stations', 'st-xf-held')).toMatchObject({ pictures: [good], address: '测试路 9 号' });
  expect(await messagesTo('demo-admin')).toContainEqual(expect.stringContaining('驿站「审核驿站」'));
});

const site = (pictures: string[]) => ({
  action: 'saveSite',
  siteId: 'vs-xf-held',
  county: '桂林市秀峰区',
  name: '审核接种点',
  town: '秀峰街道',
  address: '测试路 2 号',
  vaccines: [{ code: 'covid', name: '新冠疫苗', maker: '某厂', doses: 2, intervalDays: 21 }],
  volunteerBranch: { name: '测试临时党支部', volunteers: 10 },
  pictures,
});

test('a site picture whose verdict is lost is asked again by the hourly job and shown when it passes', async () => {
  const lost = await upload(LOST_MARKER);
  await data('vaccine', site([lost]));
  expect(await deliverVerdicts()).toBe(0);
  expect(await doc('vaccineSites', 'vs-xf-held')).toMatchObject({ pictures: [], heldPictures: [lost] });
  const siteOf = async (who: string) =>
    (await data<{ site: Record<string, unknown> }>('vaccine', { action: 'siteDetail', siteId: 'vs-xf-held' }, who))
      .site;
  const siteRow = async (who: string) => {
    for (let cursor: string | null = null, page = 0; page < 50; page += 1) {
      const got: { items: Record<string, unknown>[]; nextCursor: string | null } = await data(
        'vaccine',
        { action: 'sites', limit: 50, ...(cursor ? { cursor } : {}) },
        who,
      );
      const row = got.items.find((s) => s.siteId === 'vs-xf-held');
      if (row || !got.nextCursor) return row;
      cursor = got.nextCursor;
    }
    return undefined;
  };
  expect(await siteRow('demo-admin')).toMatchObject({ picturesWaiting: 1 });
  expect(await siteOf('demo-admin')).toMatchObject({ picturesWaiting: 1 });
  expect(await siteRow('demo-resident')).not.toHaveProperty('picturesWaiting');
  expect(await siteOf('demo-resident')).not.toHaveProperty('picturesWaiting');
  // The re-ask sends no bytes: the local checker answers it as passed.
  clock += 2 * HOUR;
  await purgePhotos(w.db, clock, services);
  expect(await deliverVerdicts()).toBe(1);
  expect(await doc('vaccineSites', 'vs-xf-held')).toMatchObject({ pictures: [lost], heldPictures: [] });
  expect(await siteOf('demo-admin')).toMatchObject({ picturesWaiting: 0 });
  expect(exists(lost)).toBe(true);
  const { pictures: _none, ...wordsOnly } = site([]);
  expect(await data('vaccine', { ...wordsOnly, openHours: '周一至周五 8:30-11:30' })).toMatchObject({
    heldPictures: 0,
  });
  expect(await doc('vaccineSites', 'vs-xf-held')).toMatchObject({
    pictures: [lost],
    openHours: '周一至周五 8:30-11:30',
  });
});

test('a map place picture is held for its check; the console lists it as waiting; a save without pictures keeps it', async () => {
  const picture = await upload('map-place');
  const shop = (extra: object) => ({
    action: 'saveShop',
    name: '审核便民小超市',
    address: '永福县永福镇向阳社区 5 栋',
    location: { lat: 24.9861, lng: 109.985 },
    badge: 'honest',
    lit: true,
    branchId: XIANGYANG,
    requestId: 'held-shop-0001',
    ...extra,
  });
  const { landmarkId, heldPictures } = await data<{ landmarkId: string; heldPictures: number }>(
    'stations',
    shop({ pictures: [picture] }),
  );
  expect(heldPictures).toBe(1);
  expect(await doc('landmarks', landmarkId)).toMatchObject({ pictures: [], heldPictures: [picture] });
  const shownTo = async (who: string) =>
    (await data<{ pictures: string[] }>('stations', { action: 'landmarkDetail', landmarkId }, who)).pictures;
  const adminRow = async () => {
    const page = await data<{ items: { landmarkId: string; pictures: string[]; picturesWaiting: number }[] }>(
      'stations',
      { action: 'mapAdminList', kind: 'shop', limit: 50 },
    );
    return page.items.find((p) => p.landmarkId === landmarkId);
  };
  expect(await shownTo('demo-resident')).toEqual([]);
  expect(await adminRow()).toMatchObject({ pictures: [], picturesWaiting: 1 });

  expect(await deliverVerdicts()).toBe(1);
  expect(await shownTo('demo-resident')).toEqual([`/files/${picture}`]);
  expect(await adminRow()).toMatchObject({ pictures: [`/files/${picture}`], picturesWaiting: 0 });
  // Edited without pictures (the words only): the picture stays, and is not asked about again.
  await data('stations', shop({ landmarkId, lit: false }));
  expect(await doc('landmarks', landmarkId)).toMatchObject({ pictures: [picture], heldPictures: [], lit: false });
  expect(content.take()).toEqual([]);
});
