/**
 * Vaccination privacy (issue 10): no status leak to a non-holder, no squatting, a family can always
 * recover its person, and what is kept in clear or shown to anyone else leaves ≥ 1,000,000 candidates.
 */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { dayOf } from '../core/time';
import { encrypt, keyedHash } from '../privacy/crypto';
import { ageOn, checkCharacter, makeIdNumber } from '../privacy/idnumber';
import { HELD_ELSEWHERE } from './persons';
import { checkVaccineInvariants } from './invariants';

type World = Awaited<ReturnType<typeof seededWorld>>;
const DAY = 86_400_000;
const SITE = 'vs-yf-02';
jest.setTimeout(120_000);

let w: World;
beforeAll(async () => {
  w = await seededWorld();
  for (const id of ['pv-a', 'pv-b', 'pv-c', 'pv-squat', 'pv-family', 'pv-legacy', 'pv-count']) {
    await w.db.collection('users').add({ _id: id, nickname: id, role: 'resident', branchId: null, createdAt: w.now });
  }
});
afterAll(() => w.db.close());

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
async function slotOn(days: number) {
  const res = await w.call<{ slots: { slotId: string; start: number }[] }>('vaccine', {
    action: 'slots',
    siteId: SITE,
    date: dayOf(w.now + days * DAY),
  });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.slots[0]!;
}
async function vaccine() {
  const site = await w.db.collection('vaccineSites').doc(SITE).get();
  return (site!.vaccines as { code: string }[])[0]!.code;
}
async function add(owner: string, name: string, idNumber: string, phone: string) {
  return w.call<{ personId: string; masked: { idNumber: string } }>(
    'vaccine',
    { action: 'addPerson', name, idNumber, phone },
    owner,
  );
}
const appoint = (owner: string, personId: string, slotId: string, code: string, requestId: string, at = w.now) =>
  w.call.at(at)<{ appointmentId: string; code: string }>(
    'vaccine',
    { action: 'appoint', slotId, personId, vaccine: code, dose: 1, requestId },
    owner,
  );

test('no squatting: a number another account added needs its name and phone; the family shares it', async () => {
  const id = makeIdNumber('450326', '1958-04-02', 11);
  expect(codeOf(await add('pv-a', '李秀英', id, '13911110001'))).toBe('ok');
  const before = await dump(w.db, Object.keys(COLLECTIONS));
  for (const [name, phone] of [
    ['李秀英', '13999999999'],
    ['王秀英', '13911110001'],
    ['张三', '13800000000'],
  ] as const) {
    expect(await add('pv-b', name, id, phone)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: HELD_ELSEWHERE },
    });
  }
  expect(await dump(w.db, Object.keys(COLLECTIONS))).toBe(before);
  // The family knows the name and phone it was added with (spaces around them do not matter).
  expect(codeOf(await add('pv-b', ' 李秀英 ', id, '13911110001'))).toBe('ok');
  const slot = await slotOn(2);
  const code = await vaccine();
  const persons = async (who: string) =>
    (
      (await w.call<{ items: { personId: string }[] }>('vaccine', { action: 'persons' }, who)) as {
        ok: true;
        data: { items: { personId: string }[] };
      }
    ).data.items;
  const [pa] = await persons('pv-a');
  const [pb] = await persons('pv-b');
  const results = await Promise.all([
    appoint('pv-a', pa!.personId, slot.slotId, code, 'sq-a-req-1'),
    appoint('pv-b', pb!.personId, slot.slotId, code, 'sq-b-req-1'),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  // The person's bookings are the family's: both holders see the one appointment, under their own person id.
  const booked = results.find((r) => r.ok) as { ok: true; data: { appointmentId: string } };
  const seen = async (who: string) =>
    (
      (await w.call<{ items: { appointmentId: string; personId: string }[] }>(
        'vaccine',
        { action: 'myAppointments' },
        who,
      )) as { ok: true; data: { items: { appointmentId: string; personId: string }[] } }
    ).data.items;
  expect(await seen('pv-a')).toEqual([
    expect.objectContaining({ appointmentId: booked.data.appointmentId, personId: pa!.personId }),
  ]);
  expect(await seen('pv-b')).toEqual([
    expect.objectContaining({ appointmentId: booked.data.appointmentId, personId: pb!.personId }),
  ]);
  expect(await seen('pv-c')).toEqual([]);
  expect(codeOf(await w.call('vaccine', { action: 'cancel', appointmentId: booked.data.appointmentId }, 'pv-c'))).toBe(
    'NOT_FOUND',
  );
  const canceller = results[0]!.ok ? 'pv-b' : 'pv-a';
  expect(
    codeOf(await w.call('vaccine', { action: 'cancel', appointmentId: booked.data.appointmentId }, canceller)),
  ).toBe('ok');
  for (const r of await checkVaccineInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
});

test('two strangers adding the same new number at once: one holds it, the other is refused', async () => {
  const id = makeIdNumber('450326', '1988-08-08', 51);
  const owners = ['pv-race-0', 'pv-race-1', 'pv-race-2', 'pv-race-3'];
  for (const o of owners)
    await w.db.collection('users').add({ _id: o, nickname: o, role: 'resident', branchId: null, createdAt: w.now });
  const results = await Promise.all(owners.map((o, i) => add(o, '赵敏', id, `1396666000${i}`)));
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.message)).toEqual([
    HELD_ELSEWHERE,
    HELD_ELSEWHERE,
    HELD_ELSEWHERE,
  ]);
  expect(
    await w.db
      .collection('vaccinePersons')
      .where({ idHash: keyedHash(id) })
      .count(),
  ).toBe(2);
});

test('a refusal to an account that does not hold the number is the same whatever the number has booked or completed', async () => {
  const id = makeIdNumber('450326', '1975-09-30', 21);
  const added = await add('pv-a', '周建华', id, '13922220001');
  if (!added.ok) throw new Error(added.error.message);
  // An account that kept the same number from before the rule (a stale or squatted record, other details).
  const idHash = keyedHash(id);
  await w.db.collection('vaccinePersons').add({
    _id: 'ps-stale-c',
    owner: 'pv-c',
    nameSealed: encrypt('周某'),
    idSealed: encrypt(id),
    phoneSealed: encrypt('13000000000'),
    idHash,
    birthDate: '1975-09-30',
    masked: { name: '周*', idNumber: '4503**********0000', phone: '130****0000' },
    createdAt: w.now + 1,
  });
  const code = await vaccine();
  const slot = await slotOn(3);
  const probe = async (n: number) => {
    const before = await dump(w.db, Object.keys(COLLECTIONS));
    const res = await appoint('pv-c', 'ps-stale-c', slot.slotId, code, `probe-req-${n}`);
    expect(await dump(w.db, Object.keys(COLLECTIONS))).toBe(before);
    return res;
  };
  const nothingBooked = await probe(1);
  expect(nothingBooked).toMatchObject({ ok: false });
  const booked = await appoint('pv-a', added.data.personId, slot.slotId, code, 'leak-a-req-1');
  if (!booked.ok) throw new Error(booked.error.message);
  expect(await probe(2)).toEqual(nothingBooked);
  expect(
    codeOf(await w.call.at(slot.start)('vaccine', { action: 'verify', code: booked.data.code }, 'demo-staff')),
  ).toBe('ok');
  expect(await probe(3)).toEqual(nothingBooked);
  const listed = await w.call<{ items: { appointmentId: string }[] }>('vaccine', { action: 'myAppointments' }, 'pv-c');
  expect(listed.ok && listed.data.items.map((i) => i.appointmentId)).not.toContain(booked.data.appointmentId);
  // The holder is told, and the one-per-person-per-dose rule holds for them.
  expect(await appoint('pv-a', added.data.personId, (await slotOn(4)).slotId, code, 'leak-a-req-2')).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT', message: '该接种人已完成这一剂' },
  });
});

test('recovery: staff who saw the ID card release a squatted number; the family then adds and books it', async () => {
  const id = makeIdNumber('450326', '1950-01-15', 31);
  const squat = await add('pv-squat', '陈桂兰', id, '13933330009');
  if (!squat.ok) throw new Error(squat.error.message);
  const code = await vaccine();
  const slot = await slotOn(5);
  expect(codeOf(await appoint('pv-squat', squat.data.personId, slot.slotId, code, 'squat-req-1'))).toBe('ok');
  expect(await add('pv-family', '陈桂兰', id, '13933330001')).toMatchObject({
    ok: false,
    error: { message: HELD_ELSEWHERE },
  });
  expect(codeOf(await w.call('vaccine', { action: 'releasePerson', idNumber: id }, 'pv-family'))).toBe('FORBIDDEN');
  expect(await w.call('vaccine', { action: 'releasePerson', idNumber: id }, 'demo-staff')).toEqual({
    ok: true,
    data: { accounts: 1, cancelled: 1 },
  });
  expect(codeOf(await appoint('pv-squat', squat.data.personId, slot.slotId, code, 'squat-req-2'))).toBe('NOT_FOUND');
  const family = await add('pv-family', '陈桂兰', id, '13933330001');
  if (!family.ok) throw new Error(family.error.message);
  expect(codeOf(await appoint('pv-family', family.data.personId, slot.slotId, code, 'family-req-1'))).toBe('ok');
  // The squatter cannot come back with their own details.
  expect(await add('pv-squat', '陈桂兰', id, '13933330009')).toMatchObject({
    ok: false,
    error: { message: HELD_ELSEWHERE },
  });
  for (const r of await checkVaccineInvariants(w.db)) expect(`${r.name}: ${r.violations}`).toBe(`${r.name}: 0`);
});

test('a person document from before (clear birth date, 4+4 mask) still works and is migrated when its owner lists it', async () => {
  const id = makeIdNumber('450326', '1961-02-03', 41);
  await w.db.collection('vaccinePersons').add({
    _id: 'ps-legacy-1',
    owner: 'pv-legacy',
    nameSealed: encrypt('黄丽'),
    idSealed: encrypt(id),
    phoneSealed: encrypt('13944440001'),
    idHash: keyedHash(id),
    birthDate: '1961-02-03',
    masked: { name: '黄*', idNumber: `${id.slice(0, 4)}**********${id.slice(-4)}`, phone: '139****0001' },
    createdAt: w.now,
  });
  const list = await w.call<{
    items: { personId: string; age: number; elder: boolean; masked: { idNumber: string } }[];
  }>('vaccine', { action: 'persons' }, 'pv-legacy');
  expect(list.ok && list.data.items).toEqual([
    expect.objectContaining({
      personId: 'ps-legacy-1',
      age: ageOn('1961-02-03', dayOf(w.now)),
      elder: true,
      masked: expect.objectContaining({ idNumber: `4503${'*'.repeat(13)}${id.slice(-1)}` }),
    }),
  ]);
  const stored = await w.db.collection('vaccinePersons').doc('ps-legacy-1').get();
  expect(stored).not.toHaveProperty('birthDate');
  expect(stored).toMatchObject({ masked: { idNumber: `4503${'*'.repeat(13)}${id.slice(-1)}` } });
  expect(
    codeOf(await appoint('pv-legacy', 'ps-legacy-1', (await slotOn(6)).slotId, await vaccine(), 'legacy-req-1')),
  ).toBe('ok');
});

/**
 * Full ID numbers consistent with what an outsider knows: the first and last characters the mask
 * shows, whether the person is 60 or over on a date, and (worst case) the whole 6-digit region.
 * Sequence digits have weights 6, 3, 7; for each birth date the matching sequences are counted by
 * the check character, without walking every number.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function candidates(region: string, shownLast: string, elder: boolean | null, onDate: string, today: string): number {
  const bySum = new Array<number>(11).fill(0);
  for (let s = 0; s < 1000; s += 1)
    bySum[(Math.floor(s / 100) * 6 + (Math.floor(s / 10) % 10) * 3 + (s % 10) * 7) % 11]! += 1;
  let count = 0;
  for (let t = Date.parse('1900-01-01T00:00:00Z'); t <= Date.parse(`${today}T00:00:00Z`); t += DAY) {
    const birth = new Date(t).toISOString().slice(0, 10);
    if (elder !== null && ageOn(birth, onDate) >= 60 !== elder) continue;
    const prefix = `${region}${birth.replaceAll('-', '')}`;
    const base = [...prefix].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i]!, 0);
    // A sequence adding r (mod 11) to the weighted sum makes the check character CHECK[(base + r) % 11].
    for (let r = 0; r < 11; r += 1)
      if (shownLast === '*' || '10X98765432'[(base + r) % 11] === shownLast) count += bySum[r]!;
  }
  return count;
}

test('what is stored in clear and what anyone else sees leaves at least a million candidates for the ID number', async () => {
  expect(candidates('450326', '*', null, '2026-11-23', '2026-11-23')).toBeGreaterThan(40_000_000);
  // The counter agrees with the real check character on a sample.
  const sample = makeIdNumber('450326', '1990-06-15', 123);
  expect(checkCharacter(sample.slice(0, 17))).toBe(sample[17]);
  const today = dayOf(w.now);
  const code = await vaccine();
  for (const [born, seq] of [
    ['1950-03-08', 7],
    ['2001-12-30', 808],
  ] as const) {
    const id = makeIdNumber('450326', born, seq);
    const added = await add('pv-count', '刘洋', id, `1395555${String(seq).padStart(4, '0')}`);
    if (!added.ok) throw new Error(added.error.message);
    const slot = await slotOn(7);
    const booked = await appoint('pv-count', added.data.personId, slot.slotId, code, `count-req-${seq}`);
    if (!booked.ok) throw new Error(booked.error.message);
    // Everything kept about the person, outside the sealed fields and keyed hashes.
    const person = (await w.db.collection('vaccinePersons').doc(added.data.personId).get())!;
    expect(Object.keys(person).sort()).toEqual([
      '_id',
      'createdAt',
      'idHash',
      'idSealed',
      'masked',
      'nameSealed',
      'owner',
      'phoneSealed',
      // Whether WeChat gave the phone (a boolean: nothing about the ID number).
      'phoneVerified',
    ]);
    expect(typeof person.phoneVerified).toBe('boolean');
    const appointment = (await w.db.collection('appointments').doc(booked.data.appointmentId).get())!;
    expect(appointment).not.toHaveProperty('age');
    expect(typeof appointment.elder).toBe('boolean');
    const roster = await w.call<{ rows: { idNumber: string; green: boolean }[] }>(
      'vaccine',
      { action: 'roster', siteId: SITE, date: dayOf(slot.start) },
      'demo-staff',
    );
    const exported = await w.call<{ csv: string }>(
      'vaccine',
      { action: 'export', siteId: SITE, from: today, to: dayOf(slot.start) },
      'demo-admin',
    );
    const seen = JSON.stringify([person.masked, appointment, roster, exported]);
    for (const leak of [born, born.replaceAll('-', ''), id.slice(6, 14), id.slice(-4)])
      expect(seen).not.toContain(leak);
    const masks = new Set([
      String((person.masked as { idNumber: string }).idNumber),
      ...(roster.ok ? roster.data.rows.map((r) => r.idNumber) : []),
    ]);
    expect(masks).toContain(`4503${'*'.repeat(13)}${id.slice(-1)}`);
    for (const m of masks) expect(m).toMatch(/^\d{4}\*{13}[\dX]$/);
    // Worst case for us: the outsider knows the whole region, the last character, and whether the person is 60 or over.
    const left = candidates(id.slice(0, 6), id.slice(-1), appointment.elder === true, dayOf(slot.start), today);
    expect(left).toBeGreaterThanOrEqual(1_000_000);
  }
});
