import { callFunction } from './transport';
import type { MemberMatch } from './org';

export type { MemberMatch };
/** Admins and secretaries: members of their own scope by name, for the member picker (org.searchMembers). */
export const searchMembers = (keyword: string) => callFunction('org', 'searchMembers', { keyword });
