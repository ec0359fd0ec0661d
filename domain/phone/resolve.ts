import { z } from 'zod';
import { AppError } from '../core/errors';
import type { RequestContext } from '../core/router';
import type { PhoneRefusal } from './port';

/** A code from the phone-number button (WeChat's are 64 hex characters; the local ones `local-phone-…`). */
export const phoneCodeField = z
  .string()
  .trim()
  .min(1, '请重新点「使用微信手机号」')
  .max(256, '请重新点「使用微信手机号」')
  .regex(/^[\w.:+-]+$/, '请重新点「使用微信手机号」');

/** What a resident reads beside the field when a code cannot be exchanged; nothing is written then. */
export const PHONE_REFUSALS: Record<PhoneRefusal, string> = {
  invalid: '微信手机号已过期，请重新点「使用微信手机号」，或直接填写手机号',
  busy: '暂时没能取到微信手机号，请稍后再试，或直接填写手机号',
  foreign: '这个微信手机号不是大陆手机号，请直接填写 11 位手机号',
  unavailable: '这里暂时不能使用微信手机号，请直接填写手机号',
};

export interface ResolvedPhone {
  phone: string;
  /** True when the platform gave the number (手机号快速验证); a typed number is unverified. */
  verified: boolean;
}

/**
 * The number an action stores: typed (validated by the action's schema, unverified), or exchanged from the
 * button's code through the host's resolver (verified). Exactly one of the two; a refusal names `field`.
 * Call it before any write, outside transactions (a code is single-use: a transaction retry must not spend it twice).
 */
export async function resolvePhone(
  ctx: Pick<RequestContext, 'services' | 'caller'>,
  given: { phone?: string; code?: string },
  field: string,
  missing = '请填写手机号',
): Promise<ResolvedPhone> {
  const typed = given.phone?.trim() ?? '';
  const code = given.code?.trim() ?? '';
  if (typed && code) throw new AppError('INVALID_ARGUMENT', '手机号请选一种方式：使用微信手机号，或直接填写', field);
  if (typed) return { phone: typed, verified: false };
  if (!code) throw new AppError('INVALID_ARGUMENT', missing, field);
  const resolver = ctx.services?.phones;
  if (!resolver) throw new AppError('INVALID_ARGUMENT', PHONE_REFUSALS.unavailable, field);
  const answer = await resolver.resolve(code, ctx.caller?.openid ?? '');
  if (!answer.ok) throw new AppError('INVALID_ARGUMENT', PHONE_REFUSALS[answer.refusal], field);
  return { phone: answer.phone, verified: true };
}
