import { defineFunction } from '../../define';
import * as inbox from '../../../domain/messages';
import { deliverMessages } from '../../../domain/messages';
import * as user from '../../../domain/user';
import { overview } from '../../../domain/user';
import { politicalBirthdays, tellNotices } from '../../../domain/notices';

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
  {
    deliverMessages: (db, now) => deliverMessages(db, now),
    // 通知公告 still being told to a county's or everyone's members; 政治生日 from 08:00 (domain/notices).
    tellNotices: (db, now) => tellNotices(db, now),
    politicalBirthdays: (db, now) => politicalBirthdays(db, now),
  },
);
