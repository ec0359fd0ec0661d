import { LANDMARK_KINDS } from '../../../domain/map/labels';
import type { LandmarkKind } from '../../services/map';
import { routeUrl, type RouteName } from '../../routes';

/** The filter chips: every kind, or one (红色地标, 先锋岗, 责任区, 诚信经营户 — short words at 375 px). */
export const KIND_FILTERS: [LandmarkKind | undefined, string][] = [
  [undefined, '全部'],
  ['red', LANDMARK_KINDS.red.zh],
  ['post', '先锋岗'],
  ['area', '责任区'],
  ['shop', LANDMARK_KINDS.shop.zh],
];

export const kindLabel = (kind: LandmarkKind): string => LANDMARK_KINDS[kind].zh;

/** The filter chips in order: every kind, then each (their words are the catalogue's, src/i18n). */
export const KIND_CODES: (LandmarkKind | undefined)[] = [undefined, 'red', 'post', 'area', 'shop'];

/** Each kind's detail page: a red landmark (打卡), a 先锋岗 or 责任区 (找他办事), a shop (亮牌). */
const PAGES: Record<LandmarkKind, RouteName> = {
  red: 'mapLandmark',
  post: 'mapPost',
  area: 'mapPost',
  shop: 'mapShop',
};

/** The page of a place on the map (a kind not known yet opens the landmark page, which shows any place). */
export const placeUrl = (id: string, kind?: LandmarkKind): string =>
  routeUrl(kind ? PAGES[kind] : 'mapLandmark', { id });
