/**
 * The dashboard module's door: what other modules, the functions and the hosts may use. The county dashboard and its export.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { dashboard, dashboardExport } from './dashboard';
