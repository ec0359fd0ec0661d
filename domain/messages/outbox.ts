import { z } from 'zod';
import type { Database, Transaction } from '../db';
import { derivedId } from '../core/ids';

/**
 * The one outbox of every module (bookings, vaccination, orders, requests, activities). A message is
 * written in the same transaction as the change it reports, under an id derived from its cause, so a
 * retried change writes it once. The `deliverMessages` job sends it when due: a WeChat subscribe message
 * where a template is configured and the person subscribed, else (and locally) the in-app 消息 inbox.
 */
export const MESSAGES = 'notifications';

export const MESSAGE_MODULES = { booking: '驿站预约', vaccine: '疫苗接种', points: '积分兑换', requests: '群众点单', activities: '党员活动' } as const;
export type MessageModule = keyof typeof MESSAGE_MODULES;
export const messageModuleSchema = z.enum(Object.keys(MESSAGE_MODULES) as [MessageModule, ...MessageModule[]]);

export const messageDocSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  /** Older booking messages carry no module. */
  module: messageModuleSchema.default('booking'),
  /** The module's own kind (`booked`, `reminder`, `request.accepted`, …): picks the subscribe template. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** The mini-program page a tap opens, e.g. `/packages/help/pages/detail/index?requestId=…`. */
  page: z.string().nullable().default(null),
  /** The document it is about (booking, appointment, order, request, activity). */
  refId: z.string().nullable().default(null),
  bookingId: z.string().nullable().default(null),
  createdAt: z.number(),
  /** When it should go out; a reminder waits until shortly before what it reminds of. */
  dueAt: z.number(),
  /** When it was delivered (to the inbox, and to WeChat when a template is configured); null while waiting. */
  sentAt: z.number().nullable().default(null),
  readAt: z.number().nullable().default(null),
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
}

type Writer = Pick<Transaction, 'collection'> | Pick<Database, 'collection'>;

/** Writes a message into the outbox (inside the caller's transaction when given one); answers its id. */
export async function enqueue(writer: Writer, m: OutgoingMessage, now: number): Promise<string> {
  const id = derivedId('nt', ...m.cause);
  await writer.collection(MESSAGES).doc(id).set({
    openid: m.openid, module: m.module, kind: m.kind, title: m.title, body: m.body, page: m.page ?? null, refId: m.refId ?? null,
    bookingId: null, createdAt: now, dueAt: m.dueAt ?? now, sentAt: null, readAt: null,
  });
  return id;
}
