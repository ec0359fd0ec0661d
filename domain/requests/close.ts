/** The resident closes it: confirms and rates the work (awards), sends it back, or cancels it while nobody has taken it. */
import { z } from 'zod';
import { action } from '../core/router';
import { TX_ATTEMPTS } from '../core/ids';
import { fields } from '../core/validation';
import { grantAwards } from './awards';
import { assertStep } from './status';
import { REQUESTS } from './model';
import { aboutRequest, addEvent, dropHold, notFoundRequest, quoteTitle, readRequest, tell } from './present';
import { requestIdField, secretaryOf, txRequest } from './shared';
import { assertTextsPass } from '../content';

export const confirm = action({
  input: z.strictObject({
    id: fields.id,
    rating: z
      .number({ error: '请评分' })
      .int('评分是 1 到 5 的整数')
      .min(1, '评分是 1 到 5 的整数')
      .max(5, '评分是 1 到 5 的整数'),
    comment: z.string().trim().max(200, '评价最多 200 个字').optional(),
  }),
  access: 'signedIn',
  async run({ id, rating, comment }, ctx) {
    const before = await readRequest(ctx.db, id);
    if (!before || before.openid !== ctx.user._id) throw notFoundRequest();
    // The rating's words are read by those who did the work and the branch: checked before anything is kept.
    await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'comment', name: '评价', text: comment }]);
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      // Sent twice: the first answer again, with nothing awarded a second time.
      if (req.status === 'confirmed') return { id, status: req.status, awards: req.awards };
      assertStep('confirm', req.status);
      const awards = await grantAwards(ctx.db, tx, req, now);
      await tx
        .collection(REQUESTS)
        .doc(id)
        .update({
          status: 'confirmed',
          rating,
          comment: comment ?? null,
          confirmedAt: now,
          closedAt: now,
          updatedAt: now,
          awards: ctx.db.command.set(awards),
        });
      await addEvent(
        tx,
        req,
        { status: 'confirmed', text: `确认办结，评分 ${rating} 星${comment ? `：${comment}` : ''}`, by: '居民' },
        now,
        'confirmed',
      );
      for (const a of awards) {
        const gain = a.points > 0 ? `，获得 ${a.points} 积分` : a.hours > 0 ? `，时间银行存入 ${a.hours} 小时` : '';
        await tell(
          tx,
          req,
          a.openid,
          'confirmed',
          aboutRequest(req, '已办结'),
          `居民确认了${quoteTitle(req)}的办结，评分 ${rating} 星${gain}`,
          now,
        );
      }
      // The resident hears of every state change, their own confirmation included.
      await tell(
        tx,
        req,
        req.openid,
        'confirmed',
        aboutRequest(req, '已办结'),
        `你已确认${quoteTitle(req)}办结，评分 ${rating} 星，感谢你的评价`,
        now,
      );
      return { id, status: 'confirmed' as const, awards };
    }, TX_ATTEMPTS);
  },
});

export const sendBack = action({
  input: z.strictObject({
    id: fields.id,
    reason: z.string().trim().min(2, '请写明退回理由').max(200, '理由最多 200 个字'),
  }),
  access: 'signedIn',
  async run({ id, reason }, ctx) {
    const before = await readRequest(ctx.db, id);
    if (!before || before.openid !== ctx.user._id) throw notFoundRequest();
    await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'reason', name: '退回理由', text: reason }]);
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      assertStep('sendBack', req.status);
      const round = String(req.finishedAt ?? now);
      await tx.collection(REQUESTS).doc(id).update({ status: 'inProgress', finishedAt: null, updatedAt: now });
      await addEvent(
        tx,
        req,
        { status: 'inProgress', text: `退回重办：${reason}`, by: '居民' },
        now,
        'sentBack',
        round,
      );
      for (const openid of req.claimantIds)
        await tell(
          tx,
          req,
          openid,
          'sentBack',
          aboutRequest(req, '被居民退回重办'),
          `居民退回了${quoteTitle(req)}：${reason}`,
          now,
          round,
        );
      return { id, status: 'inProgress' as const };
    }, TX_ATTEMPTS);
  },
});

export const cancel = action({
  input: requestIdField.strict(),
  access: 'signedIn',
  async run({ id }, ctx) {
    const before = await readRequest(ctx.db, id);
    if (!before || before.openid !== ctx.user._id) throw notFoundRequest();
    const now = ctx.now();
    const secretary = await secretaryOf(ctx.db, before.unitId);
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      if (req.status === 'cancelled') return { id, status: req.status };
      assertStep('cancel', req.status);
      const _ = ctx.db.command;
      await tx
        .collection(REQUESTS)
        .doc(id)
        .update({
          status: 'cancelled',
          closedAt: now,
          updatedAt: now,
          taken: 0,
          claims: _.set({}),
          claimantIds: _.set([]),
        });
      await addEvent(tx, req, { status: 'cancelled', text: '居民取消了请求', by: '居民' }, now, 'cancelled');
      if (secretary && req.status !== 'submitted')
        await tell(
          tx,
          req,
          secretary,
          'cancelled',
          aboutRequest(req, '已被居民撤销'),
          `居民撤销了${quoteTitle(req)}`,
          now,
        );
      for (const openid of req.claimantIds) {
        await dropHold(tx, openid, id);
        await tell(
          tx,
          req,
          openid,
          'cancelled',
          aboutRequest(req, '已被居民撤销'),
          `居民撤销了${quoteTitle(req)}，你无需再办理`,
          now,
        );
      }
      return { id, status: 'cancelled' as const };
    }, TX_ATTEMPTS);
  },
});
