/**
 * Content security in 群众点单 (issue 22), on whichever engine the jest project picks: refused texts write nothing
 * and name the field; a photo is held — its uploader alone sees it, marked pending — until its verdict arrives
 * after the request; a refused one disappears (file and references) and its uploader has a 消息; one whose verdict
 * is lost is asked again by the hourly job and passes then.
 */
import path from 'node:path';
import { COLLECTIONS } from '../collections';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { dump, seededWorld } from '../../test/support/functions';
import { requestAt, type Call } from '../../test/support/requests-flow';
import type { Envelope } from '../core/errors';
import { LocalFileStore } from '../files';
import { CloudBaseContentCheck, LocalContentCheck, LOST_MARKER, PICTURE_MARKER, pictureVerdictOf } from '../content';
import { startWeChatDouble, type WeChatDouble } from '../../test/support/wechat-double';
import { MESSAGES } from '../messages';
import { applyPictureVerdict, purgePhotos } from './index';
import { PHOTOS, REQUESTS, REQUEST_EVENTS } from './model';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
let files: LocalFileStore;
let content: LocalContentCheck;
let services: { files: LocalFileStore; content: LocalContentCheck };
let clock = Date.parse('2026-11-23T02:00:00Z');
const HOUR = 3_600_000;

process.env.REQUEST_ASKS_PER_DAY = '1000';

beforeAll(async () => {
  w = await seededWorld();
  files = new LocalFileStore(path.join(w.dir, 'content-files'));
  content = new LocalContentCheck();
  services = { files, content };
});
afterAll(() => w.db.close());

const callAt = (at: number) =>
  (<T = unknown>(fn: string, event: object, openid: string | null): Promise<Envelope<T>> =>
    FUNCTIONS[fn]!.handle(event, {
      db: w.db,
      caller: openid ? { openid } : null,
      now: () => at,
      services,
    }) as Promise<Envelope<T>>) as Call;
const call: Call = (fn, event, openid) => callAt((clock += 1000))(fn, event, openid);
async function data<T>(event: object, who: string): Promise<T> {
  const res = await call<T>('requests', event, who);
  if (!res.ok) throw new Error(`${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
/** What the host does after a request answered: every waiting verdict delivered. */
async function deliverVerdicts(): Promise<number> {
  let n = 0;
  for (const v of content.take()) if ((await applyPictureVerdict(w.db, v, (clock += 1000), services)).matched) n += 1;
  return n;
}
const everything = () =>
  dump(
    w.db,
    Object.keys(COLLECTIONS).filter((name) => name !== 'auditLog'),
  );
const png = (marker = '') =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(24, 1),
    Buffer.from(marker, 'latin1'),
  ]).toString('base64');
const upload = async (who: string, marker = '') =>
  data<{ fileId: string; pending: boolean }>(
    { action: 'uploadPhoto', contentType: 'image/png', dataBase64: png(marker) },
    who,
  );

let seq = 0;
const askEvent = (extra: object = {}) => ({
  action: 'ask',
  kind: 'wish',
  category: '长者',
  title: `审核测试${(seq += 1)}`,
  text: '独居老人需要有人帮忙换灯泡',
  photos: [],
  unitId: 'br-yf-xiangyang',
  place: { name: '向阳社区三单元' },
  contactName: '李秀兰',
  contactPhone: '13812345678',
  publicOnWall: true,
  requestId: `content-ask-${seq}`,
  ...extra,
});
type Detail = {
  request: { photos: string[]; pendingPhotos: string[] };
  timeline: { text: string; photos: string[]; pendingPhotos: string[] }[];
};
const detail = (id: string, who: string) => data<Detail>({ action: 'detail', id }, who);

test('refused texts name the field and the kind, and write nothing', async () => {
  const before = await everything();
  const refusals: [object, string, string][] = [
    [askEvent({ title: '扫码领红包啦' }), 'title', '标题含有广告内容，请修改后再提交'],
    [askEvent({ text: '谁来帮忙，不帮就是王八蛋' }), 'text', '内容含有辱骂内容，请修改后再提交'],
    [askEvent({ place: { name: '赌博场旁边' } }), 'place.name', '地点含有违法犯罪内容，请修改后再提交'],
  ];
  for (const [event, field, message] of refusals) {
    const res = await call('requests', event, 'demo-resident');
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message, field } });
  }
  expect(await everything()).toBe(before);

  // Progress, finish, the rating comment, sending back, a decline and a withdrawal: each refused, nothing kept.
  const id = await requestAt(call, 'claimed', { resident: 'demo-resident', secretary: 'demo-secretary' });
  const declined = await data<{ id: string }>(askEvent(), 'demo-resident');
  const photo = (await upload('demo-member')).fileId;
  await deliverVerdicts();
  const after = await everything();
  const more: [string, object, string][] = [
    [
      'demo-member',
      { action: 'progress', id, text: '加我微信详谈', requestId: 'content-progress-1' },
      '进展含有广告内容',
    ],
    ['demo-member', { action: 'finish', id, text: '刷单返利，顺手办了', photos: [photo] }, '办理结果含有欺诈内容'],
    [
      'demo-secretary',
      { action: 'review', id: declined.id, decision: 'decline', reason: '你这个混蛋' },
      '理由含有辱骂内容',
    ],
    ['demo-secretary', { action: 'withdraw', id, openid: 'demo-member', reason: '此人是个傻逼' }, '理由含有辱骂内容'],
  ];
  for (const [who, event, message] of more) {
    const res = await call('requests', event, who);
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: `${message}，请修改后再提交` },
    });
  }
  expect(await everything()).toBe(after);
  await data({ action: 'finish', id, text: '已经换好灯泡', photos: [photo] }, 'demo-member');
  const finished = await everything();
  for (const event of [
    { action: 'confirm', id, rating: 5, comment: '下流' },
    { action: 'sendBack', id, reason: '优惠券没给我' },
  ])
    expect(await call('requests', event, 'demo-resident')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  expect(await everything()).toBe(finished);
});

test('a photo is seen by others only after its verdict passed, which comes after the request', async () => {
  const up = await upload('demo-resident');
  expect(up.pending).toBe(true);
  const { id } = await data<{ id: string }>(askEvent({ photos: [up.fileId] }), 'demo-resident');
  // The resident sees it, marked pending; the secretary's queue and detail do not, nor the wall once accepted.
  expect(await detail(id, 'demo-resident')).toMatchObject({
    request: { photos: [], pendingPhotos: [`/files/${up.fileId}`] },
  });
  expect((await detail(id, 'demo-secretary')).request).toMatchObject({ photos: [], pendingPhotos: [] });
  const queue = await data<{ items: { id: string; photos: string[] }[] }>({ action: 'queue' }, 'demo-secretary');
  expect(queue.items.find((i) => i.id === id)?.photos).toEqual([]);
  expect((await w.db.collection(REQUESTS).doc(id).get())!.photos).toEqual([]);

  expect(await deliverVerdicts()).toBe(1);
  expect((await detail(id, 'demo-secretary')).request).toMatchObject({
    photos: [`/files/${up.fileId}`],
    pendingPhotos: [],
  });
  expect((await detail(id, 'demo-resident')).request.pendingPhotos).toEqual([]);
  // A verdict delivered twice changes nothing more.
  const doc = await w.db.collection(PHOTOS).where({ fileId: up.fileId }).get();
  expect(
    await applyPictureVerdict(w.db, { traceId: String(doc[0]!.traceId), pass: false, kind: 'porn' }, clock, services),
  ).toEqual({ matched: true });
  expect((await w.db.collection(REQUESTS).doc(id).get())!.photos).toEqual([up.fileId]);
});

test('a refused photo disappears (file and references) and its uploader has a message', async () => {
  const id = await requestAt(call, 'claimed', { resident: 'demo-resident', secretary: 'demo-secretary' });
  const bad = await upload('demo-member', `${PICTURE_MARKER}porn`);
  const good = await upload('demo-member');
  await data(
    { action: 'progress', id, text: '已经买好灯泡', photos: [bad.fileId, good.fileId], requestId: 'content-p-2' },
    'demo-member',
  );
  const line = () => detail(id, 'demo-resident').then((d) => d.timeline.find((e) => e.text === '进展：已经买好灯泡')!);
  // The claimant who wrote the line sees both pending; the resident sees neither yet.
  expect((await line()).photos).toEqual([]);
  const mine = (await detail(id, 'demo-member')).timeline.find((e) => e.text === '进展：已经买好灯泡')!;
  expect(mine.pendingPhotos).toHaveLength(2);

  expect(await deliverVerdicts()).toBe(2);
  expect((await line()).photos).toEqual([`/files/${good.fileId}`]);
  const events = await w.db.collection(REQUEST_EVENTS).where({ requestId: id }).get();
  expect(JSON.stringify(events)).not.toContain(bad.fileId);
  expect(await files.read(bad.fileId)).toBeNull();
  expect(await files.read(good.fileId)).not.toBeNull();
  const told = (await w.db.collection(MESSAGES).where({ openid: 'demo-member' }).get()).filter(
    (m) => m.kind === 'request.photoRejected',
  );
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ title: '照片未通过审核', refId: null });
  expect(String(told[0]!.body)).toContain('色情');
  // It can never be attached again.
  expect(
    await call('requests', { action: 'finish', id, text: '办好了', photos: [bad.fileId] }, 'demo-member'),
  ).toMatchObject({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '照片含有色情内容，已删除，请换一张', field: 'photos' },
  });
});

test('a photo refused after it was attached to an ask: gone from the request, the message opens it', async () => {
  const bad = await upload('demo-resident', `${PICTURE_MARKER}ad`);
  const { id } = await data<{ id: string }>(askEvent({ photos: [bad.fileId] }), 'demo-resident');
  await deliverVerdicts();
  const req = (await w.db.collection(REQUESTS).doc(id).get())!;
  expect([req.photos, req.heldPhotos]).toEqual([[], []]);
  const told = (await w.db.collection(MESSAGES).where({ openid: 'demo-resident', refId: id }).get()).filter(
    (m) => m.kind === 'request.photoRejected',
  );
  expect(told).toHaveLength(1);
  expect(String(told[0]!.body)).toContain('广告');
});

test('a verdict that never comes: the hourly job asks again after the timeout, and the photo passes then', async () => {
  const lost = await upload('demo-resident', LOST_MARKER);
  const { id } = await data<{ id: string }>(askEvent({ photos: [lost.fileId] }), 'demo-resident');
  expect(await deliverVerdicts()).toBe(0);
  const asked = content.submitted.length;
  // Not yet: within the hour WeChat may still answer.
  expect(await purgePhotos(w.db, clock + HOUR / 2, services)).toMatchObject({ rechecked: 0 });
  expect(await purgePhotos(w.db, clock + 2 * HOUR, services)).toMatchObject({ rechecked: 1 });
  expect(content.submitted.length).toBe(asked + 1);
  expect((await detail(id, 'demo-secretary')).request.photos).toEqual([]);
  expect(await deliverVerdicts()).toBe(1);
  expect((await detail(id, 'demo-secretary')).request.photos).toEqual([`/files/${lost.fileId}`]);
  const record = (await w.db.collection(PHOTOS).where({ fileId: lost.fileId }).get())[0]!;
  expect(record).toMatchObject({ check: 'passed', checks: 2, settled: true });
});

describe("WeChat's checks as the port (the cloud adapter against the stand-in)", () => {
  let wx: WeChatDouble;
  let cloud: { files: LocalFileStore; content: CloudBaseContentCheck };
  beforeAll(async () => {
    wx = await startWeChatDouble();
    // WeChat fetches a picture by an HTTPS address (CloudBase's temporary URL); the local store's path stands in.
    const store = Object.assign(Object.create(files) as LocalFileStore, {
      url: async (id: string) => `https://tmp.example/files/${id}`,
    });
    cloud = { files: store, content: new CloudBaseContentCheck({ api: wx.api() }) };
  });
  afterAll(() => wx.close());
  const cloudCall = <T>(event: object, who: string) =>
    FUNCTIONS.requests!.handle(event, {
      db: w.db,
      caller: { openid: who },
      now: () => (clock += 1000),
      services: cloud,
    }) as Promise<Envelope<T>>;

  test('a refused text, and a check that failed: nothing is kept either way', async () => {
    const before = await everything();
    wx.rules.push({ contains: '某个词', suggest: 'risky', label: 20008 });
    expect(await cloudCall(askEvent({ text: '里面有某个词的请求' }), 'demo-resident')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'text', message: '内容含有欺诈内容，请修改后再提交' },
    });
    wx.failNext(-1);
    expect(await cloudCall(askEvent(), 'demo-resident')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: '内容安全检查暂时不可用，请稍后再试' },
    });
    wx.failNext(40003);
    expect(
      await cloudCall({ action: 'uploadPhoto', contentType: 'image/png', dataBase64: png() }, 'content-new-uploader'),
    ).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(await everything()).toBe(before);
    // Each ask's title, text and place were asked about; the upload's picture once.
    expect(wx.calls.map((c) => c.apiName)).toEqual([
      ...Array<string>(6).fill('security.msgSecCheck'),
      'security.mediaCheckAsync',
    ]);
    wx.rules.length = 0;
  });

  test('the pushed wxa_media_check is matched to the photo by its trace id; an unknown one changes nothing', async () => {
    const up = (await cloudCall<{ fileId: string; pending: boolean }>(
      { action: 'uploadPhoto', contentType: 'image/png', dataBase64: png() },
      'demo-resident',
    )) as { ok: true; data: { fileId: string; pending: boolean } };
    expect(up.data.pending).toBe(true);
    const sent = wx.calls.at(-1)!;
    expect(sent).toMatchObject({
      apiName: 'security.mediaCheckAsync',
      body: { version: 2, openid: 'demo-resident', scene: 3, media_type: 2 },
    });
    const asked = (await cloudCall<{ id: string }>(askEvent({ photos: [up.data.fileId] }), 'demo-resident')) as {
      ok: true;
      data: { id: string };
    };
    const record = (await w.db.collection(PHOTOS).where({ fileId: up.data.fileId }).get())[0]!;
    expect(
      await applyPictureVerdict(
        w.db,
        pictureVerdictOf({ ...wx.pushed(String(record.traceId)), trace_id: 'nope' })!,
        clock,
        cloud,
      ),
    ).toEqual({ matched: false });
    expect((await w.db.collection(REQUESTS).doc(asked.data.id).get())!.photos).toEqual([]);
    const verdict = pictureVerdictOf(wx.pushed(String(record.traceId)));
    expect(verdict).toMatchObject({ pass: true });
    expect(await applyPictureVerdict(w.db, verdict!, clock, cloud)).toEqual({ matched: true });
    expect((await w.db.collection(REQUESTS).doc(asked.data.id).get())!.photos).toEqual([up.data.fileId]);
    wx.rules.length = 0;
  });
});
