import Taro from '@tarojs/taro';
import { useIntention } from '../intention';
import { errorMessage } from '../../services/transport';

interface Ask {
  title: string;
  /** What will happen, named (「取消 11月24日 10:00-11:00 的「法律咨询」？」). */
  content: string;
  confirmText: string;
  cancelText?: string;
  /** Shown as a toast when it worked. */
  done?: string;
}

/**
 * Ask, then act, with progress and a plain-Chinese refusal: the cancel buttons of orders, bookings and
 * appointments. A second tap while asking or acting does nothing (one effect per tap).
 */
export function useConfirmedAction(
  ask: Ask,
  act: () => Promise<unknown>,
  onDone: () => void,
): [boolean, () => Promise<void>] {
  const intent = useIntention(null);
  const run = async () => {
    await intent.run(() => act(), {
      confirm: { title: ask.title, content: ask.content, confirmText: ask.confirmText, cancelText: ask.cancelText },
      success: ask.done,
      onSuccess: onDone,
      onError: (e) => void Taro.showModal({ title: '未能完成', content: errorMessage(e), showCancel: false }),
    });
  };
  return [intent.busy, run];
}
