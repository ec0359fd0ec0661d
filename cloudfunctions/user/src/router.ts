import { defineFunction } from '../../../domain/core/router';
import * as user from '../../../domain/user/actions';
import { searchMembers } from '../../../domain/user/search';

export const router = defineFunction('user', { me: user.me, setRole: user.setRole, searchMembers });
