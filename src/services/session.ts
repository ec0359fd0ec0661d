/** The H5 sign-in token (local cloud only; on weapp the platform identifies the caller). */
import Taro from '@tarojs/taro';

const TOKEN_KEY = 'xfyz.token';

export const getToken = (): string => (Taro.getStorageSync(TOKEN_KEY) as string) || '';
export const clearToken = (): void => Taro.removeStorageSync(TOKEN_KEY);
export const needsSignIn = (): boolean => process.env.TARO_ENV !== 'weapp' && !getToken();

/** Development sign-in as a demo user; exists only on the local cloud. */
export async function devSignIn(openid: string): Promise<void> {
  const res = await Taro.request<{ ok: boolean; data?: { token: string }; error?: { message: string } }>({
    url: '/auth/dev-login',
    method: 'POST',
    data: { openid },
    header: { 'content-type': 'application/json' },
  });
  if (!res.data?.ok || !res.data.data) throw new Error(res.data?.error?.message ?? '登录失败');
  Taro.setStorageSync(TOKEN_KEY, res.data.data.token);
}

export const signOut = clearToken;
