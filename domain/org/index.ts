/**
 * The org module's door: what other modules, the functions and the hosts may use. The organisation: the tree, invites and applications, members and roles, the roster, and the scope check.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { phoneField, realNameField, sealIdentity } from './identity';
export { createInvite, revokeInvite, joinInfo, apply, myApplications, applications, review } from './invites';
export { members, moveMember, searchMembers, setRole, assignStaff, staff } from './members';
export { UNITS, type UnitKind, unitDocSchema } from './model';
export { importRoster, rosterTemplate } from './roster';
export { adminCounty, assertInScope, placeOfUser, readUnit } from './scope';
export { tree, saveUnit, archiveUnit, setSecretary, allUnits, branchesUnder } from './units';
export { INVITES } from './model';
export { APPLICATIONS } from './model';
export { ROSTER, PARTY_DATES, partyDateDocSchema, type PartyDateDoc } from './model';
export { joinDateProblem } from './join-dates';
