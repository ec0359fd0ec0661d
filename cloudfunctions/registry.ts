/** Every deployable function, by name: the local cloud serves these, the build bundles these. */
import type { FunctionRouter } from '../domain/core/router';
import { router as org } from './org/src/router';
import { router as admin } from './admin/src/router';
import { router as points } from './points/src/router';
import { router as requests } from './requests/src/router';
import { router as stations } from './stations/src/router';
import { router as user } from './user/src/router';
import { router as vaccine } from './vaccine/src/router';

export const FUNCTIONS: Record<string, FunctionRouter> = { user, points, stations, vaccine, org, admin, requests };
