/**
 * The one place that talks to the cloud functions. Pages call the per-domain services,
 * which call `callFunction`; only this file knows the transport of each target.
 */
import Taro from '@tarojs/taro';
import type { ActionArgs, ActionName, ActionOutput, FunctionName } from '../../cloudfunctions/contract';
import type { Envelope, ErrorCode } from '../../domain/core/errors';
import { clearToken, getToken } from './session';

export type { FunctionName };
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** An error fit to show: its message is plain Chinese; `field` is the input path it concerns, when one. */
export class ServiceError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

const NETWORK_ERROR = '网络不稳定，请检查网络后重试';

let cloudReady = false;

async function viaWxCloud(name: FunctionName, event: object): Promise<Envelope<unknown>> {
  if (!cloudReady) {
    Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV } : {});
    cloudReady = true;
  }
  const res = await Taro.cloud.callFunction({ name, data: event });
  return res.result as Envelope<unknown>;
}

async function viaLocalCloud(name: FunctionName, event: object): Promise<Envelope<unknown>> {
  const token = getToken();
  if (!token) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
  const res = await Taro.request<Envelope<unknown>>({
    url: `/fn/${name}`,
    method: 'POST',
    data: event,
    header: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  if (res.statusCode === 401) clearToken();
  return res.data;
}

/**
 * Calls `action` of function `name`. Names, input and answer are checked against the functions' own action
 * tables (cloudfunctions/contract.ts, type-only): a wrong name or input shape does not compile.
 */
export async function callFunction<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  ...[input]: ActionArgs<F, A>
): Promise<ActionOutput<F, A>> {
  let envelope: Envelope<unknown>;
  try {
    const event = { action, ...input };
    envelope = process.env.TARO_ENV === 'weapp' ? await viaWxCloud(name, event) : await viaLocalCloud(name, event);
  } catch {
    throw new ServiceError('NETWORK', NETWORK_ERROR);
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope))
    throw new ServiceError('INTERNAL', '服务返回了无法识别的结果');
  if (!envelope.ok) throw new ServiceError(envelope.error.code, envelope.error.message, envelope.error.field);
  // The function answered its own envelope: its data is what the contract says `F.A` answers.
  return envelope.data as ActionOutput<F, A>;
}

/** A message for any error caught by a page. */
export function errorMessage(error: unknown): string {
  return error instanceof ServiceError ? error.message : '出了点问题，请稍后重试';
}
