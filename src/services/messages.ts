/** The 消息 inbox of every module (`user.messages`, `unreadCount`, `markRead`). */
import type { ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import type { MessageModule } from '../../domain/messages/outbox';
import { callFunction } from './transport';

export type InboxItem = ItemOf<ActionOutput<'user', 'messages'>>;
export type UnreadCounts = ActionOutput<'user', 'unreadCount'>;
export type { MessageModule };
export const listInbox = (module: MessageModule | undefined, cursor?: string) =>
  callFunction('user', 'messages', { module, cursor });
export const getUnreadCounts = () => callFunction('user', 'unreadCount');
/** No ids: everything is read. */
export const markMessagesRead = (messageIds?: string[]) =>
  callFunction('user', 'markRead', messageIds ? { messageIds } : {});
