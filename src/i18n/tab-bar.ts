/**
 * The language's few words the weapp main package carries: the storage key and the tab bar's English texts (the
 * rest of the catalogue lives in src/i18n/catalogue.ts, which only subpackages import). Chinese is the default:
 * the tab bar's Chinese texts are app.config.ts's own.
 */
import Taro from '@tarojs/taro';

export const LANG_KEY = 'xfyz.lang';
export const TAB_TEXTS_EN = ['Home', 'Points', 'Stations', 'Vaccines', 'Me'];

/** Puts `texts` on the tab bar's five items (a failure — no tab bar yet — is left to the next call). */
export function setTabTexts(texts: readonly string[]): void {
  texts.forEach((text, index) => void Taro.setTabBarItem({ index, text }).catch(() => undefined));
}
