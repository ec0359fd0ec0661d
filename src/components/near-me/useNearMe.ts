import { useState } from 'react';
import Taro from '@tarojs/taro';

export type Point = { lat: number; lng: number };

/**
 * The coordinate system to ask for: WeChat answers gcj02 (what the seeded places use); a browser only
 * knows wgs84 and rejects a gcj02 request outright, so H5 asks for wgs84 (a few hundred metres off
 * against gcj02 — enough to sort by distance).
 */
export const LOCATION_TYPE: 'wgs84' | 'gcj02' = process.env.TARO_ENV === 'weapp' ? 'gcj02' : 'wgs84';

/** What went wrong, in words that say what actually happened and what the person can do. */
export function locationProblem(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error
        ? String((error as { errMsg?: unknown }).errMsg ?? '')
        : String(error ?? '');
  // 暂不同意 on the privacy sheet (packages/privacy): WeChat answers `privacy permission is not authorized`.
  if (/privacy/i.test(message)) return '需先同意隐私保护指引才能按距离排序，已按默认顺序显示，再点一次可重新查看。';
  if (/denied|deny|auth|permission|拒绝/i.test(message)) {
    return process.env.TARO_ENV === 'weapp'
      ? '你没有允许使用位置，已按默认顺序显示。可在右上角「…」→「设置」中允许位置信息后再试。'
      : '浏览器没有允许使用位置，已按默认顺序显示。可在浏览器地址栏的网站设置中允许定位后再试。';
  }
  if (/timeout|超时/i.test(message)) return '定位超时，已按默认顺序显示，请到开阔处再试。';
  if (/secure|https|insecure/i.test(message)) return '当前网页不是安全连接，浏览器不提供定位，已按默认顺序显示。';
  return '暂时无法获取位置（设备未开启定位或没有信号），已按默认顺序显示。';
}

/**
 * "Nearest first": asks for the location once when switched on; off again forgets it. The third
 * value is the reason it could not be had, to show beside the switch (null when fine).
 */
export function useNearMe(): [Point | null, () => Promise<void>, string | null] {
  const [near, setNear] = useState<Point | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = async () => {
    if (near) return setNear(null);
    try {
      const { latitude, longitude } = await Taro.getLocation({ type: LOCATION_TYPE });
      setProblem(null);
      setNear({ lat: latitude, lng: longitude });
    } catch (error) {
      const text = locationProblem(error);
      setProblem(text);
      void Taro.showToast({ title: text.split('，')[0]!, icon: 'none' });
    }
  };
  return [near, toggle, problem];
}

/** 850 米 / 3.2 公里. */
export const distanceText = (metres: number) => (metres < 1000 ? `${metres} 米` : `${(metres / 1000).toFixed(1)} 公里`);

export interface MapPlace {
  lat: number;
  lng: number;
  name: string;
  address?: string;
}

/** A map link a browser can open: Amap's marker page (gcj02, what the seeded places use). */
export const mapLink = (p: MapPlace) =>
  `https://uri.amap.com/marker?position=${p.lng},${p.lat}&name=${encodeURIComponent(p.name)}${p.address ? `&src=${encodeURIComponent('先锋驿站')}` : ''}&coordinate=gaode&callnative=1`;

/** 导航前往: WeChat's own map on weapp; a map link in a new tab on H5. */
export function openMap(p: MapPlace): void {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ latitude: p.lat, longitude: p.lng, name: p.name, address: p.address ?? '' });
    return;
  }
  if (typeof window !== 'undefined') window.open(mapLink(p), '_blank', 'noopener');
}
