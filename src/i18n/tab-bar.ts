/**
 * The language's few words the weapp main package carries: the storage key and the tab bar's English texts (the
 * rest of the catalogue lives in src/i18n/catalogue.ts, which only subpackages import). Chinese is the default:
 * the tab bar's Chinese texts are app.config.ts's own.
 */
import Taro from '@tarojs/taro';

export const LANG_KEY = 'xfyz.lang';
export const TAB_TEXTS_EN = ['Home', 'Points', 'Stations', 'Vaccines', 'Me'];

let wanted: readonly string[] = [];

/**
 * Puts `texts` on the tab bar's five items. While the app starts there may be no tab bar yet: the call fails, or on
 * H5 goes unanswered. Then it tries again a moment later, a few times, unless other texts were asked for since.
 */
export function setTabTexts(texts: readonly string[], tries = 10): void {
  wanted = texts;
  const done = Promise.all(texts.map((text, index) => Taro.setTabBarItem({ index, text })));
  const unanswered = new Promise((_, reject) => setTimeout(reject, 500));
  Promise.race([done, unanswered]).catch(() => {
    if (tries > 1 && wanted === texts) setTimeout(() => wanted === texts && setTabTexts(texts, tries - 1), 300);
  });
}
