import { z } from 'zod';
import { AppError } from './errors';

z.config(z.locales.zhCN());

/** Field names as a person reads them in an error message. */
function describePath(path: PropertyKey[]): string {
  return path.length === 0 ? '请求' : `参数 ${path.map(String).join('.')}`;
}

/** Parses `input`, or throws INVALID_ARGUMENT with a message a person understands. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const message = issue ? `${describePath(issue.path)}：${issue.message}` : '请求参数不正确';
  throw new AppError('INVALID_ARGUMENT', message.slice(0, 200));
}

/** Building blocks shared by every action's input schema. */
export const fields = {
  id: z.string().trim().min(1).max(64),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(50).optional(),
  keyword: z.string().trim().max(30).optional(),
  requestId: z.string().trim().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符'),
  name: z.string().trim().min(1).max(40),
  /** A calendar date that exists, 'YYYY-MM-DD'. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine((d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
    }, '日期不存在'),
  text: z.string().trim().max(500),
};
