/** The words of 群众点单 that the app shows and the server checks against (plain data: clients import it as it is). */
export const KIND_LABELS = { wish: '微心愿', issue: '诉求' } as const;
export type RequestKind = keyof typeof KIND_LABELS;

export const WISH_CATEGORIES = ['长者', '儿童', '助学', '助残', '其他'] as const;
export const ISSUE_CATEGORIES = ['环境', '物业', '邻里', '便民', '安全', '其他'] as const;
export const CATEGORIES: Record<RequestKind, readonly string[]> = { wish: WISH_CATEGORIES, issue: ISSUE_CATEGORIES };

export const STATUS_LABELS = {
  submitted: '待受理',
  declined: '未受理',
  accepted: '已受理',
  open: '招募中',
  inProgress: '办理中',
  finished: '待确认',
  confirmed: '已办结',
  cancelled: '已取消',
} as const;
export type RequestStatus = keyof typeof STATUS_LABELS;
