import { defineFunction } from '../../define';
import * as inbox from '../../../domain/messages/inbox';
import { deliverMessages } from '../../../domain/messages/deliver';
import * as user from '../../../domain/user/actions';
import { overview } from '../../../domain/user/overview';

export const router = defineFunction(
  'user',
  { me: user.me, setRole: user.setRole, overview, messages: inbox.messages, unreadCount: inbox.unreadCount, markRead: inbox.markRead },
  // The sender is whatever the host entry set (index.ts): WeChat in the cloud, none locally.
  { deliverMessages: (db, now) => deliverMessages(db, now) },
);
