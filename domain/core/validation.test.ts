import { z } from 'zod';
import { award, publishActivity } from '../points/earning';
import { generateSlots } from '../booking/admin';
import { AppError, fail } from './errors';
import { parseInput } from './validation';

/** What a person is told, and where, for `input` against `schema`. */
function refusal(schema: z.ZodType, input: unknown): { code: string; message: string; field?: string } {
  try {
    parseInput(schema, input);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return e.field ? { code: e.code, message: e.message, field: e.field } : { code: e.code, message: e.message };
  }
  throw new Error('expected a refusal');
}

const AWARD = { openid: 'demo-member', points: 5, reason: '志愿服务', requestId: 'award-req-0001' };
const TEMPLATE = { weekdays: [1, 2, 3], start: '09:00', end: '12:00', slotMinutes: 30, capacity: 5 };

test.each([
  ['a missing number', { ...AWARD, points: null }, { field: 'points', message: '请填写积分' }],
  [
    'an absent field',
    { openid: 'demo-member', reason: '志愿服务', requestId: 'award-req-0001' },
    { field: 'points', message: '请填写积分' },
  ],
  ['text where a number goes', { ...AWARD, points: '五' }, { field: 'points', message: '积分请填写数字' }],
  ['a fraction', { ...AWARD, points: 1.5 }, { field: 'points', message: '积分必须是整数' }],
  ['too many points', { ...AWARD, points: 5000 }, { field: 'points', message: '积分不能超过 1000 分' }],
  ['the schema’s own words win', { ...AWARD, points: 0 }, { field: 'points', message: '积分不能为 0' }],
  ['an empty reason', { ...AWARD, reason: '  ' }, { field: 'reason', message: '请填写事由' }],
  ['a one-character reason', { ...AWARD, reason: '好' }, { field: 'reason', message: '事由至少 2 个字' }],
  ['an empty member', { ...AWARD, openid: '' }, { field: 'openid', message: '请填写成员' }],
])('award: %s → the field and a plain message', (_name, input, expected) => {
  expect(refusal(award.input, input)).toEqual({ code: 'INVALID_ARGUMENT', ...expected });
});

test.each([
  ['capacity 0', { capacity: 0 }, { field: 'template.capacity', message: '每个时段至少 1 人' }],
  ['capacity null', { capacity: null }, { field: 'template.capacity', message: '请填写每段人数' }],
  ['no weekday', { weekdays: [] }, { field: 'template.weekdays', message: '请选择星期' }],
])('generateSlots: %s → a nested path and a plain message', (_name, change, expected) => {
  const input = { itemId: 'it-1', from: '2026-12-01', to: '2026-12-02', template: { ...TEMPLATE, ...change } };
  expect(refusal(generateSlots.input, input)).toEqual({ code: 'INVALID_ARGUMENT', ...expected });
});

test('a date that does not exist names the field', () => {
  const input = { itemId: 'it-1', from: '2026-02-30', to: '2026-03-02', template: TEMPLATE };
  expect(refusal(generateSlots.input, input)).toEqual({
    code: 'INVALID_ARGUMENT',
    field: 'from',
    message: '日期不存在',
  });
});

test('publishActivity: a missing time and an unknown field', () => {
  const input = {
    title: '党课',
    ruleId: 'r-1',
    place: '',
    start: '',
    end: '2026-12-01 10:00',
    requestId: 'pub-req-0001',
  };
  expect(refusal(publishActivity.input, input)).toMatchObject({ field: 'start', message: '请选择日期和时间' });
  expect(refusal(publishActivity.input, { ...input, start: '2026-12-01 09:00', extra: 1 })).toEqual({
    code: 'INVALID_ARGUMENT',
    message: '请求包含不支持的内容，请刷新页面后重试',
  });
});

test('no message ever says 参数, a type name or a validator word', () => {
  const schemas: [z.ZodType, unknown][] = [
    [award.input, { ...AWARD, points: null }],
    [award.input, {}],
    [award.input, { ...AWARD, points: 'x' }],
    [award.input, { ...AWARD, requestId: '!' }],
    [
      generateSlots.input,
      { itemId: 'x', from: '2026-12-01', to: '2026-12-01', template: { ...TEMPLATE, capacity: 0 } },
    ],
    [
      generateSlots.input,
      { itemId: 'x', from: '2026-12-01', to: '2026-12-01', template: { ...TEMPLATE, start: '9点' } },
    ],
    [publishActivity.input, null],
    [publishActivity.input, []],
  ];
  for (const [schema, input] of schemas) {
    const { message } = refusal(schema, input);
    expect(message).toMatch(/[\u4e00-\u9fa5]/);
    expect(message).not.toMatch(/参数|number|string|null|undefined|期望|无效输入|>=|<=|Invalid|expected/i);
  }
});

test('the envelope carries field only when there is one (old clients read code and message as before)', () => {
  expect(fail('INVALID_ARGUMENT', '请填写积分', 'points')).toEqual({
    ok: false,
    error: { code: 'INVALID_ARGUMENT', message: '请填写积分', field: 'points' },
  });
  expect(fail('NOT_FOUND', '商品不存在')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '商品不存在' } });
});
