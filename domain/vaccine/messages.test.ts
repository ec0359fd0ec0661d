/**
 * A vaccination appointment's messages in the one inbox (module vaccine), and where a site's slots
 * stand, against the embedded engine (and the CloudBase double in the cloudbase-* projects).
 */
import { seededWorld } from '../../test/support/functions';
import { dayOf } from '../core/time';
import { makeIdNumber } from '../privacy/idnumber';
import { slotChip, type SlotState } from '../slots/labels';
import { checkVaccineInvariants } from './invariants';

jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const SITE = 'vs-yf-01';
const JOIN = '\u2060';

let w: World;
beforeAll(async () => {
  // 10:00 in Shanghai on Monday 23 November 2026: today's 08:30–09:30 slots are over, 10:00 is under way.
  w = await seededWorld(Date.parse('2026-11-23T02:00:00Z'));
});
afterAll(() => w.db.close());

function ok<T>(res: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!res.ok) throw new Error(res.error.message);
  return res.data;
}

interface SlotAnswer {
  slotId: string;
  start: number;
  end: number;
  remaining: number;
  greenRemaining: number;
  closed: boolean;
  state: SlotState;
  stateLabel: string;
  bookable: boolean;
}
const slotsOf = async (input: { date?: string }, at = w.now) =>
  ok(
    await w.call.at(at)<{ date: string; slots: SlotAnswer[] }>(
      'vaccine',
      { action: 'slots', siteId: SITE, ...input },
      'demo-resident',
    ),
  );

interface InboxItem {
  module: string;
  kind: string;
  title: string;
  body: string;
  page: string | null;
  refId: string | null;
}
const inbox = async (openid: string) =>
  ok(await w.call<{ items: InboxItem[] }>('user', { action: 'messages', module: 'vaccine' }, openid)).items;

describe('slot states', () => {
  test('a slot that is over says 已结束 and cannot be booked; one under way 进行中; seats only for the rest', async () => {
    const { slots } = await slotsOf({ date: dayOf(w.now) });
    const clock = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(11, 16);
    const seen = slots.map((s) => `${clock(s.start)} ${s.state} ${s.stateLabel} ${s.bookable}`);
    expect(seen.slice(0, 5)).toEqual([
      '08:30 ended 已结束 false',
      '09:00 ended 已结束 false',
      '09:30 ended 已结束 false',
      '10:00 ongoing 进行中 false',
      '10:30 upcoming 未开始 true',
    ]);
    // What the chips show: never seats for a slot that is over or under way (today's green seats are released: 30).
    const labels = slots.map((s) => slotChip(s).label);
    expect(labels.slice(0, 5)).toEqual(['已结束', '已结束', '已结束', '进行中', '余 30']);
    expect(slots.slice(0, 4).every((s) => !slotChip(s).tappable)).toBe(true);
    // The seats are still there; the state decides.
    expect(slots[0]!.remaining).toBe(30);
  });

  test('a full slot says 已约满: tappable only where there is a waiting list; closed says 已关闭', () => {
    const base = { state: 'upcoming' as const, closed: false, bookable: true, remaining: 0 };
    expect(slotChip(base)).toEqual({ view: 'full', label: '已约满', tappable: false });
    expect(slotChip({ ...base, waiting: 0 })).toEqual({ view: 'full', label: '已约满 · 可候补', tappable: true });
    expect(slotChip({ ...base, waiting: 3 })).toEqual({ view: 'full', label: '已约满 · 3 人候补', tappable: true });
    expect(slotChip({ ...base, closed: true, bookable: false, remaining: 5 }).label).toBe('已关闭');
    expect(slotChip({ ...base, mine: 'booked', state: 'ongoing', bookable: false }).label).toBe('已预约 · 进行中');
    expect(slotChip({ ...base, remaining: 4, bookable: false }).label).toBe('已结束');
  });

  test('without a date the page opens on today while today has an open slot, else on the first day that has one', async () => {
    expect((await slotsOf({})).date).toBe(dayOf(w.now));
    // 18:00: today's last slot (16:30) has begun.
    const evening = w.now + 8 * HOUR;
    const later = await slotsOf({}, evening);
    expect(later.date).toBe(dayOf(w.now + DAY));
    expect(later.slots.some((s) => s.bookable)).toBe(true);
    // Tomorrow closed by the site: the day after.
    const tomorrow = await slotsOf({ date: dayOf(w.now + DAY) });
    for (const s of tomorrow.slots) await w.db.collection('slots').doc(s.slotId).update({ closed: true });
    expect((await slotsOf({}, evening)).date).toBe(dayOf(w.now + 2 * DAY));
    for (const s of tomorrow.slots) await w.db.collection('slots').doc(s.slotId).update({ closed: false });
  });
});

describe('messages', () => {
  const owner = 'demo-resident';
  let personId = '';
  beforeAll(async () => {
    const added = await w.call<{ personId: string }>(
      'vaccine',
      {
        action: 'addPerson',
        name: '韦秀英',
        idNumber: makeIdNumber('450326', '1958-05-06', 321),
        phone: '13977005566',
      },
      owner,
    );
    personId = ok(added).personId;
  });

  /** One vaccine each (one appointment per person, vaccine and dose). */
  const appointOn = async (days: number, requestId: string, which: number) => {
    const { slots } = await slotsOf({ date: dayOf(w.now + days * DAY) });
    const slot = slots.find((s) => s.bookable)!;
    const site = await w.db.collection('vaccineSites').doc(SITE).get();
    const vaccine = (site!.vaccines as { code: string; name: string }[])[which]!;
    const res = await w.call<{ appointmentId: string; code: string }>(
      'vaccine',
      { action: 'appoint', slotId: slot.slotId, personId, vaccine: vaccine.code, dose: 1, requestId },
      owner,
    );
    return { ...ok(res), slot, vaccine, site: site as unknown as { name: string; address: string } };
  };

  test('an appointment leaves one message naming who, which dose, where, when and the code; a retry adds none', async () => {
    const before = (await inbox(owner)).length;
    const a = await appointOn(3, 'vaccine-message-test-1', 0);
    const again = await appointOn(3, 'vaccine-message-test-1', 0);
    expect(again.code).toBe(a.code);

    const items = await inbox(owner);
    // The reminder waits for the evening before; the confirmation is there at once, once.
    expect(items).toHaveLength(before + 1);
    const m = items.find((x) => x.refId === a.appointmentId)!;
    expect(m).toMatchObject({ module: 'vaccine', kind: 'booked', page: '/packages/vaccine/pages/mine/index' });
    expect(m.title).toBe(`接种预约成功：韦** ${a.vaccine.name} 第 1 剂`);
    const day = new Date(a.slot.start + 8 * HOUR);
    const weekday = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'][day.getUTCDay()];
    const clock = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(11, 16);
    expect(m.body).toContain(
      `${day.getUTCMonth() + 1}月${day.getUTCDate()}日 ${weekday} ${clock(a.slot.start)}${JOIN}–${JOIN}${clock(a.slot.end)}`,
    );
    expect(m.body).toContain(`${a.site.name}（${a.site.address}）`);
    expect(m.body).toContain(`预约码 ${a.code}`);
    expect(m.body).not.toContain('韦秀英');
  });

  test('cancelling leaves one message saying so, without the code', async () => {
    const a = await appointOn(4, 'vaccine-message-test-2', 1);
    ok(await w.call('vaccine', { action: 'cancel', appointmentId: a.appointmentId }, owner));
    const twice = await w.call('vaccine', { action: 'cancel', appointmentId: a.appointmentId }, owner);
    expect(twice.ok).toBe(false);
    const mine = (await inbox(owner)).filter((x) => x.refId === a.appointmentId);
    expect(mine.map((x) => x.kind).sort()).toEqual(['booked', 'cancelled']);
    const cancelled = mine.find((x) => x.kind === 'cancelled')!;
    expect(cancelled.title).toBe(`接种预约已取消：韦** ${a.vaccine.name} 第 1 剂`);
    expect(cancelled.body).toContain('已按你的操作取消');
    expect(cancelled.body).toContain(a.site.name);
    expect(cancelled.body).not.toContain(a.code);
  });

  test('removing the person cancels their appointments, each with a message giving the reason', async () => {
    const a = await appointOn(5, 'vaccine-message-test-3', 2);
    const removed = ok(await w.call<{ cancelled: number }>('vaccine', { action: 'removePerson', personId }, owner));
    expect(removed.cancelled).toBe(2);
    const cancelled = (await inbox(owner)).filter((x) => x.kind === 'cancelled' && x.refId === a.appointmentId);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.body).toContain('接种人已从你的列表删除');
    for (const r of await checkVaccineInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
  });
});
