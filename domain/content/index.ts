/**
 * The content module's door: content security for what people publish or send to each other. The port, the local
 * word-list checker, WeChat's checks through CloudBase, the pushed picture verdict, and the guard the use cases call.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { type ContentCheck, type PictureVerdict, type Scene, SCENES } from './port';
export { LocalContentCheck } from './local';
export { CloudBaseContentCheck, pictureVerdictOf, kindOfLabel, type WxOpenApi } from './cloudbase';
export { assertTextsPass, contentCheckOf, type PublishedText } from './guard';
export { PICTURE_MARKER, LOST_MARKER } from './words';
export { REFUSAL_KINDS, PICTURE_PENDING, pictureRefusal, refusalText, type RefusalKind } from './labels';
export {
  PICTURE_RECORDS,
  pictureRecordId,
  pictureTargetOf,
  placePictures,
  picturesOf,
  settleHeldPicture,
  sortPictures,
  submitHeldPictures,
  waitingPictures,
  type PictureTarget,
} from './held';
