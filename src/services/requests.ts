/**
 * 群众点单—支部下单—党员接单: the `requests` function. Types follow the agreed API (ISSUE13-SPEC); pages of the
 * help subpackage call these; the home page imports `getRequestFigures` from ./request-figures only.
 */
import type { Page } from '../../domain/core/paging';
import { callFunction } from './transport';

export type RequestKind = 'wish' | 'issue';
export type RequestStatus = 'submitted' | 'declined' | 'accepted' | 'open' | 'inProgress' | 'finished' | 'confirmed' | 'cancelled';

export const WISH_CATEGORIES = ['长者', '儿童', '助学', '助残', '其他'] as const;
export const ISSUE_CATEGORIES = ['环境', '物业', '邻里', '便民', '安全', '其他'] as const;

export interface RequestCard {
  id: string;
  kind: RequestKind;
  kindLabel: string;
  category: string;
  title: string;
  status: RequestStatus;
  statusLabel: string;
  overdue: boolean;
  createdAt: number;
  unitName: string;
  places: number;
  taken: number;
  photos: string[];
}

export interface RequestDetail extends RequestCard {
  text: string;
  /** lat/lng are null for someone who may not claim it (the place's name only). */
  place: { name: string; lat?: number | null; lng?: number | null } | null;
  contact: { name: string; phone: string };
  rating: number | null;
  comment: string | null;
  mode: 'assign' | 'hall' | null;
  hours: number | null;
  contactMasked: boolean;
  reason: string | null;
  /** `openid` only for the branch (secretary, admin in scope): to take a claim back. */
  claimants: { nickname: string; status: string; kind?: string; openid?: string }[];
  /** The caller asked for it / has claimed it. */
  mine: boolean;
  claimed: boolean;
  canClaim: boolean;
  canConfirm: boolean;
  canFinish: boolean;
  /** A claimant may give it up (放弃认领) until it is finished. */
  canRelease: boolean;
  /** The branch (or an admin in scope) may take a claim back. */
  canWithdraw: boolean;
  /** False for a claimant from outside the branch: the contact stays masked. */
  contactShown: boolean;
  canCancel: boolean;
  canReview: boolean;
  canDispatch: boolean;
}

export interface TimelineStep {
  at: number;
  status: RequestStatus | string;
  statusLabel: string;
  text: string;
  by: string;
  photos?: string[];
}

export interface Community {
  unitId: string;
  name: string;
  county: string;
}

export interface WallWish {
  id: string;
  title: string;
  category: string;
  status: RequestStatus;
  statusLabel: string;
  maskedName: string;
  unitName: string;
  createdAt: number;
}


export interface AskInput {
  kind: RequestKind;
  category: string;
  title: string;
  text: string;
  photos: string[];
  unitId: string;
  place?: { name: string; lat?: number; lng?: number };
  contactName: string;
  contactPhone: string;
  publicOnWall: boolean;
}

export type Dispatch = { id: string; mode: 'assign'; openid: string; hours?: number } | { id: string; mode: 'hall'; places?: number; hours?: number };

export interface TimeBankEntry {
  entryId: string;
  hours: number;
  balanceAfter: number;
  reason: string;
  at: number;
}

export const listCommunities = (county?: string) => callFunction<{ items: Community[] }>('requests', 'communities', { county });
export const uploadPhoto = (contentType: string, dataBase64: string) => callFunction<{ fileId: string; url: string }>('requests', 'uploadPhoto', { contentType, dataBase64 });
export const askForHelp = (input: AskInput, requestId: string) => callFunction<{ id: string; status: RequestStatus }>('requests', 'ask', { ...input, requestId });
export const listMyRequests = (status: RequestStatus | undefined, cursor?: string) => callFunction<Page<RequestCard>>('requests', 'mine', { status, cursor });
export const getRequest = (id: string) => callFunction<{ request: RequestDetail; timeline: TimelineStep[] }>('requests', 'detail', { id });
export const listQueue = (status: RequestStatus | undefined, cursor?: string) => callFunction<Page<RequestCard>>('requests', 'queue', { status, cursor });
export const reviewRequest = (id: string, decision: 'accept' | 'decline', reason?: string) => callFunction<{ id: string; status: RequestStatus }>('requests', 'review', { id, decision, reason });
export const dispatchRequest = (input: Dispatch) => callFunction<{ id: string; status: RequestStatus }>('requests', 'dispatch', input);
export const listHall = (kind: RequestKind | undefined, cursor?: string) => callFunction<Page<RequestCard>>('requests', 'hall', { kind, cursor });
export const claimRequest = (id: string) => callFunction<{ claimId: string }>('requests', 'claim', { id });
export const listMyTasks = (cursor?: string) => callFunction<Page<RequestCard>>('requests', 'myTasks', { cursor });
export const reportProgress = (id: string, text: string, photos?: string[]) => callFunction<unknown>('requests', 'progress', { id, text, photos });
export const finishRequest = (id: string, text: string, photos: string[]) => callFunction<unknown>('requests', 'finish', { id, text, photos });
export const confirmRequest = (id: string, rating: number, comment?: string) => callFunction<unknown>('requests', 'confirm', { id, rating, comment });
export const sendBackRequest = (id: string, reason: string) => callFunction<unknown>('requests', 'sendBack', { id, reason });
export const cancelRequest = (id: string) => callFunction<unknown>('requests', 'cancel', { id });
export type VolunteerStatus = 'pending' | 'approved' | 'rejected';
export interface VolunteerMe {
  registered: boolean;
  /** null before registering; registrations from before branches were named wait as `pending` with no unit. */
  status: VolunteerStatus | null;
  statusLabel: string | null;
  unitId: string | null;
  unitName: string | null;
  reason: string | null;
  inService: boolean;
  workplace: string | null;
  maskedName: string | null;
  maskedPhone: string | null;
  hours: number;
}
export interface PendingVolunteer {
  openid: string;
  realName: string;
  phoneMasked: string;
  inService: boolean;
  workplace: string | null;
  unitName: string | null;
  status: VolunteerStatus;
  statusLabel: string;
  reason: string | null;
  appliedAt: number | null;
}
export const releaseClaim = (id: string) => callFunction<{ id: string; status: RequestStatus }>('requests', 'release', { id });
export const withdrawClaim = (id: string, openid: string, reason: string) => callFunction<{ id: string; status: RequestStatus }>('requests', 'withdraw', { id, openid, reason });
export const registerVolunteer = (input: { realName: string; phone: string; inService: boolean; workplace?: string; unitId: string }) =>
  callFunction<{ registered: boolean; status: VolunteerStatus; statusLabel: string; unitName: string }>('requests', 'registerVolunteer', input);
export const getVolunteerMe = () => callFunction<VolunteerMe>('requests', 'volunteerMe');
export const listVolunteers = (status: VolunteerStatus | undefined, cursor?: string) => callFunction<Page<PendingVolunteer>>('requests', 'volunteers', { status, cursor });
export const reviewVolunteer = (openid: string, decision: 'approve' | 'reject', reason?: string) =>
  callFunction<{ openid: string; status: VolunteerStatus; statusLabel: string }>('requests', 'reviewVolunteer', { openid, decision, reason });
export const listTimeBank = (cursor?: string) => callFunction<Page<TimeBankEntry> & { balance: number; earned: number }>('requests', 'timeBank', { cursor });
export const listWall = (cursor?: string) => callFunction<Page<WallWish>>('requests', 'wall', { cursor });
export { getRequestFigures, type Figures } from './request-figures';
