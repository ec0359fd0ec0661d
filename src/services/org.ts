/** The organisation: joining a branch by invitation, and the secretary's review of applications. */
import type { ActionInput, ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import type { ApplicationStatus } from '../../domain/org/model';
import { callFunction } from './transport';

export type JoinInfo = ActionOutput<'org', 'joinInfo'>;
export type ApplyAnswer = ActionOutput<'org', 'apply'>;
export type MyApplication = ItemOf<ActionOutput<'org', 'myApplications'>>;
export type ApplicationItem = ItemOf<ActionOutput<'org', 'applications'>>;
export type Invite = ActionOutput<'org', 'createInvite'>;
export type MemberItem = ItemOf<ActionOutput<'org', 'members'>>;
export type MemberMatch = ItemOf<ActionOutput<'org', 'searchMembers'>>;
export type OrgUnit = ActionOutput<'org', 'tree'>['units'][number];
export type { ApplicationStatus };

export const getJoinInfo = (code: string) => callFunction('org', 'joinInfo', { code });
export const applyToJoin = (input: ActionInput<'org', 'apply'>) => callFunction('org', 'apply', input);
export const listMyApplications = () => callFunction('org', 'myApplications');
export const listApplications = (status: ApplicationStatus | undefined, cursor?: string) =>
  callFunction('org', 'applications', { status, cursor });
export const reviewApplication = (applicationId: string, decision: 'approve' | 'reject', reason?: string) =>
  callFunction('org', 'review', { applicationId, decision, reason });
export const createInviteCode = (branchId: string, renew = false) =>
  callFunction('org', 'createInvite', { branchId, renew });
export const revokeInviteCode = (code: string) => callFunction('org', 'revokeInvite', { code });
export const searchOrgMembers = (keyword: string) => callFunction('org', 'searchMembers', { keyword });
export const getTree = () => callFunction('org', 'tree');
