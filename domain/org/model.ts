import { z } from 'zod';
import { PARENT_KINDS, UNIT_KINDS, type UnitKind } from './labels';
import { notClientWritten } from '../core/identity';

/** The organisation tree: counties → 街道/社区 大党委 and 联盟 → 党支部. */
export const UNITS = 'orgUnits';
/** Invite codes of a branch (`_id` = the code). */
export const INVITES = 'orgInvites';
/** Applications to join a branch, sealed like vaccination data. */
export const APPLICATIONS = 'orgApplications';
/** Rows of an imported branch roster, waiting for those people to join (`_id` derived from branch + person). */
export const ROSTER = 'orgRoster';
/** 入党日期: one document a party member (`_id` = openid), kept apart from the user document. */
export const PARTY_DATES = 'partyDates';

export { UNIT_KINDS, PARENT_KINDS, type UnitKind };
export const unitKindSchema = z.enum(Object.keys(UNIT_KINDS) as [UnitKind, ...UnitKind[]]);

export const unitDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  parentId: z.string().nullable(),
  kind: unitKindSchema,
  name: z.string(),
  /** The county's full name as stations, sites and branches carry it (e.g. 桂林市永福县). */
  county: z.string(),
  secretary: z.string().nullable().catch(null).default(null),
  createdAt: z.number().default(0),
  /** Archived (撤销): out of the tree, the pickers and joining; kept for the records that name it. */
  archivedAt: z.number().nullable().catch(null).default(null),
});
export type UnitDoc = z.output<typeof unitDocSchema>;

/** Units one parent may hold (counties count under no parent): a county's 社区 and 机关 fit many times over. */
export const UNITS_PER_PARENT = 200;

export const INVITE_DAYS = 30;
export const inviteDocSchema = z.object({
  _id: z.string(),
  branchId: z.string(),
  createdBy: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  /** Ended early: by a renewal or a revocation (then `expiresAt` is that moment). */
  revokedAt: z.number().nullable().default(null),
  revokedBy: z.string().nullable().default(null),
});

export const APPLICATION_STATUS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUS;
export const applicationStatusSchema = z.enum(
  Object.keys(APPLICATION_STATUS) as [ApplicationStatus, ...ApplicationStatus[]],
);

export const applicationDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  openid: z.string(),
  branchId: z.string(),
  code: z.string(),
  /** The tap that made it: the same request again gets the same answer. */
  requestId: z.string().default(''),
  sealedName: z.string(),
  sealedPhone: z.string(),
  maskedName: z.string(),
  maskedPhone: z.string(),
  personHash: z.string(),
  status: applicationStatusSchema,
  createdAt: z.number(),
  reviewedBy: z.string().nullable().default(null),
  reviewedAt: z.number().nullable().default(null),
  reason: z.string().default(''),
  /** Approved on arrival because an imported roster row of the branch named this person. */
  matchedRoster: z.boolean().default(false),
});
export type ApplicationDoc = z.output<typeof applicationDocSchema>;

export const rosterDocSchema = z.object({
  _id: z.string(),
  branchId: z.string(),
  personHash: z.string(),
  sealedName: z.string(),
  sealedPhone: z.string(),
  maskedName: z.string(),
  maskedPhone: z.string(),
  importedBy: z.string(),
  importedAt: z.number(),
  matchedOpenid: z.string().nullable().default(null),
  /** 入党日期 from the roster's optional column ('YYYY-MM-DD'): given to the member when they join. */
  joinDate: z.string().nullable().default(null),
});

export const partyDateDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  /** 'YYYY-MM-DD'. */
  joinDate: z.string(),
  /** 'MM-DD' of the joining date: the day the job looks for. */
  monthDay: z.string(),
  updatedAt: z.number(),
  updatedBy: z.string(),
});
export type PartyDateDoc = z.output<typeof partyDateDocSchema>;
