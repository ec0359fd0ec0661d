import { cloudMain } from '../../../domain/core/cloud';
import { clock } from '../../../domain/core/clock';
import { CloudBaseDatabase } from '../../../domain/db/cloudbase';
import { CloudBaseContentCheck, pictureVerdictOf } from '../../../domain/content';
import { CloudBaseFileStore } from '../../../domain/files';
import { applyPictureVerdict } from '../../../domain/requests';
import { router } from './router';

/**
 * The photos of requests (uploadPhoto) go to CloudBase storage; the purgePhotos job removes unused ones from it.
 * Texts and photos are checked by WeChat's content security (msgSecCheck, mediaCheckAsync).
 */
let files: CloudBaseFileStore | null = null;
let content: CloudBaseContentCheck | null = null;
const services = () => ({
  files: (files ??= new CloudBaseFileStore()),
  content: (content ??= new CloudBaseContentCheck()),
});
const routed = cloudMain(router, services);
let db: CloudBaseDatabase | null = null;

/**
 * Also WeChat's pushed `wxa_media_check` (the county routes that event to this function: 云开发控制台 → 设置 →
 * 消息推送, 推送模式 云函数): a photo's verdict, matched to the file by its trace id only — a trace id is never shown
 * to a client, so an event a client forged names none and changes nothing. Answers `success`, as a push expects.
 */
export async function main(event: unknown, context?: unknown) {
  const verdict = pictureVerdictOf(event);
  if (!verdict) return routed(event, context);
  db ??= new CloudBaseDatabase();
  await applyPictureVerdict(db, verdict, clock.now(), services());
  return 'success';
}
