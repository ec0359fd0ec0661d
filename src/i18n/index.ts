/**
 * The language of the map, landmark, route, certificate and station pages and of the tab bar: Chinese by default,
 * English once chosen, remembered on the device. Pages ask `useLang()` for the words of the catalogue and use the
 * helpers below for what comes from data (a name's English form, opening hours, distances, dates, the server's
 * refusals). Only subpackages import this door.
 */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { dayjs } from '../utils/time';
import { CATALOGUE, type Words } from './catalogue';
import { LANG_KEY, setTabTexts } from './tab-bar';

export type Lang = 'zh' | 'en';
export type { Words };

const CHANGED = 'xfyz:lang-changed';
const SHANGHAI_MINUTES = 8 * 60;

export const readLang = (): Lang => (Taro.getStorageSync(LANG_KEY) === 'en' ? 'en' : 'zh');
export const wordsOf = (lang: Lang): Words => CATALOGUE[lang];

/** H5: the 长辈模式 switch of the browser's title bar says 「大字」; on an English page it says so in English. */
function fitTitleBar(lang: Lang): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  const bar = document.querySelector('.elder-toggle--bar .elder-toggle__text');
  if (bar) bar.textContent = lang === 'en' ? 'Large' : '大字';
}

/** The page whose title and language are shown now. */
let shownBy: object | null = null;

export function setLang(lang: Lang): void {
  Taro.setStorageSync(LANG_KEY, lang);
  setTabTexts(CATALOGUE[lang].tabs);
  Taro.eventCenter.trigger(CHANGED, lang);
}

/**
 * The page's language and its words, following a switch made anywhere; the page's title set in it. On H5 the
 * document says which language it is in, and the title bar's switch follows while the page is shown.
 */
export function useLang(title?: (w: Words, lang: Lang) => string | null): [Lang, Words, (lang: Lang) => void] {
  const [lang, setState] = useState<Lang>(readLang);
  useEffect(() => {
    const follow = (next: Lang) => setState(next);
    Taro.eventCenter.on(CHANGED, follow);
    return () => void Taro.eventCenter.off(CHANGED, follow);
  }, []);
  const words = CATALOGUE[lang];
  const heading = title ? title(words, lang) : null;
  // The page's title, the document's language and the title bar's switch, whenever the page is the one shown (a
  // page below another stays mounted on H5: the one on top says its own language).
  const [me] = useState(() => ({}));
  const show = useCallback(() => {
    shownBy = me;
    if (heading) void Taro.setNavigationBarTitle({ title: heading });
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    fitTitleBar(lang);
    // A name without an English form in the title bar is marked as Chinese too.
    const title = document.querySelector('#taro-navigation-bar .taro-navigation-bar-title');
    if (lang === 'en' && heading && hasChinese(heading)) title?.setAttribute('lang', 'zh-CN');
    else title?.removeAttribute('lang');
  }, [lang, heading, me]);
  // Only the page that last said its language takes it back (another page may already have been shown).
  const hide = useCallback(() => {
    if (shownBy !== me) return;
    shownBy = null;
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    document.documentElement.lang = 'zh-CN';
    document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.removeAttribute('lang');
    fitTitleBar('zh');
  }, [me]);
  useEffect(() => {
    show();
    // The bar's switch may be put in after this page: fit it again a moment later, unless another page is shown by
    // then (its title would be overwritten with this one's).
    const again = setTimeout(() => {
      if (shownBy === me) show();
    }, 400);
    return () => {
      clearTimeout(again);
      hide();
    };
  }, [show, hide, me]);
  useDidShow(show);
  useDidHide(hide);
  const set = useCallback((next: Lang) => setLang(next), []);
  return [lang, words, set];
}

/** What a text in data is written in: Chinese unless it is an English form. `zh` marks it for screen readers. */
export type Shown = { text: string; zh: boolean };

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
export const hasChinese = (text: string): boolean => HAN.test(text);

/** A name in the page's language: the English form an admin entered, else the Chinese name (marked as Chinese). */
export function nameIn(lang: Lang, value: { name: string; nameEn?: string | null }): Shown {
  const en = (value.nameEn ?? '').trim();
  if (lang === 'en' && en) return { text: en, zh: false };
  return { text: value.name, zh: hasChinese(value.name) };
}

/** Any text of data with an optional English form (an introduction). */
export function textIn(lang: Lang, zh: string, en?: string | null): Shown {
  const english = (en ?? '').trim();
  if (lang === 'en' && english) return { text: english, zh: false };
  return { text: zh, zh: hasChinese(zh) };
}

/** The attributes marking a Chinese text on an English page (screen readers read it as Chinese; tests skip it). */
export const zhMark = (lang: Lang, shown: Shown | boolean): Record<string, string> =>
  lang === 'en' && (typeof shown === 'boolean' ? shown : shown.zh) ? { lang: 'zh-CN' } : {};

const HOURS: [RegExp, string][] = [
  [/全天开放/g, 'Open all day'],
  [/全天/g, 'All day'],
  [/每天|每日/g, 'Daily'],
  [/工作日/g, 'Weekdays'],
  [/周末/g, 'Weekends'],
  [/节假日/g, 'Holidays'],
  [/周一至周五/g, 'Mon–Fri'],
  [/周一至周六/g, 'Mon–Sat'],
  [/周一至周日/g, 'Mon–Sun'],
  [/周二至周日/g, 'Tue–Sun'],
  [/周二至周六/g, 'Tue–Sat'],
  [/周一/g, 'Mon'],
  [/周二/g, 'Tue'],
  [/周三/g, 'Wed'],
  [/周四/g, 'Thu'],
  [/周五/g, 'Fri'],
  [/周六/g, 'Sat'],
  [/周日|周天/g, 'Sun'],
  [/休息|闭馆/g, 'closed'],
  [/[，、；]/g, ', '],
  [/至/g, '–'],
];

/** Opening hours as entered (「周二至周日 9:00-17:00」) in English where every word is a known one, else as entered. */
export function hoursIn(lang: Lang, hours: string): Shown {
  if (lang === 'zh' || !hours) return { text: hours, zh: false };
  let text = hours;
  for (const [pattern, word] of HOURS) text = text.replace(pattern, word);
  return hasChinese(text) ? { text: hours, zh: true } : { text, zh: false };
}

/** 「850 米」「1.2 公里」「36 公里」 / 850 m, 1.2 km, 36 km. */
export function distanceIn(lang: Lang, metres: number): string {
  const w = CATALOGUE[lang];
  if (metres < 1000) return w.metres(Math.max(1, Math.round(metres)));
  return w.km(metres < 10_000 ? String(Math.round(metres / 100) / 10) : String(Math.round(metres / 1000)));
}

/** A day in Shanghai: 「2026年12月6日」 / 6 Dec 2026. */
export const dateIn = (lang: Lang, ms: number): string =>
  dayjs(ms)
    .utcOffset(SHANGHAI_MINUTES)
    .format(lang === 'en' ? 'D MMM YYYY' : 'YYYY年M月D日');

/** A moment in Shanghai: 「2026年12月6日 14:05」 / 6 Dec 2026, 14:05. */
export const momentIn = (lang: Lang, ms: number): string =>
  dayjs(ms)
    .utcOffset(SHANGHAI_MINUTES)
    .format(lang === 'en' ? 'D MMM YYYY, HH:mm' : 'YYYY年M月D日 HH:mm');

/**
 * A refusal or failure in the page's language. The server words its refusals in Chinese: on an English page a
 * known one (by its code and field) is said in English, anything else by a general sentence.
 */
export function errorIn(
  lang: Lang,
  error: unknown,
  known: (e: { code: string; field?: string; message: string }) => string | null = () => null,
): string {
  const e =
    error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string'
      ? (error as { code: string; field?: string; message: string })
      : null;
  if (lang === 'zh') return e?.message ?? CATALOGUE.zh.failed;
  if (!e) return CATALOGUE.en.failed;
  if (e.code === 'NETWORK') return CATALOGUE.en.network;
  if (e.code === 'UNAUTHENTICATED') return CATALOGUE.en.signIn;
  return known(e) ?? (hasChinese(e.message) ? CATALOGUE.en.failed : e.message);
}
