/**
 * Plain data the server, the app and the console share about the organisation (clients import it at run time,
 * so no zod and no Node here). What a real name and a phone must look like: the join, ask and volunteer forms.
 */
export const NAME_RULE = '姓名应为 2 到 20 个汉字（少数民族姓名可含间隔号「·」）';
export const PHONE_RULE = '手机号应为 11 位数字，以 1 开头';
export const NAME_PATTERN = /^[\u3400-\u9fff][\u3400-\u9fff·•]{0,18}[\u3400-\u9fff]$/;
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const isRealName = (name: string): boolean => NAME_PATTERN.test(name);
export const isPhone = (phone: string): boolean => PHONE_PATTERN.test(phone);

/** The kinds of unit in the organisation tree. */
export const UNIT_KINDS = {
  county: '县（市、区）',
  committee: '街道/社区大党委',
  alliance: '联盟',
  branch: '党支部',
} as const;
export type UnitKind = keyof typeof UNIT_KINDS;

/** Which kinds a unit of each kind may sit under (a county is a root). */
export const PARENT_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  county: [],
  committee: ['county'],
  alliance: ['county'],
  branch: ['county', 'committee', 'alliance'],
};

/** Which kinds may be added under a unit of each kind: PARENT_KINDS read the other way. */
const childKinds = (kind: UnitKind): UnitKind[] =>
  (Object.keys(PARENT_KINDS) as UnitKind[]).filter((child) => PARENT_KINDS[child].includes(kind));
export const CHILD_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  county: childKinds('county'),
  committee: childKinds('committee'),
  alliance: childKinds('alliance'),
  branch: childKinds('branch'),
};
