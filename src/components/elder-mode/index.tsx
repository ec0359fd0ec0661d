import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { a11y } from '../layout/a11y';
import './index.scss';

const KEY = 'xfyz.elder';
const CHANGED = 'xfyz:elder-changed';
/** The root class: on H5 it sits on <html>, so every page, dialog and toast gets the larger sizes. */
export const ELDER_ROOT_CLASS = 'xf-elder';

export const readElderMode = (): boolean => Taro.getStorageSync(KEY) === '1';

/** Puts the remembered mode on the document root (H5); mini-program pages get it from their root view. */
export function applyElderMode(on: boolean): void {
  if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') {
    document.documentElement.classList.toggle(ELDER_ROOT_CLASS, on);
    // And the class the pages' and shared components' own 长辈模式 rules use (`.elder .x`), so they hold on
    // every page, whether or not its root is an ElderPage.
    document.documentElement.classList.toggle('elder', on);
  }
}

/** Follows every change of the mode (whoever makes it); returns the unsubscribe. */
export function onElderModeChange(follow: (on: boolean) => void): () => void {
  Taro.eventCenter.on(CHANGED, follow);
  return () => void Taro.eventCenter.off(CHANGED, follow);
}

export function setElderMode(on: boolean): void {
  Taro.setStorageSync(KEY, on ? '1' : '0');
  applyElderMode(on);
  Taro.eventCenter.trigger(CHANGED, on);
}

/** 长辈模式: large text and large targets, remembered on the device; every page using it follows a change at once. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState<boolean>(readElderMode);
  useEffect(() => onElderModeChange(setOn), []);
  const set = useCallback((next: boolean) => setElderMode(next), []);
  return [on, set];
}

/** A page root that carries the elder class itself (what mini-program pages need; harmless on H5). */
export function ElderPage({ elder, className, children }: { elder?: boolean; className: string; children: ReactNode }) {
  const [remembered] = useElderMode();
  const on = elder ?? remembered;
  return <View className={`page ${className} ${on ? 'elder' : ''}`}>{children}</View>;
}

/**
 * The page's 长辈模式 switch, in its header and never a row of its own. On H5 the title bar holds it on every
 * page (title-bar.ts), so here it renders nothing; on weapp, whose native title bar takes no control, it is
 * a compact switch at the right of the page's top.
 */
export function ElderToggle({ elder, onChange }: { elder: boolean; onChange: (on: boolean) => void }) {
  if (process.env.TARO_ENV === 'h5') return null;
  return (
    <View
      className={`elder-toggle elder-toggle--page ${elder ? 'elder-toggle--on' : ''}`}
      {...a11y({ role: 'switch', checked: elder, label: '长辈模式（大字）' })}
      onClick={() => onChange(!elder)}
    >
      <Text className="elder-toggle__text">大字</Text>
      <View className="elder-toggle__track" {...a11y({ hidden: true })}>
        <View className="elder-toggle__knob" />
      </View>
    </View>
  );
}

/** The switch in 我的: a labelled row that is itself the switch, remembered on the device. */
export function ElderSwitch() {
  const [on, set] = useElderMode();
  return (
    <View
      className={`elder-switch ${on ? 'elder-switch--on' : ''}`}
      {...a11y({ role: 'switch', checked: on, label: '长辈模式：字更大、按钮更大' })}
      onClick={() => set(!on)}
    >
      <View className="elder-switch__text">
        <Text className="elder-switch__title">长辈模式</Text>
        <Text className="elder-switch__desc">字更大、按钮更大，本机记住</Text>
      </View>
      <View className="elder-switch__track">
        <View className="elder-switch__knob" />
      </View>
    </View>
  );
}
