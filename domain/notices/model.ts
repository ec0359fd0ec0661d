import { z } from 'zod';
import { notClientWritten } from '../core/identity';
import { NOTICE_AUDIENCES, NOTICE_SCOPES, type NoticeAudience, type NoticeScope } from './labels';

/** 通知公告: one document a notice (`_id` derived from its publisher and the tap that made it). */
export const NOTICES = 'notices';
/** Who read which notice: one document a reader and notice (`_id` derived from both), counted, never summed in one place. */
export const NOTICE_READS = 'noticeReads';

export const noticeScopeSchema = z.enum(Object.keys(NOTICE_SCOPES) as [NoticeScope, ...NoticeScope[]]);
export const noticeAudienceSchema = z.enum(Object.keys(NOTICE_AUDIENCES) as [NoticeAudience, ...NoticeAudience[]]);

export const noticeDocSchema = z.object({
  _id: z.string(),
  _openid: notClientWritten,
  title: z.string(),
  body: z.string(),
  scope: noticeScopeSchema,
  /** For a branch notice: the branch; for the others null. */
  branchId: z.string().nullable(),
  /** The county a branch or county notice lies in ('' for the whole system): who may manage it. */
  county: z.string(),
  audience: noticeAudienceSchema,
  /**
   * Who may read it, as one key (see `audienceKey`): a reader's keys are worked out from who they are, so the
   * notices they may read are one indexed `in` query.
   */
  key: z.string(),
  /** The unit's name it came from (支部 or 县), shown under the title. */
  fromName: z.string(),
  publishedBy: z.string(),
  publishedAt: z.number(),
  pinned: z.boolean(),
  /** Shown until then (`NEVER`: until ended); ending a notice sets it to that moment. */
  expiresAt: z.number(),
  /** Members still to be told, paged by openid: the last one told, or null when all have been (`done`). */
  tellCursor: z.string().nullable().default(null),
  telling: z.boolean().default(false),
});
export type NoticeDoc = z.output<typeof noticeDocSchema>;

export const noticeReadDocSchema = z.object({
  _id: z.string(),
  noticeId: z.string(),
  openid: z.string(),
  at: z.number(),
});

/** The one key a notice is read by: a branch's, a county's audience, or the whole system's audience. */
export function audienceKey(n: {
  scope: NoticeScope;
  branchId: string | null;
  county: string;
  audience: NoticeAudience;
}) {
  if (n.scope === 'branch') return `b:${n.branchId ?? ''}`;
  const who = n.audience === 'members' ? 'm' : n.audience === 'residents' ? 'r' : 'a';
  return n.scope === 'county' ? `c:${n.county}:${who}` : `a:${who}`;
}

/**
 * The keys of what a reader may read: a party member (with a branch) their branch's, their county's members'
 * and everyone's members' notices; anyone else (群众, signed out included) residents' notices of everyone and of
 * their county where it is known.
 */
export function readerKeys(reader: { branchId: string | null; county: string | null }): string[] {
  if (reader.branchId) {
    const county = reader.county ? [`c:${reader.county}:m`, `c:${reader.county}:a`] : [];
    return [`b:${reader.branchId}`, ...county, 'a:m', 'a:a'];
  }
  const county = reader.county ? [`c:${reader.county}:r`, `c:${reader.county}:a`] : [];
  return [...county, 'a:r', 'a:a'];
}

/** 政治生日 cards: one a member and year (`_id` derived from both), written with the 消息 that tells them. */
export const PARTY_CARDS = 'partyBirthdayCards';
export const partyCardDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  /** 'YYYY-MM-DD' (Shanghai) it was sent on. */
  day: z.string(),
  years: z.number().int(),
  joinDate: z.string(),
  branchName: z.string().default(''),
  at: z.number(),
});
