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
