/** The map's words the clients import (no zod, no Node): kinds of place on the 党建地图, in Chinese and English. */
export const LANDMARK_KINDS = {
  red: { zh: '红色地标', en: 'Red landmark' },
  post: { zh: '党员先锋岗', en: 'Party member post' },
  area: { zh: '党员责任区', en: 'Party member area' },
  shop: { zh: '诚信经营户', en: 'Trusted shop' },
} as const;
export type LandmarkKind = keyof typeof LANDMARK_KINDS;
export const LANDMARK_KIND_CODES = Object.keys(LANDMARK_KINDS) as LandmarkKind[];

/** Only red landmarks take check-ins (they carry a poster with a code); the others are places to find. */
export const CHECKIN_KINDS: readonly LandmarkKind[] = ['red'];

/** The points rule a party member's check-in earns by (seeded with the rules; its cap is the rule's). */
export const CHECKIN_RULE_ID = 'r-hongse';

/** What a 先锋岗 or 责任区 is on (a shop, a building, a green space…). */
export const POST_PLACE_TYPES = {
  shop: '店铺',
  building: '楼栋',
  green: '绿地',
  street: '街巷',
  other: '其他',
} as const;
export type PostPlaceType = keyof typeof POST_PLACE_TYPES;
export const POST_PLACE_TYPE_CODES = Object.keys(POST_PLACE_TYPES) as PostPlaceType[];

/** The title a shop holds: 诚信经营户 (a branch vouches for it) or 共产党员经营户 (run by a party member). */
export const SHOP_BADGES = {
  honest: { zh: '诚信经营户', en: 'Trusted shop' },
  member: { zh: '共产党员经营户', en: 'Party member shop' },
} as const;
export type ShopBadge = keyof typeof SHOP_BADGES;
export const SHOP_BADGE_CODES = Object.keys(SHOP_BADGES) as ShopBadge[];

/** 亮牌: whether the shop shows its sign at the door. */
export const LIT_LABELS = { lit: '已亮牌', unlit: '暂未亮牌' } as const;

/** A member's name as others see it: 「王*华」 (first and last character), 「王*」 for two characters. */
export function maskHolder(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
