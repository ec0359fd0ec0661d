/**
 * 隐私授权 on weapp: WeChat holds a privacy API (location, photos, clipboard, the phone-number button) until the
 * person has agreed to the mini-program's privacy guide, and calls the app's `onNeedPrivacyAuthorization`
 * listener with a `resolve`. This tiny module (the main package's share) keeps those resolves and opens the sheet,
 * a page in its own subpackage (packages/privacy), which answers them (./answer.ts).
 */
import Taro from '@tarojs/taro';
import { ROUTES } from '../../routes';

export type PrivacyAnswer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string };
export interface Waiting {
  resolve: (answer: PrivacyAnswer) => void;
  /** The API or component waiting, as WeChat names it: `getLocation`, `chooseImage`, `button.getPhoneNumber`… */
  referrer: string;
}

/** What WeChat holds now, and the open sheet's way to hear of one more. */
export const held: { list: Waiting[]; sheet: (() => void) | null } = { list: [], sheet: null };

/** At launch (weapp): listens, and opens the sheet on the first API held (or tells an open sheet of one more). */
export function listenForPrivacy(): void {
  // Absent before base library 2.32.3, which holds no privacy API either.
  Taro.onNeedPrivacyAuthorization?.((resolve, info) => {
    held.list.push({ resolve, referrer: info?.referrer || '' });
    if (held.sheet) held.sheet();
    else if (held.list.length < 2)
      void Taro.navigateTo({
        url: ROUTES.privacyAgree,
        fail: () => held.list.splice(0).forEach((w) => w.resolve({ event: 'disagree' })),
      });
  });
}
