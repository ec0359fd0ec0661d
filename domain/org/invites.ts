import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { AppError, invalidField, notFound } from '../core/errors';
import { addIfAbsent, derivedId, TX_ATTEMPTS, withFreshCode } from '../core/ids';
import { pageByNewest } from '../core/paging';
import { action, type SignedInContext } from '../core/router';
import type { AuditNote } from '../audit';
import { fields } from '../core/validation';
import { assertTextsPass } from '../content';
import { decrypt } from '../privacy';
import { USERS, userDocSchema, type SealedIdentity } from '../core/identity';
import {
  APPLICATIONS,
  APPLICATION_STATUS,
  INVITES,
  INVITE_DAYS,
  ROSTER,
  applicationDocSchema,
  applicationStatusSchema,
  inviteDocSchema,
  rosterDocSchema,
  type ApplicationDoc,
} from './model';
import { phoneField, realNameField, sealIdentity } from './identity';
import { giveJoinDate } from './join-dates';
import { tellDecision } from './notices';
import { readUnit } from './scope';
import { setBranchOf, visibleBranches } from './units';

const DAY = 86_400_000;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newInviteCode = () => Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
const inviteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{8}$/, '邀请码是 8 位字母或数字');

/** What the mini-program opens when the invite QR is scanned (and what the QR encodes). */
export const joinPath = (code: string) => `/packages/org/pages/join/index?code=${code}`;

/** The roster row of `branchId` naming this person, if one was imported. */
export const rosterRowId = (branchId: string, personHash: string) => derivedId('rr', branchId, personHash);

async function branchUnit(db: Database, branchId: string) {
  const unit = await readUnit(db, branchId);
  if (!unit || unit.kind !== 'branch' || unit.archivedAt !== null) throw notFound('党支部');
  return unit;
}

export const createInvite = action({
  input: z.strictObject({ branchId: fields.id, renew: z.boolean().optional() }),
  access: ['admin', 'secretary'],
  scope: ({ branchId }) => ({ branchId }),
  async run({ branchId, renew }, ctx) {
    const unit = await branchUnit(ctx.db, branchId);
    const now = ctx.now();
    const present = (code: string, expiresAt: number) => ({
      code,
      expiresAt,
      branchId,
      branchName: unit.name,
      qrText: joinPath(code),
    });
    if (!renew) {
      // A printed QR stays valid: the branch's live code is given again while it has a week left.
      const live = await ctx.db
        .collection(INVITES)
        .where({ branchId, expiresAt: ctx.db.command.gt(now + 7 * DAY) })
        .orderBy('expiresAt', 'desc')
        .limit(1)
        .get();
      const invite = inviteDocSchema.safeParse(live[0]);
      if (invite.success) return present(invite.data._id, invite.data.expiresAt);
    }
    const expiresAt = now + INVITE_DAYS * DAY;
    const created = await withFreshCode(newInviteCode, '邀请码', async (code) => {
      await ctx.db.collection(INVITES).add({ _id: code, branchId, createdBy: ctx.user._id, createdAt: now, expiresAt });
      return present(code, expiresAt);
    });
    // A renewed code replaces the old ones: a leaked QR stops working now, not in 30 days.
    if (renew) await endOlderInvites(ctx.db, branchId, created.code, ctx.user._id, now);
    return created;
  },
});

/** Expires every live code of `branchId` but `keep`, in one conditional update. */
async function endOlderInvites(db: Database, branchId: string, keep: string, by: string, now: number): Promise<void> {
  const _ = db.command;
  await db
    .collection(INVITES)
    .where({ branchId, expiresAt: _.gt(now), _id: _.neq(keep) })
    .update({ expiresAt: now, revokedAt: now, revokedBy: by });
}

/** The branch's managers stop a code at once (a QR posted where it should not be). */
export const revokeInvite = action({
  input: z.strictObject({ code: inviteCode }),
  access: ['admin', 'secretary'],
  async scope({ code }, ctx) {
    const invite = inviteDocSchema.safeParse(await ctx.db.collection(INVITES).doc(code).get());
    return invite.success ? { branchId: invite.data.branchId } : null;
  },
  async run({ code }, ctx) {
    const now = ctx.now();
    return ctx.db.runTransaction(async (tx) => {
      const before = inviteDocSchema.safeParse(await tx.collection(INVITES).doc(code).get());
      if (!before.success) throw new AppError('NOT_FOUND', '邀请码无效，请核对后重试');
      const live = before.data.expiresAt > now;
      const change = { expiresAt: now, revokedAt: now, revokedBy: ctx.user._id };
      if (live) await tx.collection(INVITES).doc(code).update(change);
      ctx.audit?.({ targetId: code, before: before.data, after: live ? { ...before.data, ...change } : before.data });
      return { code, branchId: before.data.branchId, revoked: true };
    }, TX_ATTEMPTS);
  },
});

async function liveInvite(db: Database, code: string, now: number) {
  const invite = inviteDocSchema.safeParse(await db.collection(INVITES).doc(code).get());
  if (!invite.success) throw new AppError('NOT_FOUND', '邀请码无效，请核对后重试');
  if (invite.data.revokedAt !== null && invite.data.expiresAt <= now)
    throw new AppError('TOO_LATE', '邀请码已停用，请向支部书记索取新的邀请码');
  if (invite.data.expiresAt <= now) throw new AppError('TOO_LATE', '邀请码已过期，请向支部书记索取新的邀请码');
  const unit = await readUnit(db, invite.data.branchId);
  if (!unit || unit.kind !== 'branch' || unit.archivedAt !== null)
    throw new AppError('NOT_FOUND', '该党支部已不存在或已撤销');
  return { invite: invite.data, unit };
}

export const joinInfo = action({
  input: z.strictObject({ code: inviteCode }),
  access: 'signedIn',
  async run({ code }, ctx) {
    const { invite, unit } = await liveInvite(ctx.db, code, ctx.now());
    return { branchId: unit._id, branchName: unit.name, county: unit.county, expiresAt: invite.expiresAt };
  },
});

/**
 * Makes the applicant a member of the branch (in `tx`): a resident or member becomes 党员 there; their
 * points account moves with them and their ledger stays. Marks the branch's roster row, if any, as met, and
 * gives them the 入党日期 it names.
 */
async function join(tx: Transaction, app: ApplicationDoc, by: string, now: number): Promise<void> {
  const user = userDocSchema.safeParse(await tx.collection(USERS).doc(app.openid).get());
  if (!user.success) throw notFound('申请人');
  const role = user.data.role;
  if (role !== 'resident' && role !== 'member')
    throw new AppError('CONFLICT', '申请人现为管理员、书记或工作人员，其身份请由管理员调整');
  const identity: SealedIdentity = {
    name: app.sealedName,
    phone: app.sealedPhone,
    maskedName: app.maskedName,
    maskedPhone: app.maskedPhone,
    personHash: app.personHash,
  };
  await tx
    .collection(USERS)
    .doc(app.openid)
    .update({ role: 'member', branchId: app.branchId, identity, updatedBy: by, updatedAt: now });
  await setBranchOf(tx, app.openid, app.branchId);
  const rowId = rosterRowId(app.branchId, app.personHash);
  const row = rosterDocSchema.safeParse(await tx.collection(ROSTER).doc(rowId).get());
  if (row.success && row.data.matchedOpenid === null) {
    await tx.collection(ROSTER).doc(rowId).update({ matchedOpenid: app.openid });
    if (row.data.joinDate) await giveJoinDate(tx, app.openid, row.data.joinDate, by, now);
  }
}

/**
 * Approves a pending application (the secretary's or an admin's review). A match with the imported roster is
 * only a hint beside it: someone who knows a listed name and phone is not let in on that alone.
 */
export async function approve(
  db: Database,
  applicationId: string,
  by: string,
  now: number,
  audit?: (note: AuditNote) => void,
) {
  return db.runTransaction(async (tx) => {
    const app = applicationDocSchema.safeParse(await tx.collection(APPLICATIONS).doc(applicationId).get());
    if (!app.success) throw notFound('申请');
    if (app.data.status !== 'pending') throw new AppError('CONFLICT', `该申请${APPLICATION_STATUS[app.data.status]}`);
    await join(tx, app.data, by, now);
    const change = { status: 'approved' as const, reviewedBy: by, reviewedAt: now };
    await tx.collection(APPLICATIONS).doc(applicationId).update(change);
    await tellDecision(tx, app.data, { status: 'approved' }, now);
    audit?.({ targetId: applicationId, before: app.data, after: { ...app.data, ...change } });
    return { applicationId, status: 'approved' as const };
  }, TX_ATTEMPTS);
}

/** Marks pending applications to `branchId` by this person as matching its roster: the secretary confirms them. */
export async function flagRosterMatches(db: Database, branchId: string, personHash: string): Promise<number> {
  const _ = db.command;
  const { updated } = await db
    .collection(APPLICATIONS)
    .where({ branchId, personHash, status: 'pending', matchedRoster: _.neq(true) })
    .update({ matchedRoster: true });
  return updated;
}

async function ensureUser(ctx: SignedInContext) {
  await addIfAbsent(ctx.db, USERS, { ...ctx.user, createdAt: ctx.user.createdAt || ctx.now() });
}

export const apply = action({
  input: z.strictObject({ code: inviteCode, realName: realNameField, phone: phoneField, requestId: fields.requestId }),
  access: 'signedIn',
  async run({ code, realName, phone, requestId }, ctx) {
    const now = ctx.now();
    const _ = ctx.db.command;
    // One pending application per person: every application made while none was decided shares one id,
    // so two taps (or two codes) at once cannot both land; after a decision the next one gets a new id.
    const present = async (app: ApplicationDoc) => {
      const unit = await readUnit(ctx.db, app.branchId);
      return {
        applicationId: app._id,
        status: app.status,
        statusLabel: APPLICATION_STATUS[app.status],
        branchName: unit?.name ?? '',
      };
    };
    // The same tap sent again (even after a decision) gets its answer.
    const same = applicationDocSchema.safeParse(
      (await ctx.db.collection(APPLICATIONS).where({ openid: ctx.user._id, requestId }).limit(1).get())[0],
    );
    if (same.success) return present(same.data);
    const decided = await ctx.db
      .collection(APPLICATIONS)
      .where({ openid: ctx.user._id, status: _.in(['approved', 'rejected']) })
      .count();
    const applicationId = derivedId('ap', ctx.user._id, String(decided));
    const answer = async () => {
      const app = applicationDocSchema.parse(await ctx.db.collection(APPLICATIONS).doc(applicationId).get());
      if (app.requestId !== requestId) throw new AppError('CONFLICT', '你已有一份待审核的申请，请等待支部书记审核');
      return present(app);
    };
    if (await ctx.db.collection(APPLICATIONS).doc(applicationId).get()) return answer();
    const { unit } = await liveInvite(ctx.db, code, now);
    const { role, branchId } = ctx.user;
    if (role !== 'resident' && role !== 'member')
      throw new AppError('CONFLICT', '你当前的身份由管理员设置，不能通过邀请码加入党支部');
    if (branchId === unit._id) throw new AppError('CONFLICT', `你已是${unit.name}党员`);
    await ensureUser(ctx);
    const sealed = sealIdentity(realName, phone);
    const added = await addIfAbsent(ctx.db, APPLICATIONS, {
      _id: applicationId,
      openid: ctx.user._id,
      branchId: unit._id,
      code,
      requestId,
      sealedName: sealed.name,
      sealedPhone: sealed.phone,
      maskedName: sealed.maskedName,
      maskedPhone: sealed.maskedPhone,
      personHash: sealed.personHash,
      status: 'pending',
      createdAt: now,
      reviewedBy: null,
      reviewedAt: null,
      reason: '',
      matchedRoster: false,
    });
    if (!added) return answer();
    // Named in the branch's imported roster: flagged for the secretary, who confirms with one tap.
    const row = rosterDocSchema.safeParse(
      await ctx.db.collection(ROSTER).doc(rosterRowId(unit._id, sealed.personHash)).get(),
    );
    if (row.success && row.data.matchedOpenid === null) await flagRosterMatches(ctx.db, unit._id, sealed.personHash);
    return answer();
  },
});

export const myApplications = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx) {
    const docs = await ctx.db
      .collection(APPLICATIONS)
      .where({ openid: ctx.user._id })
      .orderBy('createdAt', 'desc')
      .limit(10)
      .get();
    const items = [];
    for (const d of docs) {
      const a = applicationDocSchema.safeParse(d);
      if (!a.success) continue;
      const unit = await readUnit(ctx.db, a.data.branchId);
      items.push({
        applicationId: a.data._id,
        branchName: unit?.name ?? '',
        status: a.data.status,
        statusLabel: APPLICATION_STATUS[a.data.status],
        reason: a.data.reason,
        createdAt: a.data.createdAt,
      });
    }
    return { items };
  },
});

export const applications = action({
  input: z.strictObject({
    branchId: fields.id.optional(),
    status: applicationStatusSchema.optional(),
    cursor: fields.cursor,
    limit: fields.limit,
  }),
  access: ['admin', 'secretary'],
  scope: ({ branchId }) => (branchId ? { branchId } : null),
  async run({ branchId, status, cursor, limit }, ctx) {
    const _ = ctx.db.command;
    const { ids, names } = await visibleBranches(ctx.db, ctx.user);
    const branchFilter = branchId ? { branchId } : { branchId: _.in(ids) };
    const page = await pageByNewest(
      ctx.db.collection(APPLICATIONS),
      { ...branchFilter, ...(status ? { status } : {}) },
      'createdAt',
      { cursor, limit },
      applicationDocSchema,
      (a) => a,
    );
    return {
      items: page.items.map((a) => ({
        applicationId: a._id,
        branchId: a.branchId,
        branchName: names.get(a.branchId) ?? '',
        // The reviewer needs to know who is asking: the full name; the phone masked.
        realName: safeDecrypt(a.sealedName, a.maskedName),
        phoneMasked: a.maskedPhone,
        status: a.status,
        statusLabel: APPLICATION_STATUS[a.status],
        reason: a.reason,
        matchedRoster: a.matchedRoster,
        createdAt: a.createdAt,
      })),
      nextCursor: page.nextCursor,
    };
  },
});

/** A sealed value for a reader in scope; the masked form if the key has changed since. */
export function safeDecrypt(sealed: string, masked: string): string {
  try {
    return decrypt(sealed);
  } catch {
    return masked;
  }
}

export const review = action({
  input: z.strictObject({
    applicationId: fields.id,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(100).optional(),
  }),
  access: ['admin', 'secretary'],
  async scope({ applicationId }, ctx) {
    const app = applicationDocSchema.safeParse(await ctx.db.collection(APPLICATIONS).doc(applicationId).get());
    return app.success ? { branchId: app.data.branchId } : null;
  },
  async run({ applicationId, decision, reason }, ctx) {
    const now = ctx.now();
    if (decision === 'approve') return approve(ctx.db, applicationId, ctx.user._id, now, ctx.audit);
    if (!reason) throw invalidField('reason', '请填写不通过的原因，申请人会看到');
    // The applicant reads the reason: checked before the decision is written.
    await assertTextsPass(ctx.services, ctx.user._id, 'comment', [{ field: 'reason', name: '原因', text: reason }]);
    return ctx.db.runTransaction(async (tx) => {
      const app = applicationDocSchema.safeParse(await tx.collection(APPLICATIONS).doc(applicationId).get());
      if (!app.success) throw notFound('申请');
      if (app.data.status !== 'pending') throw new AppError('CONFLICT', `该申请${APPLICATION_STATUS[app.data.status]}`);
      const change = { status: 'rejected' as const, reviewedBy: ctx.user._id, reviewedAt: now, reason };
      await tx.collection(APPLICATIONS).doc(applicationId).update(change);
      await tellDecision(tx, app.data, { status: 'rejected', reason }, now);
      ctx.audit?.({ targetId: applicationId, before: app.data, after: { ...app.data, ...change } });
      return { applicationId, status: 'rejected' as const };
    }, TX_ATTEMPTS);
  },
});
