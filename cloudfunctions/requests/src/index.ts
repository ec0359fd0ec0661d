import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseFileStore } from '../../../domain/files/cloudbase';
import { purgePhotos } from '../../../domain/requests/jobs';
import { router } from './router';

/**
 * The photos of requests (uploadPhoto) go to CloudBase storage, and the purgePhotos job removes unused ones from it:
 * timer jobs get no host services, so this entry hands the job its store.
 */
let files: CloudBaseFileStore | null = null;
const store = () => (files ??= new CloudBaseFileStore());

export const main = cloudMain({ ...router, jobs: { ...router.jobs, purgePhotos: (db, now) => purgePhotos(db, now, { files: store() }) } }, () => ({ files: store() }));
