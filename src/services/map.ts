import type { ActionInput, ActionOutput } from '../../cloudfunctions/contract';
import type { Marker, LandmarkKind } from '../../domain/map';
import { callFunction } from './transport';

export type { Marker, LandmarkKind };
export type MapBounds = ActionInput<'stations', 'mapMarkers'>['bounds'];
export type MarkersAnswer = ActionOutput<'stations', 'mapMarkers'>;
export type LandmarkDetail = ActionOutput<'stations', 'landmarkDetail'>;
export type CheckInInput = ActionInput<'stations', 'checkIn'>;
export type CheckInAnswer = ActionOutput<'stations', 'checkIn'>;

/** The markers of the visible area (GCJ-02), clustered by the server; `kinds` absent means every kind. */
export const getMapMarkers = (query: ActionInput<'stations', 'mapMarkers'>) =>
  callFunction('stations', 'mapMarkers', query);
export const getLandmark = (landmarkId: string) => callFunction('stations', 'landmarkDetail', { landmarkId });
/** The landmark a poster's code names, when WeChat opened the page with the scene alone. */
export const getLandmarkByScene = (scene: string) => callFunction('stations', 'landmarkByScene', { scene });
/** 打卡: the poster's scene, and the position in the datum the platform gave it (the server converts). */
export const checkInAt = (input: CheckInInput) => callFunction('stations', 'checkIn', input);

export type FootprintAnswer = ActionOutput<'stations', 'myFootprint'>;
export type FootprintItem = FootprintAnswer['items'][number];
export type FootprintSummary = FootprintAnswer['summary'];
/** 我的足迹, newest first. */
export const getFootprint = (cursor?: string) => callFunction('stations', 'myFootprint', { cursor });
