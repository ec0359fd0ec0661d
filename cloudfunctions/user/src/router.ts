import { defineFunction } from '../../define';
import * as inbox from '../../../domain/messages';
import { deliverMessages } from '../../../domain/messages';
import * as user from '../../../domain/user';
import { overview } from '../../../domain/user';

export const router = defineFunction(
  'user',
  {
    me: user.me,
    setRole: user.setRole,
    overview,
    messages: inbox.messages,
    unreadCount: inbox.unreadCount,
    markRead: inbox.markRead,
  },
  // The sender is whatever the host entry set (index.ts): WeChat in the cloud, none locally.
  { deliverMessages: (db, now) => deliverMessages(db, now) },
);
