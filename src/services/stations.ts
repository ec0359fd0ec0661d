import type { Page } from '../../domain/core/paging';
import type { StationSummary, detail } from '../../domain/stations/actions';
import type { StationKind } from '../../domain/stations/kinds';
import { callFunction } from './transport';

export type { StationSummary, StationKind };
export type StationDetail = Awaited<ReturnType<typeof detail.run>>['station'];

export interface StationQuery {
  kind?: StationKind;
  keyword?: string;
  cursor?: string;
  limit?: number;
}

export const listStations = (query: StationQuery) => callFunction<Page<StationSummary>>('stations', 'list', query);
export const getStation = (stationId: string) =>
  callFunction<{ station: StationDetail }>('stations', 'detail', { stationId }).then((r) => r.station);
