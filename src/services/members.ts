import type { MemberMatch } from '../../domain/user/search';
import { callFunction } from './transport';

export type { MemberMatch };
/** Admin: members by nickname or branch name, for the member picker (no personal data). */
export const searchMembers = (keyword: string) => callFunction<{ items: MemberMatch[] }>('user', 'searchMembers', { keyword });
