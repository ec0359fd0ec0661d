/**
 * The messages module's door: what other modules, the functions and the hosts may use. The one outbox, its delivery, the senders and the in-app inbox.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { CloudBaseSubscribeSender } from './cloudbase';
export { deliverMessages } from './deliver';
export { messages, unreadCount, markRead, inboxPage, unreadCounts, type UnreadCounts } from './inbox';
export { MESSAGES, enqueue } from './outbox';
export { setMessageSender } from './sender';
