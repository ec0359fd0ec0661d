/**
 * The document each audited action changes, so the audit entry can hold it before and after without the
 * action's own code knowing: the router reads it by the id found in the input (before) and in the input
 * or the result (after). An action may instead describe itself with `ctx.audit({ targetId, before, after })`.
 * Add a line when a new staff or admin action changes one document.
 */
export interface AuditTarget {
  collection: string;
  /** Field naming the document's id, looked up in the input, then in the result. */
  idField: string;
}

export const AUDIT_TARGETS: Record<string, AuditTarget> = {
  'user.setRole': { collection: 'users', idField: 'openid' },
  'points.saveGoods': { collection: 'goods', idField: 'goodsId' },
  'points.restock': { collection: 'goods', idField: 'goodsId' },
  'points.award': { collection: 'pointAccounts', idField: 'openid' },
  'points.publishActivity': { collection: 'activities', idField: 'activityId' },
  'points.verifyOrder': { collection: 'orders', idField: 'orderId' },
  'stations.saveStation': { collection: 'stations', idField: 'stationId' },
  'stations.saveItem': { collection: 'serviceItems', idField: 'itemId' },
  'stations.verify': { collection: 'bookings', idField: 'bookingId' },
  'vaccine.saveSite': { collection: 'vaccineSites', idField: 'siteId' },
  'vaccine.setStatus': { collection: 'vaccineSites', idField: 'siteId' },
  'vaccine.verify': { collection: 'appointments', idField: 'appointmentId' },
  'admin.approveConsoleLogin': { collection: 'consoleLogins', idField: 'ticketId' },
  'admin.revokeConsoleSession': { collection: 'consoleSessions', idField: 'sessionId' },
  'admin.adjustStars': { collection: 'starRatings', idField: 'ratingId' },
  'points.planMeeting': { collection: 'meetings', idField: 'meetingId' },
  'points.cancelMeeting': { collection: 'meetings', idField: 'meetingId' },
  'points.recordMinutes': { collection: 'meetings', idField: 'meetingId' },
  'points.decideLeave': { collection: 'meetings', idField: 'meetingId' },
  'admin.signOffStars': { collection: 'starRatings', idField: 'ratingId' },
};

/** When an action has no target above, the first of these found in the input, then the result, names the document. */
export const ID_FIELDS = [
  'goodsId',
  'stationId',
  'itemId',
  'siteId',
  'slotId',
  'orderId',
  'bookingId',
  'appointmentId',
  'activityId',
  'applicationId',
  'unitId',
  'branchId',
  'ticketId',
  'fileId',
  'openid',
  'entryId',
] as const;

/**
 * Actions open to staff or admins only that are plain page views (lists, figures, rosters with masked names): not
 * recorded, so looking at a page does not bury the changes. Exports are recorded (who took data out), and so are
 * reads of members' real names (org.members, org.searchMembers).
 */
export const UNAUDITED = new Set([
  'admin.audit',
  'admin.dashboard',
  'admin.stars',
  'admin.consoleTicket',
  'admin.consoleSessions',
  'org.tree',
  'org.applications',
  'org.staff',
  'org.rosterTemplate',
  // The notices one manages, with read counts: a list of what they published (domain/notices).
  'org.managedNotices',
  // A branch's meetings and its 联系点: lists (domain/meetings).
  'points.branchMeetings',
  'points.liaisons',
  // A landmark's printable poster: drawn from what is stored, nothing changes (domain/map).
  'stations.landmarkPoster',
  'requests.queue',
  'requests.volunteers',
  'requests.stats',
  'stations.roster',
  'vaccine.roster',
]);
