/**
 * Volunteer registration (双报到 in-service members among them) and the 时间银行 a volunteer earns hours in.
 * A registration names the community branch the volunteer belongs to; that branch's secretary (or an admin in
 * scope) approves or rejects it, as with applications to join a branch (domain/org/invites.ts). Until approved a
 * volunteer sees no 任务大厅 and claims nothing; registrations from before this rule wait the same way.
 */
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { action } from '../core/router';
import { AppError } from '../core/errors';
import { TX_ATTEMPTS } from '../core/ids';
import { pageByNewest } from '../core/paging';
import { fields } from '../core/validation';
import { enqueue } from '../messages';
import { assertTextsPass } from '../content';
import { phoneField, realNameField, sealIdentity, readUnit } from '../org';
import { decrypt } from '../privacy';
import { phoneCodeField, resolvePhone } from '../phone';
import { readTimeAccount } from './awards';
import {
  TIME_LEDGER,
  VOLUNTEERS,
  VOLUNTEER_STATUS,
  timeLedgerDocSchema,
  volunteerDocSchema,
  type VolunteerDoc,
  type VolunteerStatus,
} from './model';
import { managedScope, readVolunteer, takeQuota } from './present';
import { dayOf } from '../core/time';

/** Registrations (and registering again) a person a Shanghai day. */
export const REGISTRATIONS_PER_DAY = 5;

/** Where a secretary reviews volunteers (the queue page's 志愿者 tab), and where a volunteer follows their registration. */
export const VOLUNTEER_REVIEW_PAGE = '/packages/help/pages/queue/index?tab=volunteers';
export const VOLUNTEER_PAGE = '/packages/help/pages/volunteer/index';

async function tellAbout(
  tx: Transaction,
  volunteer: string,
  to: string,
  kind: VolunteerStatus,
  title: string,
  body: string,
  page: string,
  now: number,
): Promise<void> {
  await enqueue(
    tx,
    {
      cause: ['volunteer', volunteer, kind, to, String(now)],
      openid: to,
      module: 'requests',
      kind: `volunteer.${kind}`,
      title,
      body,
      page,
      refId: volunteer,
    },
    now,
  );
}

const unitIdField = z
  .string({ error: '请选择所在社区的党支部' })
  .trim()
  .min(1, '请选择所在社区的党支部')
  .max(64, '请选择所在社区的党支部');

export const registerVolunteer = action({
  input: z.strictObject({
    realName: realNameField,
    /** Typed by hand (stored unverified), or `phoneCode` from the phone-number button (exchanged on the server, verified). */
    phone: phoneField.optional(),
    phoneCode: phoneCodeField.optional(),
    inService: z.boolean({ error: '请选择是否为在职党员（双报到）' }),
    workplace: z.string().trim().max(40, '工作单位最多 40 个字').optional(),
    unitId: unitIdField,
  }),
  access: 'signedIn',
  async run({ realName, phone: typed, phoneCode, inService, workplace, unitId }, ctx) {
    const openid = ctx.user._id;
    const now = ctx.now();
    const unit = await readUnit(ctx.db, unitId);
    if (!unit || unit.kind !== 'branch' || !unit.secretary || unit.archivedAt !== null)
      throw new AppError('INVALID_ARGUMENT', '请选择有支部书记的社区党支部', 'unitId');
    const secretary = unit.secretary;
    // The secretary reads the workplace: checked before the phone's code is spent or anything is written.
    await assertTextsPass(ctx.services, openid, 'profile', [{ field: 'workplace', name: '工作单位', text: workplace }]);
    // Outside the transaction: a button's code is spent once, and a refusal writes nothing.
    const { phone, verified } = await resolvePhone(ctx, { phone: typed, code: phoneCode }, 'phone');
    const sealed = { ...sealIdentity(realName, phone), phoneVerified: verified };
    return ctx.db.runTransaction(async (tx) => {
      const existing = await readVolunteer(tx, openid);
      // The same person at the same branch keeps a decision already made; anything else is vetted (again).
      const same = !!existing && existing.unitId === unitId && existing.identity.personHash === sealed.personHash;
      const status: VolunteerStatus = same && existing.status === 'approved' ? 'approved' : 'pending';
      // Already waiting at this branch: the secretary was told once (a new phone or name does not tell them again).
      const waiting = !!existing && existing.status === 'pending' && existing.unitId === unitId;
      // Each registration may message a secretary: a few a day.
      await takeQuota(
        tx,
        `volunteer:${openid}:${dayOf(now)}`,
        REGISTRATIONS_PER_DAY,
        `每天最多登记 ${REGISTRATIONS_PER_DAY} 次，请明天再试`,
      );
      await tx
        .collection(VOLUNTEERS)
        .doc(openid)
        .set({
          identity: sealed,
          inService,
          workplace: workplace || null,
          createdAt: existing ? existing.createdAt : now,
          unitId,
          unitName: unit.name,
          county: unit.county,
          status,
          appliedAt: (same && existing.appliedAt) || now,
          reviewedBy: status === 'approved' ? (existing?.reviewedBy ?? null) : null,
          reviewedAt: status === 'approved' ? (existing?.reviewedAt ?? null) : null,
          reason: null,
        });
      if (status === 'pending' && !waiting) {
        await tellAbout(
          tx,
          openid,
          secretary,
          'pending',
          '新的志愿者登记',
          `${sealed.maskedName}登记为${unit.name}的志愿者，请审核`,
          VOLUNTEER_REVIEW_PAGE,
          now,
        );
      }
      return {
        registered: true,
        updated: !!existing,
        status,
        statusLabel: VOLUNTEER_STATUS[status],
        unitName: unit.name,
      };
    }, TX_ATTEMPTS);
  },
});

export const volunteerMe = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx) {
    const v = await readVolunteer(ctx.db, ctx.user._id);
    const account = await readTimeAccount(ctx.db, ctx.user._id);
    return {
      registered: !!v,
      status: v ? v.status : null,
      statusLabel: v ? VOLUNTEER_STATUS[v.status] : null,
      unitId: v?.unitId ?? null,
      unitName: v?.unitName ?? null,
      reason: v?.reason ?? null,
      inService: v ? v.inService : false,
      workplace: v ? v.workplace : null,
      maskedName: v ? v.identity.maskedName : null,
      maskedPhone: v ? v.identity.maskedPhone : null,
      phoneVerified: v ? v.identity.phoneVerified === true : false,
      hours: account.balance,
    };
  },
});

const STAFF = ['secretary', 'admin'] as const;
const volunteerStatusSchema = z.enum(['pending', 'approved', 'rejected'], {
  error: '状态只能是待审核、已通过或未通过',
});

/** A sealed value for a reviewer in scope; its masked form if the key has changed since. */
function opened(sealed: string, masked: string): string {
  try {
    return decrypt(sealed);
  } catch {
    return masked;
  }
}

/** The volunteers of the secretary's branch (an admin: of their county, or all), pending ones by default. */
export const volunteers = action({
  input: z.strictObject({ status: volunteerStatusSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: STAFF,
  async run({ status = 'pending', cursor, limit }, ctx) {
    const where = await managedScope(ctx.db, ctx.user, { status });
    if (!where) return { items: [], nextCursor: null };
    return pageByNewest(
      ctx.db.collection(VOLUNTEERS),
      where,
      'appliedAt',
      { cursor, limit },
      volunteerDocSchema,
      (v: VolunteerDoc) => ({
        openid: v._id,
        // The reviewer needs to know who is asking: the name in full; the phone masked.
        realName: opened(v.identity.name, v.identity.maskedName),
        phoneMasked: v.identity.maskedPhone,
        // Typed by hand (or from before): the reviewer sees it is not checked by WeChat.
        phoneVerified: v.identity.phoneVerified === true,
        inService: v.inService,
        workplace: v.workplace,
        unitId: v.unitId,
        unitName: v.unitName,
        status: v.status,
        statusLabel: VOLUNTEER_STATUS[v.status],
        reason: v.reason,
        appliedAt: v.appliedAt,
      }),
    );
  },
});

async function volunteerUnit(db: Database, openid: string) {
  const v = await readVolunteer(db, openid);
  return v?.unitId ? { unitId: v.unitId } : null;
}

export const reviewVolunteer = action({
  input: z
    .strictObject({
      openid: fields.id,
      decision: z.enum(['approve', 'reject'], { error: '请选择通过或不通过' }),
      reason: z.string().trim().max(100, '原因最多 100 个字').optional(),
    })
    .superRefine((v, c) => {
      if (v.decision === 'reject' && (!v.reason || v.reason.length < 2))
        c.addIssue({ code: 'custom', path: ['reason'], message: '请填写不通过的原因，登记人会看到' });
    }),
  access: STAFF,
  scope: ({ openid }, ctx) => volunteerUnit(ctx.db, openid),
  async run({ openid, decision, reason }, ctx) {
    const now = ctx.now();
    // The volunteer reads the reason: checked before the decision is written.
    if (decision === 'reject')
      await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'reason', name: '原因', text: reason }]);
    return ctx.db.runTransaction(async (tx) => {
      const v = await readVolunteer(tx, openid);
      if (!v || !v.unitId) throw new AppError('NOT_FOUND', '该志愿者登记不存在或尚未选择社区');
      if (v.status !== 'pending') throw new AppError('CONFLICT', `该登记${VOLUNTEER_STATUS[v.status]}`);
      const status: VolunteerStatus = decision === 'approve' ? 'approved' : 'rejected';
      await tx
        .collection(VOLUNTEERS)
        .doc(openid)
        .update({
          status,
          reviewedBy: ctx.user._id,
          reviewedAt: now,
          reason: status === 'rejected' ? (reason ?? '') : null,
        });
      ctx.audit?.({
        targetId: openid,
        before: { status: v.status, unitId: v.unitId },
        after: { status, unitId: v.unitId, reason: reason ?? null },
      });
      const body =
        status === 'approved'
          ? `${v.unitName ?? '支部'}已通过你的志愿者登记，现在可以在任务大厅认领任务`
          : `${v.unitName ?? '支部'}未通过你的志愿者登记：${reason ?? ''}`;
      await tellAbout(
        tx,
        openid,
        openid,
        status,
        status === 'approved' ? '志愿者登记已通过' : '志愿者登记未通过',
        body,
        VOLUNTEER_PAGE,
        now,
      );
      return { openid, status, statusLabel: VOLUNTEER_STATUS[status] };
    }, TX_ATTEMPTS);
  },
});

export const timeBank = action({
  input: z.strictObject({ cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  async run({ cursor, limit }, ctx) {
    const account = await readTimeAccount(ctx.db, ctx.user._id);
    const page = await pageByNewest(
      ctx.db.collection(TIME_LEDGER),
      { openid: ctx.user._id },
      'seq',
      { cursor, limit },
      timeLedgerDocSchema,
      (e) => ({
        entryId: e._id,
        seq: e.seq,
        hours: e.hours,
        balanceAfter: e.balanceAfter,
        reason: e.reason,
        requestId: e.requestId,
        at: e.at,
      }),
    );
    return { balance: account.balance, earned: account.earned, ...page };
  },
});
