/**
 * The console-login module's door: what other modules, the functions and the hosts may use. Scan-to-sign-in for the desktop console: tickets, approval, sessions and the credential port.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export {
  startConsoleLogin,
  consoleTicket,
  approveConsoleLogin,
  pollConsoleLogin,
  consoleSessions,
  revokeConsoleSession,
  purgeConsoleLogins,
} from './sign-in';
export { CloudBaseCredentialIssuer, customLoginCredentials } from './cloudbase';
export { CONSOLE_SESSION_TTL_MS, SESSION_ID } from './model';
export { assertConsoleRole, checkConsoleSession } from './session';
export { type Credential, type CredentialIssuer, type ConsoleSessionRef } from './port';
export { CONSOLE_LOGINS } from './model';
export { CONSOLE_SESSIONS } from './model';
export { CONSOLE_LOGIN_LIMITS } from './model';
