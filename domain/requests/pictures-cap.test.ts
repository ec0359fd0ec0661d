/**
 * A photo whose verdict never comes (issue 22): the hourly `purgePhotos` asks again after the hour, at most
 * PICTURE_RECHECKS times (default 3); still without a verdict after the last, it is refused for want of one — removed
 * (the file and every reference) and its uploader told in plain Chinese that it could not be checked. A verdict that
 * arrives afterwards changes nothing. On whichever engine the project picks.
 */
import path from 'node:path';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { seededWorld } from '../../test/support/functions';
import type { Envelope } from '../core/errors';
import { LocalFileStore } from '../files';
import { LocalContentCheck, LOST_MARKER } from '../content';
import { MESSAGES } from '../messages';
import { applyPictureVerdict, purgePhotos } from './index';
import { PHOTOS, REQUESTS } from './model';

type World = Awaited<ReturnType<typeof seededWorld>>;
let w: World;
let files: LocalFileStore;
const HOUR = 3_600_000;
let clock = Date.parse('2026-11-23T02:00:00Z');

/**
 * The local checker, looking at the stored picture on every ask (as WeChat fetches it by its address): a picture
 * carrying the lost marker never gets a verdict, however often it is asked about.
 */
class FetchingCheck extends LocalContentCheck {
  override async submitPicture(input: Parameters<LocalContentCheck['submitPicture']>[0]) {
    const bytes = input.bytes ?? (await files.read(input.fileId))?.bytes;
    return super.submitPicture({ ...input, ...(bytes ? { bytes } : {}) });
  }
}
let content: FetchingCheck;
let services: { files: LocalFileStore; content: FetchingCheck };

beforeAll(async () => {
  w = await seededWorld();
  files = new LocalFileStore(path.join(w.dir, 'cap-files'));
  content = new FetchingCheck();
  services = { files, content };
});
afterAll(() => {
  delete process.env.PICTURE_RECHECKS;
  return w.db.close();
});

async function data<T>(event: object, who: string): Promise<T> {
  const res = (await FUNCTIONS.requests!.handle(event, {
    db: w.db,
    caller: { openid: who },
    now: () => (clock += 1000),
    services,
  })) as Envelope<T>;
  if (!res.ok) throw new Error(`${(event as { action: string }).action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const png = (marker: string) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(24, 1),
    Buffer.from(marker, 'latin1'),
  ]).toString('base64');
const verdicts = async () => {
  let n = 0;
  for (const v of content.take()) if ((await applyPictureVerdict(w.db, v, clock, services)).matched) n += 1;
  return n;
};
let seq = 0;
async function askWithLostPhoto(who: string) {
  const { fileId } = await data<{ fileId: string }>(
    { action: 'uploadPhoto', contentType: 'image/png', dataBase64: png(LOST_MARKER) },
    who,
  );
  seq += 1;
  const { id } = await data<{ id: string }>(
    {
      action: 'ask',
      kind: 'wish',
      category: '长者',
      title: `送审无果${seq}`,
      text: '楼道需要装一盏灯',
      photos: [fileId],
      unitId: 'br-yf-xiangyang',
      place: { name: '向阳社区三单元' },
      contactName: '李秀兰',
      contactPhone: '13812345678',
      publicOnWall: true,
      requestId: `cap-ask-${seq}`,
    },
    who,
  );
  return { fileId, id };
}
const record = async (fileId: string) => (await w.db.collection(PHOTOS).where({ fileId }).get())[0]!;
const told = async (who: string) =>
  (await w.db.collection(MESSAGES).where({ openid: who }).get()).filter((m) => m.title === '照片未能完成审核');

test('asked again three times, then removed and its uploader told it could not be checked', async () => {
  const { fileId, id } = await askWithLostPhoto('demo-resident');
  expect(await verdicts()).toBe(0);
  const asked = content.submitted.length;
  for (let n = 1; n <= 3; n += 1) {
    clock += 2 * HOUR;
    expect(await purgePhotos(w.db, clock, services)).toMatchObject({ rechecked: 1 });
    expect(await verdicts()).toBe(0);
    expect(await record(fileId)).toMatchObject({ check: 'pending', checks: 1 + n });
    expect(await files.read(fileId)).not.toBeNull();
  }
  expect(content.submitted.length).toBe(asked + 3);
  expect(await told('demo-resident')).toHaveLength(0);
  const lastTrace = String((await record(fileId)).traceId);

  // Within the hour after the last ask WeChat may still answer: nothing happens yet.
  expect(await purgePhotos(w.db, clock + HOUR / 2, services)).toMatchObject({ rechecked: 0 });
  expect(await record(fileId)).toMatchObject({ check: 'pending' });

  clock += 2 * HOUR;
  expect(await purgePhotos(w.db, clock, services)).toMatchObject({ rechecked: 0 });
  expect(content.submitted.length).toBe(asked + 3);
  expect(await record(fileId)).toMatchObject({ check: 'rejected', kind: 'unchecked', settled: true });
  expect(await files.read(fileId)).toBeNull();
  const req = (await w.db.collection(REQUESTS).doc(id).get())!;
  expect([req.photos, req.heldPhotos]).toEqual([[], []]);
  const messages = await told('demo-resident');
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({ kind: 'request.photoRejected', refId: id });
  expect(String(messages[0]!.body)).toBe(
    `你为「送审无果${seq}」上传的一张照片多次送审都没有得到结果，已删除，其他人看不到，请换一张重新上传`,
  );

  // The job's next run finds nothing more to do, and a verdict arriving late for the last ask changes nothing.
  clock += 2 * HOUR;
  expect(await purgePhotos(w.db, clock, services)).toMatchObject({ rechecked: 0 });
  expect(await applyPictureVerdict(w.db, { traceId: lastTrace, pass: true, kind: null }, clock, services)).toEqual({
    matched: true,
  });
  expect((await w.db.collection(REQUESTS).doc(id).get())!.photos).toEqual([]);
  expect(await told('demo-resident')).toHaveLength(1);
});

test('PICTURE_RECHECKS sets the allowance: at 0 the first hour without a verdict removes the photo', async () => {
  process.env.PICTURE_RECHECKS = '0';
  const { fileId } = await askWithLostPhoto('demo-member');
  const asked = content.submitted.length;
  clock += 2 * HOUR;
  expect(await purgePhotos(w.db, clock, services)).toMatchObject({ rechecked: 0 });
  expect(content.submitted.length).toBe(asked);
  expect(await record(fileId)).toMatchObject({ check: 'rejected', kind: 'unchecked' });
  expect(await told('demo-member')).toHaveLength(1);
});
