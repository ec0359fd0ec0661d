/** Vaccination appointments against the embedded engine: green channel, one per dose, privacy. */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { setLogger } from '../core/router';
import { dayOf } from '../core/time';
import { makeIdNumber } from '../privacy/idnumber';
import { checkVaccineInvariants } from './invariants';

// Through the real SDK against the CloudBase double (the cloudbase-* projects) a storm takes seconds, not milliseconds.
jest.setTimeout(120_000);

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 86_400_000;
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
const expectClean = async (w: World) => {
  for (const r of await checkVaccineInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
};

let w: World;
const logs: string[] = [];
beforeAll(async () => {
  w = await seededWorld();
  setLogger((entry) => logs.push(JSON.stringify(entry)));
  const spy = (...args: unknown[]) => logs.push(args.map(String).join(' '));
  jest.spyOn(console, 'log').mockImplementation(spy);
  jest.spyOn(console, 'warn').mockImplementation(spy);
  jest.spyOn(console, 'error').mockImplementation(spy);
});
afterAll(() => w.db.close());

let people = 0;
/** Adds a person born `age` years before the slot date; answers their id and personal data. */
async function person(owner: string, age: number) {
  people += 1;
  const born = `${2026 - age - 1}-12-${String((people % 28) + 1).padStart(2, '0')}`;
  const data = {
    name: `测试${'甲乙丙丁戊己庚辛壬癸'[people % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(people / 10) % 10]}`,
    idNumber: makeIdNumber('450326', born, people % 1000),
    phone: `139${String(people).padStart(8, '0')}`,
  };
  const res = await w.call<{ personId: string }>('vaccine', { action: 'addPerson', ...data }, owner);
  if (!res.ok) throw new Error(res.error.message);
  return { personId: res.data.personId, ...data };
}

async function users(n: number, prefix: string) {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  for (const id of ids)
    await w.db.collection('users').add({ _id: id, nickname: id, role: 'resident', branchId: null, createdAt: w.now });
  return ids;
}

const SITE = 'vs-yf-01';
async function firstSlot(date: string) {
  const res = await w.call<{
    slots: { slotId: string; start: number; capacity: number; remaining: number; greenRemaining: number }[];
  }>('vaccine', { action: 'slots', siteId: SITE, date });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.slots[0]!;
}
const vaccineOf = async () => {
  const site = await w.db.collection('vaccineSites').doc(SITE).get();
  return (site!.vaccines as { code: string; doses: number; intervalDays: number }[])[0]!;
};

test('people are validated as GB 11643 asks and stored sealed, with masked forms', async () => {
  const before = await dump(w.db, Object.keys(COLLECTIONS));
  const good = makeIdNumber('450326', '1960-03-15', 17);
  const bad = `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`;
  expect(
    await w.call(
      'vaccine',
      { action: 'addPerson', name: '张三', idNumber: bad, phone: '13812345678' },
      'demo-resident',
    ),
  ).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: '身份证号校验位不正确' } });
  expect(
    codeOf(
      await w.call(
        'vaccine',
        { action: 'addPerson', name: '张三', idNumber: good, phone: '12345678901' },
        'demo-resident',
      ),
    ),
  ).toBe('INVALID_ARGUMENT');
  expect(await dump(w.db, Object.keys(COLLECTIONS))).toBe(before);
  const res = await w.call<{ personId: string; masked: object }>(
    'vaccine',
    { action: 'addPerson', name: '张三', idNumber: good, phone: '13812345678' },
    'demo-resident',
  );
  expect(res).toEqual({
    ok: true,
    data: {
      personId: expect.any(String),
      masked: { name: '张*', idNumber: `4503${'*'.repeat(13)}${good.slice(-1)}`, phone: '138****5678' },
    },
  });
  const stored = JSON.stringify(await w.db.collection('vaccinePersons').get());
  for (const secret of [good, '张三', '13812345678']) expect(stored).not.toContain(secret);
  expect(
    codeOf(
      await w.call(
        'vaccine',
        { action: 'addPerson', name: '张三', idNumber: good, phone: '13812345678' },
        'demo-resident',
      ),
    ),
  ).toBe('CONFLICT');
  const list = await w.call<{ items: { name: string; age: number; elder: boolean }[] }>(
    'vaccine',
    { action: 'persons' },
    'demo-resident',
  );
  expect(list.ok && list.data.items[0]).toMatchObject({ name: '张三', age: 66, elder: true });
});

test('a slot of 30 with 10 green seats, stormed by 200 under 60 and 50 over 60: at most 20 under 60, green only to elders', async () => {
  const date = dayOf(w.now + 2 * DAY);
  const slot = await firstSlot(date);
  expect(slot).toMatchObject({ capacity: 30, remaining: 20, greenRemaining: 10 });
  const owners = await users(50, 'storm-owner-');
  const young: ({ owner: string } & Awaited<ReturnType<typeof person>>)[] = [];
  const old: ({ owner: string } & Awaited<ReturnType<typeof person>>)[] = [];
  for (const [i, owner] of owners.entries()) {
    for (let k = 0; k < 4; k += 1) young.push({ owner, ...(await person(owner, 30 + ((i + k) % 25))) });
    old.push({ owner, ...(await person(owner, 60 + (i % 30))) });
  }
  const vaccine = await vaccineOf();
  const calls = [...young, ...old].map((p, i) =>
    w.call<{ appointmentId: string }>(
      'vaccine',
      {
        action: 'appoint',
        slotId: slot.slotId,
        personId: p.personId,
        vaccine: vaccine.code,
        dose: 1,
        requestId: `storm-${i}-req`,
      },
      p.owner,
    ),
  );
  const results = await Promise.all(calls);
  const youngOk = results.slice(0, young.length).filter((r) => r.ok).length;
  const oldOk = results.slice(young.length).filter((r) => r.ok).length;
  expect(youngOk).toBeLessThanOrEqual(20);
  expect(youngOk + oldOk).toBeLessThanOrEqual(30);
  expect(oldOk).toBeGreaterThanOrEqual(10);
  const seats = (await w.db.collection('appointments').where({ slotId: slot.slotId }).limit(1000).get()).map((a) => [
    a.seat,
    a.elder,
  ]);
  expect(seats.filter(([seat, elder]) => seat === 'green' && elder !== true)).toHaveLength(0);
  await expectClean(w);
});

test('after the release time unused green seats go to anyone, never above capacity', async () => {
  const date = dayOf(w.now + 3 * DAY);
  const slot = await firstSlot(date);
  const [owner] = await users(1, 'release-owner-');
  const owners = await users(8, 'release-');
  const young: ({ owner: string } & Awaited<ReturnType<typeof person>>)[] = [];
  for (const o of [owner!, ...owners])
    for (let k = 0; k < 4; k += 1) young.push({ owner: o, ...(await person(o, 25 + k)) });
  const vaccine = await vaccineOf();
  const release = Number(
    ((await w.db.collection('slots').doc(slot.slotId).get())!.green as { releaseAt: number }).releaseAt,
  );
  expect(release).toBe(Date.parse(`${dayOf(slot.start - DAY)}T18:00:00+08:00`));
  const book = (at: number, list: typeof young) =>
    Promise.all(
      list.map((p, i) =>
        w.call.at(at)(
          'vaccine',
          {
            action: 'appoint',
            slotId: slot.slotId,
            personId: p.personId,
            vaccine: vaccine.code,
            dose: 1,
            requestId: `rel-${at}-${i}-req`,
          },
          p.owner,
        ),
      ),
    );
  const before = await book(w.now, young.slice(0, 24));
  expect(before.filter((r) => r.ok)).toHaveLength(20);
  const after = await book(release + 1, young.slice(20));
  expect(after.filter((r) => r.ok)).toHaveLength(10);
  expect(await w.db.collection('slots').doc(slot.slotId).get()).toMatchObject({ booked: 30, green: { used: 10 } });
  await expectClean(w);
});

test('one person booked by two users at once for the same dose gets one appointment', async () => {
  const slot = await firstSlot(dayOf(w.now + 4 * DAY));
  const [a, b] = await users(2, 'twin-');
  const idNumber = makeIdNumber('450326', '1985-07-07', 321);
  const pa = await w.call<{ personId: string }>(
    'vaccine',
    { action: 'addPerson', name: '王芳', idNumber, phone: '13700000001' },
    a!,
  );
  const pb = await w.call<{ personId: string }>(
    'vaccine',
    { action: 'addPerson', name: '王芳', idNumber, phone: '13700000001' },
    b!,
  );
  if (!pa.ok || !pb.ok) throw new Error('addPerson failed');
  const vaccine = await vaccineOf();
  const results = await Promise.all([
    ...Array.from({ length: 5 }, (_, i) =>
      w.call(
        'vaccine',
        {
          action: 'appoint',
          slotId: slot.slotId,
          personId: pa.data.personId,
          vaccine: vaccine.code,
          dose: 1,
          requestId: `twin-a-${i}-req`,
        },
        a!,
      ),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      w.call(
        'vaccine',
        {
          action: 'appoint',
          slotId: slot.slotId,
          personId: pb.data.personId,
          vaccine: vaccine.code,
          dose: 1,
          requestId: `twin-b-${i}-req`,
        },
        b!,
      ),
    ),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  await expectClean(w);
});

test('the same dose appointed again after a cancellation, by the other holder: one active appointment, seats right', async () => {
  const day = dayOf(w.now + 10 * DAY);
  const res = await w.call<{ slots: { slotId: string; bookable: boolean }[] }>('vaccine', {
    action: 'slots',
    siteId: SITE,
    date: day,
  });
  if (!res.ok) throw new Error(res.error.message);
  const [first, second] = res.data.slots.filter((s) => s.bookable);
  const [a, b] = await users(2, 'again-');
  const idNumber = makeIdNumber('450326', '1979-03-03', 654);
  const pa = await w.call<{ personId: string }>(
    'vaccine',
    { action: 'addPerson', name: '李强', idNumber, phone: '13700000002' },
    a!,
  );
  const pb = await w.call<{ personId: string }>(
    'vaccine',
    { action: 'addPerson', name: '李强', idNumber, phone: '13700000002' },
    b!,
  );
  if (!pa.ok || !pb.ok) throw new Error('addPerson failed');
  const vaccine = await vaccineOf();
  const appoint = (slotId: string, personId: string, requestId: string, who: string) =>
    w.call<{ appointmentId: string; code: string }>(
      'vaccine',
      { action: 'appoint', slotId, personId, vaccine: vaccine.code, dose: 1, requestId },
      who,
    );
  const made = await appoint(first!.slotId, pa.data.personId, 'again-a-req-1', a!);
  if (!made.ok) throw new Error(made.error.message);
  expect(await w.call('vaccine', { action: 'cancel', appointmentId: made.data.appointmentId }, a!)).toMatchObject({
    ok: true,
  });
  // Its document is there (cancelled): the first attempt finds it taken, the next reads and rewrites it.
  const again = await Promise.all([1, 2, 3].map(() => appoint(second!.slotId, pb.data.personId, 'again-b-req-1', b!)));
  expect(new Set(again.map((r) => JSON.stringify(r))).size).toBe(1);
  if (!again[0]!.ok) throw new Error(again[0]!.error.message);
  expect(again[0]!.data.appointmentId).toBe(made.data.appointmentId);
  expect(await w.db.collection('appointments').doc(made.data.appointmentId).get()).toMatchObject({
    status: 'active',
    owner: b,
    slotId: second!.slotId,
    code: again[0]!.data.code,
  });
  // No mark left on either slot; the invariants below count the seats against the active appointments.
  for (const slot of [first!, second!])
    expect(await w.db.collection('slots').doc(slot.slotId).get()).not.toMatchObject({ holding: 1 });
  // Appointed now: the first holder's new request is refused, whatever slot.
  expect(codeOf(await appoint(first!.slotId, pa.data.personId, 'again-a-req-2', a!))).toBe('CONFLICT');
  await expectClean(w);
});

test('a later dose waits for the completed earlier one and its interval; staff complete a dose by code', async () => {
  const vaccine = await vaccineOf();
  const p = await person('demo-member', 40);
  const slot1 = await firstSlot(dayOf(w.now + DAY));
  const first = await w.call<{ code: string }>(
    'vaccine',
    {
      action: 'appoint',
      slotId: slot1.slotId,
      personId: p.personId,
      vaccine: vaccine.code,
      dose: 1,
      requestId: 'dose1-req-1',
    },
    'demo-member',
  );
  if (!first.ok) throw new Error(first.error.message);
  const slot2 = await firstSlot(dayOf(w.now + 5 * DAY));
  expect(
    codeOf(
      await w.call(
        'vaccine',
        {
          action: 'appoint',
          slotId: slot2.slotId,
          personId: p.personId,
          vaccine: vaccine.code,
          dose: 2,
          requestId: 'dose2-req-1',
        },
        'demo-member',
      ),
    ),
  ).toBe('CONFLICT');
  expect(
    codeOf(await w.call.at(slot1.start)('vaccine', { action: 'verify', code: first.data.code }, 'demo-resident')),
  ).toBe('FORBIDDEN');
  const done = await w.call.at(slot1.start)<{ name: string }>(
    'vaccine',
    { action: 'verify', code: first.data.code },
    'demo-staff',
  );
  expect(done.ok && done.data.name).toBe(`${p.name[0]}${'*'.repeat(p.name.length - 1)}`);
  const tooSoon = await w.call.at(slot1.start)(
    'vaccine',
    {
      action: 'appoint',
      slotId: slot2.slotId,
      personId: p.personId,
      vaccine: vaccine.code,
      dose: 2,
      requestId: 'dose2-req-2',
    },
    'demo-member',
  );
  expect(codeOf(tooSoon)).toBe(vaccine.intervalDays > 4 ? 'TOO_EARLY' : 'ok');
  expect(
    codeOf(
      await w.call(
        'vaccine',
        {
          action: 'appoint',
          slotId: slot2.slotId,
          personId: p.personId,
          vaccine: vaccine.code,
          dose: vaccine.doses + 1,
          requestId: 'dose9-req-1',
        },
        'demo-member',
      ),
    ),
  ).toBe('INVALID_ARGUMENT');
});

test('bad input and other people’s data are refused, writing nothing', async () => {
  const vaccine = await vaccineOf();
  const mine = await person('demo-member', 45);
  const slot = await firstSlot(dayOf(w.now + 6 * DAY));
  const before = await dump(w.db, Object.keys(COLLECTIONS));
  const cases: [unknown, string, string?][] = [
    [
      {
        action: 'appoint',
        slotId: slot.slotId,
        personId: mine.personId,
        vaccine: vaccine.code,
        dose: 1,
        requestId: 'other-req-1',
      },
      'NOT_FOUND',
      'demo-resident',
    ],
    [
      {
        action: 'appoint',
        slotId: slot.slotId,
        personId: mine.personId,
        vaccine: vaccine.code,
        dose: 0,
        requestId: 'zero-req-1',
      },
      'INVALID_ARGUMENT',
    ],
    [
      {
        action: 'appoint',
        slotId: slot.slotId,
        personId: mine.personId,
        vaccine: 'no-such',
        dose: 1,
        requestId: 'novax-req-1',
      },
      'INVALID_ARGUMENT',
    ],
    [
      {
        action: 'appoint',
        slotId: 'vs-yf-01@2020-01-01T0830',
        personId: mine.personId,
        vaccine: vaccine.code,
        dose: 1,
        requestId: 'noslot-req-1',
      },
      'NOT_FOUND',
    ],
    [{ action: 'removePerson', personId: mine.personId }, 'NOT_FOUND', 'demo-resident'],
    [{ action: 'slots', siteId: SITE, date: '2026-02-30' }, 'INVALID_ARGUMENT'],
    [{ action: 'setStatus', siteId: SITE, status: 'paused' }, 'INVALID_ARGUMENT', 'demo-admin'],
    [{ action: 'roster', siteId: SITE, date: dayOf(w.now) }, 'FORBIDDEN', 'demo-member'],
  ];
  for (const [event, code, who] of cases) {
    const res = await w.call('vaccine', event, who ?? 'demo-member');
    expect(`${JSON.stringify(event).slice(0, 60)} → ${codeOf(res)}`).toBe(
      `${JSON.stringify(event).slice(0, 60)} → ${code}`,
    );
  }
  expect(await dump(w.db, Object.keys(COLLECTIONS))).toBe(before);
  await w.call(
    'vaccine',
    { action: 'setStatus', siteId: SITE, status: 'paused', notice: '疫苗到货前暂停' },
    'demo-admin',
  );
  expect(
    await w.call(
      'vaccine',
      {
        action: 'appoint',
        slotId: slot.slotId,
        personId: mine.personId,
        vaccine: vaccine.code,
        dose: 1,
        requestId: 'paused-req-1',
      },
      'demo-member',
    ),
  ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('疫苗到货前暂停') } });
  await w.call('vaccine', { action: 'setStatus', siteId: SITE, status: 'open' }, 'demo-admin');
});

test('removing a person cancels their future appointments and frees the seats', async () => {
  const vaccine = await vaccineOf();
  const p = await person('demo-resident', 70);
  const slot = await firstSlot(dayOf(w.now + 7 * DAY));
  expect(
    codeOf(
      await w.call(
        'vaccine',
        {
          action: 'appoint',
          slotId: slot.slotId,
          personId: p.personId,
          vaccine: vaccine.code,
          dose: 1,
          requestId: 'remove-req-1',
        },
        'demo-resident',
      ),
    ),
  ).toBe('ok');
  expect(await w.call('vaccine', { action: 'removePerson', personId: p.personId }, 'demo-resident')).toEqual({
    ok: true,
    data: { personId: p.personId, cancelled: 1 },
  });
  expect(await w.db.collection('slots').doc(slot.slotId).get()).toMatchObject({ booked: 0, green: { used: 0 } });
  await expectClean(w);
});

test('no response to anyone but the owner, and no log line, holds a full name, ID number or phone', async () => {
  const p = await person('demo-member', 65);
  const vaccine = await vaccineOf();
  const slot = await firstSlot(dayOf(w.now + 8 * DAY));
  const booked = await w.call<{ code: string }>(
    'vaccine',
    {
      action: 'appoint',
      slotId: slot.slotId,
      personId: p.personId,
      vaccine: vaccine.code,
      dose: 1,
      requestId: 'privacy-req-1',
    },
    'demo-member',
  );
  if (!booked.ok) throw new Error(booked.error.message);
  const others = [
    await w.call('vaccine', { action: 'roster', siteId: SITE, date: dayOf(slot.start) }, 'demo-staff'),
    await w.call(
      'vaccine',
      { action: 'export', siteId: SITE, from: dayOf(w.now), to: dayOf(w.now + 9 * DAY) },
      'demo-admin',
    ),
    await w.call('vaccine', { action: 'myAppointments' }, 'demo-member'),
    await w.call('vaccine', { action: 'persons' }, 'demo-staff'),
    await w.call.at(slot.start)('vaccine', { action: 'verify', code: booked.data.code }, 'demo-staff'),
    await w.call(
      'vaccine',
      {
        action: 'appoint',
        slotId: slot.slotId,
        personId: p.personId,
        vaccine: vaccine.code,
        dose: 1,
        requestId: 'privacy-req-2',
      },
      'demo-staff',
    ),
  ];
  const text = JSON.stringify(others) + logs.join('\n');
  for (const secret of [p.idNumber, p.phone, p.name]) expect(text).not.toContain(secret);
  const roster = others[0] as { ok: true; data: { rows: { idNumber: string; phone: string }[] } };
  expect(
    roster.data.rows.some((r) => r.idNumber === `${p.idNumber.slice(0, 4)}${'*'.repeat(13)}${p.idNumber.slice(-1)}`),
  ).toBe(true);
});
