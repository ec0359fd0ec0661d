/** 支部下单: the secretary's (or an admin's in scope) queue, accepting or declining, and dispatching to a member or the 任务大厅. */
import { z } from 'zod';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS } from '../core/ids';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { USERS, userDocSchema } from '../core/identity';
import { assertStep } from './status';
import { DEFAULT_HOURS, MAX_PLACES, REQUESTS, requestDocSchema, type Claim } from './model';
import {
  aboutRequest,
  addEvent,
  claimKey,
  managedScope,
  notFoundRequest,
  quoteTitle,
  readRequest,
  tell,
  withRole,
} from './present';
import { STAFF, scopeOfRequest, txRequest, listInput, cards } from './shared';
import { assertTextsPass } from '../content';

export const queue = action({
  input: listInput,
  access: STAFF,
  async run({ status, cursor, limit }, ctx) {
    const where = await managedScope(ctx.db, ctx.user, { status });
    if (!where) return { items: [], nextCursor: null };
    const page = await pageByNewest(
      ctx.db.collection(REQUESTS),
      where,
      'createdAt',
      { cursor, limit },
      requestDocSchema,
      (d) => d,
    );
    return cards(ctx, page);
  },
});

export const review = action({
  input: z
    .strictObject({
      id: fields.id,
      decision: z.enum(['accept', 'decline'], { error: '请选择受理或不受理' }),
      reason: z.string().trim().max(200, '理由最多 200 个字').optional(),
    })
    .superRefine((v, c) => {
      if (v.decision === 'decline' && (!v.reason || v.reason.length < 2))
        c.addIssue({ code: 'custom', path: ['reason'], message: '不受理时请写明理由' });
    }),
  access: STAFF,
  scope: scopeOfRequest,
  async run({ id, decision, reason }, ctx) {
    // The reason of a refusal is read by the resident: checked as the secretary's (or admin's) own words.
    if (decision === 'decline')
      await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'reason', name: '理由', text: reason }]);
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, id);
      assertStep('review', req.status);
      const accepted = decision === 'accept';
      const change: {
        status: 'accepted' | 'declined';
        updatedAt: number;
        acceptedAt?: number;
        reason?: string;
        closedAt?: number;
      } = accepted
        ? { status: 'accepted', acceptedAt: now, updatedAt: now }
        : { status: 'declined', reason: reason ?? '', closedAt: now, updatedAt: now };
      await tx
        .collection(REQUESTS)
        .doc(id)
        .update({ ...change });
      ctx.audit?.({ targetId: id, before: { status: req.status }, after: { status: change.status } });
      await addEvent(
        tx,
        req,
        { status: change.status, text: accepted ? '支部已受理' : `未受理：${reason ?? ''}`, by: req.unitName },
        now,
        change.status,
      );
      await tell(
        tx,
        req,
        req.openid,
        change.status,
        aboutRequest(req, accepted ? `已被${req.unitName}受理` : '未被受理'),
        accepted ? `${req.unitName}已受理你的${quoteTitle(req)}` : `你的${quoteTitle(req)}未被受理：${reason ?? ''}`,
        now,
      );
      return { id, status: change.status };
    }, TX_ATTEMPTS);
  },
});

const hoursField = z.number().int('时长必须是整数').min(1, '时长 1 到 8 小时').max(8, '时长 1 到 8 小时').optional();

export const dispatch = action({
  input: z.discriminatedUnion(
    'mode',
    [
      z.strictObject({ id: fields.id, mode: z.literal('assign'), openid: fields.id, hours: hoursField }),
      z.strictObject({
        id: fields.id,
        mode: z.literal('hall'),
        places: z
          .number()
          .int('名额必须是整数')
          .min(1, `名额 1 到 ${MAX_PLACES} 人`)
          .max(MAX_PLACES, `名额 1 到 ${MAX_PLACES} 人`)
          .optional(),
        hours: hoursField,
      }),
    ],
    { error: '请选择派给党员或发布到任务大厅' },
  ),
  access: STAFF,
  scope: scopeOfRequest,
  async run(input, ctx) {
    const now = ctx.now();
    const before = await readRequest(ctx.db, input.id);
    if (!before) throw notFoundRequest();
    let assignee: Claim | null = null;
    if (input.mode === 'assign') {
      const target = userDocSchema.safeParse(await ctx.db.collection(USERS).doc(input.openid).get());
      if (
        !target.success ||
        !(target.data.role === 'member' || target.data.role === 'secretary') ||
        target.data.branchId !== before.unitId
      ) {
        throw new AppError('INVALID_ARGUMENT', '只能派给本支部的党员', 'openid');
      }
      if (target.data._id === before.openid) throw new AppError('INVALID_ARGUMENT', '不能派给提出请求的本人', 'openid');
      assignee = {
        openid: target.data._id,
        nickname: target.data.nickname,
        kind: 'member',
        via: 'assign',
        status: 'active',
        at: now,
      };
    } else if (before.kind === 'wish' && input.places !== undefined && input.places !== 1) {
      throw new AppError('INVALID_ARGUMENT', '微心愿只能由一人认领', 'places');
    }
    const hours = input.hours ?? DEFAULT_HOURS;
    return ctx.db.runTransaction(async (tx) => {
      const req = await txRequest(tx, input.id);
      assertStep('dispatch', req.status);
      const _ = ctx.db.command;
      if (assignee) {
        await tx
          .collection(REQUESTS)
          .doc(req._id)
          .update({
            status: 'inProgress',
            mode: 'assign',
            places: 1,
            taken: 1,
            hours,
            updatedAt: now,
            claims: _.set({ [claimKey(assignee.openid)]: { ...assignee } }),
            claimantIds: _.set([assignee.openid]),
          });
        await addEvent(
          tx,
          req,
          { status: 'inProgress', text: `安排${withRole('党员', assignee.nickname)}办理`, by: req.unitName },
          now,
          'assign',
        );
        await tell(
          tx,
          req,
          assignee.openid,
          'assigned',
          aboutRequest(req, '派给了你，请联系居民'),
          `${req.unitName}把${quoteTitle(req)}派给了你，请及时联系居民办理`,
          now,
        );
        await tell(
          tx,
          req,
          req.openid,
          'inProgress',
          aboutRequest(req, `已安排${withRole('党员', assignee.nickname)}办理`),
          `${req.unitName}已安排${withRole('党员', assignee.nickname)}办理你的${quoteTitle(req)}`,
          now,
        );
        ctx.audit?.({
          targetId: req._id,
          before: { status: req.status },
          after: { status: 'inProgress', assignee: assignee.openid },
        });
        return { id: req._id, status: 'inProgress' as const };
      }
      const places = req.kind === 'wish' ? 1 : ((input.mode === 'hall' ? input.places : undefined) ?? 1);
      await tx
        .collection(REQUESTS)
        .doc(req._id)
        .update({ status: 'open', mode: 'hall', places, taken: 0, hours, updatedAt: now });
      await addEvent(
        tx,
        req,
        { status: 'open', text: `公开招募党员和志愿者办理（需 ${places} 人）`, by: req.unitName },
        now,
        'hall',
      );
      await tell(
        tx,
        req,
        req.openid,
        'open',
        aboutRequest(req, '正在招募党员和志愿者办理'),
        `你的${quoteTitle(req)}已公开招募，党员或志愿者认领后会联系你`,
        now,
      );
      ctx.audit?.({ targetId: req._id, before: { status: req.status }, after: { status: 'open', places } });
      return { id: req._id, status: 'open' as const };
    }, TX_ATTEMPTS);
  },
});

// ---- the resident closes it ----
