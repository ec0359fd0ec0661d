/**
 * The requests module's door: what other modules, the functions and the hosts may use. 群众点单—支部下单—党员接单: asks, review and dispatch, the 任务大厅 and claims, volunteers and 时间银行, figures.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { communities, uploadPhoto, ask } from './ask';
export { mine, detail } from './mine';
export { queue, review, dispatch } from './desk';
export { confirm, sendBack, cancel } from './close';
export { hall, claim, myTasks, progress, finish, release, withdraw } from './claims';
export { wall, figures, stats } from './figures';
export { registerVolunteer, volunteerMe, timeBank, volunteers, reviewVolunteer } from './volunteers';
export { checkRequestInvariants } from './invariants';
export { markOverdue, purgePhotos } from './jobs';
export { applyPictureVerdict } from './pictures';
export { REQUESTS, REQUEST_EVENTS, VOLUNTEERS, type RequestDoc } from './model';
export { PHOTOS } from './model';
export { PHOTO_QUOTAS } from './model';
export { TIME_ACCOUNTS } from './model';
export { TIME_LEDGER } from './model';
export { STATUS_LABELS } from './labels';
/** The photo pipeline other modules attach uploads through (domain/meetings: the minutes' photos). */
export { assertOwnPhotos, photoDocId, photoUrls, usePhotos } from './present';
export { photoDocSchema } from './model';
