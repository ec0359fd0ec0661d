/**
 * The one place that talks to the cloud functions. Pages call the per-domain services,
 * which call `callFunction`; only this file knows the transport of each target.
 */
import Taro from '@tarojs/taro';
import type { Envelope, ErrorCode } from '../../domain/core/errors';
import { clearToken, getToken } from './session';

export type FunctionName = 'user' | 'points' | 'stations' | 'vaccine' | 'org' | 'admin' | 'requests';
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** An error fit to show: its message is plain Chinese; `field` is the input path it concerns, when one. */
export class ServiceError extends Error {
  constructor(readonly code: ClientErrorCode, message: string, readonly field?: string) {
    super(message);
    this.name = 'ServiceError';
  }
}

const NETWORK_ERROR = '网络不稳定，请检查网络后重试';

let cloudReady = false;

async function viaWxCloud<T>(name: FunctionName, event: object): Promise<Envelope<T>> {
  if (!cloudReady) {
    Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV } : {});
    cloudReady = true;
  }
  const res = await Taro.cloud.callFunction({ name, data: event });
  return res.result as Envelope<T>;
}

async function viaLocalCloud<T>(name: FunctionName, event: object): Promise<Envelope<T>> {
  const token = getToken();
  if (!token) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
  const res = await Taro.request<Envelope<T>>({
    url: `/fn/${name}`,
    method: 'POST',
    data: event,
    header: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });
  if (res.statusCode === 401) clearToken();
  return res.data;
}

export async function callFunction<T>(name: FunctionName, action: string, input: object = {}): Promise<T> {
  let envelope: Envelope<T>;
  try {
    const event = { action, ...input };
    envelope = process.env.TARO_ENV === 'weapp' ? await viaWxCloud<T>(name, event) : await viaLocalCloud<T>(name, event);
  } catch {
    throw new ServiceError('NETWORK', NETWORK_ERROR);
  }
  if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) throw new ServiceError('INTERNAL', '服务返回了无法识别的结果');
  if (!envelope.ok) throw new ServiceError(envelope.error.code, envelope.error.message, envelope.error.field);
  return envelope.data;
}

/** A message for any error caught by a page. */
export function errorMessage(error: unknown): string {
  return error instanceof ServiceError ? error.message : '出了点问题，请稍后重试';
}
