/**
 * A rule's cap (积分细则 上限): at most `cap.max` points a day or a month per person, counted in one
 * document per person, rule and period (Shanghai days and months). Every posting under a rule takes
 * its points through this counter, inside the posting's transaction.
 */
import type { Transaction } from '../db';
import { dayOf, inZone } from '../core/time';
import { CAPS, type Rule } from './model';

/**
 * The points `rule` may still give `openid` now: its points, fewer near the cap, 0 once the cap is
 * reached (nothing is written then). What a 0 means is the caller's: check-in refuses, a confirmed
 * 群众点单 records an award of 0 points.
 */
export async function takeFromCap(tx: Transaction, openid: string, rule: Rule, now: number): Promise<number> {
  if (!rule.cap) return rule.points;
  const period = rule.cap.period === 'day' ? dayOf(now) : inZone(now).format('YYYY-MM');
  const id = `${openid}:${rule._id}:${period}`;
  const counter = await tx.collection(CAPS).doc(id).get();
  const used = typeof counter?.earned === 'number' ? counter.earned : 0;
  const grant = Math.max(0, Math.min(rule.points, rule.cap.max - used));
  if (grant > 0)
    await tx
      .collection(CAPS)
      .doc(id)
      .set({ openid, ruleId: rule._id, period, earned: used + grant });
  return grant;
}

/** What someone who reached a rule's cap is told. */
export const capReached = (rule: Rule): string =>
  `「${rule.name}」${rule.cap?.period === 'month' ? '本月' : '今日'}积分已达上限 ${rule.cap?.max ?? 0} 分`;
