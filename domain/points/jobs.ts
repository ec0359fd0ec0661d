/** The mall's timer jobs: expiring orders past their pickup time, repairing redemptions cut half-way. */
import type { Database } from '../db';
import { TX_ATTEMPTS } from '../core/ids';
import { reconcileMarks } from '../core/intents';
import { closeAndRefund } from './orders';
import { STOCK } from './redeem';
import { ORDERS, orderDocSchema } from './model';

/** The timer job: expires and refunds pending orders past their pickup time. Safe to run twice at once. */
export async function expireOrders(db: Database, now: number, batch = 200): Promise<{ expired: number }> {
  const _ = db.command;
  const due = await db
    .collection(ORDERS)
    .where({ status: 'pending', expiresAt: _.lt(now) })
    .orderBy('expiresAt', 'asc')
    .limit(batch)
    .get();
  let expired = 0;
  for (const doc of due) {
    const done = await db.runTransaction(async (tx) => {
      const o = orderDocSchema.safeParse(await tx.collection(ORDERS).doc(doc._id).get());
      if (!o.success || o.data.status !== 'pending' || o.data.expiresAt >= now) return false;
      await closeAndRefund(tx, o.data, 'expired', now);
      return true;
    }, TX_ATTEMPTS);
    if (done) expired += 1;
  }
  return { expired };
}

/** The timer job: repairs redemptions whose process died half-way (see core/intents.ts). */
export const reconcileRedemptions = (db: Database, now: number) => reconcileMarks(db, STOCK, now);
