/** Volunteer registration (双报到 in-service members among them) and the 时间银行 a volunteer earns hours in. */
import { z } from 'zod';
import { action } from '../core/router';
import { TX_ATTEMPTS } from '../core/ids';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { phoneField, realNameField, sealIdentity } from '../org/identity';
import { readTimeAccount } from './awards';
import { TIME_LEDGER, VOLUNTEERS, timeLedgerDocSchema, volunteerDocSchema } from './model';

export const registerVolunteer = action({
  input: z.strictObject({
    realName: realNameField,
    phone: phoneField,
    inService: z.boolean({ error: '请选择是否为在职党员（双报到）' }),
    workplace: z.string().trim().max(40, '工作单位最多 40 个字').optional(),
  }),
  access: 'signedIn',
  async run({ realName, phone, inService, workplace }, ctx) {
    const openid = ctx.user._id;
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const existing = volunteerDocSchema.safeParse(await tx.collection(VOLUNTEERS).doc(openid).get());
      await tx.collection(VOLUNTEERS).doc(openid).set({
        identity: sealIdentity(realName, phone), inService, workplace: workplace || null,
        createdAt: existing.success ? existing.data.createdAt : now,
      });
      return { registered: true, updated: existing.success };
    }, TX_ATTEMPTS);
  },
});

export const volunteerMe = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx) {
    const v = volunteerDocSchema.safeParse(await ctx.db.collection(VOLUNTEERS).doc(ctx.user._id).get());
    const account = await readTimeAccount(ctx.db, ctx.user._id);
    return {
      registered: v.success,
      inService: v.success ? v.data.inService : false,
      workplace: v.success ? v.data.workplace : null,
      maskedName: v.success ? v.data.identity.maskedName : null,
      maskedPhone: v.success ? v.data.identity.maskedPhone : null,
      hours: account.balance,
    };
  },
});

export const timeBank = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ cursor, limit }, ctx) {
    const account = await readTimeAccount(ctx.db, ctx.user._id);
    const page = await pageByNewest(ctx.db.collection(TIME_LEDGER), { openid: ctx.user._id }, 'seq', { cursor, limit }, timeLedgerDocSchema, (e) => ({
      entryId: e._id, seq: e.seq, hours: e.hours, balanceAfter: e.balanceAfter, reason: e.reason, requestId: e.requestId, at: e.at,
    }));
    return { balance: account.balance, earned: account.earned, ...page };
  },
});
