/**
 * 群众点单—支部下单—党员接单: the `requests` function. Inputs and answers are the function's own (cloudfunctions/contract.ts);
 * pages of the help subpackage call these; the home page imports `getRequestFigures` from ./request-figures only.
 */
import type { ActionInput, ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import type { RequestKind, RequestStatus, VolunteerStatus } from '../../domain/requests/model';
import { callFunction } from './transport';

export type { RequestKind, RequestStatus, VolunteerStatus };

export { ISSUE_CATEGORIES, WISH_CATEGORIES } from '../../domain/requests/labels';

type DetailAnswer = ActionOutput<'requests', 'detail'>;
export type RequestCard = ItemOf<ActionOutput<'requests', 'mine'>>;
export type RequestDetail = DetailAnswer['request'];
export type TimelineStep = DetailAnswer['timeline'][number];
export type Community = ItemOf<ActionOutput<'requests', 'communities'>>;
export type WallWish = ItemOf<ActionOutput<'requests', 'wall'>>;
/** What the ask form fills in; the request id is added per intention. */
export type AskInput = Omit<ActionInput<'requests', 'ask'>, 'requestId'>;
export type Dispatch = ActionInput<'requests', 'dispatch'>;
export type TimeBankEntry = ItemOf<ActionOutput<'requests', 'timeBank'>>;
export type VolunteerMe = ActionOutput<'requests', 'volunteerMe'>;
export type PendingVolunteer = ItemOf<ActionOutput<'requests', 'volunteers'>>;

export const listCommunities = (county?: string) => callFunction('requests', 'communities', { county });
/** `contentType` is whatever the phone read; the function refuses any but its image types with a plain message. */
export const uploadPhoto = (contentType: string, dataBase64: string) =>
  callFunction('requests', 'uploadPhoto', {
    contentType: contentType as ActionInput<'requests', 'uploadPhoto'>['contentType'],
    dataBase64,
  });
export const askForHelp = (input: AskInput, requestId: string) =>
  callFunction('requests', 'ask', { ...input, requestId });
export const listMyRequests = (status: RequestStatus | undefined, cursor?: string) =>
  callFunction('requests', 'mine', { status, cursor });
export const getRequest = (id: string) => callFunction('requests', 'detail', { id });
export const listQueue = (status: RequestStatus | undefined, cursor?: string) =>
  callFunction('requests', 'queue', { status, cursor });
export const reviewRequest = (id: string, decision: 'accept' | 'decline', reason?: string) =>
  callFunction('requests', 'review', { id, decision, reason });
export const dispatchRequest = (input: Dispatch) => callFunction('requests', 'dispatch', input);
export const listHall = (kind: RequestKind | undefined, cursor?: string) =>
  callFunction('requests', 'hall', { kind, cursor });
export const claimRequest = (id: string) => callFunction('requests', 'claim', { id });
export const listMyTasks = (cursor?: string) => callFunction('requests', 'myTasks', { cursor });
export const reportProgress = (id: string, text: string, photos?: string[]) =>
  callFunction('requests', 'progress', { id, text, photos });
export const finishRequest = (id: string, text: string, photos: string[]) =>
  callFunction('requests', 'finish', { id, text, photos });
export const confirmRequest = (id: string, rating: number, comment?: string) =>
  callFunction('requests', 'confirm', { id, rating, comment });
export const sendBackRequest = (id: string, reason: string) => callFunction('requests', 'sendBack', { id, reason });
export const cancelRequest = (id: string) => callFunction('requests', 'cancel', { id });
export const releaseClaim = (id: string) => callFunction('requests', 'release', { id });
export const withdrawClaim = (id: string, openid: string, reason: string) =>
  callFunction('requests', 'withdraw', { id, openid, reason });
export const registerVolunteer = (input: ActionInput<'requests', 'registerVolunteer'>) =>
  callFunction('requests', 'registerVolunteer', input);
export const getVolunteerMe = () => callFunction('requests', 'volunteerMe');
export const listVolunteers = (status: VolunteerStatus | undefined, cursor?: string) =>
  callFunction('requests', 'volunteers', { status, cursor });
export const reviewVolunteer = (openid: string, decision: 'approve' | 'reject', reason?: string) =>
  callFunction('requests', 'reviewVolunteer', { openid, decision, reason });
export const listTimeBank = (cursor?: string) => callFunction('requests', 'timeBank', { cursor });
export const listWall = (cursor?: string) => callFunction('requests', 'wall', { cursor });
export { getRequestFigures, type Figures } from './request-figures';
