/**
 * The notices module's door: 通知公告 (publish to a branch, a county or everyone; pin; end; read counts; members
 * told by a 消息) and 政治生日 (入党日期, the 08:00 card and message, a branch's month).
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { notices, notice, publishNotice, pinNotice, endNotice, managedNotices, tellNotices } from './notices';
export { setJoinDate, joinDate, birthdays, myPartyBirthday, politicalBirthdays } from './birthdays';
export { NOTICES, NOTICE_READS, PARTY_CARDS, audienceKey } from './model';
export { NEVER } from './labels';
