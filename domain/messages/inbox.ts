/**
 * The 消息 inbox of the `user` function, across every module: `messages` (newest first, with unread
 * marks), `unreadCount` (by module), `markRead` (some or all).
 */
import { z } from 'zod';
import { command, type Database, type Query, type QueryDoc } from '../db';
import { AppError } from '../core/errors';
import { action } from '../core/router';
import { fields } from '../core/validation';
import { DEFAULT_PAGE, type Page } from '../core/paging';
import {
  MESSAGES,
  MESSAGE_MODULES,
  messageDocSchema,
  messageModuleSchema,
  type MessageDoc,
  type MessageModule,
} from './outbox';

export interface InboxItem {
  messageId: string;
  module: MessageModule;
  moduleLabel: string;
  kind: string;
  title: string;
  body: string;
  /** The page a tap opens (none for older booking messages). */
  page: string | null;
  refId: string | null;
  /** When it reached the inbox. */
  at: number;
  unread: boolean;
}

export const presentMessage = (m: MessageDoc): InboxItem => ({
  messageId: m._id,
  module: m.module,
  moduleLabel: MESSAGE_MODULES[m.module],
  kind: m.kind,
  title: m.title,
  body: m.body,
  page: m.page,
  refId: m.refId ?? m.bookingId,
  at: m.sentAt ?? m.dueAt,
  unread: m.readAt === null,
});

/** Older booking messages carry no module: asking for `booking` finds them too. */
const ofModule = (module: MessageModule | undefined): Query | null =>
  module === undefined
    ? null
    : module === 'booking'
      ? command.or([{ module: 'booking' }, { module: command.exists(false) }])
      : { module };

function delivered(openid: string, module?: MessageModule, extra: QueryDoc = {}): Query {
  const base: QueryDoc = { openid, sentAt: command.gt(0), ...extra };
  const mod = ofModule(module);
  return mod ? command.and([base, mod]) : base;
}

/** The cursor is `<sentAt>:<id>` of the last item: messages delivered in one job share a `sentAt`. */
function parseCursor(cursor: string): { at: number; id: string } {
  const [at, id] = [Number(cursor.slice(0, cursor.indexOf(':'))), cursor.slice(cursor.indexOf(':') + 1)];
  if (!(Number.isFinite(at) && at > 0 && id && cursor.includes(':')))
    throw new AppError('INVALID_ARGUMENT', '翻页位置不正确，请刷新后重试', 'cursor');
  return { at, id };
}

export async function inboxPage(
  db: Database,
  openid: string,
  options: { module?: MessageModule; cursor?: string; limit?: number },
): Promise<Page<InboxItem>> {
  const limit = options.limit ?? DEFAULT_PAGE;
  let query = delivered(openid, options.module);
  if (options.cursor) {
    const { at, id } = parseCursor(options.cursor);
    query = command.and([query, command.or([{ sentAt: command.lt(at) }, { sentAt: at, _id: command.lt(id) }])]);
  }
  const raw = await db
    .collection(MESSAGES)
    .where(query)
    .orderBy('sentAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .get();
  const page = raw.slice(0, limit);
  const items = page.flatMap((doc) => {
    const parsed = messageDocSchema.safeParse(doc);
    return parsed.success ? [presentMessage(parsed.data)] : [];
  });
  const last = page[page.length - 1];
  return { items, nextCursor: raw.length > limit && last ? `${Number(last.sentAt)}:${last._id}` : null };
}

export type UnreadCounts = { total: number } & Record<MessageModule, number>;

export async function unreadCounts(db: Database, openid: string): Promise<UnreadCounts> {
  const modules = Object.keys(MESSAGE_MODULES) as MessageModule[];
  const [total, ...others] = await Promise.all([
    db
      .collection(MESSAGES)
      .where(delivered(openid, undefined, { readAt: null }))
      .count(),
    ...modules
      .filter((m) => m !== 'booking')
      .map((m) =>
        db
          .collection(MESSAGES)
          .where(delivered(openid, m, { readAt: null }))
          .count(),
      ),
  ]);
  const counts = { total } as UnreadCounts;
  let i = 0;
  for (const m of modules) if (m !== 'booking') counts[m] = others[i++]!;
  // Older booking messages carry no module: booking is what the others leave.
  counts.booking = Math.max(0, total - others.reduce((a, b) => a + b, 0));
  return counts;
}

export const messages = action({
  input: z.strictObject({ module: messageModuleSchema.optional(), cursor: fields.cursor, limit: fields.limit }),
  access: 'signedIn',
  run: ({ module, cursor, limit }, ctx) => inboxPage(ctx.db, ctx.user._id, { module, cursor, limit }),
});

export const unreadCount = action({
  input: z.strictObject({}),
  access: 'signedIn',
  run: (_input, ctx) => unreadCounts(ctx.db, ctx.user._id),
});

export const markRead = action({
  input: z.strictObject({ messageIds: z.array(fields.id).min(1, '请选择消息').max(100, '一次最多 100 条').optional() }),
  access: 'signedIn',
  async run({ messageIds }, ctx) {
    const now = ctx.now();
    const which = messageIds ? { _id: command.in([...new Set(messageIds)]) } : {};
    // Only the caller's own delivered messages: someone else's id marks nothing.
    const { updated } = await ctx.db
      .collection(MESSAGES)
      .where(delivered(ctx.user._id, undefined, { ...which, readAt: null }))
      .update({ readAt: now });
    return { marked: updated, unread: await unreadCounts(ctx.db, ctx.user._id) };
  },
});
