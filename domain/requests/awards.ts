/**
 * What a confirmation gives: a party member the 志愿服务 rule's points (within its cap, through the
 * counter check-in uses; over the cap the award is 0 points), a registered volunteer who is not a
 * party member the request's hours in the 时间银行. Each posting's id is derived from request +
 * person, so however often confirmation runs, once.
 */
import type { Database, Transaction } from '../db';
import { derivedId } from '../core/ids';
import { post, takeFromCap, LEDGER, RULES, ruleDocSchema } from '../points';
import { USERS, userDocSchema } from '../core/identity';
import {
  SERVICE_RULE_ID,
  TIME_ACCOUNTS,
  TIME_LEDGER,
  timeAccountDocSchema,
  type Award,
  type RequestDoc,
  type TimeAccount,
} from './model';

export const pointsEntryId = (requestId: string, openid: string) => derivedId('rqp', requestId, openid);
export const hoursEntryId = (requestId: string, openid: string) => derivedId('rqh', requestId, openid);

export async function readTimeAccount(
  tx: Transaction | Pick<Database, 'collection'>,
  openid: string,
): Promise<TimeAccount> {
  const parsed = timeAccountDocSchema.safeParse(await tx.collection(TIME_ACCOUNTS).doc(openid).get());
  return parsed.success ? parsed.data : { _id: openid, balance: 0, earned: 0, entries: 0 };
}

/** Posts hours into the 时间银行 and moves the balance with them, inside the caller's transaction. */
export async function postHours(
  tx: Transaction,
  p: { openid: string; hours: number; entryId: string; requestId: string | null; reason: string; at: number },
): Promise<TimeAccount> {
  const current = await readTimeAccount(tx, p.openid);
  const balance = current.balance + p.hours;
  if (balance < 0) throw new Error('时间银行余额不能为负');
  const next: TimeAccount = {
    _id: p.openid,
    balance,
    earned: current.earned + Math.max(0, p.hours),
    entries: current.entries + 1,
  };
  await tx
    .collection(TIME_ACCOUNTS)
    .doc(p.openid)
    .set({ balance: next.balance, earned: next.earned, entries: next.entries });
  await tx.collection(TIME_LEDGER).add({
    _id: p.entryId,
    openid: p.openid,
    seq: next.entries,
    hours: p.hours,
    balanceAfter: balance,
    requestId: p.requestId,
    reason: p.reason,
    at: p.at,
  });
  return next;
}

/** Inside the confirming transaction: every active claimant's award, posted once. */
export async function grantAwards(db: Database, tx: Transaction, req: RequestDoc, now: number): Promise<Award[]> {
  const rule = ruleDocSchema.safeParse(await db.collection(RULES).doc(SERVICE_RULE_ID).get());
  const awards: Award[] = [];
  const claims = Object.values(req.claims)
    .filter((c) => c.status === 'active')
    .sort((a, b) => a.at - b.at || a.openid.localeCompare(b.openid));
  for (const claim of claims) {
    if (claim.kind === 'member') {
      const entryId = pointsEntryId(req._id, claim.openid);
      if (!rule.success || (await tx.collection(LEDGER).doc(entryId).get())) {
        awards.push({ openid: claim.openid, points: 0, hours: 0 });
        continue;
      }
      // Over the cap the award is 0 points, never a refusal: the resident's confirmation must not fail for it.
      const points = await takeFromCap(tx, claim.openid, rule.data, now);
      if (points > 0) {
        const user = userDocSchema.safeParse(await db.collection(USERS).doc(claim.openid).get());
        const branchId = user.success ? user.data.branchId : null;
        await post(tx, {
          openid: claim.openid,
          branchId,
          amount: points,
          kind: 'service',
          reason: `${rule.data.category}：${req.title}`,
          entryId,
          at: now,
          ruleId: rule.data._id,
        });
      }
      awards.push({ openid: claim.openid, points, hours: 0 });
    } else {
      const entryId = hoursEntryId(req._id, claim.openid);
      if (await tx.collection(TIME_LEDGER).doc(entryId).get()) {
        awards.push({ openid: claim.openid, points: 0, hours: 0 });
        continue;
      }
      await postHours(tx, {
        openid: claim.openid,
        hours: req.hours,
        entryId,
        requestId: req._id,
        reason: `志愿服务：${req.title}`,
        at: now,
      });
      awards.push({ openid: claim.openid, points: 0, hours: req.hours });
    }
  }
  return awards;
}
