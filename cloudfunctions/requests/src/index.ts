import { cloudMain } from '../../../domain/core/cloud';
import { router } from './router';

export const main = cloudMain(router);
