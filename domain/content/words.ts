import type { RefusalKind } from './labels';

/**
 * The local checker's small word list, one kind at a time: enough for the tests to reach every outcome and for a
 * demo to show a refusal. It is no moderation policy: in the cloud WeChat's own checks decide.
 */
export const LOCAL_WORDS: Readonly<Record<Exclude<RefusalKind, 'politics' | 'other'>, readonly string[]>> = {
  ad: ['加微信', '加我微信', '代理招募', '优惠券', '扫码领红包', '广告推广'],
  porn: ['色情', '裸聊', '约炮'],
  abuse: ['傻逼', '王八蛋', '混蛋', '滚蛋'],
  crime: ['赌博', '毒品', '办假证', '代开发票'],
  fraud: ['刷单返利', '中奖了请转账', '安全账户'],
  vulgar: ['低俗', '下流'],
  copyright: ['盗版资源', '破解版下载'],
};

/** The first kind whose word the text holds (spaces and case ignored), or null. */
export function localKindOf(text: string): RefusalKind | null {
  const flat = text.replace(/\s+/g, '').toLowerCase();
  for (const [kind, words] of Object.entries(LOCAL_WORDS) as [RefusalKind, readonly string[]][])
    if (words.some((w) => flat.includes(w))) return kind;
  return null;
}

/**
 * The local picture marker: a picture whose bytes carry `XFYZ-REFUSE:<kind>` is refused with that kind, one carrying
 * `XFYZ-LOST` never gets a verdict (as when WeChat's pushed message is lost). Test pictures append it after the image.
 */
export const PICTURE_MARKER = 'XFYZ-REFUSE:';
export const LOST_MARKER = 'XFYZ-LOST';
