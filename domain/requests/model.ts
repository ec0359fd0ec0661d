import { z } from 'zod';
import { CATEGORIES, KIND_LABELS, STATUS_LABELS, type RequestKind, type RequestStatus } from './labels';
import { setting } from '../core/config';
import { notClientWritten, sealedIdentitySchema } from '../core/identity';

/**
 * 群众点单 → 支部下单 → 党员接单. A resident's 微心愿 or 诉求 (`helpRequests`), its timeline
 * (`helpRequestEvents`), the photos people uploaded for it (`helpPhotos`), registered volunteers
 * (`volunteers`) and the 时间银行 (`timeBankAccounts` holding each balance, `timeBankLedger` every change).
 */
export const REQUESTS = 'helpRequests';
export const REQUEST_EVENTS = 'helpRequestEvents';
export const PHOTOS = 'helpPhotos';
export const PHOTO_QUOTAS = 'helpPhotoQuotas';
export const VOLUNTEERS = 'volunteers';
export const TIME_ACCOUNTS = 'timeBankAccounts';
export const TIME_LEDGER = 'timeBankLedger';

/** The 志愿服务 rule whose points a party member earns for a confirmed request (capped like check-in). */
export const SERVICE_RULE_ID = 'r-zhiyuan';
/** The page a message about a request opens. */
export const detailPage = (id: string) => `/packages/help/pages/detail/index?id=${id}`;

export { CATEGORIES, KIND_LABELS, STATUS_LABELS, type RequestKind, type RequestStatus };
export const kindSchema = z.enum(['wish', 'issue']);

export const statusSchema = z.enum(Object.keys(STATUS_LABELS) as [RequestStatus, ...RequestStatus[]]);
/** No further change: nothing is due, contact details are masked for everyone but the resident. */
export const CLOSED: readonly RequestStatus[] = ['declined', 'confirmed', 'cancelled'];
/** Claimants work (progress, finish) while the request is in one of these. */
export const WORKING: readonly RequestStatus[] = ['open', 'inProgress'];

/** Hours limits, overridable for a county's practice: accept within a day, finish within a week. */
export const acceptHours = (): number => setting('REQUEST_ACCEPT_HOURS');
export const finishDays = (): number => setting('REQUEST_FINISH_DAYS');

export const MAX_PLACES = 10;
export const DEFAULT_HOURS = 2;
export const MAX_PHOTOS = 6;
export const PHOTOS_PER_DAY = 30;

/**
 * What one person may repeat (issue 19). Asks a day: a resident rarely has more than one or two needs a day, and each
 * ask messages the secretary. Active claims: a person works on a few tasks at a time, so one account cannot take the
 * hall. Progress a claimant a request a day: enough to report every step, too few to spam the resident.
 * Each may be raised for a county's practice (or a test suite about something else) by its setting (domain/core/config.ts: 5, 3 and 10).
 */
export const asksPerDay = (): number => setting('REQUEST_ASKS_PER_DAY');
export const activeClaims = (): number => setting('REQUEST_ACTIVE_CLAIMS');
export const progressPerDay = (): number => setting('REQUEST_PROGRESS_PER_DAY');
/** Counters per person (`helpPhotoQuotas`): photos, asks and progress a day, and the claims a person holds. */
export const QUOTAS = PHOTO_QUOTAS;
/** A photo nobody attached is removed this long after its upload (the `purgePhotos` job). */
export const UNUSED_PHOTO_MS = 24 * 3_600_000;
/** WeChat pushes a picture's verdict within 30 minutes; one still pending after an hour is checked again (`purgePhotos`). */
export const PICTURE_RECHECK_MS = 3_600_000;

export const CLAIMANT_KINDS = { member: '党员', volunteer: '志愿者' } as const;
export type ClaimantKind = keyof typeof CLAIMANT_KINDS;

export const claimSchema = z.object({
  openid: z.string(),
  nickname: z.string().default('微信用户'),
  kind: z.enum(['member', 'volunteer']),
  /** Assigned by the branch, or taken from the hall. */
  via: z.enum(['assign', 'hall']),
  status: z.enum(['active']).default('active'),
  at: z.number(),
});
export type Claim = z.output<typeof claimSchema>;

/** What confirmation gave each claimant: the 志愿服务 points (0 past the rule's cap) or 时间银行 hours. */
export const awardSchema = z.object({
  openid: z.string(),
  points: z.number().int().min(0),
  hours: z.number().int().min(0),
});
export type Award = z.output<typeof awardSchema>;

export const placeSchema = z.object({
  name: z.string(),
  lat: z.number().nullable().default(null),
  lng: z.number().nullable().default(null),
});

export const requestDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  /** The resident who asked. */
  openid: z.string(),
  requestId: z.string(),
  kind: kindSchema,
  category: z.string(),
  title: z.string(),
  text: z.string(),
  /** Photos that passed the content check: what everyone who may see the request sees. */
  photos: z.array(z.string()).default([]),
  /** Photos still waiting for their check (domain/content): shown to the resident only, marked 审核中 (none: absent). */
  heldPhotos: z.array(z.string()).optional(),
  /** The branch it went to, its name and county (copied: lists and scopes read them without a join). */
  unitId: z.string(),
  unitName: z.string(),
  county: z.string(),
  place: placeSchema.nullable().default(null),
  /** The 先锋岗 or 责任区 it was asked from (「找他办事」 on the map), else null. */
  post: z
    .object({ landmarkId: z.string(), name: z.string(), kind: z.enum(['post', 'area']) })
    .nullable()
    .optional(),
  /** The resident's contact name and phone, sealed (AES-GCM) with masked forms. */
  contact: sealedIdentitySchema,
  publicOnWall: z.boolean(),
  status: statusSchema,
  overdue: z.boolean().default(false),
  escalatedAt: z.number().nullable().default(null),
  createdAt: z.number(),
  updatedAt: z.number(),
  acceptedAt: z.number().nullable().default(null),
  finishedAt: z.number().nullable().default(null),
  confirmedAt: z.number().nullable().default(null),
  closedAt: z.number().nullable().default(null),
  reason: z.string().nullable().default(null),
  mode: z.enum(['assign', 'hall']).nullable().default(null),
  /** Places to fill (a wish 1); 0 until dispatched. `taken` = how many claims: never more than `places`. */
  places: z.number().int().min(0).default(0),
  taken: z.number().int().min(0).default(0),
  hours: z.number().int().min(1).max(8).default(DEFAULT_HOURS),
  /** Claims by key (`claimKey(openid)`): the conditional update that claims tests the key is absent. */
  claims: z.record(z.string(), claimSchema).default({}),
  /** The claimants' openids, for "my tasks" (equality on an array matches an element on both engines). */
  claimantIds: z.array(z.string()).default([]),
  rating: z.number().int().min(1).max(5).nullable().default(null),
  comment: z.string().nullable().default(null),
  awards: z.array(awardSchema).default([]),
});
export type RequestDoc = z.output<typeof requestDocSchema>;

export const eventDocSchema = z.object({
  _id: z.string(),
  requestId: z.string(),
  at: z.number(),
  status: statusSchema,
  /** What happened, in plain words (受理, 派单给…, 进展…). */
  text: z.string(),
  /** Who did it, as shown: 居民, 支部, a claimant's nickname, 系统. */
  by: z.string(),
  /** Photos that passed the content check. */
  photos: z.array(z.string()).default([]),
  /** Photos still waiting for their check, shown only to `heldFor` (who wrote the line). */
  heldPhotos: z.array(z.string()).default([]),
  heldFor: z.string().nullable().default(null),
});
export type EventDoc = z.output<typeof eventDocSchema>;

/**
 * An upload: `new` until a request, progress or finish attaches it (`used`); `removing` while the purge job checks
 * it. Uploads from before the states have none: the job looks their use up.
 */
export const photoDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  fileId: z.string(),
  at: z.number(),
  state: z.enum(['new', 'used', 'removing']).optional(),
  /**
   * Its content check (domain/content): `pending` until WeChat's verdict (matched by `traceId`) arrives, then
   * `passed` or `rejected` (`kind` says why; the file is removed). Uploads from before the check have none: passed.
   * `settled` once the verdict has been carried to every request and timeline line that uses it.
   */
  check: z.enum(['pending', 'passed', 'rejected']).optional(),
  traceId: z.string().nullable().optional(),
  /** When the check was (last) asked for: a pending one older than PICTURE_RECHECK_MS is asked again. */
  checkAt: z.number().nullable().optional(),
  checks: z.number().int().optional(),
  kind: z.string().nullable().optional(),
  settled: z.boolean().optional(),
});
export type PhotoDoc = z.output<typeof photoDocSchema>;

export const VOLUNTEER_STATUS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
export type VolunteerStatus = keyof typeof VOLUNTEER_STATUS;

export const volunteerDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  identity: sealedIdentitySchema,
  /** 双报到: an in-service party member of a workplace, registered at the community they live in. */
  inService: z.boolean(),
  workplace: z.string().nullable().default(null),
  createdAt: z.number(),
  /** The community branch the volunteer belongs to (its name and county copied); null on registrations from before. */
  unitId: z.string().nullable().default(null),
  unitName: z.string().nullable().default(null),
  county: z.string().nullable().default(null),
  /** Vetted by that branch's secretary (or an admin in scope); registrations from before wait (`pending`). */
  status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  appliedAt: z.number().nullable().default(null),
  reviewedBy: z.string().nullable().default(null),
  reviewedAt: z.number().nullable().default(null),
  reason: z.string().nullable().default(null),
});
export type VolunteerDoc = z.output<typeof volunteerDocSchema>;

/** `timeBankAccounts/{openid}`: the balance in hours, and how many entries (each entry's `seq`). */
export const timeAccountDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  balance: z.number().int().min(0),
  earned: z.number().int().min(0),
  entries: z.number().int().min(0),
});
export type TimeAccount = z.output<typeof timeAccountDocSchema>;

export const timeLedgerDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  seq: z.number().int(),
  hours: z.number().int(),
  balanceAfter: z.number().int(),
  requestId: z.string().nullable().default(null),
  reason: z.string(),
  at: z.number(),
});
export type TimeLedgerEntry = z.output<typeof timeLedgerDocSchema>;
