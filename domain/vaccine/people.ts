/** The people a user books for (接种人): adding, listing, removing them, and staff releasing a number. */
import { z } from 'zod';
import { DbError } from '../db';
import { action } from '../core/router';
import { AppError, notFound } from '../core/errors';
import { dayOf } from '../core/time';
import { fields } from '../core/validation';
import { TX_ATTEMPTS, derivedId } from '../core/ids';
import {
  decrypt,
  encrypt,
  keyedHash,
  MOBILE,
  ageOn,
  checkIdNumber,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../privacy';
import { birthDateOf, claimIdentity, leaveIdentity, legacyIdentity, migratePerson, releaseIdNumber } from './persons';
import { ELDER_AGE, OWNERS, PERSONS, maxPersons, personDocSchema } from './model';
import { cancelFutureOf } from './cancel';
import { phoneCodeField, resolvePhone } from '../phone';

const personInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, '姓名至少 2 个字')
    .max(20)
    .regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能包含汉字、字母和 ·'),
  idNumber: z.string().trim().max(18, '身份证号应为 18 位'),
  /** Typed by hand (stored unverified), or `phoneCode` from the phone-number button (exchanged on the server, verified). */
  phone: z.string().trim().regex(MOBILE, '请输入 11 位大陆手机号').optional(),
  phoneCode: phoneCodeField.optional(),
});

export const addPerson = action({
  input: personInput,
  access: 'signedIn',
  async run({ name, idNumber, phone: typed, phoneCode }, ctx) {
    const checked = checkIdNumber(idNumber, dayOf(ctx.now()));
    if (!checked.ok) throw new AppError('INVALID_ARGUMENT', checked.message);
    // Before any read or write, outside the transaction: a button's code is spent once, and a refusal writes nothing.
    const { phone, verified } = await resolvePhone(ctx, { phone: typed, code: phoneCode }, 'phone');
    const id = idNumber.trim().toUpperCase();
    const idHash = keyedHash(id);
    const personId = derivedId('ps', ctx.user._id, idHash);
    const masked = { name: maskName(name), idNumber: maskIdNumber(id), phone: maskPhone(phone) };
    const now = ctx.now();
    const legacy = await legacyIdentity(ctx.db, idHash, now);
    // A first claim racing another on the same number loses on the identity's _id: run again to meet it as a holder.
    return retryOnDuplicate(() =>
      ctx.db.runTransaction(async (tx) => {
        if (await tx.collection(PERSONS).doc(personId).get()) throw new AppError('CONFLICT', '该接种人已在你的列表中');
        const counter = await tx.collection(OWNERS).doc(ctx.user._id).get();
        const count = typeof counter?.persons === 'number' ? counter.persons : 0;
        if (count >= maxPersons()) throw new AppError('LIMIT_REACHED', `最多添加 ${maxPersons()} 位接种人`);
        // Squatting: a number another account holds needs the name and phone it was added with.
        await claimIdentity(tx, { idHash, owner: ctx.user._id, name, phone, now }, legacy);
        await tx
          .collection(OWNERS)
          .doc(ctx.user._id)
          .set({ persons: count + 1 });
        // No birth date in clear: it stays inside the sealed number.
        await tx.collection(PERSONS).add({
          _id: personId,
          owner: ctx.user._id,
          nameSealed: encrypt(name),
          idSealed: encrypt(id),
          phoneSealed: encrypt(phone),
          idHash,
          masked,
          phoneVerified: verified,
          createdAt: now,
        });
        return { personId, masked };
      }, TX_ATTEMPTS),
    );
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
    const docs = await ctx.db
      .collection(PERSONS)
      .where({ owner: ctx.user._id })
      .orderBy('createdAt', 'asc')
      .limit(50)
      .get();
    const items = [];
    for (const d of docs) {
      const p = personDocSchema.safeParse(d);
      if (!p.success) continue;
      await migratePerson(ctx.db, p.data);
      const age = ageOn(birthDateOf(p.data), today);
      // The owner sees the name they typed; ID number and phone stay masked on screen.
      items.push({
        personId: p.data._id,
        name: decrypt(p.data.nameSealed),
        masked: { ...p.data.masked, idNumber: maskIdNumber(p.data.masked.idNumber) },
        age,
        elder: age >= ELDER_AGE,
      });
    }
    return { items };
  },
});

export const removePerson = action({
  input: z.strictObject({ personId: fields.id }),
  access: 'signedIn',
  async run({ personId }, ctx) {
    const p = personDocSchema.safeParse(await ctx.db.collection(PERSONS).doc(personId).get());
    if (!p.success || p.data.owner !== ctx.user._id) throw notFound('接种人');
    const now = ctx.now();
    // Their future appointments go first, each in its own transaction with its seat.
    const cancelled = await cancelFutureOf(ctx.db, personId, now, 'personRemoved');
    await ctx.db.runTransaction(async (tx) => {
      const counter = await tx.collection(OWNERS).doc(ctx.user._id).get();
      await tx
        .collection(OWNERS)
        .doc(ctx.user._id)
        .set({ persons: Math.max(0, Number(counter?.persons ?? 1) - 1) });
      await tx.collection(PERSONS).doc(personId).remove();
      await leaveIdentity(tx, p.data.idHash, ctx.user._id);
    }, TX_ATTEMPTS);
    return { personId, cancelled };
  },
});

/** Staff, with the ID card in front of them, free a number someone else added (see persons.ts, rule 4). */
export const releasePerson = action({
  input: z.strictObject({ idNumber: z.string().trim().max(18, '身份证号应为 18 位') }),
  access: ['staff', 'admin'],
  async run({ idNumber }, ctx) {
    const checked = checkIdNumber(idNumber, dayOf(ctx.now()));
    if (!checked.ok) throw new AppError('INVALID_ARGUMENT', checked.message);
    const now = ctx.now();
    return releaseIdNumber(ctx.db, keyedHash(idNumber.trim().toUpperCase()), (personId) =>
      cancelFutureOf(ctx.db, personId, now, 'released'),
    );
  },
});
