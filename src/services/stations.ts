import type { ActionInput, ActionOutput, ItemOf } from '../../cloudfunctions/contract';
import type { StationSummary } from '../../domain/stations/directory';
import type { StationKind } from '../../domain/stations/labels';
import { callFunction } from './transport';

export type { StationSummary, StationKind };
export type StationDetailAnswer = ActionOutput<'stations', 'detail'>;
export type StationDetail = StationDetailAnswer['station'];
export type StationItem = StationDetailAnswer['items'][number];

export type StationQuery = ActionInput<'stations', 'list'>;

export const listStations = (query: StationQuery) => callFunction('stations', 'list', query);
export const getStation = (stationId: string) =>
  callFunction('stations', 'detail', { stationId }).then((r) => r.station);

export type SlotsAnswer = ActionOutput<'stations', 'slots'>;
export type SlotItem = SlotsAnswer['slots'][number];
export type BookingItem = ItemOf<ActionOutput<'stations', 'myBookings'>>;
export type RosterAnswer = ActionOutput<'stations', 'roster'>;

export const getStationWithItems = (stationId: string) => callFunction('stations', 'detail', { stationId });
export const listNearbyStations = (query: StationQuery & { near: NonNullable<StationQuery['near']> }) =>
  callFunction('stations', 'list', query);
/** Without a date: today while today has a slot still to come, else the first day that has one (the answer's `date`). */
export const getSlots = (itemId: string, date?: string) => callFunction('stations', 'slots', { itemId, date });
export const bookSlot = (slotId: string, requestId: string) => callFunction('stations', 'book', { slotId, requestId });
export const joinWaitlist = (slotId: string) => callFunction('stations', 'joinWaitlist', { slotId });
export const listMyBookings = (cursor?: string) => callFunction('stations', 'myBookings', { cursor });
export const cancelBooking = (bookingId: string) => callFunction('stations', 'cancel', { bookingId });
export const verifyBooking = (code: string) => callFunction('stations', 'verify', { code });
export const getRoster = (itemId: string, date: string) => callFunction('stations', 'roster', { itemId, date });

export type SlotTemplate = ActionInput<'stations', 'generateSlots'>['template'];
export const generateItemSlots = (input: ActionInput<'stations', 'generateSlots'>) =>
  callFunction('stations', 'generateSlots', input);
export const closeItemDay = (input: ActionInput<'stations', 'closeSlots'>) =>
  callFunction('stations', 'closeSlots', input);
