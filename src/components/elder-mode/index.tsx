import { useCallback, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import './index.scss';

const KEY = 'xfyz.elder';

/** 长辈模式: large text and high contrast, remembered on the device. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState<boolean>(() => Taro.getStorageSync(KEY) === '1');
  const set = useCallback((next: boolean) => {
    Taro.setStorageSync(KEY, next ? '1' : '0');
    setOn(next);
  }, []);
  return [on, set];
}

export function ElderPage({ elder, className, children }: { elder: boolean; className: string; children: ReactNode }) {
  return <View className={`page ${className} ${elder ? 'elder' : ''}`}>{children}</View>;
}

export function ElderToggle({ elder, onChange }: { elder: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className="elder-toggle" onClick={() => onChange(!elder)}>
      {elder ? '退出长辈模式' : '长辈模式（大字）'}
    </View>
  );
}
