import type { ActionOutput } from '../../cloudfunctions/contract';
import { callFunction } from './transport';

export type Me = ActionOutput<'user', 'me'>;
export const getMe = () => callFunction('user', 'me');
