/** 我的 and the home page: the caller's overview and waiting-list places. */
import type { WaitingPlace } from '../../domain/booking/booking';
import type { NextUp, Overview } from '../../domain/user/overview';
import { callFunction } from './transport';

export type { NextUp, Overview, WaitingPlace };
export const getOverview = () => callFunction<Overview>('user', 'overview');
export const listMyWaitlist = () => callFunction<{ items: WaitingPlace[] }>('stations', 'myWaitlist');
export const leaveWaitlist = (slotId: string) => callFunction<{ slotId: string }>('stations', 'leaveWaitlist', { slotId });
