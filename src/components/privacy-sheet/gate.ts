/**
 * 隐私授权 on weapp: WeChat holds a privacy API (location, photos, clipboard, the phone-number button) until the
 * person has agreed to the mini-program's privacy guide, and calls the app's `onNeedPrivacyAuthorization`
 * listener with a `resolve`. This tiny module (main package) keeps those resolves and opens the sheet, a page in
 * its own subpackage (packages/privacy), which answers them: agree (with the agree button's id) or disagree.
 */
import Taro from '@tarojs/taro';
import { ROUTES } from '../../routes';

export type PrivacyAnswer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string };
type Resolve = (answer: PrivacyAnswer) => void;
export interface Waiting {
  resolve: Resolve;
  /** The API or component waiting, as WeChat names it: `getLocation`, `chooseImage`, `button.getPhoneNumber`… */
  referrer: string;
}
type Listen = (listener: (resolve: Resolve, info?: { referrer?: string }) => void) => void;

/** The id of the `open-type="agreePrivacyAuthorization"` button: WeChat checks it was the one tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree';

const waiting: Waiting[] = [];
let sheet: ((all: readonly Waiting[]) => void) | null = null;

/** At launch (weapp): listens, and opens the sheet on the first API held (or tells an open sheet of one more). */
export function listenForPrivacy(
  listen: Listen | undefined = (Taro as unknown as { onNeedPrivacyAuthorization?: Listen }).onNeedPrivacyAuthorization,
  open: () => void = () => void Taro.navigateTo({ url: ROUTES.privacyAgree, fail: () => answerPrivacy('disagree') }),
): void {
  listen?.((resolve, info) => {
    waiting.push({ resolve, referrer: info?.referrer ?? '' });
    if (sheet) sheet(waiting.slice());
    else if (waiting.length === 1) open();
  });
}

/** The sheet: what waits now and whenever one more arrives; the returned function stops it. */
export function watchPrivacy(show: (all: readonly Waiting[]) => void): () => void {
  sheet = show;
  show(waiting.slice());
  return () => {
    if (sheet === show) sheet = null;
  };
}

/** Answers every held API at once: agree (with the agree button's id) or disagree. */
export function answerPrivacy(event: 'agree' | 'disagree'): number {
  const all = waiting.splice(0);
  for (const w of all) w.resolve(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event });
  return all.length;
}
