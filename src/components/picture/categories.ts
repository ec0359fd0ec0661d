import type { IconName } from './icons';

/** A placeholder's look: its icon, its tint and the word under it (the category, never the item's name). */
export interface Placeholder {
  icon: IconName;
  label: string;
  tint: string;
}

export const GOODS_CATEGORIES = {
  grain: { icon: 'rice', label: '粮油米面', tint: '#ad4e00' },
  oil: { icon: 'bottle', label: '粮油米面', tint: '#874d00' },
  daily: { icon: 'towel', label: '日用百货', tint: '#0958d9' },
  book: { icon: 'book', label: '学习读本', tint: '#a8071a' },
  gift: { icon: 'umbrella', label: '文创周边', tint: '#531dab' },
  voucher: { icon: 'ticket', label: '服务券', tint: '#006d75' },
  other: { icon: 'gift', label: '积分好物', tint: '#a8071a' },
} as const satisfies Record<string, Placeholder>;
export type GoodsCategory = keyof typeof GOODS_CATEGORIES;

const RULES: [RegExp, GoodsCategory][] = [
  [/券|理发|体检|服务/, 'voucher'],
  [/《|》|读本|书|纲要|手册/, 'book'],
  [/油/, 'oil'],
  [/米|面|粮|杂粮/, 'grain'],
  [/伞|杯|包|定制|文创|徽章/, 'gift'],
  [/毛巾|纸|洗|牙|皂|盆|袋|日用/, 'daily'],
];

/** The category a goods item's placeholder shows, read from its name and description. */
export function goodsCategory(name: string, description = ''): GoodsCategory {
  const text = `${name} ${description}`;
  return RULES.find(([re]) => re.test(text))?.[1] ?? 'other';
}

/** Placeholders for places, by station kind (and vaccination sites). */
export const PLACE_PLACEHOLDERS: Record<string, Placeholder> = {
  tourism: { icon: 'flag', label: '旅游驿站', tint: '#a8071a' },
  center: { icon: 'building', label: '党群服务中心', tint: '#a8071a' },
  warm: { icon: 'heart', label: '暖心驿站', tint: '#ad2102' },
  hut: { icon: 'home', label: '党群服务小屋', tint: '#ad4e00' },
  neighbour: { icon: 'people', label: '红色邻里之家', tint: '#9e1068' },
  love: { icon: 'heart', label: '爱心驿站', tint: '#a8071a' },
  pioneer: { icon: 'star', label: '先锋联盟工作站', tint: '#a8071a' },
  vaccine: { icon: 'syringe', label: '接种点', tint: '#006d75' },
  other: { icon: 'pin', label: '服务点', tint: '#a8071a' },
};
