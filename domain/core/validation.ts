import { z } from 'zod';
import { AppError } from './errors';

// A fallback only: every issue below gets a plain message of our own (see `plainMessage`).
z.config(z.locales.zhCN());

/** How a person names an input field, and, for some, how its limits read best. */
interface FieldWords {
  label: string;
  /** The unit a number counts ('人', '分钟'); '' for none. */
  unit?: string;
  /** A phrase for "at least n" when the label alone reads badly (「每个时段至少 1 人」). */
  atLeast?: (n: number) => string;
  atMost?: (n: number) => string;
}

/** Field names (the last word of a path) as a person reads them. Unknown names read as 「该项」. */
export const FIELD_WORDS: Record<string, FieldWords> = {
  openid: { label: '成员' },
  points: { label: '积分', unit: '分' },
  reason: { label: '事由' },
  title: { label: '活动名称' },
  ruleId: { label: '积分细则' },
  branchId: { label: '党支部' },
  place: { label: '地点' },
  start: { label: '开始时间' },
  end: { label: '结束时间' },
  from: { label: '开始日期' },
  to: { label: '结束日期' },
  date: { label: '日期' },
  weekdays: { label: '星期' },
  slotMinutes: {
    label: '每段时长',
    unit: '分钟',
    atLeast: (n) => `每个时段至少 ${n} 分钟`,
    atMost: (n) => `每个时段最多 ${n} 分钟`,
  },
  capacity: {
    label: '每段人数',
    unit: '人',
    atLeast: (n) => `每个时段至少 ${n} 人`,
    atMost: (n) => `每个时段最多 ${n} 人`,
  },
  seats: { label: '绿色通道名额', unit: '个' },
  releaseTime: { label: '放号时间' },
  itemId: { label: '预约项目' },
  stationId: { label: '驿站' },
  siteId: { label: '接种点' },
  slotId: { label: '时段' },
  slotIds: { label: '时段' },
  goodsId: { label: '商品' },
  qty: { label: '数量', unit: '件' },
  price: { label: '所需积分', unit: '分' },
  stock: { label: '库存', unit: '件' },
  perUserLimit: { label: '每人限兑', unit: '件' },
  name: { label: '名称' },
  idNumber: { label: '身份证号' },
  phone: { label: '手机号' },
  personId: { label: '接种人' },
  vaccine: { label: '疫苗' },
  dose: { label: '剂次' },
  code: { label: '核验码' },
  pickupCode: { label: '取货码' },
  keyword: { label: '搜索词' },
  notice: { label: '公告' },
  status: { label: '状态' },
  role: { label: '角色' },
  requestId: { label: '请求编号' },
  cursor: { label: '翻页位置' },
  limit: { label: '每页条数' },
  description: { label: '说明' },
  address: { label: '地址' },
};

/** The words for the field at `path`: its last name that is not an array index. */
export function fieldWords(path: readonly PropertyKey[]): FieldWords {
  const last = [...path].reverse().find((p) => typeof p === 'string');
  return (typeof last === 'string' && FIELD_WORDS[last]) || { label: '该项' };
}

type Issue = z.core.$ZodRawIssue;

const present = (input: unknown) =>
  !(input === undefined || input === null || (typeof input === 'string' && input.trim() === ''));

/** One zod issue in words a resident understands: no 「参数 x」, no type names. */
export function plainMessage(issue: Issue): string {
  const path = issue.path ?? [];
  const words = fieldWords(path);
  const { label } = words;
  const unit = words.unit ? ` ${words.unit}` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (!present(issue.input)) return path.length === 0 ? '请求内容不完整' : `请填写${label}`;
      if (issue.expected === 'int') return `${label}必须是整数`;
      if (issue.expected === 'number') return `${label}请填写数字`;
      if (issue.expected === 'array' || issue.expected === 'object') return `${label}的格式不正确`;
      return `${label}的格式不正确`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n <= 1 || !present(issue.input) ? `请填写${label}` : `${label}至少 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return n <= 1 ? `请选择${label}` : `${label}至少选择 ${n} 项`;
      if (words.atLeast && issue.inclusive !== false) return words.atLeast(n);
      return issue.inclusive === false ? `${label}必须大于 ${n}${unit}` : `${label}不能少于 ${n}${unit}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `${label}不能超过 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}最多选择 ${n} 项`;
      if (words.atMost && issue.inclusive !== false) return words.atMost(n);
      return issue.inclusive === false ? `${label}必须小于 ${n}${unit}` : `${label}不能超过 ${n}${unit}`;
    }
    case 'invalid_format':
      return `${label}的格式不正确`;
    case 'invalid_value':
      return `请选择${label}`;
    case 'not_multiple_of':
      return `${label}的数值不正确`;
    case 'unrecognized_keys':
      return '请求包含不支持的内容，请刷新页面后重试';
    default:
      return path.length === 0 ? '请求内容不正确' : `${label}不正确`;
  }
}

/** A path as the client sees it: `template.capacity`, `slotIds.0`; none for the request as a whole. */
const dotted = (path: readonly PropertyKey[]) => (path.length === 0 ? undefined : path.map(String).join('.'));

/**
 * Parses `input`, or throws INVALID_ARGUMENT with a plain message and the field it concerns.
 * A schema's own message (`refine(…, '积分不能为 0')`) wins; every other issue is worded by `plainMessage`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: (issue) => plainMessage(issue) });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new AppError('INVALID_ARGUMENT', '请求内容不正确');
  throw new AppError('INVALID_ARGUMENT', issue.message.slice(0, 200), dotted(issue.path));
}

/** Building blocks shared by every action's input schema. */
export const fields = {
  id: z.string().trim().min(1).max(64),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(50).optional(),
  keyword: z.string().trim().max(30).optional(),
  requestId: z
    .string()
    .trim()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, '请求编号只能包含字母、数字、下划线和连字符'),
  name: z.string().trim().min(1).max(40),
  /** A calendar date that exists, 'YYYY-MM-DD'. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '请选择日期')
    .refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
    }, '日期不存在'),
  text: z.string().trim().max(500),
};
