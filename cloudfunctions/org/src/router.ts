import { defineFunction } from '../../define';
import * as invites from '../../../domain/org';
import * as members from '../../../domain/org';
import * as roster from '../../../domain/org';
import * as units from '../../../domain/org';
import * as notices from '../../../domain/notices';

export const router = defineFunction('org', {
  tree: units.tree,
  saveUnit: units.saveUnit,
  archiveUnit: units.archiveUnit,
  setSecretary: units.setSecretary,
  createInvite: invites.createInvite,
  revokeInvite: invites.revokeInvite,
  joinInfo: invites.joinInfo,
  apply: invites.apply,
  myApplications: invites.myApplications,
  applications: invites.applications,
  review: invites.review,
  members: members.members,
  moveMember: members.moveMember,
  searchMembers: members.searchMembers,
  importRoster: roster.importRoster,
  rosterTemplate: roster.rosterTemplate,
  setRole: members.setRole,
  assignStaff: members.assignStaff,
  staff: members.staff,
  // 通知公告 and 政治生日 (domain/notices).
  notices: notices.notices,
  notice: notices.notice,
  publishNotice: notices.publishNotice,
  pinNotice: notices.pinNotice,
  endNotice: notices.endNotice,
  managedNotices: notices.managedNotices,
  setJoinDate: notices.setJoinDate,
  joinDate: notices.joinDate,
  birthdays: notices.birthdays,
  myPartyBirthday: notices.myPartyBirthday,
});
