/**
 * Phone numbers by the platform (issue 22), on every engine: where a phone is asked — a vaccination person, a
 * volunteer, a request's contact — a code from the phone-number button is exchanged on the server and stored as
 * verified; a typed number is stored unverified; a refused code (unknown, expired, used) is answered beside the
 * field in plain Chinese and writes nothing. The world lends the local resolver (codes `local-phone-<number>`, each once).
 */
import { COLLECTIONS } from '../collections';
import { dump, seededWorld } from '../../test/support/functions';
import { decrypt } from '../privacy/crypto';
import { makeIdNumber } from '../privacy/idnumber';
import { PHONE_REFUSALS } from '../phone/resolve';
import { PERSONS } from './model';

type World = Awaited<ReturnType<typeof seededWorld>>;
jest.setTimeout(120_000);

let w: World;
beforeAll(async () => {
  w = await seededWorld();
  for (const id of ['ph-a', 'ph-b', 'ph-c', 'ph-d']) {
    await w.db.collection('users').add({ _id: id, nickname: id, role: 'resident', branchId: null, createdAt: w.now });
  }
});
afterAll(() => w.db.close());

const everything = () => dump(w.db, Object.keys(COLLECTIONS));
const refusedBeside = (field: string, message: string) => ({
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message, field },
});

async function person(personId: string) {
  const doc = (await w.db.collection(PERSONS).doc(personId).get())!;
  return { phone: decrypt(String(doc.phoneSealed)), verified: doc.phoneVerified, masked: doc.masked };
}

test('a vaccination person: the button code gives a verified phone, a typed one is unverified', async () => {
  const byCode = await w.call<{ personId: string; masked: { phone: string } }>(
    'vaccine',
    {
      action: 'addPerson',
      name: '王建国',
      idNumber: makeIdNumber('450326', '1955-03-08', 21),
      phoneCode: 'local-phone-13911112222',
    },
    'ph-a',
  );
  if (!byCode.ok) throw new Error(byCode.error.message);
  expect(byCode.data.masked.phone).toBe('139****2222');
  expect(await person(byCode.data.personId)).toMatchObject({ phone: '13911112222', verified: true });

  const typed = await w.call<{ personId: string }>(
    'vaccine',
    { action: 'addPerson', name: '王小明', idNumber: makeIdNumber('450326', '1990-07-01', 33), phone: '13922223333' },
    'ph-a',
  );
  if (!typed.ok) throw new Error(typed.error.message);
  expect(await person(typed.data.personId)).toMatchObject({ phone: '13922223333', verified: false });
});

test('a vaccination person: a refused, reused or doubled phone is answered beside the field and writes nothing', async () => {
  const idNumber = makeIdNumber('450326', '1962-11-11', 45);
  const before = await everything();
  const add = (extra: object) => w.call('vaccine', { action: 'addPerson', name: '李秀英', idNumber, ...extra }, 'ph-b');
  expect(await add({ phoneCode: 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144' })).toEqual(
    refusedBeside('phone', PHONE_REFUSALS.invalid),
  );
  // A code already spent (on ph-a's person above) is refused as WeChat refuses it.
  expect(await add({ phoneCode: 'local-phone-13911112222' })).toEqual(refusedBeside('phone', PHONE_REFUSALS.invalid));
  expect(await add({ phoneCode: 'local-phone-busy' })).toEqual(refusedBeside('phone', PHONE_REFUSALS.busy));
  expect(await add({})).toEqual(refusedBeside('phone', '请填写手机号'));
  const both = await add({ phone: '13933334444', phoneCode: 'local-phone-13933334444' });
  expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'phone' } });
  expect(await everything()).toBe(before);
  // The code was not spent by the refusal above: the same tap's code still works once.
  expect((await add({ phoneCode: 'local-phone-13933334444' })).ok).toBe(true);
});

test('a volunteer: verified by code, unverified typed, and the secretary sees which; a refused code writes nothing', async () => {
  const register = (who: string, extra: object) =>
    w.call<{ status: string }>(
      'requests',
      { action: 'registerVolunteer', realName: '赵志强', inService: false, unitId: 'br-yf-xiangyang', ...extra },
      who,
    );
  const before = await everything();
  expect(await register('ph-c', { phoneCode: 'local-phone-bad' })).toEqual(
    refusedBeside('phone', PHONE_REFUSALS.invalid),
  );
  expect(await everything()).toBe(before);
  expect((await register('ph-c', { phoneCode: 'local-phone-13944445555' })).ok).toBe(true);
  expect((await register('ph-d', { phone: '13955556666' })).ok).toBe(true);
  const list = await w.call<{ items: { openid: string; phoneMasked: string; phoneVerified: boolean }[] }>(
    'requests',
    { action: 'volunteers', status: 'pending' },
    'demo-secretary',
  );
  if (!list.ok) throw new Error(list.error.message);
  const row = (openid: string) => list.data.items.find((i) => i.openid === openid);
  expect(row('ph-c')).toMatchObject({ phoneMasked: '139****5555', phoneVerified: true });
  expect(row('ph-d')).toMatchObject({ phoneMasked: '139****6666', phoneVerified: false });
  const me = await w.call<{ phoneVerified: boolean }>('requests', { action: 'volunteerMe' }, 'ph-c');
  expect(me).toMatchObject({ ok: true, data: { phoneVerified: true } });
});

test("a request's contact: verified by code, unverified typed; an expired code writes nothing", async () => {
  let seq = 0;
  const ask = (extra: object) => {
    seq += 1;
    return w.call<{ id: string }>(
      'requests',
      {
        action: 'ask',
        kind: 'issue',
        category: '环境',
        title: `楼道灯不亮${seq}`,
        text: '三单元二楼的楼道灯坏了好几天',
        photos: [],
        unitId: 'br-yf-xiangyang',
        contactName: '李秀兰',
        publicOnWall: false,
        requestId: `phone-ask-request-${seq}`,
        ...extra,
      },
      'demo-resident',
    );
  };
  const contactOf = async (id: string) => {
    const doc = (await w.db.collection('helpRequests').doc(id).get())!;
    const contact = doc.contact as { phone: string; maskedPhone: string; phoneVerified?: boolean };
    return { phone: decrypt(contact.phone), masked: contact.maskedPhone, verified: contact.phoneVerified };
  };
  const before = await everything();
  expect(await ask({ contactPhoneCode: 'local-phone-expired' })).toEqual(
    refusedBeside('contactPhone', PHONE_REFUSALS.invalid),
  );
  expect(await ask({})).toEqual(refusedBeside('contactPhone', '请填写联系电话'));
  expect(await everything()).toBe(before);

  const byCode = await ask({ contactPhoneCode: 'local-phone-13966667777' });
  if (!byCode.ok) throw new Error(byCode.error.message);
  expect(await contactOf(byCode.data.id)).toEqual({ phone: '13966667777', masked: '139****7777', verified: true });
  const typed = await ask({ contactPhone: '13977778888' });
  if (!typed.ok) throw new Error(typed.error.message);
  expect(await contactOf(typed.data.id)).toEqual({
    phone: '13977778888',
    masked: '139****8888',
    verified: false,
  });
});
