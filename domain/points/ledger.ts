import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { ACCOUNTS, LEDGER, LEDGER_KINDS, accountDocSchema, ledgerDocSchema, type LedgerKind } from './model';

/**
 * The account as stored, plus `held`: points reserved by redemptions under way (see redeem.ts). Held
 * points are still in the balance and the ledger; they only cannot be spent twice.
 */
export const heldAccountSchema = accountDocSchema.extend({
  held: z.number().int().min(0).default(0),
  /**
   * Per goods, what the member bought (live orders) and is buying (redemptions under way): the per-user
   * limit, kept on the account so a redemption reads and writes one document of the member, not two.
   */
  quotas: z
    .record(z.string(), z.object({ bought: z.number().int().min(0), reserved: z.number().int().min(0).default(0) }))
    .default({}),
});
export type HeldAccount = z.output<typeof heldAccountSchema>;
export type Quota = HeldAccount['quotas'][string];

export function emptyAccount(openid: string, branchId: string | null): HeldAccount {
  return { _id: openid, balance: 0, earned: 0, spent: 0, entries: 0, orders: 0, branchId, held: 0, quotas: {} };
}

/** The account's quotas with one goods' entry changed; an entry back at nothing goes, so a refusal leaves none. */
export function withQuota(account: HeldAccount, goodsId: string, change: (q: Quota) => Quota): HeldAccount['quotas'] {
  const { [goodsId]: current, ...others } = account.quotas;
  const next = change(current ?? { bought: 0, reserved: 0 });
  const bought = Math.max(0, next.bought);
  const reserved = Math.max(0, next.reserved);
  return bought === 0 && reserved === 0 ? others : { ...others, [goodsId]: { bought, reserved } };
}

export async function readAccount(tx: Transaction, openid: string, branchId: string | null): Promise<HeldAccount> {
  const parsed = heldAccountSchema.safeParse(await tx.collection(ACCOUNTS).doc(openid).get());
  return parsed.success ? parsed.data : emptyAccount(openid, branchId);
}

export interface Posting {
  openid: string;
  branchId: string | null;
  amount: number;
  kind: LedgerKind;
  reason: string;
  /** The ledger entry's `_id`: derived from the cause, so one cause posts once. */
  entryId: string;
  at: number;
  ruleId?: string;
  activityId?: string;
  orderId?: string;
  adminId?: string;
}

/**
 * Posts one ledger entry and moves the balance with it, inside the caller's transaction.
 * The balance never goes below zero; `earned` counts activity and admin points, `spent` the mall.
 */
export async function post(tx: Transaction, p: Posting, account?: HeldAccount): Promise<HeldAccount> {
  const current = account ?? (await readAccount(tx, p.openid, p.branchId));
  const balance = current.balance + p.amount;
  // Points held for a redemption under way are not spendable (a redemption's own hold is released by its caller).
  if (balance < 0 || (p.amount < 0 && balance < current.held)) {
    const available = current.balance - current.held;
    throw new AppError(
      'INSUFFICIENT_POINTS',
      p.kind === 'redeem'
        ? `积分不足：需要 ${-p.amount} 分，当前可用 ${available} 分`
        : `扣减后积分不能为负（当前可用 ${available} 分）`,
    );
  }
  const spends = p.kind === 'redeem' || p.kind === 'refund';
  const next: HeldAccount = {
    ...current,
    balance,
    earned: current.earned + (spends ? 0 : p.amount),
    spent: current.spent - (spends ? p.amount : 0),
    entries: current.entries + 1,
    branchId: current.branchId ?? p.branchId,
  };
  await tx.collection(ACCOUNTS).doc(p.openid).set(next);
  await tx.collection(LEDGER).add({
    _id: p.entryId,
    openid: p.openid,
    branchId: next.branchId,
    seq: next.entries,
    amount: p.amount,
    balanceAfter: balance,
    kind: p.kind,
    reason: p.reason,
    ruleId: p.ruleId ?? null,
    activityId: p.activityId ?? null,
    orderId: p.orderId ?? null,
    adminId: p.adminId ?? null,
    at: p.at,
  });
  return next;
}

export async function accountSummary(db: Database, openid: string) {
  const parsed = accountDocSchema.safeParse(await db.collection(ACCOUNTS).doc(openid).get());
  const a = parsed.success ? parsed.data : emptyAccount(openid, null);
  return { balance: a.balance, earned: a.earned, spent: a.spent };
}

export const summary = action({
  input: z.strictObject({}),
  access: 'signedIn',
  run: (_input, ctx) => accountSummary(ctx.db, ctx.user._id),
});

export const ledger = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ cursor, limit }, ctx) =>
    pageByNewest(
      ctx.db.collection(LEDGER),
      { openid: ctx.user._id },
      'seq',
      { cursor, limit },
      ledgerDocSchema,
      (e) => ({
        entryId: e._id,
        seq: e.seq,
        amount: e.amount,
        balanceAfter: e.balanceAfter,
        kind: e.kind,
        kindLabel: LEDGER_KINDS[e.kind],
        reason: e.reason,
        ruleId: e.ruleId,
        orderId: e.orderId,
        at: e.at,
      }),
    ),
});
