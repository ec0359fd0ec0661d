/**
 * The 群众点单 invariants, checked over a whole database (scripts/check-invariants.ts runs them beside
 * the points ones). Each check answers how many documents break it: 0 everywhere is the only good answer.
 */
import { clock } from '../core/clock';
import type { Database } from '../db';
import { derivedId } from '../core/ids';
import { intentGraceMs } from '../core/intents';
import { readAll, type InvariantReport } from '../core/invariants';
import { LEDGER, ledgerDocSchema } from '../points';
import { hoursEntryId, pointsEntryId } from './awards';
import {
  REQUESTS,
  REQUEST_EVENTS,
  TIME_ACCOUNTS,
  TIME_LEDGER,
  requestDocSchema,
  timeAccountDocSchema,
  timeLedgerDocSchema,
  type RequestDoc,
} from './model';
import { claimKey } from './present';

const PHONE_IN_CLEAR = /^\s*1[3-9]\d{9}\s*$/;

export async function checkRequestInvariants(db: Database, now = clock.now()): Promise<InvariantReport[]> {
  const rawRequests = await readAll(db, REQUESTS);
  const requests: RequestDoc[] = [];
  let unreadable = 0;
  for (const d of rawRequests) {
    const r = requestDocSchema.safeParse(d);
    if (r.success) requests.push(r.data);
    else unreadable += 1;
  }
  const accounts = (await readAll(db, TIME_ACCOUNTS)).map((d) => timeAccountDocSchema.parse(d));
  const entries = (await readAll(db, TIME_LEDGER)).map((d) => timeLedgerDocSchema.parse(d));
  const serviceEntries = (await readAll(db, LEDGER))
    .map((d) => ledgerDocSchema.parse(d))
    .filter((e) => e.kind === 'service');
  const eventIds = new Set((await readAll(db, REQUEST_EVENTS)).map((d) => d._id));

  // Claims: taken counts them, never more than the places; each claimant once; a wish one holder.
  const claimsBroken = requests.filter((r) => {
    const claims = Object.entries(r.claims);
    const ids = new Set(r.claimantIds);
    return (
      r.taken !== claims.length ||
      r.claimantIds.length !== ids.size ||
      ids.size !== claims.length ||
      r.taken > r.places ||
      claims.some(([key, c]) => key !== claimKey(c.openid) || !ids.has(c.openid)) ||
      (r.kind === 'wish' && r.places > 1)
    );
  }).length;
  // open ⇔ dispatched to the hall with a place left; once full it is in progress (or beyond).
  const statusBroken = requests.filter(
    (r) =>
      (r.status === 'open' && !(r.mode === 'hall' && r.taken < r.places)) ||
      ((r.status === 'submitted' || r.status === 'accepted') && (r.taken > 0 || r.mode !== null)) ||
      ((r.status === 'inProgress' || r.status === 'finished' || r.status === 'confirmed') && r.taken === 0) ||
      (r.status === 'cancelled' && r.taken > 0),
  ).length;
  const claimLinesMissing = requests.reduce(
    (n, r) =>
      n +
      Object.values(r.claims).filter(
        (c) =>
          c.via === 'hall' && c.at < now - intentGraceMs() && !eventIds.has(derivedId('re', r._id, 'claim', c.openid)),
      ).length,
    0,
  );

  // The 时间银行: balance = sum of its ledger, entries counted, each entry's balanceAfter the running sum.
  const byOpenid = new Map<string, typeof entries>();
  for (const e of entries) byOpenid.set(e.openid, [...(byOpenid.get(e.openid) ?? []), e]);
  let chainBroken = 0;
  for (const list of byOpenid.values()) {
    list.sort((a, b) => a.seq - b.seq);
    let running = 0;
    list.forEach((e, i) => {
      running += e.hours;
      if (e.seq !== i + 1 || e.balanceAfter !== running || running < 0) chainBroken += 1;
    });
  }
  const accountById = new Map(accounts.map((a) => [a._id, a]));
  const balancesBroken =
    accounts.filter(
      (a) =>
        (byOpenid.get(a._id) ?? []).reduce((s, e) => s + e.hours, 0) !== a.balance ||
        (byOpenid.get(a._id)?.length ?? 0) !== a.entries ||
        a.balance < 0,
    ).length + [...byOpenid.keys()].filter((id) => !accountById.has(id)).length;

  // Awards: only a confirmed request has them, one per active claimant, each posted exactly once.
  const pointIds = new Map<string, number>();
  for (const e of serviceEntries) pointIds.set(e._id, (pointIds.get(e._id) ?? 0) + 1);
  const hourIds = new Map<string, number>();
  for (const e of entries) hourIds.set(e._id, (hourIds.get(e._id) ?? 0) + 1);
  const expectedPoints = new Set<string>();
  const expectedHours = new Set<string>();
  let awardsBroken = 0;
  for (const r of requests) {
    if (r.status !== 'confirmed') {
      if (r.awards.length > 0) awardsBroken += 1;
      continue;
    }
    const active = Object.values(r.claims).filter((c) => c.status === 'active');
    if (r.awards.length !== active.length || new Set(r.awards.map((a) => a.openid)).size !== active.length)
      awardsBroken += 1;
    for (const a of r.awards) {
      const claim = active.find((c) => c.openid === a.openid);
      if (!claim) continue;
      if (claim.kind === 'member' && a.points > 0) {
        const id = pointsEntryId(r._id, a.openid);
        expectedPoints.add(id);
        if (pointIds.get(id) !== 1 || serviceEntries.find((e) => e._id === id)?.amount !== a.points) awardsBroken += 1;
      }
      if (claim.kind === 'volunteer') {
        const id = hoursEntryId(r._id, a.openid);
        expectedHours.add(id);
        if (hourIds.get(id) !== 1 || a.hours !== r.hours || entries.find((e) => e._id === id)?.hours !== a.hours)
          awardsBroken += 1;
      }
    }
  }
  const strayPostings =
    serviceEntries.filter((e) => !expectedPoints.has(e._id)).length +
    entries.filter((e) => e.requestId !== null && !expectedHours.has(e._id)).length;

  // The sealed fields are ciphertext and the masked phone is masked (a hash may hold digit runs, so fields are tested whole).
  const contactInClear = requests.filter(
    (r) =>
      PHONE_IN_CLEAR.test(r.contact.phone) ||
      PHONE_IN_CLEAR.test(r.contact.maskedPhone) ||
      PHONE_IN_CLEAR.test(r.contact.name),
  ).length;

  return [
    { name: 'every request document is readable', violations: unreadable },
    { name: 'claims: taken = claims = claimants, never above the places, a wish one holder', violations: claimsBroken },
    { name: 'request status agrees with its claims and places', violations: statusBroken },
    { name: 'every claim from the hall has its timeline line past the grace period', violations: claimLinesMissing },
    { name: '时间银行 ledger sums equal balances', violations: balancesBroken },
    { name: '时间银行 entries chain (seq, balanceAfter) with no negative balance', violations: chainBroken },
    { name: 'each confirmed request awards every active claimant exactly once', violations: awardsBroken },
    { name: 'no 志愿服务 points or hours without a confirmed request that awarded them', violations: strayPostings },
    { name: "no resident's phone stored in clear", violations: contactInClear },
  ];
}
