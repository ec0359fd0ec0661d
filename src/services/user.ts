import type { Me } from '../../domain/user/actions';
import { callFunction } from './transport';

export type { Me };
export const getMe = () => callFunction<Me>('user', 'me');
