/** Appointing a dose: the hot-resource protocol of core/intents.ts on a slot's seats (general, green, released). */
import { z } from 'zod';
import { DbError, type Database } from '../db';
import { reconcileMarks, takeFirst, takeMarked, type MarkedResource, type Mark } from '../core/intents';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { fields } from '../core/validation';
import { derivedId, eightDigits } from '../core/ids';
import { ageOn } from '../privacy';
import { notifyAppointed } from './messages';
import { assertHolder, birthDateOf } from './persons';
import { SLOTS, dayWords, slotDocSchema, type Slot } from '../slots';
import {
  APPOINTMENTS,
  APPOINTMENT_CODES,
  ELDER_AGE,
  PERSONS,
  SITES,
  appointmentDocSchema,
  personDocSchema,
  siteDocSchema,
  type Appointment,
} from './model';

const DAY = 86_400_000;
export const appointmentIdOf = (idHash: string, vaccine: string, dose: number) =>
  derivedId('ap', idHash, vaccine, String(dose));

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
async function takeVaccineSeat(
  db: Database,
  slotId: string,
  intentId: string,
  age: number,
  now: number,
  read: Slot,
  mark: Mark,
): Promise<Appointment['seat'] | null> {
  const _ = db.command;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    // The first attempt takes on the slot as the request read it: a stale value only fails the condition.
    const parsed =
      attempt === 0
        ? { success: true as const, data: read }
        : slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
    if (!parsed.success) return null;
    const slot = parsed.data;
    const seat = chooseSeat(slot, age, now);
    if (!seat) return null;
    const base = { closed: _.neq(true), capacity: slot.capacity };
    const g = slot.green;
    const taken = !g
      ? await takeMarked(
          db,
          SLOTS,
          slotId,
          intentId,
          { ...base, booked: _.lt(slot.capacity) },
          { booked: _.inc(1) },
          { ...mark, seat },
        )
      : seat === 'general'
        ? await takeMarked(
            db,
            SLOTS,
            slotId,
            intentId,
            {
              ...base,
              'green.seats': g.seats,
              'green.used': _.gte(g.used),
              booked: _.lt(slot.capacity - g.seats + g.used),
            },
            { booked: _.inc(1) },
            { ...mark, seat },
          )
        : await takeMarked(
            db,
            SLOTS,
            slotId,
            intentId,
            {
              ...base,
              'green.seats': g.seats,
              'green.used': _.lt(g.seats),
              ...(seat === 'released' ? { 'green.releaseAt': _.lte(now) } : {}),
            },
            { booked: _.inc(1), 'green.used': _.inc(1) },
            { ...mark, seat },
          );
    if (taken) return seat;
  }
  throw new AppError('CONFLICT', '系统繁忙，请稍后重试');
}

/**
 * A slot's seats (green, general or released) are the hot resource, taken first (see `takeFirst` in
 * core/intents.ts): the mark on the slot is the appointment's intent, with the seat's kind; the
 * appointment's own document (one per person per dose) is what the completing transaction writes
 * before it takes, and an appointment carrying the take's id is what a completed take left.
 */
const SEATS: MarkedResource = {
  kind: 'appoint',
  collection: SLOTS,
  undo: (db, mark) => ({
    booked: db.command.inc(-1),
    ...(mark.seat === 'general' ? {} : { 'green.used': db.command.inc(-1) }),
  }),
  lockOf: (mark) => ({ collection: APPOINTMENTS, id: mark.effectId }),
  recorded: async (tx, mark) => {
    const a = appointmentDocSchema.safeParse(await tx.collection(APPOINTMENTS).doc(mark.effectId).get());
    return a.success && a.data.takeId === mark.takeId;
  },
};

/** The timer job: repairs appointments whose process died half-way (see core/intents.ts). */
export const reconcileAppointments = (db: Database, now: number) => reconcileMarks(db, SEATS, now);

export const appoint = action({
  input: z.strictObject({
    slotId: fields.id.max(80),
    personId: fields.id,
    vaccine: z.string().trim().min(1).max(40),
    dose: z.number().int('剂次必须是整数').min(1, '剂次从 1 开始').max(5, '剂次超出范围'),
    requestId: fields.requestId,
  }),
  access: 'caller',
  async run({ slotId, personId, vaccine, dose, requestId }, ctx) {
    const now = ctx.now();
    const openid = ctx.openid;
    const person = personDocSchema.safeParse(await ctx.db.collection(PERSONS).doc(personId).get());
    if (!person.success || person.data.owner !== openid) throw notFound('接种人');
    // Before any appointment is read: a refusal to a non-holder never depends on what the number has booked.
    await assertHolder(ctx.db, person.data, openid, now);
    const birthDate = birthDateOf(person.data);
    const appointmentId = appointmentIdOf(person.data.idHash, vaccine, dose);
    const db = ctx.db;
    const fullFor = (age: number) =>
      new AppError(
        'SLOT_FULL',
        age >= ELDER_AGE ? '该时段已约满' : '该时段普通名额已约满（余下为 60 岁以上绿色通道名额）',
      );
    /** The seat this attempt wrote on the appointment before the take, and the one the take got. */
    let planned: Appointment['seat'] | null = null;
    /**
     * Whether the dose's document is there already (booked before, cancelled or not): a first appointment
     * adds it, one request; when that finds it taken, the next attempt reads it first.
     */
    let reuse = false;
    let took: Appointment['seat'] | null = null;
    const storedOrRefused = (doc: Record<string, unknown> | null) => {
      const existing = appointmentDocSchema.safeParse(doc);
      if (existing.success && existing.data.requestId === requestId && existing.data.owner === openid)
        return existing.data;
      if (existing.success && existing.data.status !== 'cancelled') {
        throw new AppError(
          'CONFLICT',
          existing.data.status === 'completed' ? '该接种人已完成这一剂' : '该接种人已预约这一剂',
        );
      }
      return null;
    };
    return takeFirst(db, SEATS, {
      openid: openid,
      effectId: appointmentId,
      target: slotId,
      now,
      async storedAnswer() {
        const existing = storedOrRefused(await db.collection(APPOINTMENTS).doc(appointmentId).get());
        return existing ? { appointmentId, code: existing.code } : null;
      },
      async prepare() {
        const slot = slotDocSchema.safeParse(await db.collection(SLOTS).doc(slotId).get());
        if (!slot.success) throw notFound('接种时段');
        const site = siteDocSchema.safeParse(await db.collection(SITES).doc(slot.data.resourceId).get());
        if (!site.success) throw notFound('接种点');
        if (site.data.status !== 'open')
          throw new AppError('CONFLICT', `该接种点暂停接种${site.data.notice ? `：${site.data.notice}` : ''}`);
        const offer = site.data.vaccines.find((v) => v.code === vaccine);
        if (!offer) throw new AppError('INVALID_ARGUMENT', '该接种点不提供这种疫苗');
        if (dose > offer.doses)
          throw new AppError('INVALID_ARGUMENT', `${offer.name}共 ${offer.doses} 剂，剂次超出范围`);
        if (slot.data.closed || now >= slot.data.start) throw new AppError('TOO_LATE', '该时段已不可预约');
        if (dose > 1) {
          // A completed dose never changes back, so reading it outside the transaction is safe.
          const previous = appointmentDocSchema.safeParse(
            await db
              .collection(APPOINTMENTS)
              .doc(appointmentIdOf(person.data.idHash, vaccine, dose - 1))
              .get(),
          );
          if (!previous.success || previous.data.status !== 'completed' || previous.data.completedAt === null) {
            throw new AppError('CONFLICT', `请先完成第 ${dose - 1} 剂接种`);
          }
          const earliest = previous.data.completedAt + offer.intervalDays * DAY;
          if (slot.data.start < earliest)
            throw new AppError(
              'TOO_EARLY',
              `距上一剂接种不足 ${offer.intervalDays} 天，最早可预约 ${dayWords(earliest)}`,
            );
        }
        const age = ageOn(birthDate, slot.data.date);
        if (!chooseSeat(slot.data, age, now)) throw fullFor(age);
        return { slot: slot.data, site: site.data, offer, age };
      },
      units: () => ({ qty: 1, total: 0 }),
      underWay: '该接种人正在预约这一剂',
      // One appointment per person per dose, whoever books it: its own document, written before the take
      // (it holds the person's dose against every other request), with its code's document.
      async reserveIn(tx, { slot, site, offer, age }, code, mark) {
        if (reuse && storedOrRefused(await tx.collection(APPOINTMENTS).doc(appointmentId).get()))
          throw new AppError('CONFLICT', '该预约已完成');
        planned = chooseSeat(slot, age, now) ?? 'general';
        const appointment = {
          owner: openid,
          personId,
          idHash: person.data.idHash,
          siteId: site._id,
          siteName: site.name,
          slotId,
          vaccine,
          vaccineName: offer.name,
          dose,
          status: 'active',
          code,
          requestId,
          seat: planned,
          elder: age >= ELDER_AGE,
          maskedName: person.data.masked.name,
          start: slot.start,
          end: slot.end,
          createdAt: now,
          completedAt: null,
          closedAt: null,
          takeId: mark.takeId,
        };
        if (reuse) await tx.collection(APPOINTMENTS).doc(appointmentId).set(appointment);
        else
          await tx
            .collection(APPOINTMENTS)
            .add({ _id: appointmentId, ...appointment })
            .catch((error: unknown) => {
              // Taken: the transaction is aborted; the next attempt (with a code drawn afresh) reads it first.
              if (error instanceof DbError && error.code === 'DUPLICATE_KEY') reuse = true;
              throw error;
            });
        await tx.collection(APPOINTMENT_CODES).add({ _id: code, appointmentId });
      },
      take: async ({ age, slot }, intentId, mark) => {
        took = await takeVaccineSeat(db, slotId, intentId, age, now, slot, mark);
        return took !== null;
      },
      refused: ({ age }) => fullFor(age),
      code: { draw: eightDigits, name: '预约码' },
      // The seat the take got (another kind than planned only when the slot changed meanwhile) and the messages.
      async completeIn(tx, { slot, site, offer }, code) {
        if (took && took !== planned) await tx.collection(APPOINTMENTS).doc(appointmentId).update({ seat: took });
        await notifyAppointed(
          tx,
          {
            appointmentId,
            owner: openid,
            code,
            vaccineName: offer.name,
            dose,
            siteName: site.name,
            siteAddress: site.address,
            maskedName: person.data.masked.name,
            start: slot.start,
            end: slot.end,
          },
          now,
        );
        return { appointmentId, code };
      },
    });
  },
});
