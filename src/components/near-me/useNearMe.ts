import { useState } from 'react';
import Taro from '@tarojs/taro';

export type Point = { lat: number; lng: number };

/** "Nearest first": asks for the location once when switched on; off again forgets it. */
export function useNearMe(): [Point | null, () => Promise<void>] {
  const [near, setNear] = useState<Point | null>(null);
  const toggle = async () => {
    if (near) return setNear(null);
    try {
      const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
      setNear({ lat: latitude, lng: longitude });
    } catch {
      void Taro.showToast({ title: '未能获取位置，请在设置中允许定位', icon: 'none' });
    }
  };
  return [near, toggle];
}

/** 850 米 / 3.2 公里. */
export const distanceText = (metres: number) => (metres < 1000 ? `${metres} 米` : `${(metres / 1000).toFixed(1)} 公里`);
