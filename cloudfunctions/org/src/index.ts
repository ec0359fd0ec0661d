import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseContentCheck } from '../../../domain/content';
import { router } from './router';

/** Unit names and the reason an application is refused are checked by WeChat's msgSecCheck (config.json grants it). */
let content: CloudBaseContentCheck | null = null;
export const main = cloudMain(router, () => ({ content: (content ??= new CloudBaseContentCheck()) }));
