import { cloudMain } from '../../../domain/core/cloud';
import { CloudBaseSubscribeSender } from '../../../domain/messages/cloudbase';
import { setMessageSender } from '../../../domain/messages/sender';
import { router } from './router';

// The deliverMessages job sends subscribe messages through WeChat's subscribeMessage.send (config.json grants it).
setMessageSender(new CloudBaseSubscribeSender());

export const main = cloudMain(router);
