/**
 * The audit module's door: what other modules, the functions and the hosts may use. The audit log: the router's audit hook, and the log's search and export.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { audit, auditExport } from './search';
export { runAudited, type AuditNote } from './record';
export { AUDIT } from './model';
