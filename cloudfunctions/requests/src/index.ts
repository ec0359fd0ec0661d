import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseFileStore } from '../../../domain/files';
import { CloudBasePhoneResolver } from '../../../domain/phone';
import { router } from './router';

/**
 * The photos of requests (uploadPhoto) go to CloudBase storage; the purgePhotos job removes unused ones from it.
 * A contact's or volunteer's phone may come from the phone-number button, exchanged through WeChat's open API.
 */
let files: CloudBaseFileStore | null = null;
let phones: CloudBasePhoneResolver | null = null;
export const main = cloudMain(router, () => ({
  files: (files ??= new CloudBaseFileStore()),
  phones: (phones ??= new CloudBasePhoneResolver()),
}));
