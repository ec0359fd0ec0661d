/**
 * Who may hold a person (an ID number) and book for them.
 *
 * The rule (README, 接种人与身份证号):
 * 1. The first account to add an ID number holds it. Keyed hashes of the name and phone it gave are
 *    kept with the hold (`vaccinePersons/vi_…`, an identity document); nothing about them in clear.
 * 2. Another account may add the same number only with the same name and phone (keyed hashes
 *    compared): the family shares the person and holds it too. Anything else is refused with one
 *    fixed message, so an ID number found somewhere cannot be squatted or used to probe.
 * 3. Every refusal about a person someone else holds is the same whatever that person has booked or
 *    completed; only holders reach the appointment documents.
 * 4. Recovery: if a stranger added the number first (with a name or phone the family does not
 *    know), staff who have seen the ID card at a site release it (`vaccine.releasePerson`): every
 *    account's hold ends and their future appointments for it are cancelled; doses given stay. The
 *    family then adds the person afresh. When the last holder removes the person, the hold ends too.
 */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS, addIfAbsent, derivedId } from '../core/ids';
import { decrypt, keyedHash, maskIdNumber } from '../privacy';
import { OWNERS, PERSONS, personDocSchema, type PersonDoc } from './model';

/** Most accounts that may share one person (a family). */
export const MAX_HOLDERS = 10;

export const identityDocSchema = z.object({
  _id: z.string(),
  kind: z.literal('identity'),
  idHash: z.string(),
  nameHash: z.string(),
  phoneHash: z.string(),
  holders: z.array(z.string()),
  createdAt: z.number(),
});
export type IdentityDoc = z.output<typeof identityDocSchema>;

export const identityIdOf = (idHash: string) => derivedId('vi', idHash);
/** Keyed, domain-separated hashes: equal for the same name or phone, useless without the key. */
export const nameHashOf = (name: string) => keyedHash(`name:${name.trim().replace(/\s+/g, ' ')}`);
export const phoneHashOf = (phone: string) => keyedHash(`phone:${phone.trim()}`);

/** One message for every refusal about a person another account holds: it never depends on their appointments. */
export const HELD_ELSEWHERE =
  '该身份证号已由其他账号添加。家人请填写与其添加时一致的姓名和手机号；如非家人所加，请携带身份证到接种点请工作人员核验释放后再添加';
const NOT_HOLDER = '该接种人需要重新核验：请删除后按首次添加时的姓名和手机号重新添加';

/** The birth date sealed in the ID number ('YYYY-MM-DD'); age rules read it on the server only. */
export function birthDateOf(person: PersonDoc): string {
  const id = decrypt(person.idSealed);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Person documents written before identity documents existed hold no identity: the oldest of them
 * holds it, with every later account that gave the same name and phone (decrypted here, on the server).
 */
async function identityFromLegacy(db: Database, idHash: string, now: number): Promise<IdentityDoc | null> {
  const people = (await db.collection(PERSONS).where({ idHash }).limit(100).get())
    .flatMap((d) => {
      const p = personDocSchema.safeParse(d);
      return p.success ? [p.data] : [];
    })
    .sort((a, b) => a.createdAt - b.createdAt || a._id.localeCompare(b._id));
  const first = people[0];
  if (!first) return null;
  const nameHash = nameHashOf(decrypt(first.nameSealed));
  const phoneHash = phoneHashOf(decrypt(first.phoneSealed));
  const holders = people
    .filter((p) => nameHashOf(decrypt(p.nameSealed)) === nameHash && phoneHashOf(decrypt(p.phoneSealed)) === phoneHash)
    .map((p) => p.owner);
  return {
    _id: identityIdOf(idHash),
    kind: 'identity',
    idHash,
    nameHash,
    phoneHash,
    holders: [...new Set(holders)].slice(0, MAX_HOLDERS),
    createdAt: now,
  };
}

/** The identity document of an ID number, made from legacy person documents on first use. */
export async function readIdentity(db: Database, idHash: string, now: number): Promise<IdentityDoc | null> {
  const doc = identityDocSchema.safeParse(await db.collection(PERSONS).doc(identityIdOf(idHash)).get());
  if (doc.success) return doc.data;
  return materialize(db, await identityFromLegacy(db, idHash, now));
}

async function materialize(db: Database, legacy: IdentityDoc | null): Promise<IdentityDoc | null> {
  if (!legacy) return null;
  // Insert only: an identity written meanwhile by addPerson's transaction wins.
  if (await addIfAbsent(db, PERSONS, legacy)) return legacy;
  const stored = identityDocSchema.safeParse(await db.collection(PERSONS).doc(legacy._id).get());
  return stored.success ? stored.data : null;
}

/** Before `addPerson`'s transaction: what older person documents say about the number (null when nothing). */
export async function legacyIdentity(db: Database, idHash: string, now: number): Promise<IdentityDoc | null> {
  if (identityDocSchema.safeParse(await db.collection(PERSONS).doc(identityIdOf(idHash)).get()).success) return null;
  return identityFromLegacy(db, idHash, now);
}

/**
 * Inside `addPerson`'s transaction: takes or joins the hold on an ID number, or refuses. `legacy`
 * is what `identityFromLegacy` found before the transaction (null when there is nothing older).
 */
export async function claimIdentity(
  tx: Transaction,
  claim: { idHash: string; owner: string; name: string; phone: string; now: number },
  legacy: IdentityDoc | null,
): Promise<void> {
  const id = identityIdOf(claim.idHash);
  const stored = identityDocSchema.safeParse(await tx.collection(PERSONS).doc(id).get());
  const current = stored.success ? stored.data : legacy;
  const nameHash = nameHashOf(claim.name);
  const phoneHash = phoneHashOf(claim.phone);
  if (!current || current.holders.length === 0) {
    const identity = {
      kind: 'identity',
      idHash: claim.idHash,
      nameHash,
      phoneHash,
      holders: [claim.owner],
      createdAt: claim.now,
    };
    // `add` where nothing is stored: two first claims racing under snapshot isolation collide on the _id
    // (one gets DUPLICATE_KEY) instead of both reading "absent" and both writing.
    if (stored.success) await tx.collection(PERSONS).doc(id).set(identity);
    else await tx.collection(PERSONS).add({ _id: id, ...identity });
    return;
  }
  const { _id, ...fields } = current;
  if (current.holders.includes(claim.owner)) {
    if (!stored.success) await tx.collection(PERSONS).doc(_id).set(fields);
    return;
  }
  if (current.nameHash !== nameHash || current.phoneHash !== phoneHash) throw new AppError('CONFLICT', HELD_ELSEWHERE);
  if (current.holders.length >= MAX_HOLDERS)
    throw new AppError('LIMIT_REACHED', `同一接种人最多由 ${MAX_HOLDERS} 个账号添加`);
  await tx
    .collection(PERSONS)
    .doc(_id)
    .set({ ...fields, holders: [...current.holders, claim.owner] });
}

/** Inside `removePerson`'s transaction: the account's hold ends; the last one out ends the identity. */
export async function leaveIdentity(tx: Transaction, idHash: string, owner: string): Promise<void> {
  const id = identityIdOf(idHash);
  const stored = identityDocSchema.safeParse(await tx.collection(PERSONS).doc(id).get());
  if (!stored.success) return;
  const holders = stored.data.holders.filter((h) => h !== owner);
  if (holders.length === 0) await tx.collection(PERSONS).doc(id).remove();
  else await tx.collection(PERSONS).doc(id).update({ holders });
}

/**
 * Before `appoint` reads any appointment: the caller must hold the person's ID number. The refusal
 * is one fixed message, whatever another account has booked or completed for the same number.
 */
export async function assertHolder(db: Database, person: PersonDoc, caller: string, now: number): Promise<void> {
  const identity = await readIdentity(db, person.idHash, now);
  if (!identity || !identity.holders.includes(caller)) throw new AppError('CONFLICT', NOT_HOLDER);
}

/** A person document from before: its clear birth date goes, its masked number is cut to 4 + 1 digits. */
export async function migratePerson(db: Database, person: PersonDoc): Promise<void> {
  const masked = maskIdNumber(person.masked.idNumber);
  if (person.birthDate === undefined && masked === person.masked.idNumber) return;
  await db.collection(PERSONS).doc(person._id).update({ birthDate: db.command.remove(), 'masked.idNumber': masked });
}

/**
 * Staff release an ID number after seeing the ID card at a site: every account's hold on it ends,
 * with their future appointments for it (each in its own transaction with its seat); doses already
 * given stay. The family then adds the person afresh. Answers counts only.
 */
export async function releaseIdNumber(
  db: Database,
  idHash: string,
  cancelFuture: (personId: string) => Promise<number>,
): Promise<{ accounts: number; cancelled: number }> {
  const people = (await db.collection(PERSONS).where({ idHash }).limit(100).get()).flatMap((d) => {
    const p = personDocSchema.safeParse(d);
    return p.success ? [p.data] : [];
  });
  let cancelled = 0;
  for (const p of people) {
    cancelled += await cancelFuture(p._id);
    await db.runTransaction(async (tx) => {
      if (!(await tx.collection(PERSONS).doc(p._id).get())) return;
      const counter = await tx.collection(OWNERS).doc(p.owner).get();
      await tx
        .collection(OWNERS)
        .doc(p.owner)
        .set({ persons: Math.max(0, Number(counter?.persons ?? 1) - 1) });
      await tx.collection(PERSONS).doc(p._id).remove();
    }, TX_ATTEMPTS);
  }
  await db.collection(PERSONS).doc(identityIdOf(idHash)).remove();
  return { accounts: new Set(people.map((p) => p.owner)).size, cancelled };
}

/** Whether `caller` holds the number (an appointment of a held person is theirs to see and cancel). */
export async function holds(db: Database, idHash: string, caller: string, now: number): Promise<boolean> {
  return (await readIdentity(db, idHash, now))?.holders.includes(caller) ?? false;
}

/** The numbers `owner` holds, each with the owner's own person id for it. */
export async function heldPersons(db: Database, owner: string, now: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of await db.collection(PERSONS).where({ owner }).limit(50).get()) {
    const p = personDocSchema.safeParse(d);
    if (p.success && (await holds(db, p.data.idHash, owner, now))) out.set(p.data.idHash, p.data._id);
  }
  return out;
}
