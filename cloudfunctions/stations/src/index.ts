import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseContentCheck } from '../../../domain/content';
import { router } from './router';

/**
 * What admins and staff publish (stations, their items, the reason a day is closed) is checked by WeChat's
 * msgSecCheck (config.json grants it).
 */
let content: CloudBaseContentCheck | null = null;
export const main = cloudMain(router, () => ({ content: (content ??= new CloudBaseContentCheck()) }));
