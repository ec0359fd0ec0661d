/** The routes, a completed route's certificate and branches' stars (the map's other calls are in services/map.ts). */
import type { ActionOutput } from '../../../cloudfunctions/contract';
import { callFunction } from '../../services/transport';

export type RoutesAnswer = ActionOutput<'stations', 'mapRoutes'>;
export type MapRoute = RoutesAnswer['items'][number];
export type Certificate = ActionOutput<'stations', 'routeCertificate'>;

/** Every active route with its landmarks in order and the caller's progress. */
export const getRoutes = () => callFunction('stations', 'mapRoutes', {});
/** A completed route's certificate (NOT_FOUND until the caller completed it). */
export const getCertificate = (routeId: string) => callFunction('stations', 'routeCertificate', { routeId });

/** Branches' latest signed-off 达标创星 stars (at most 200 a call; a branch with none is left out). */
export const getBranchStars = (branchIds: string[]) => callFunction('admin', 'branchStars', { branchIds });
