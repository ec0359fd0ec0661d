/** 我的 and the home page: the caller's overview and waiting-list places. */
import type { ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import { callFunction } from './transport';

export type Overview = ActionOutput<'user', 'overview'>;
export type NextUp = NonNullable<Overview['next']>;
export type WaitingPlace = ItemOf<ActionOutput<'stations', 'myWaitlist'>>;
export const getOverview = () => callFunction('user', 'overview');
export const listMyWaitlist = () => callFunction('stations', 'myWaitlist');
export const leaveWaitlist = (slotId: string) => callFunction('stations', 'leaveWaitlist', { slotId });
