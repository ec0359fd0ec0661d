import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseFileStore } from '../../../domain/files';
import { router } from './router';

/** The photos of requests (uploadPhoto) go to CloudBase storage; the purgePhotos job removes unused ones from it. */
let files: CloudBaseFileStore | null = null;
export const main = cloudMain(router, () => ({ files: (files ??= new CloudBaseFileStore()) }));
