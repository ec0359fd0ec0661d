/**
 * The seed module's door: what other modules, the functions and the hosts may use. Demo data drawn from the articles, and the once-only seeding the hosts run.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { BRANCHES, STATIONS, VACCINE_SITES } from './data';
export { POINT_RULES, demoRedemptionEvent } from './points-data';
export { seedIfEmpty, type SeedMode, type SeedOptions } from './seed';
export {
  historySeeded,
  historyStart,
  seedHistory,
  type HistoryHost,
  type HistoryOptions,
  type HistoryReport,
} from './history';
