/** The 消息 inbox of every module (`user.messages`, `unreadCount`, `markRead`). */
import type { Page } from '../../domain/core/paging';
import type { InboxItem, UnreadCounts } from '../../domain/messages/inbox';
import type { MessageModule } from '../../domain/messages/outbox';
import { callFunction } from './transport';

export type { InboxItem, MessageModule, UnreadCounts };
export const listInbox = (module: MessageModule | undefined, cursor?: string) => callFunction<Page<InboxItem>>('user', 'messages', { module, cursor });
export const getUnreadCounts = () => callFunction<UnreadCounts>('user', 'unreadCount');
/** No ids: everything is read. */
export const markMessagesRead = (messageIds?: string[]) => callFunction<{ marked: number; unread: UnreadCounts }>('user', 'markRead', messageIds ? { messageIds } : {});
