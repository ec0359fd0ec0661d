import { useState } from 'react';
import Taro from '@tarojs/taro';
import { errorMessage } from '../../services/transport';

interface Ask {
  title: string;
  content: string;
  confirmText: string;
  cancelText?: string;
  /** Shown as a toast when it worked. */
  done?: string;
}

/** Ask, then act, with progress and a plain-Chinese refusal: the cancel buttons of orders, bookings and appointments. */
export function useConfirmedAction(ask: Ask, act: () => Promise<unknown>, onDone: () => void): [boolean, () => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const { confirm } = await Taro.showModal({ title: ask.title, content: ask.content, confirmText: ask.confirmText, cancelText: ask.cancelText ?? '取消' });
    if (!confirm) return;
    setBusy(true);
    try {
      await act();
      if (ask.done) void Taro.showToast({ title: ask.done, icon: 'none' });
      onDone();
    } catch (e) {
      void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
