/**
 * The one composition file: binds the router (domain/core/router.ts) to what only modules know — the console
 * session check, where a target lies (the org tree) and the audit entry — so that core imports no module.
 * Every function's router declares itself with this `defineFunction`.
 */
import { functionFactory } from '../domain/core/router';
import { runAudited } from '../domain/audit';
import { assertConsoleRole, checkConsoleSession } from '../domain/console-login';
import { assertInScope } from '../domain/org';

export const defineFunction = functionFactory({
  resolveConsoleSession: checkConsoleSession,
  assertConsoleRole,
  assertInScope,
  runAudited,
});
