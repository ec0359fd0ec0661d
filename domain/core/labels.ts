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
