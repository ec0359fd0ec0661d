import { defineFunction } from '../../../domain/core/router';
import * as user from '../../../domain/user/actions';
import { overview } from '../../../domain/user/overview';

export const router = defineFunction('user', { me: user.me, setRole: user.setRole, overview });
