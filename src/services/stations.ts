import type { Page } from '../../domain/core/paging';
import type { roster } from '../../domain/booking/admin';
import type { book, cancel, joinWaitlist as join, myBookings, slots, verify } from '../../domain/booking/booking';
import type { StationSummary, detail } from '../../domain/stations/actions';
import type { StationKind } from '../../domain/stations/labels';
import { callFunction } from './transport';

export type { StationSummary, StationKind };
export type StationDetail = Awaited<ReturnType<typeof detail.run>>['station'];
export type StationDetailAnswer = Awaited<ReturnType<typeof detail.run>>;

export interface StationQuery {
  kind?: StationKind;
  keyword?: string;
  cursor?: string;
  limit?: number;
}

export const listStations = (query: StationQuery) => callFunction<Page<StationSummary>>('stations', 'list', query);
export const getStation = (stationId: string) =>
  callFunction<{ station: StationDetail }>('stations', 'detail', { stationId }).then((r) => r.station);

type Result<A extends { run: (...args: never[]) => Promise<unknown> }> = Awaited<ReturnType<A['run']>>;
export type SlotsAnswer = Result<typeof slots>;
export type SlotItem = SlotsAnswer['slots'][number];
export type BookingItem = Result<typeof myBookings>['items'][number];
export type RosterAnswer = Result<typeof roster>;
export type StationItem = Awaited<ReturnType<typeof detail.run>>['items'][number];

export const getStationWithItems = (stationId: string) => callFunction<Result<typeof detail>>('stations', 'detail', { stationId });
export const listNearbyStations = (query: StationQuery & { near: { lat: number; lng: number } }) =>
  callFunction<Page<StationSummary & { distance: number | null }>>('stations', 'list', query);
export const getSlots = (itemId: string, date: string) => callFunction<SlotsAnswer>('stations', 'slots', { itemId, date });
export const bookSlot = (slotId: string, requestId: string) => callFunction<Result<typeof book>>('stations', 'book', { slotId, requestId });
export const joinWaitlist = (slotId: string) => callFunction<Result<typeof join>>('stations', 'joinWaitlist', { slotId });
export const listMyBookings = (cursor?: string) => callFunction<Page<BookingItem>>('stations', 'myBookings', { cursor });
export const cancelBooking = (bookingId: string) => callFunction<Result<typeof cancel>>('stations', 'cancel', { bookingId });
export const verifyBooking = (code: string) => callFunction<Result<typeof verify>>('stations', 'verify', { code });
export const getRoster = (itemId: string, date: string) => callFunction<RosterAnswer>('stations', 'roster', { itemId, date });

export interface SlotTemplate {
  weekdays: number[];
  start: string;
  end: string;
  slotMinutes: number;
  capacity: number;
}
export const generateItemSlots = (input: { itemId: string; from: string; to: string; template: SlotTemplate }) =>
  callFunction<{ created: number; existing: number }>('stations', 'generateSlots', input);
export const closeItemDay = (input: { itemId: string; date: string; reason: string }) =>
  callFunction<{ closed: number; cancelled: number }>('stations', 'closeSlots', input);
