/**
 * 通知公告 and 政治生日 on every engine (node, cloudbase-matched, cloudbase-modified): who sees which notice (every
 * audience × reader), pinned first and ended ones gone, read counts, members told; 入党日期 set, audited and seen
 * only by the member, their secretary and admins in scope; the 08:00 card and 消息 sent once with two jobs (on two
 * connections where the engine has them).
 */
import { seededWorld } from '../../test/support/functions';
import { atShanghai } from '../core/time';
import { CloudBaseDatabase } from '../db/cloudbase';
import type { Database } from '../db';
import { AUDIT } from '../audit';
import { MESSAGES } from '../messages';
import { NOTICE_READS, PARTY_CARDS, politicalBirthdays } from './index';

jest.setTimeout(180_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string } };
type Listed = { items: { noticeId: string; title: string; pinned: boolean; read: boolean; fromName: string }[] };

// A day of our choosing (never today's): the world is seeded the evening before.
const START = atShanghai('2027-06-30 20:00');
const HOUR = 3_600_000;

let w: World;
let seq = 0;
const rid = () => `notice-test-${String((seq += 1)).padStart(4, '0')}`;

async function call<T>(who: string | null, event: Record<string, unknown>, at = START): Promise<Answer<T>> {
  return (await w.call.at(at)('org', event, who)) as Answer<T>;
}
async function must<T>(who: string | null, event: Record<string, unknown>, at = START): Promise<T> {
  const res = await call<T>(who, event, at);
  if (!res.ok) throw new Error(`${String(event.action)} as ${who}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const codeOf = (res: Answer<unknown>) => (res.ok ? 'ok' : res.error.code);

async function addUser(_id: string, role: string, branchId: string | null, extra: Record<string, unknown> = {}) {
  await w.db.collection('users').add({ _id, nickname: _id, role, branchId, createdAt: w.now, ...extra });
}

async function publish(who: string, fields: Record<string, unknown>, at = START): Promise<string> {
  const { noticeId } = await must<{ noticeId: string }>(
    who,
    { action: 'publishNotice', body: '请按时参加。', requestId: rid(), ...fields },
    at,
  );
  return noticeId;
}
const titlesOf = async (who: string | null, extra: Record<string, unknown> = {}, at = START) =>
  (await must<Listed>(who, { action: 'notices', ...extra }, at)).items.map((n) => n.title).sort();

beforeAll(async () => {
  w = await seededWorld(START - 12 * HOUR);
  // A member of 解东社区 (秀峰区), a member of another 永福 branch, a resident registered as a 秀峰 volunteer,
  // and the secretary of 解东.
  await addUser('nt-xf-member', 'member', 'br-xf-jiedong');
  await addUser('nt-yf-other', 'member', 'br-yf-jizhi1');
  await addUser('nt-xf-resident', 'resident', null);
  await addUser('nt-xf-secretary', 'secretary', 'br-xf-jiedong');
  await w.db.collection('volunteers').add({ _id: 'nt-xf-resident', county: '桂林市秀峰区', createdAt: w.now });
  // The demo's three service notices to everyone: each case below counts only what it published.
  for (const id of ['demo-notice-1', 'demo-notice-2', 'demo-notice-3'])
    await w.db.collection('notices').doc(id).remove();
});
afterAll(async () => {
  await w.db.close();
});

describe('通知公告', () => {
  test('each notice reaches only its audience: branch, county × (members, residents, both), everyone × the same', async () => {
    await publish('demo-secretary', { title: '向阳支部会', scope: 'branch' });
    await publish('demo-county-admin', { title: '秀峰党员', scope: 'county', audience: 'members' });
    await publish('demo-county-admin', { title: '秀峰群众', scope: 'county', audience: 'residents' });
    await publish('demo-county-admin', { title: '秀峰全体', scope: 'county', audience: 'both' });
    await publish('demo-admin', { title: '全体党员', scope: 'all', audience: 'members' });
    await publish('demo-admin', { title: '全体群众', scope: 'all', audience: 'residents' });
    await publish('demo-admin', { title: '全体', scope: 'all', audience: 'both' });

    expect(await titlesOf('demo-member')).toEqual(['全体', '全体党员', '向阳支部会'].sort());
    expect(await titlesOf('nt-yf-other')).toEqual(['全体', '全体党员'].sort());
    expect(await titlesOf('nt-xf-member')).toEqual(['全体', '全体党员', '秀峰党员', '秀峰全体'].sort());
    expect(await titlesOf('nt-xf-resident')).toEqual(['全体', '全体群众', '秀峰全体', '秀峰群众'].sort());
    expect(await titlesOf('demo-resident')).toEqual(['全体', '全体群众'].sort());
    // A resident may name the county they live in; signed out, only everyone's.
    expect(await titlesOf('demo-resident', { county: '桂林市秀峰区' })).toEqual(
      ['全体', '全体群众', '秀峰全体', '秀峰群众'].sort(),
    );
    expect(await titlesOf(null)).toEqual(['全体', '全体群众'].sort());

    // A members-only notice is not found by anyone it is not for, even by its id.
    const branchNotice = (await must<Listed>('demo-member', { action: 'notices' })).items.find(
      (n) => n.title === '向阳支部会',
    )!;
    expect(codeOf(await call('nt-yf-other', { action: 'notice', noticeId: branchNotice.noticeId }))).toBe('NOT_FOUND');
    expect(codeOf(await call('demo-resident', { action: 'notice', noticeId: branchNotice.noticeId }))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await call('demo-member', { action: 'notice', noticeId: branchNotice.noticeId }))).toBe('ok');

    // Who manages which: the secretary their branch's, the county admin their county's, the system admin all.
    const managed = async (who: string) =>
      (await must<Listed>(who, { action: 'managedNotices' })).items.map((n) => n.title).sort();
    expect(await managed('demo-secretary')).toEqual(['向阳支部会']);
    expect(await managed('demo-county-admin')).toEqual(['秀峰全体', '秀峰党员', '秀峰群众'].sort());
    expect((await managed('demo-admin')).length).toBeGreaterThanOrEqual(7);
    expect(await managed('nt-xf-secretary')).toEqual([]);
  });

  test('who may publish where: a secretary their branch only, a county admin their county only', async () => {
    const refused = async (who: string, fields: Record<string, unknown>) =>
      codeOf(await call(who, { action: 'publishNotice', title: '通知', body: '内容', requestId: rid(), ...fields }));
    expect(await refused('demo-secretary', { scope: 'county', county: '桂林市永福县' })).toBe('FORBIDDEN');
    expect(await refused('demo-secretary', { scope: 'all' })).toBe('FORBIDDEN');
    expect(await refused('demo-secretary', { scope: 'branch', branchId: 'br-xf-jiedong' })).toBe('FORBIDDEN');
    expect(await refused('demo-county-admin', { scope: 'county', county: '桂林市永福县' })).toBe('FORBIDDEN');
    expect(await refused('demo-county-admin', { scope: 'all' })).toBe('FORBIDDEN');
    expect(await refused('demo-member', { scope: 'branch' })).toBe('FORBIDDEN');
  });

  test('title and text are checked before anything is kept; an empty title is named beside its field', async () => {
    const ad = await call('demo-secretary', {
      action: 'publishNotice',
      title: '加微信领礼品',
      body: '内容',
      scope: 'branch',
      requestId: rid(),
    });
    expect(ad.ok ? null : [ad.error.code, ad.error.field]).toEqual(['INVALID_ARGUMENT', 'title']);
    const empty = await call('demo-secretary', {
      action: 'publishNotice',
      title: ' ',
      body: '内容',
      scope: 'branch',
      requestId: rid(),
    });
    expect(empty.ok ? null : [empty.error.field, empty.error.message]).toEqual(['title', '请填写标题']);
  });

  test('pinned first, then newest; an ended or expired notice leaves the list; the same tap publishes once', async () => {
    const branch = { scope: 'branch' };
    const requestId = rid();
    const old = await publish('nt-xf-secretary', { ...branch, title: '旧通知', requestId }, START - 3 * HOUR);
    expect(await publish('nt-xf-secretary', { ...branch, title: '旧通知', requestId })).toBe(old);
    await publish('nt-xf-secretary', { ...branch, title: '新通知' }, START - 2 * HOUR);
    await publish('nt-xf-secretary', { ...branch, title: '今天截止', expiresOn: '2027-06-30' }, START - HOUR);
    const ended = await publish('nt-xf-secretary', { ...branch, title: '已结束' }, START - HOUR);
    await must('nt-xf-secretary', { action: 'pinNotice', noticeId: old, pinned: true });
    await must('nt-xf-secretary', { action: 'endNotice', noticeId: ended });
    const order = async (at: number) =>
      (await must<Listed>('nt-xf-member', { action: 'notices' }, at)).items
        .filter((n) => ['旧通知', '新通知', '今天截止', '已结束'].includes(n.title))
        .map((n) => n.title);
    expect(await order(START)).toEqual(['旧通知', '今天截止', '新通知']);
    // Past midnight (Shanghai) the notice whose last day was the 30th is gone.
    expect(await order(atShanghai('2027-07-01 00:00'))).toEqual(['旧通知', '新通知']);
    const refusedDay = await call('nt-xf-secretary', {
      action: 'publishNotice',
      title: '昨天',
      body: '内容',
      scope: 'branch',
      expiresOn: '2027-06-29',
      requestId: rid(),
    });
    expect(refusedDay.ok ? null : refusedDay.error.field).toBe('expiresOn');
  });

  test('read counts: one a reader however often they open it; members are told by a 消息 once', async () => {
    const noticeId = await publish('nt-xf-secretary', { scope: 'branch', title: '阅读统计' });
    await addUser('nt-xf-member-2', 'member', 'br-xf-jiedong');
    for (const who of ['nt-xf-member', 'nt-xf-member', 'nt-xf-member-2', 'nt-xf-member'])
      await must(who, { action: 'notice', noticeId });
    // The publisher opening it (to check it) is not a read.
    await must('nt-xf-secretary', { action: 'notice', noticeId });
    const row = (
      await must<{ items: { noticeId: string; readCount: number }[] }>('nt-xf-secretary', { action: 'managedNotices' })
    ).items.find((n) => n.noticeId === noticeId)!;
    expect(row.readCount).toBe(2);
    expect(await w.db.collection(NOTICE_READS).where({ noticeId }).count()).toBe(2);
    const listed = (await must<Listed>('nt-xf-member', { action: 'notices' })).items.find(
      (n) => n.noticeId === noticeId,
    )!;
    expect(listed.read).toBe(true);
    // nt-xf-member was a member when it was published: one 消息 naming it; the publisher is not told.
    const told = await w.db.collection(MESSAGES).where({ refId: noticeId, kind: 'notice' }).get();
    expect(told.map((m) => m.openid).sort()).toEqual(['nt-xf-member']);
    expect(told[0]!.title).toBe('通知：阅读统计');
  });

  test('a county notice tells every member of the county, in pages the job finishes', async () => {
    for (let i = 0; i < 230; i += 1)
      await addUser(`nt-xf-many-${String(i).padStart(3, '0')}`, 'member', 'br-xf-jiedong');
    const noticeId = await publish('demo-county-admin', { scope: 'county', audience: 'both', title: '全县通知' });
    const count = () => w.db.collection(MESSAGES).where({ refId: noticeId, kind: 'notice' }).count();
    const first = await count();
    expect(first).toBeGreaterThanOrEqual(200);
    const { tellNotices } = await import('./notices');
    await tellNotices(w.db, START + 60_000);
    await tellNotices(w.db, START + 120_000);
    // 230 + nt-xf-member + nt-xf-member-2 + nt-xf-secretary: every 秀峰 party member, once.
    expect(await count()).toBe(233);
  });
});

describe('政治生日', () => {
  test('the secretary sets 入党日期; each change is audited; only the member, their secretary and admins in scope see it', async () => {
    expect(
      await must('demo-secretary', { action: 'setJoinDate', openid: 'demo-member', joinDate: '2001-07-02' }),
    ).toEqual({ openid: 'demo-member', joinDate: '2001-07-02' });
    await must('demo-secretary', { action: 'setJoinDate', openid: 'demo-member', joinDate: '2001-07-01' });
    const entries = await w.db.collection(AUDIT).where({ op: 'org.setJoinDate', targetId: 'demo-member' }).get();
    expect(entries.map((e) => [e.actor, e.before, e.after])).toEqual(
      expect.arrayContaining([
        ['demo-secretary', { joinDate: null }, { joinDate: '2001-07-02' }],
        ['demo-secretary', { joinDate: '2001-07-02' }, { joinDate: '2001-07-01' }],
      ]),
    );
    const sees = async (who: string) => {
      const res = await call<{ joinDate: string | null }>(who, { action: 'joinDate', openid: 'demo-member' });
      return res.ok ? res.data.joinDate : res.error.code;
    };
    expect(await sees('demo-member')).toBe('2001-07-01');
    expect(await sees('demo-secretary')).toBe('2001-07-01');
    expect(await sees('demo-admin')).toBe('2001-07-01');
    expect(await sees('nt-yf-other')).toBe('FORBIDDEN');
    expect(await sees('demo-resident')).toBe('FORBIDDEN');
    expect(await sees('nt-xf-secretary')).toBe('FORBIDDEN');
    expect(await sees('demo-county-admin')).toBe('FORBIDDEN');
    // Nor may they set it; a resident has no 入党日期; a date in the future is refused beside the field.
    expect(
      codeOf(await call('nt-xf-secretary', { action: 'setJoinDate', openid: 'demo-member', joinDate: '2001-07-01' })),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await call('demo-admin', { action: 'setJoinDate', openid: 'demo-resident', joinDate: '2001-07-01' })),
    ).toBe('INVALID_ARGUMENT');
    const future = await call('demo-secretary', {
      action: 'setJoinDate',
      openid: 'demo-member',
      joinDate: '2027-07-02',
    });
    expect(future.ok ? null : future.error.field).toBe('joinDate');
  });

  test("the month's list for a 主题党日: the branch's members with their day and years", async () => {
    await must('demo-secretary', { action: 'setJoinDate', openid: 'demo-secretary', joinDate: '1999-07-15' });
    await must('demo-admin', { action: 'setJoinDate', openid: 'nt-yf-other', joinDate: '2010-07-03' });
    const list = await must<{ items: { openid: string; day: string; years: number }[] }>('demo-secretary', {
      action: 'birthdays',
      month: '2027-07',
    });
    expect(list.items.map((i) => [i.openid, i.day, i.years])).toEqual([
      ['demo-member', '2027-07-01', 26],
      ['demo-secretary', '2027-07-15', 28],
    ]);
    expect(
      (await must<{ items: unknown[] }>('demo-secretary', { action: 'birthdays', month: '2027-08' })).items,
    ).toEqual([]);
    // A county admin belongs to no branch: without naming one they are asked to choose, not met by a fault.
    const unnamed = await call('demo-county-admin', { action: 'birthdays', month: '2027-07' });
    expect(unnamed.ok ? null : [unnamed.error.code, unnamed.error.field]).toEqual(['INVALID_ARGUMENT', 'branchId']);
    expect(codeOf(await call('demo-county-admin', { action: 'birthdays', branchId: '' }))).not.toBe('INTERNAL');
  });

  test('at 08:00 Shanghai on the day: one card and one 消息, even with two jobs on two connections', async () => {
    const cards = () => w.db.collection(PARTY_CARDS).where({ openid: 'demo-member' }).get();
    const messages = () => w.db.collection(MESSAGES).where({ openid: 'demo-member', kind: 'partyBirthday' }).get();
    expect(await politicalBirthdays(w.db, atShanghai('2027-07-01 07:55'))).toEqual({ sent: 0 });
    expect(await cards()).toEqual([]);

    const at8 = atShanghai('2027-07-01 08:00');
    // Where the engine is a server (CloudBase), the second job talks to it over a connection of its own.
    const double = (w.db as unknown as { double?: { envId: string; url: string } }).double;
    const other: Database = double
      ? new CloudBaseDatabase({
          env: double.envId,
          serviceUrl: double.url,
          secretId: 'double-secret-id',
          secretKey: 'double-secret-key',
        })
      : w.db;
    const runs = await Promise.all([politicalBirthdays(w.db, at8), politicalBirthdays(other, at8 + 1000)]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect(await politicalBirthdays(w.db, at8 + 5 * 60_000)).toEqual({ sent: 0 });
    const [card] = await cards();
    expect(card).toMatchObject({ day: '2027-07-01', years: 26, joinDate: '2001-07-01' });
    const sent = await messages();
    expect(sent.map((m) => m.title)).toEqual(['今天是你入党 26 周年的政治生日']);
    // The member's own page shows the card.
    expect(await must('demo-member', { action: 'myPartyBirthday' }, at8 + HOUR)).toMatchObject({
      joinDate: '2001-07-01',
      years: 26,
      card: { day: '2027-07-01', years: 26 },
    });
    // Nobody else had their day: nt-yf-other (07-03) waits for theirs.
    expect(await w.db.collection(PARTY_CARDS).where({ openid: 'nt-yf-other' }).count()).toBe(0);
    const on3rd = await politicalBirthdays(w.db, atShanghai('2027-07-03 09:30'));
    expect(on3rd).toEqual({ sent: 1 });
  });
});
