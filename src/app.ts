import { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { applyElderMode, readElderMode } from './components/elder-mode';
import { fitTitleBarSwitch } from './components/elder-mode/title-bar';
import { openMap } from './components/near-me/useNearMe';
import { listenForPrivacy } from './components/privacy-sheet/gate';
import { LANG_KEY, TAB_TEXTS_EN, setTabTexts } from './i18n/tab-bar';
import './app.scss';

/**
 * H5 only: the built-in title bar's back and home buttons are bare divs; name them for screen readers
 * and keyboards; the bar holds the 长辈模式 switch at its right. And Taro.openLocation has no map on H5,
 * so it opens a map link instead (导航前往 works on every page that calls it).
 */
function fitH5(): void {
  const name = () => {
    for (const [selector, label] of [
      ['.taro-navigation-bar-back', '返回'],
      ['.taro-navigation-bar-home', '回到首页'],
    ] as const) {
      const el = document.querySelector(selector);
      if (el && !el.getAttribute('role')) {
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', label);
        el.setAttribute('tabindex', '0');
        el.addEventListener('keydown', (e) => {
          if ((e as KeyboardEvent).key === 'Enter') (el as HTMLElement).click();
        });
      }
    }
  };
  // A page and a horizontal scroller scroll: a keyboard user must be able to reach them (axe: scrollable-region-focusable).
  const focusable = () => {
    for (const el of Array.from(
      document.querySelectorAll('.taro_page:not([tabindex]), taro-scroll-view-core:not([tabindex])'),
    ))
      el.setAttribute('tabindex', '0');
  };
  let queued = false;
  const fit = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      name();
      focusable();
      fitTitleBarSwitch();
    });
  };
  fit();
  new MutationObserver(fit).observe(document.body, { childList: true, subtree: true });
  // A page shown again (a tab, or back) changes only classes: follow the router's own event too.
  window.addEventListener('hashchange', fit);
  Taro.eventCenter.on('__afterTaroRouterChange', fit);
  const taro = Taro as unknown as {
    openLocation: (o: { latitude: number; longitude: number; name?: string; address?: string }) => Promise<unknown>;
  };
  taro.openLocation = async (o) => {
    openMap({ lat: o.latitude, lng: o.longitude, name: o.name ?? '目的地', address: o.address });
    return { errMsg: 'openLocation:ok' };
  };
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    applyElderMode(readElderMode());
    // English chosen on the map's pages (src/i18n): the tab bar too.
    if (Taro.getStorageSync(LANG_KEY) === 'en') setTabTexts(TAB_TEXTS_EN);
    if (process.env.TARO_ENV === 'h5') fitH5();
    // WeChat holds a privacy API until the person agrees to the guide: the sheet (packages/privacy) asks.
    if (process.env.TARO_ENV === 'weapp') listenForPrivacy();
  });
  return children;
}

export default App;
