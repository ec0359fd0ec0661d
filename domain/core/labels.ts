/** The roles and their names: plain data the router, the app and the console share (no zod, no Node). */
export const ROLES = ['resident', 'member', 'secretary', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '党员',
  secretary: '党支部书记',
  staff: '驿站工作人员',
  admin: '管理员',
};

/** A role's name, for a value read from a document or a list (an unknown one is shown as it is). */
export const roleLabel = (role: string): string =>
  Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Role] : role;

/** A role word before a name, unless the name already carries it: 「党员王建国」 stays, 「王建国」 becomes 「党员王建国」. */
export const withRole = (role: string, nickname: string): string =>
  nickname.includes(role) ? nickname : `${role}${nickname}`;
