/**
 * The user module's door: what other modules, the functions and the hosts may use. The signed-in person: who I am, and 我的 at a glance.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { me, setRole } from './me';
export { overview, roleWords } from './overview';
