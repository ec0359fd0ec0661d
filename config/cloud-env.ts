/**
 * The CloudBase environment the weapp calls (`wx.cloud.init({ env })` in src/services/transport.ts).
 * An empty value would silently fall back to whatever environment WeChat picks as the default, so a
 * production weapp build refuses it; development builds (`--watch`) may leave it empty.
 */
export const CLOUD_ENV_MISSING = [
  '构建正式版小程序必须指定云开发环境 ID：CLOUD_ENV 为空时，wx.cloud.init 会落到微信选的默认环境。',
  '  设置方法：CLOUD_ENV=<环境 ID> npm run build:weapp（环境 ID 在云开发控制台 → 环境 → 环境 ID 查看）',
  'A production weapp build needs the CloudBase environment id: with CLOUD_ENV empty, wx.cloud.init falls back to a default environment.',
  '  Set it: CLOUD_ENV=<env id> npm run build:weapp (the id is shown in the CloudBase console under Environment).',
].join('\n');

export function cloudEnv(env: NodeJS.ProcessEnv, target: string): string {
  const value = (env.CLOUD_ENV ?? '').trim();
  if (!value && target === 'weapp' && env.NODE_ENV === 'production') throw new Error(CLOUD_ENV_MISSING);
  return value;
}
