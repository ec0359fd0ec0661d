/** The organisation: joining a branch by invitation, and the secretary's review of applications. */
import type { Page } from '../../domain/core/paging';
import type { applications, apply, createInvite, joinInfo, myApplications } from '../../domain/org/invites';
import type { members, searchMembers } from '../../domain/org/members';
import type { ApplicationStatus } from '../../domain/org/model';
import type { tree } from '../../domain/org/units';
import { callFunction } from './transport';

type Result<A extends { run: (...args: never[]) => Promise<unknown> }> = Awaited<ReturnType<A['run']>>;
type Item<P> = P extends { items: (infer T)[] } ? T : never;

export type JoinInfo = Result<typeof joinInfo>;
export type ApplyAnswer = Result<typeof apply>;
export type MyApplication = Item<Result<typeof myApplications>>;
export type ApplicationItem = Item<Result<typeof applications>>;
export type Invite = Result<typeof createInvite>;
export type MemberItem = Item<Result<typeof members>>;
export type MemberMatch = Item<Result<typeof searchMembers>>;
export type OrgUnit = Result<typeof tree>['units'][number];
export type { ApplicationStatus };

export const getJoinInfo = (code: string) => callFunction<JoinInfo>('org', 'joinInfo', { code });
export const applyToJoin = (input: { code: string; realName: string; phone: string; requestId: string }) => callFunction<ApplyAnswer>('org', 'apply', input);
export const listMyApplications = () => callFunction<{ items: MyApplication[] }>('org', 'myApplications');
export const listApplications = (status: ApplicationStatus | undefined, cursor?: string) =>
  callFunction<Page<ApplicationItem>>('org', 'applications', { status, cursor });
export const reviewApplication = (applicationId: string, decision: 'approve' | 'reject', reason?: string) =>
  callFunction<{ applicationId: string; status: ApplicationStatus }>('org', 'review', { applicationId, decision, reason });
export const createInviteCode = (branchId: string, renew = false) => callFunction<Invite>('org', 'createInvite', { branchId, renew });
export const revokeInviteCode = (code: string) => callFunction<{ code: string; revoked: boolean }>('org', 'revokeInvite', { code });
export const searchOrgMembers = (keyword: string) => callFunction<{ items: MemberMatch[] }>('org', 'searchMembers', { keyword });
export const getTree = () => callFunction<{ units: OrgUnit[] }>('org', 'tree');
