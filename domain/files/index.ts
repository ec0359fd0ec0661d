/**
 * The files module's door: what other modules, the functions and the hosts may use. The file-storage port and its two stores; pictures, and workbooks written and read.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { MAX_IMAGE_BASE64, decodeImage, fileUrls, imageInput, pictureRef, uploadImage } from './pictures';
export { CloudBaseFileStore } from './cloudbase';
export { MAX_IMAGE_BYTES } from './image';
export { LocalFileStore } from './local';
export { pictureAddress, pictureIdOf } from './address';
export { type FileStore } from './port';
export { workbookBase64 } from './xlsx';
export { SheetError, readSheet, type SheetRefusal, type SheetRows } from './xlsx-read';
