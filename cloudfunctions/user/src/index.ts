import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseSubscribeSender, setMessageSender } from '../../../domain/messages';
import { router } from './router';

// The deliverMessages job sends subscribe messages through WeChat's subscribeMessage.send (config.json grants it).
setMessageSender(new CloudBaseSubscribeSender());

export const main = cloudMain(router);
