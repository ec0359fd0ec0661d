/**
 * The one outbox on both engines: a message per cause from every module, delivery once under two
 * jobs, WeChat retries with back-off and giving up (fake sender), the inbox's paging and unread counts,
 * reminders dropped when what they remind of is cancelled, and older booking notifications read right.
 */
import { seededWorld } from '../../test/support/functions';
import { dayOf, inZone } from '../core/time';
import { makeIdNumber } from '../privacy/idnumber';
import { BACKOFF_BASE_MS, MAX_ATTEMPTS, deliverMessages } from './deliver';
import type { InboxItem, UnreadCounts } from './inbox';
import { MESSAGES, enqueue, messageDocSchema, type OutgoingMessage } from './outbox';
import type { MessageSender, SendResult, SubscribeMessage } from './sender';

jest.setTimeout(120_000);
type World = Awaited<ReturnType<typeof seededWorld>>;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let w: World;
beforeAll(async () => {
  w = await seededWorld();
  for (const id of ['mx-a', 'mx-b', 'mx-page', 'mx-legacy', 'mx-vac']) {
    await w.db.collection('users').add({ _id: id, nickname: id, role: 'resident', branchId: null, createdAt: w.now });
  }
});
afterAll(() => w.db.close());
afterEach(() => {
  delete process.env.MESSAGE_TEMPLATES;
});

const ok = <T>(res: { ok: boolean; data?: T; error?: { message: string } }): T => {
  if (!res.ok) throw new Error(res.error!.message);
  return res.data as T;
};
const inbox = async (openid: string, input: Record<string, unknown> = {}) =>
  ok(await w.call<{ items: InboxItem[]; nextCursor: string | null }>('user', { action: 'messages', ...input }, openid));
const unread = async (openid: string) => ok(await w.call<UnreadCounts>('user', { action: 'unreadCount' }, openid));
const read = async (id: string) => messageDocSchema.parse(await w.db.collection(MESSAGES).doc(id).get());

let causes = 0;
function message(openid: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  causes += 1;
  return {
    cause: ['test', String(causes)],
    openid,
    module: 'requests',
    kind: 'accepted',
    title: `消息${causes}`,
    body: '正文',
    ...extra,
  };
}

/** Records every send; answers from `script` in order (then ok). */
class FakeSender implements MessageSender {
  sent: SubscribeMessage[] = [];
  constructor(
    private readonly script: SendResult[] = [],
    private readonly delayMs = 0,
  ) {}
  async send(m: SubscribeMessage): Promise<SendResult> {
    this.sent.push(m);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    return this.script.shift() ?? { ok: true };
  }
}

const TEMPLATES = {
  'requests.*': {
    templateId: 'tpl-progress',
    fields: { thing1: 'title', thing2: 'body', phrase3: 'status', time4: 'time' },
  },
};

test('one message per cause: writing the same cause twice leaves one message', async () => {
  const m = message('mx-a');
  const id1 = await w.db.runTransaction((tx) => enqueue(tx, m, w.now));
  const id2 = await w.db.runTransaction((tx) => enqueue(tx, m, w.now));
  expect(id2).toBe(id1);
  expect(await w.db.collection(MESSAGES).where({ openid: 'mx-a' }).count()).toBe(1);
  // No template configured and due now: in the inbox at once.
  expect((await inbox('mx-a')).items).toEqual([
    expect.objectContaining({ messageId: id1, module: 'requests', moduleLabel: '群众点单', unread: true }),
  ]);
});

test('a booking, a vaccination appointment, an order and a branch activity each write their message', async () => {
  // Booking: booked is in the inbox at once; its reminder waits.
  const date = dayOf(w.now + DAY);
  const slots = ok(
    await w.call<{ slots: { slotId: string; start: number; bookable: boolean }[] }>('stations', {
      action: 'slots',
      itemId: 'it-yf-center-room',
      date,
    }),
  );
  const slot = slots.slots.find((s) => s.bookable)!;
  ok(await w.call('stations', { action: 'book', slotId: slot.slotId, requestId: 'mx-book-1' }, 'mx-b'));
  expect((await inbox('mx-b', { module: 'booking' })).items.map((i) => i.kind)).toEqual(['booked']);
  // The old stations.messages still answers with the booking messages.
  expect(
    ok(await w.call<{ items: { kind: string }[] }>('stations', { action: 'messages' }, 'mx-b')).items.map(
      (i) => i.kind,
    ),
  ).toEqual(['booked']);

  // Vaccination: a reminder at 18:00 the day before.
  const site = await w.db.collection('vaccineSites').doc('vs-yf-02').get();
  const vaccine = (site!.vaccines as { code: string }[])[0]!.code;
  const person = ok(
    await w.call<{ personId: string }>(
      'vaccine',
      { action: 'addPerson', name: '黄秀兰', idNumber: makeIdNumber('450326', '1960-03-08', 21), phone: '13911112222' },
      'mx-vac',
    ),
  );
  const vSlots = ok(
    await w.call<{ slots: { slotId: string; start: number }[] }>('vaccine', {
      action: 'slots',
      siteId: 'vs-yf-02',
      date: dayOf(w.now + 2 * DAY),
    }),
  );
  const vSlot = vSlots.slots[0]!;
  const appointment = ok(
    await w.call<{ appointmentId: string }>(
      'vaccine',
      {
        action: 'appoint',
        slotId: vSlot.slotId,
        personId: person.personId,
        vaccine,
        dose: 1,
        requestId: 'mx-appoint-1',
      },
      'mx-vac',
    ),
  );
  const eve = inZone(vSlot.start).startOf('day').subtract(6, 'hour').valueOf();
  const reminders = async () =>
    (await inbox('mx-vac', { module: 'vaccine' })).items.filter((i) => i.kind === 'reminder');
  await deliverMessages(w.db, eve - MINUTE, null);
  expect(await reminders()).toEqual([]);
  const delivered = await deliverMessages(w.db, eve, null);
  expect(delivered.inbox).toBeGreaterThanOrEqual(1);
  expect(await reminders()).toEqual([
    expect.objectContaining({
      kind: 'reminder',
      refId: appointment.appointmentId,
      page: '/packages/vaccine/pages/mine/index',
    }),
  ]);

  // Order: told a day before the pickup time runs out (7 days by default).
  const goods = ok(
    await w.call<{ goodsId: string }>(
      'points',
      { action: 'saveGoods', name: '消息测试商品', price: 1, stock: 5, perUserLimit: 5 },
      'demo-admin',
    ),
  );
  const order = ok(
    await w.call<{ orderId: string }>(
      'points',
      { action: 'redeem', goodsId: goods.goodsId, qty: 1, requestId: 'mx-redeem-1' },
      'demo-member',
    ),
  );
  const orderTold = await w.db.collection(MESSAGES).where({ refId: order.orderId }).get();
  // At once: what was redeemed and where to collect it (domain/points/orders.test.ts has the words).
  expect(orderTold.find((m) => m.kind === 'redeemed')).toMatchObject({ module: 'points', dueAt: w.now, sentAt: w.now });
  const warning = orderTold.find((m) => m.kind === 'expiring');
  expect(warning).toMatchObject({ module: 'points', kind: 'expiring', dueAt: w.now + 6 * DAY, sentAt: null });

  // Activity for a branch: its members hear of it; one for every branch tells nobody.
  const before = await w.db.collection(MESSAGES).where({ module: 'activities' }).count();
  const pub = ok(
    await w.call<{ activityId: string }>(
      'points',
      {
        action: 'publishActivity',
        title: '消息测试党课',
        ruleId: 'r-sanhui',
        branchId: 'br-yf-xiangyang',
        start: '2026-11-25 19:00',
        end: '2026-11-25 20:30',
        requestId: 'mx-pub-1',
      },
      'demo-admin',
    ),
  );
  const told = await w.db.collection(MESSAGES).where({ refId: pub.activityId }).get();
  const members = await w.db.collection('users').where({ branchId: 'br-yf-xiangyang' }).count();
  expect(told.map((m) => m.openid).sort()).toEqual(expect.arrayContaining(['demo-member', 'demo-staff']));
  expect(told).toHaveLength(members);
  // The same request again: the same activity, no second message.
  ok(
    await w.call(
      'points',
      {
        action: 'publishActivity',
        title: '消息测试党课',
        ruleId: 'r-sanhui',
        branchId: 'br-yf-xiangyang',
        start: '2026-11-25 19:00',
        end: '2026-11-25 20:30',
        requestId: 'mx-pub-1',
      },
      'demo-admin',
    ),
  );
  ok(
    await w.call(
      'points',
      {
        action: 'publishActivity',
        title: '全体学习',
        ruleId: 'r-xuexi',
        start: '2026-11-25 19:00',
        end: '2026-11-25 20:30',
        requestId: 'mx-pub-2',
      },
      'demo-admin',
    ),
  );
  expect(await w.db.collection(MESSAGES).where({ module: 'activities' }).count()).toBe(before + members);
});

test('reminders are dropped when what they remind of was cancelled', async () => {
  // A booking cancelled: its reminder never reaches the inbox.
  const date = dayOf(w.now + 2 * DAY);
  const slots = ok(
    await w.call<{ slots: { slotId: string; start: number; bookable: boolean }[] }>('stations', {
      action: 'slots',
      itemId: 'it-yf-center-room',
      date,
    }),
  );
  const slot = slots.slots.find((s) => s.bookable)!;
  const booking = ok(
    await w.call<{ bookingId: string }>(
      'stations',
      { action: 'book', slotId: slot.slotId, requestId: 'mx-book-drop' },
      'mx-a',
    ),
  );
  ok(await w.call.at(w.now + MINUTE)('stations', { action: 'cancel', bookingId: booking.bookingId }, 'mx-a'));
  // An order cancelled: its expiry warning is dropped.
  const goods = ok(
    await w.call<{ goodsId: string }>(
      'points',
      { action: 'saveGoods', name: '取消测试商品', price: 1, stock: 5, perUserLimit: 5 },
      'demo-admin',
    ),
  );
  const order = ok(
    await w.call<{ orderId: string }>(
      'points',
      { action: 'redeem', goodsId: goods.goodsId, qty: 1, requestId: 'mx-redeem-drop' },
      'demo-member',
    ),
  );
  ok(await w.call('points', { action: 'cancelOrder', orderId: order.orderId }, 'demo-member'));
  const report = await deliverMessages(w.db, w.now + 7 * DAY, null);
  expect(report.dropped).toBeGreaterThanOrEqual(2);
  expect(await w.db.collection(MESSAGES).where({ refId: booking.bookingId, kind: 'reminder' }).count()).toBe(0);
  // The order's warning is gone; what did happen (redeemed, then cancelled and refunded) stays in the inbox.
  expect(await w.db.collection(MESSAGES).where({ refId: order.orderId, kind: 'expiring' }).count()).toBe(0);
  expect(
    (await inbox('demo-member', { module: 'points' })).items
      .filter((i) => i.refId === order.orderId)
      .map((i) => i.kind)
      .sort(),
  ).toEqual(['cancelled', 'redeemed']);
  expect((await inbox('mx-a', { module: 'booking' })).items.map((i) => i.kind)).toEqual(['cancelled', 'booked']);
});

test('two delivery jobs at once send each message once', async () => {
  process.env.MESSAGE_TEMPLATES = JSON.stringify(TEMPLATES);
  const ids: string[] = [];
  for (let i = 0; i < 6; i += 1)
    ids.push(await enqueue(w.db, message('mx-b', { data: { status: '已受理', time: '11月23日 10:00' } }), w.now));
  // A template is configured: they wait for the job.
  expect((await read(ids[0]!)).sentAt).toBeNull();
  const sender = new FakeSender([], 5);
  const reports = await Promise.all([deliverMessages(w.db, w.now, sender), deliverMessages(w.db, w.now, sender)]);
  expect(sender.sent.filter((s) => s.templateId === 'tpl-progress')).toHaveLength(6);
  expect(reports[0]!.wechat + reports[1]!.wechat).toBe(6);
  for (const id of ids)
    expect(await read(id)).toMatchObject({ channel: 'wechat', attempts: 1, sentAt: w.now, lastError: null });
  const one = sender.sent[0]!;
  expect(one).toMatchObject({
    touser: 'mx-b',
    data: { phrase3: { value: '已受理' }, time4: { value: '11月23日 10:00' } },
  });
  expect([...one.data.thing1!.value].length).toBeLessThanOrEqual(20);
  // Nothing is sent twice afterwards.
  await deliverMessages(w.db, w.now + HOUR, sender);
  expect(sender.sent).toHaveLength(6);
});

test('a failed WeChat send is retried with back-off, recorded, and given up after the last attempt (then in the inbox)', async () => {
  process.env.MESSAGE_TEMPLATES = JSON.stringify(TEMPLATES);
  const id = await enqueue(w.db, message('mx-page'), w.now);
  const sender = new FakeSender(
    Array.from({ length: MAX_ATTEMPTS }, () => ({ ok: false as const, code: '-1', permanent: false })),
  );
  let at = w.now;
  for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt += 1) {
    expect((await deliverMessages(w.db, at, sender)).retried).toBe(1);
    const doc = await read(id);
    expect(doc).toMatchObject({
      attempts: attempt,
      lastError: '-1',
      sentAt: null,
      nextAttemptAt: at + BACKOFF_BASE_MS * 2 ** (attempt - 1),
    });
    // Not before its time.
    expect(await deliverMessages(w.db, doc.nextAttemptAt! - 1, sender)).toMatchObject({
      retried: 0,
      gaveUp: 0,
      wechat: 0,
    });
    at = doc.nextAttemptAt!;
  }
  expect((await deliverMessages(w.db, at, sender)).gaveUp).toBe(1);
  expect(await read(id)).toMatchObject({
    attempts: MAX_ATTEMPTS,
    lastError: '-1',
    channel: 'inbox',
    sentAt: at,
    nextAttemptAt: null,
  });
  expect(sender.sent).toHaveLength(MAX_ATTEMPTS);
  expect((await inbox('mx-page')).items.map((i) => i.messageId)).toContain(id);

  // A permanent refusal (not subscribed) gives up at once; a kind without a template never tries.
  const refused = await enqueue(w.db, message('mx-page'), at);
  const none = await enqueue(w.db, message('mx-page', { module: 'vaccine', kind: 'reminder', dueAt: at + MINUTE }), at);
  const permanent = new FakeSender([{ ok: false, code: '43101', permanent: true }]);
  expect(await deliverMessages(w.db, at + MINUTE, permanent)).toMatchObject({ gaveUp: 1, inbox: 1 });
  expect(await read(refused)).toMatchObject({ attempts: 1, lastError: '43101', channel: 'inbox' });
  expect(await read(none)).toMatchObject({ attempts: 0, channel: 'inbox' });
  expect(permanent.sent).toHaveLength(1);
});

test('the inbox pages newest first across modules, counts unread by module, and marks read', async () => {
  const who = 'mx-legacy';
  const modules = ['booking', 'vaccine', 'points', 'requests', 'activities'] as const;
  // 25 messages delivered at the same instant (one job), five per module.
  for (let i = 0; i < 25; i += 1) await enqueue(w.db, message(who, { module: modules[i % 5]! }), w.now);
  // A notification written before the outbox: no module, no readAt, a bookingId.
  await w.db
    .collection(MESSAGES)
    .doc('nt_legacy_1')
    .set({
      openid: who,
      kind: 'booked',
      title: '预约成功：旧消息',
      body: '旧',
      bookingId: 'bk_old',
      createdAt: w.now - DAY,
      dueAt: w.now - DAY,
      sentAt: w.now - DAY,
    });

  const seen: InboxItem[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await inbox(who, { limit: 10, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(26);
  expect(new Set(seen.map((i) => i.messageId)).size).toBe(26);
  expect(seen[25]).toMatchObject({
    messageId: 'nt_legacy_1',
    module: 'booking',
    refId: 'bk_old',
    unread: true,
    page: null,
  });
  expect((await inbox(who, { module: 'booking' })).items).toHaveLength(6);
  expect((await inbox(who, { module: 'vaccine' })).items).toHaveLength(5);

  expect(await unread(who)).toEqual({ total: 26, booking: 6, vaccine: 5, points: 5, requests: 5, activities: 5 });
  const overview = ok(await w.call<{ counts: { unreadMessages: number } }>('user', { action: 'overview' }, who));
  expect(overview.counts.unreadMessages).toBe(26);

  // Someone else's ids mark nothing; mine do; none given marks all.
  const vaccineIds = seen.filter((i) => i.module === 'vaccine').map((i) => i.messageId);
  expect(
    ok(await w.call<{ marked: number }>('user', { action: 'markRead', messageIds: vaccineIds }, 'mx-a')).marked,
  ).toBe(0);
  const marked = ok(
    await w.call<{ marked: number; unread: UnreadCounts }>(
      'user',
      { action: 'markRead', messageIds: [...vaccineIds, 'nt_legacy_1'] },
      who,
    ),
  );
  expect(marked).toMatchObject({ marked: 6, unread: { total: 20, booking: 5, vaccine: 0 } });
  expect((await inbox(who, { module: 'vaccine' })).items.every((i) => !i.unread)).toBe(true);
  expect(ok(await w.call<{ marked: number }>('user', { action: 'markRead' }, who)).marked).toBe(20);
  expect(await unread(who)).toEqual({ total: 0, booking: 0, vaccine: 0, points: 0, requests: 0, activities: 0 });

  // A bad cursor is a plain refusal.
  const bad = await w.call('user', { action: 'messages', cursor: 'nonsense' }, who);
  expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
});
