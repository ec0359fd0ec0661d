import { cloudMain } from '../../../domain/core/cloud';
import { CloudBasePhoneResolver } from '../../../domain/phone';
import { router } from './router';

/** A person's phone may come from the phone-number button: its code is exchanged through WeChat's open API. */
let phones: CloudBasePhoneResolver | null = null;
export const main = cloudMain(router, () => ({ phones: (phones ??= new CloudBasePhoneResolver()) }));
