import { LANDMARK_KINDS } from '../../../domain/map/labels';
import type { LandmarkKind } from '../../services/map';

/** The filter chips: every kind, or one (红色地标, 先锋岗, 责任区, 诚信经营户 — short words at 375 px). */
export const KIND_FILTERS: [LandmarkKind | undefined, string][] = [
  [undefined, '全部'],
  ['red', LANDMARK_KINDS.red.zh],
  ['post', '先锋岗'],
  ['area', '责任区'],
  ['shop', LANDMARK_KINDS.shop.zh],
];

export const kindLabel = (kind: LandmarkKind): string => LANDMARK_KINDS[kind].zh;
