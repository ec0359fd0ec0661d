import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { derivedId } from '../core/ids';
import { templateFor } from './templates';

/**
 * The one outbox of every module (bookings, vaccination, orders, requests, activities). A message is
 * written in the same transaction as the change it reports, under an id derived from its cause, so a
 * retried change writes it once. A message due now whose kind has no subscribe template is in the
 * in-app 消息 inbox at once; the others wait for the `deliverMessages` job (deliver.ts), which sends a
 * WeChat subscribe message where a template is configured and a sender is present, retrying with
 * back-off, and otherwise (or after giving up) puts the message in the inbox.
 *
 * Documents written before the outbox (the booking notifications) read correctly: no module means
 * `booking`, their `bookingId` is their `refId`, and a reminder of theirs is dropped when the booking
 * is no longer active (see `guardOf`).
 */
export const MESSAGES = 'notifications';

export const MESSAGE_MODULES = {
  booking: '驿站预约',
  vaccine: '疫苗接种',
  points: '积分兑换',
  requests: '群众点单',
  activities: '党员活动',
} as const;
export type MessageModule = keyof typeof MESSAGE_MODULES;
export const messageModuleSchema = z.enum(Object.keys(MESSAGE_MODULES) as [MessageModule, ...MessageModule[]]);

/**
 * A message that only still makes sense while a document's fields each have one of the values given
 * (a reminder: `{ status: ['active'], code: [the code it was booked with] }`).
 */
export const onlyIfSchema = z.object({
  collection: z.string(),
  docId: z.string(),
  fields: z.record(z.string(), z.array(z.string()).min(1)),
});
export type OnlyIf = z.output<typeof onlyIfSchema>;

export const messageDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  /** Older booking messages carry no module. */
  module: messageModuleSchema.default('booking'),
  /** The module's own kind (`booked`, `reminder`, `request.accepted`, …): picks the subscribe template. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The mini-program page a tap opens, e.g. `/packages/help/pages/detail/index?id=…`. */
  page: z.string().nullable().default(null),
  /** The document it is about (booking, appointment, order, request, activity). */
  refId: z.string().nullable().default(null),
  /** Older booking messages name their booking here. */
  bookingId: z.string().nullable().default(null),
  /** Values for the subscribe template's keywords (`time`, `place`, `code`, …), already formatted. */
  data: z.record(z.string(), z.string()).default({}),
  onlyIf: onlyIfSchema.nullable().default(null),
  createdAt: z.number(),
  /** When it should go out (a reminder waits); while WeChat delivery is retried, the next attempt. */
  dueAt: z.number(),
  /** When it reached the inbox (delivered to WeChat, or inbox only, or given up on); null while waiting. */
  sentAt: z.number().nullable().default(null),
  readAt: z.number().nullable().default(null),
  /** How it went out: `wechat` (a subscribe message, and the inbox) or `inbox` only. */
  channel: z.enum(['wechat', 'inbox']).nullable().default(null),
  /** WeChat attempts so far, the last one's error code, and when the next one is due. */
  attempts: z.number().int().min(0).default(0),
  lastError: z.string().nullable().default(null),
  nextAttemptAt: z.number().nullable().default(null),
});
export type MessageDoc = z.output<typeof messageDocSchema>;

export interface OutgoingMessage {
  /** What caused it, e.g. `['request', requestId, 'accepted']`: one message per cause, however often retried. */
  cause: readonly string[];
  openid: string;
  module: MessageModule;
  kind: string;
  title: string;
  body: string;
  page?: string | null;
  refId?: string | null;
  /** Defaults to now: due at once. */
  dueAt?: number;
  /** Template keyword values (see templates.ts). */
  data?: Record<string, string>;
  /** Dropped instead of delivered when, by its due time, this no longer holds (a reminder of a cancelled booking). */
  onlyIf?: OnlyIf | null;
}

type Writer = Pick<Transaction, 'collection'> | Pick<Database, 'collection'>;

export const messageIdOf = (cause: readonly string[]) => derivedId('nt', ...cause);

/** Writes a message into the outbox (inside the caller's transaction when given one); answers its id. */
export async function enqueue(writer: Writer, m: OutgoingMessage, now: number): Promise<string> {
  const id = messageIdOf(m.cause);
  const dueAt = m.dueAt ?? now;
  // Nothing to wait for and nothing to send to WeChat: in the inbox at once.
  const direct = dueAt <= now && !m.onlyIf && !templateFor(m.module, m.kind);
  await writer
    .collection(MESSAGES)
    .doc(id)
    .set({
      openid: m.openid,
      module: m.module,
      kind: m.kind,
      title: m.title,
      body: m.body,
      page: m.page ?? null,
      refId: m.refId ?? null,
      bookingId: null,
      data: m.data ?? {},
      onlyIf: m.onlyIf ?? null,
      createdAt: now,
      dueAt,
      sentAt: direct ? now : null,
      readAt: null,
      channel: direct ? 'inbox' : null,
      attempts: 0,
      lastError: null,
      nextAttemptAt: null,
    });
  return id;
}

/** The condition a message is delivered under, older booking reminders included. */
export function guardOf(m: MessageDoc): OnlyIf | null {
  if (m.onlyIf) return m.onlyIf;
  if (m.module === 'booking' && m.kind === 'reminder' && m.bookingId)
    return { collection: 'bookings', docId: m.bookingId, fields: { status: ['active'] } };
  return null;
}
