import { z } from 'zod';
import { DbError, command, type Database, type Transaction } from '../db';
import { reconcileResource, reserve, take, type HotResource } from '../core/intents';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { dayOf, inZone } from '../core/time';
import { DEFAULT_PAGE, pageByNewest } from '../core/paging';
import { verifyAction, type CodeBook } from '../core/verify';
import { fields } from '../core/validation';
import { enqueue } from '../messages/outbox';
import { TX_ATTEMPTS, derivedId, eightDigits } from '../core/ids';
import { decrypt, encrypt, keyedHash } from '../privacy/crypto';
import { MOBILE, ageOn, checkIdNumber } from '../privacy/idnumber';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask';
import { assertHolder, birthDateOf, claimIdentity, heldPersons, holds, leaveIdentity, legacyIdentity, migratePerson, releaseIdNumber } from './persons';
import { SLOTS, seatsLeft, slotDocSchema, type Slot } from '../slots/model';
import {
  APPOINTMENTS, APPOINTMENT_CODES, APPOINTMENT_STATUS, ELDER_AGE, OWNERS, PERSONS, SITES, appointmentDocSchema, maxPersons,
  personDocSchema, siteDocSchema, type Appointment,
} from './model';

/** Staff complete an appointment on its own day; `VACCINE_VERIFY_EARLY_DAYS` allows days earlier (demos, tests). */
const verifyEarlyDays = () => Math.max(0, Number(process.env.VACCINE_VERIFY_EARLY_DAYS ?? 0) || 0);
const DAY = 86_400_000;
export const appointmentIdOf = (idHash: string, vaccine: string, dose: number) => derivedId('ap', idHash, vaccine, String(dose));
const when = (s: { start: number; end: number }) => `${inZone(s.start).format('M月D日 HH:mm')}-${inZone(s.end).format('HH:mm')}`;

export const slots = action({
  input: z.strictObject({ siteId: fields.id, date: fields.date }),
  access: 'signedIn',
  async run({ siteId, date }, ctx) {
    if (!siteDocSchema.safeParse(await ctx.db.collection(SITES).doc(siteId).get()).success) throw notFound('接种点');
    const now = ctx.now();
    const docs = await ctx.db.collection(SLOTS).where({ resourceId: siteId, date }).orderBy('start', 'asc').limit(200).get();
    return {
      slots: docs.flatMap((d) => {
        const s = slotDocSchema.safeParse(d);
        if (!s.success) return [];
        const left = seatsLeft(s.data, now);
        return [{
          slotId: s.data._id, start: s.data.start, end: s.data.end, capacity: s.data.capacity,
          remaining: left.general, greenRemaining: left.green, greenReleased: s.data.green ? now >= s.data.green.releaseAt : true,
          bookable: !s.data.closed && s.data.start > now,
        }];
      }),
    };
  },
});

const personInput = z.strictObject({
  name: z.string().trim().min(2, '姓名至少 2 个字').max(20).regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能包含汉字、字母和 ·'),
  idNumber: z.string().trim().max(18, '身份证号应为 18 位'),
  phone: z.string().trim().regex(MOBILE, '请输入 11 位大陆手机号'),
});

export const addPerson = action({
  input: personInput,
  access: 'signedIn',
  async run({ name, idNumber, phone }, ctx) {
    const checked = checkIdNumber(idNumber, dayOf(ctx.now()));
    if (!checked.ok) throw new AppError('INVALID_ARGUMENT', checked.message);
    const id = idNumber.trim().toUpperCase();
    const idHash = keyedHash(id);
    const personId = derivedId('ps', ctx.user._id, idHash);
    const masked = { name: maskName(name), idNumber: maskIdNumber(id), phone: maskPhone(phone) };
    const now = ctx.now();
    const legacy = await legacyIdentity(ctx.db, idHash, now);
    // A first claim racing another on the same number loses on the identity's _id: run again to meet it as a holder.
    return retryOnDuplicate(() => ctx.db.runTransaction(async (tx) => {
      if (await tx.collection(PERSONS).doc(personId).get()) throw new AppError('CONFLICT', '该接种人已在你的列表中');
      const counter = await tx.collection(OWNERS).doc(ctx.user._id).get();
      const count = typeof counter?.persons === 'number' ? counter.persons : 0;
      if (count >= maxPersons()) throw new AppError('LIMIT_REACHED', `最多添加 ${maxPersons()} 位接种人`);
      // Squatting: a number another account holds needs the name and phone it was added with.
      await claimIdentity(tx, { idHash, owner: ctx.user._id, name, phone, now }, legacy);
      await tx.collection(OWNERS).doc(ctx.user._id).set({ persons: count + 1 });
      // No birth date in clear: it stays inside the sealed number.
      await tx.collection(PERSONS).add({
        _id: personId, owner: ctx.user._id, nameSealed: encrypt(name), idSealed: encrypt(id), phoneSealed: encrypt(phone),
        idHash, masked, createdAt: now,
      });
      return { personId, masked };
    }, TX_ATTEMPTS));
  },
});

async function retryOnDuplicate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DbError && error.code === 'DUPLICATE_KEY') return run();
    throw error;
  }
}

export const persons = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx) {
    const today = dayOf(ctx.now());
    const docs = await ctx.db.collection(PERSONS).where({ owner: ctx.user._id }).orderBy('createdAt', 'asc').limit(50).get();
    const items = [];
    for (const d of docs) {
      const p = personDocSchema.safeParse(d);
      if (!p.success) continue;
      await migratePerson(ctx.db, p.data);
      const age = ageOn(birthDateOf(p.data), today);
      // The owner sees the name they typed; ID number and phone stay masked on screen.
      items.push({ personId: p.data._id, name: decrypt(p.data.nameSealed), masked: { ...p.data.masked, idNumber: maskIdNumber(p.data.masked.idNumber) }, age, elder: age >= ELDER_AGE });
    }
    return { items };
  },
});

/**
 * The reminder of a vaccination appointment, due at 18:00 the day before (at once when that has
 * passed); dropped when the appointment is cancelled or was replaced (same id, another code).
 */
async function enqueueVaccinationReminder(
  tx: Transaction,
  a: { appointmentId: string; openid: string; code: string; vaccineName: string; dose: number; siteName: string; start: number; end: number },
  now: number,
): Promise<void> {
  const eveBefore = inZone(a.start).startOf('day').subtract(6, 'hour').valueOf();
  const time = `${inZone(a.start).format('M月D日 HH:mm')}-${inZone(a.end).format('HH:mm')}`;
  await enqueue(tx, {
    cause: ['vaccine', a.appointmentId, a.code, 'reminder'], openid: a.openid, module: 'vaccine', kind: 'reminder',
    title: `接种提醒：${a.vaccineName} 第${a.dose}针`,
    body: `${time} 在「${a.siteName}」接种，请携带身份证件，到场出示预约码 ${a.code}`,
    page: '/packages/vaccine/pages/mine/index', refId: a.appointmentId, dueAt: Math.max(now, eveBefore),
    data: { time, item: `${a.vaccineName} 第${a.dose}针`, place: a.siteName, code: a.code, status: '待接种' },
    onlyIf: { collection: APPOINTMENTS, docId: a.appointmentId, fields: { status: ['active'], code: [a.code] } },
  }, now);
}

async function releaseSeat(tx: Transaction, a: Appointment): Promise<void> {
  const slot = slotDocSchema.safeParse(await tx.collection(SLOTS).doc(a.slotId).get());
  if (!slot.success) return;
  const heldSeat = slot.data.green && a.seat !== 'general';
  // Increments: the slot is hot (this transaction still conflicts with any change to it).
  await tx.collection(SLOTS).doc(a.slotId).update({ booked: command.inc(-1), ...(heldSeat ? { 'green.used': command.inc(-1) } : {}) });
}

async function cancelAppointment(db: Database, appointmentId: string, now: number, check: (a: Appointment) => void): Promise<void> {
  await db.runTransaction(async (tx) => {
    const a = appointmentDocSchema.safeParse(await tx.collection(APPOINTMENTS).doc(appointmentId).get());
    if (!a.success) throw notFound('预约');
    check(a.data);
    await releaseSeat(tx, a.data);
    await tx.collection(APPOINTMENTS).doc(appointmentId).update({ status: 'cancelled', closedAt: now });
    await tx.collection(APPOINTMENT_CODES).doc(a.data.code).remove();
  }, TX_ATTEMPTS);
}

export const removePerson = action({
  input: z.strictObject({ personId: fields.id }),
  access: 'signedIn',
  async run({ personId }, ctx) {
    const p = personDocSchema.safeParse(await ctx.db.collection(PERSONS).doc(personId).get());
    if (!p.success || p.data.owner !== ctx.user._id) throw notFound('接种人');
    const now = ctx.now();
    // Their future appointments go first, each in its own transaction with its seat.
    const cancelled = await cancelFutureOf(ctx.db, personId, now);
    await ctx.db.runTransaction(async (tx) => {
      const counter = await tx.collection(OWNERS).doc(ctx.user._id).get();
      await tx.collection(OWNERS).doc(ctx.user._id).set({ persons: Math.max(0, Number(counter?.persons ?? 1) - 1) });
      await tx.collection(PERSONS).doc(personId).remove();
      await leaveIdentity(tx, p.data.idHash, ctx.user._id);
    }, TX_ATTEMPTS);
    return { personId, cancelled };
  },
});

/** Cancels a person's future active appointments, each with its seat; answers how many. */
async function cancelFutureOf(db: Database, personId: string, now: number): Promise<number> {
  const future = await db.collection(APPOINTMENTS).where({ personId, status: 'active' }).limit(100).get();
  let cancelled = 0;
  for (const doc of future) {
    try {
      await cancelAppointment(db, doc._id, now, (a) => {
        if (a.status !== 'active' || a.start <= now) throw new AppError('CONFLICT', 'skip');
      });
      cancelled += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return cancelled;
}

/** Staff, with the ID card in front of them, free a number someone else added (see persons.ts, rule 4). */
export const releasePerson = action({
  input: z.strictObject({ idNumber: z.string().trim().max(18, '身份证号应为 18 位') }),
  access: ['staff', 'admin'],
  async run({ idNumber }, ctx) {
    const checked = checkIdNumber(idNumber, dayOf(ctx.now()));
    if (!checked.ok) throw new AppError('INVALID_ARGUMENT', checked.message);
    const now = ctx.now();
    return releaseIdNumber(ctx.db, keyedHash(idNumber.trim().toUpperCase()), (personId) => cancelFutureOf(ctx.db, personId, now));
  },
});

/** Which seat a person of `age` may take in `slot` at `now`, or null when none. */
export function chooseSeat(slot: Slot, age: number, now: number): Appointment['seat'] | null {
  if (slot.booked >= slot.capacity) return null;
  const green = slot.green;
  if (!green) return 'general';
  const greenFree = green.used < green.seats;
  const generalFree = slot.booked - green.used < slot.capacity - green.seats;
  if (age >= ELDER_AGE && greenFree) return 'green';
  if (generalFree) return 'general';
  if (now >= green.releaseAt && greenFree) return 'released';
  return null;
}

/**
 * Takes a seat for someone of `age` with one conditional update on the slot, never in a transaction.
 * Each condition is safe on the values read: a general seat needs `booked < capacity - seats + used`,
 * asked as `booked < capacity - seats + u` with `used >= u`. When elders took green seats meanwhile it
 * may fail though a seat is free: read again and retry (`used` moves at most `seats` times).
 */
async function takeVaccineSeat(db: Database, slotId: string, intentId: string, age: number, now: number): Promise<Appointment['seat'] | null> {
  const _ = db.command;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const parsed = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
    if (!parsed.success) return null;
    const slot = parsed.data;
    const seat = chooseSeat(slot, age, now);
    if (!seat) return null;
    const base = { closed: _.neq(true), capacity: slot.capacity };
    const g = slot.green;
    const taken = !g
      ? await take(db, SLOTS, slotId, intentId, { ...base, booked: _.lt(slot.capacity) }, { booked: _.inc(1) }, seat)
      : seat === 'general'
        ? await take(db, SLOTS, slotId, intentId, { ...base, 'green.seats': g.seats, 'green.used': _.gte(g.used), booked: _.lt(slot.capacity - g.seats + g.used) }, { booked: _.inc(1) }, seat)
        : await take(db, SLOTS, slotId, intentId, { ...base, 'green.seats': g.seats, 'green.used': _.lt(g.seats), ...(seat === 'released' ? { 'green.releaseAt': _.lte(now) } : {}) }, { booked: _.inc(1), 'green.used': _.inc(1) }, seat);
    if (taken) return seat;
  }
  throw new AppError('CONFLICT', '系统繁忙，请稍后重试');
}

/** A slot's seats (green, general or released) are the hot resource; an appointment reserves nothing but its intent. */
const SEATS: HotResource = {
  kind: 'appoint',
  collection: SLOTS,
  undo: (db, mark) => ({ booked: db.command.inc(-1), ...(mark === 'general' ? {} : { 'green.used': db.command.inc(-1) }) }),
};

/** The timer job: repairs appointments whose process died half-way (see core/intents.ts). */
export const reconcileAppointments = (db: Database, now: number) => reconcileResource(db, SEATS, now);

export const appoint = action({
  input: z.strictObject({
    slotId: fields.id.max(80),
    personId: fields.id,
    vaccine: z.string().trim().min(1).max(40),
    dose: z.number().int('剂次必须是整数').min(1, '剂次从 1 开始').max(5, '剂次超出范围'),
    requestId: fields.requestId,
  }),
  access: 'signedIn',
  async run({ slotId, personId, vaccine, dose, requestId }, ctx) {
    const now = ctx.now();
    const person = personDocSchema.safeParse(await ctx.db.collection(PERSONS).doc(personId).get());
    if (!person.success || person.data.owner !== ctx.user._id) throw notFound('接种人');
    // Before any appointment is read: a refusal to a non-holder never depends on what the number has booked.
    await assertHolder(ctx.db, person.data, ctx.user._id, now);
    const birthDate = birthDateOf(person.data);
    const appointmentId = appointmentIdOf(person.data.idHash, vaccine, dose);
    const db = ctx.db;
    const fullFor = (age: number) => new AppError('SLOT_FULL', age >= ELDER_AGE ? '该时段已约满' : '该时段普通名额已约满（余下为 60 岁以上绿色通道名额）');
    return reserve(db, SEATS, {
      openid: ctx.user._id, requestId, effectId: appointmentId, target: slotId, now,
      async storedAnswer() {
        const existing = appointmentDocSchema.safeParse(await db.collection(APPOINTMENTS).doc(appointmentId).get());
        if (existing.success && existing.data.requestId === requestId && existing.data.owner === ctx.user._id) {
          return { appointmentId, code: existing.data.code };
        }
        if (existing.success && existing.data.status !== 'cancelled') {
          throw new AppError('CONFLICT', existing.data.status === 'completed' ? '该接种人已完成这一剂' : '该接种人已预约这一剂');
        }
        return null;
      },
      async prepare() {
        const slot = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
        if (!slot.success) throw notFound('接种时段');
        const site = siteDocSchema.safeParse(await db.collection(SITES).doc(slot.data.resourceId).get());
        if (!site.success) throw notFound('接种点');
        if (site.data.status !== 'open') throw new AppError('CONFLICT', `该接种点暂停接种${site.data.notice ? `：${site.data.notice}` : ''}`);
        const offer = site.data.vaccines.find((v) => v.code === vaccine);
        if (!offer) throw new AppError('INVALID_ARGUMENT', '该接种点不提供这种疫苗');
        if (dose > offer.doses) throw new AppError('INVALID_ARGUMENT', `${offer.name}共 ${offer.doses} 剂，剂次超出范围`);
        if (slot.data.closed || now >= slot.data.start) throw new AppError('TOO_LATE', '该时段已不可预约');
        if (dose > 1) {
          // A completed dose never changes back, so reading it outside the transaction is safe.
          const previous = appointmentDocSchema.safeParse(await db.collection(APPOINTMENTS).doc(appointmentIdOf(person.data.idHash, vaccine, dose - 1)).get());
          if (!previous.success || previous.data.status !== 'completed' || previous.data.completedAt === null) {
            throw new AppError('CONFLICT', `请先完成第 ${dose - 1} 剂接种`);
          }
          const earliest = previous.data.completedAt + offer.intervalDays * DAY;
          if (slot.data.start < earliest) throw new AppError('TOO_EARLY', `距上一剂接种不足 ${offer.intervalDays} 天，最早可预约 ${inZone(earliest).format('M月D日')}`);
        }
        const age = ageOn(birthDate, slot.data.date);
        if (!chooseSeat(slot.data, age, now)) throw fullFor(age);
        return { slot: slot.data, site: site.data, offer, age };
      },
      // One intent per person per dose, whoever books it: the appointment's own documents.
      storedIn: async (tx) => {
        const again = appointmentDocSchema.safeParse(await tx.collection(APPOINTMENTS).doc(appointmentId).get());
        return again.success && again.data.status !== 'cancelled';
      },
      underWayElsewhere: '该接种人正在预约这一剂',
      take: ({ age }, intentId) => takeVaccineSeat(db, slotId, intentId, age, now),
      refused: ({ age }) => fullFor(age),
      code: { draw: eightDigits, name: '预约码' },
      expired: '预约超时，请重试',
      // The appointment and its code.
      async completeIn(tx, { slot, site, offer, age }, seat, code) {
        await tx.collection(APPOINTMENT_CODES).add({ _id: code, appointmentId });
        await tx.collection(APPOINTMENTS).doc(appointmentId).set({
          owner: ctx.user._id, personId, idHash: person.data.idHash, siteId: site._id, siteName: site.name, slotId,
          vaccine, vaccineName: offer.name, dose, status: 'active', code, requestId, seat, elder: age >= ELDER_AGE, maskedName: person.data.masked.name,
          start: slot.start, end: slot.end, createdAt: now, completedAt: null, closedAt: null,
        });
        await enqueueVaccinationReminder(tx, { appointmentId, openid: ctx.user._id, code, vaccineName: offer.name, dose, siteName: site.name, start: slot.start, end: slot.end }, now);
        return { appointmentId, code };
      },
    });
  },
});

export const myAppointments = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ cursor, limit = DEFAULT_PAGE }, ctx) {
    // The caller's own bookings, and every booking of a person they hold (a family shares them):
    // the newest of each source, merged.
    const held = await heldPersons(ctx.db, ctx.user._id, ctx.now());
    const sources = [{ owner: ctx.user._id }, ...[...held.keys()].map((idHash) => ({ idHash }))];
    const pages = await Promise.all(sources.map((q) => pageByNewest(ctx.db.collection(APPOINTMENTS), q, 'createdAt', { cursor, limit }, appointmentDocSchema, (x) => x)));
    const merged = [...new Map(pages.flatMap((p) => p.items).map((x) => [x._id, x])).values()].sort((a, b) => b.createdAt - a.createdAt || a._id.localeCompare(b._id));
    const items = merged.slice(0, limit);
    const more = merged.length > limit || pages.some((p) => p.nextCursor !== null);
    return {
      items: items.map((x) => ({
        appointmentId: x._id, personId: held.get(x.idHash) ?? x.personId, name: x.maskedName, siteName: x.siteName, vaccineName: x.vaccineName, dose: x.dose,
        status: x.status, statusLabel: APPOINTMENT_STATUS[x.status], code: x.status === 'active' ? x.code : null, green: x.seat === 'green',
        start: x.start, end: x.end,
      })),
      nextCursor: more && items.length > 0 ? String(items[items.length - 1]!.createdAt) : null,
    };
  },
});

export const cancel = action({
  input: z.strictObject({ appointmentId: fields.id }),
  access: 'signedIn',
  async run({ appointmentId }, ctx) {
    const now = ctx.now();
    // A holder of the person may cancel what another holder (their family) booked.
    const found = appointmentDocSchema.safeParse(await ctx.db.collection(APPOINTMENTS).doc(appointmentId).get());
    const mine = found.success && (found.data.owner === ctx.user._id || (await holds(ctx.db, found.data.idHash, ctx.user._id, now)));
    await cancelAppointment(ctx.db, appointmentId, now, (a) => {
      if (!mine) throw notFound('预约');
      if (a.status !== 'active') throw new AppError('CONFLICT', `预约${APPOINTMENT_STATUS[a.status]}，不能取消`);
      if (now >= a.start) throw new AppError('TOO_LATE', '接种时段已开始，不能取消');
    });
    return { appointmentId, status: 'cancelled' as const };
  },
});

/** Appointment codes open appointments. */
const APPOINTMENT_CODE: CodeBook<Appointment> = {
  codes: APPOINTMENT_CODES, linkField: 'appointmentId', collection: APPOINTMENTS, schema: appointmentDocSchema, codeOf: (a) => a.code, invalid: '预约码无效或已使用',
};

// Staff give doses at their own sites only.
export const verify = verifyAction({
  field: 'code',
  book: APPOINTMENT_CODE,
  format: '预约码是 8 位数字',
  scope: (a) => ({ siteId: a.siteId }),
  async use(tx, a, ctx) {
    const now = ctx.now();
    if (a.status !== 'active') throw new AppError('NOT_FOUND', APPOINTMENT_CODE.invalid);
    if (dayOf(now + verifyEarlyDays() * DAY) < dayOf(a.start)) throw new AppError('TOO_EARLY', `请于 ${when(a)} 到场接种`);
    if (now > a.end + DAY / 4) throw new AppError('TOO_LATE', '该预约已过期');
    await tx.collection(APPOINTMENTS).doc(a._id).update({ status: 'completed', completedAt: now });
    // Staff see the masked name only.
    return { appointmentId: a._id, name: a.maskedName, vaccineName: a.vaccineName, dose: a.dose, green: a.seat === 'green', status: 'completed' as const };
  },
});
