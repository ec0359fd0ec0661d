import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { getMe } from '../../services/user';
import type { NextStep } from '.';

/** The console's address when a build names it (a weapp build cannot know where the county published it). */
declare const CONSOLE_URL: string | undefined;

/** The desk console: at /admin/ beside the H5 app on the local cloud; on weapp the address a build gives, if any. */
export function consoleAddress(): string {
  if (process.env.TARO_ENV === 'h5') return `${window.location.origin}/admin/`;
  return typeof CONSOLE_URL === 'string' ? CONSOLE_URL : '';
}

/** Opens the console: a new browser tab on H5; on a phone, how to reach it on a computer (address copied on request). */
export function openConsole(what: string): void {
  const address = consoleAddress();
  if (process.env.TARO_ENV === 'h5') {
    window.open(address, '_blank', 'noopener');
    return;
  }
  void Taro.showModal({
    title: '请在电脑上打开管理后台',
    content: `${what}在管理后台添加：在电脑浏览器中打开${address ? ` ${address} ` : '本县的管理后台网址（可向系统管理员索取）'}，用微信扫登录页的二维码即可登录。`,
    confirmText: address ? '复制网址' : '知道了',
    showCancel: !!address,
    success: (r) => {
      if (r.confirm && address) void Taro.setClipboardData({ data: address });
    },
  });
}

/**
 * An empty list's next step for those who fill it (admins, county admins, staff): the console, where `what` is added.
 * The role is read only once the list is known empty; anyone else (or while it is read) gets `fallback`.
 */
export function useConsoleStep(
  list: { loading: boolean; error: string | null; items: unknown[] },
  what: string,
  fallback: NextStep,
): NextStep {
  const empty = !list.loading && !list.error && list.items.length === 0;
  const [fills, setFills] = useState<boolean>();
  useEffect(() => {
    if (empty && fills === undefined)
      getMe().then(
        (me) => setFills(me.role === 'admin' || me.role === 'staff'),
        () => setFills(false),
      );
  }, [empty, fills]);
  return fills ? { text: `去管理后台添加${what}`, open: () => openConsole(what) } : fallback;
}
