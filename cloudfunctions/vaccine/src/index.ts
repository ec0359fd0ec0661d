import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseContentCheck } from '../../../domain/content';
import { CloudBasePhoneResolver } from '../../../domain/phone';
import { router } from './router';

/**
 * A person's phone may come from the phone-number button: its code is exchanged through WeChat's open API. What
 * admins publish (sites, their notices) is checked by WeChat's msgSecCheck (config.json grants both).
 */
let phones: CloudBasePhoneResolver | null = null;
let content: CloudBaseContentCheck | null = null;
export const main = cloudMain(router, () => ({
  phones: (phones ??= new CloudBasePhoneResolver()),
  content: (content ??= new CloudBaseContentCheck()),
}));
