/** Every deployable function, by name: the local cloud serves these, the build bundles these. */
import type { FunctionRouter } from '../domain/core/router';
import { router as org } from './org/src/router';
import { router as admin } from './admin/src/router';
import { router as points } from './points/src/router';
import { router as requests } from './requests/src/router';
import { router as stations } from './stations/src/router';
import { router as user } from './user/src/router';
import { router as vaccine } from './vaccine/src/router';

/** Each router with its action table's type kept: cloudfunctions/contract.ts derives what clients send and get from it. */
const ROUTERS = { user, points, stations, vaccine, org, admin, requests } satisfies Record<string, FunctionRouter>;
export type Routers = typeof ROUTERS;

/** The same routers, also looked up by a name known only at run time (the local cloud, the jobs, the tests). */
export const FUNCTIONS: Routers & Record<string, FunctionRouter> = ROUTERS;
