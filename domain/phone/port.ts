/**
 * Phone numbers by the platform (手机号快速验证). On weapp a resident taps a button with
 * `open-type="getPhoneNumber"`; WeChat hands the page a one-time code (`e.detail.code`, valid 5 minutes,
 * usable once). The client sends that code, never a number; the server exchanges it through this port and
 * stores the number it answers as verified. A number typed by hand is stored as unverified.
 * - CloudBase: the open API `phonenumber.getPhoneNumber` through the node-sdk's `callWxOpenApi`
 *   (domain/phone/cloudbase.ts); the function needs `permissions.openapi: ["phonenumber.getPhoneNumber"]`.
 * - Local cloud and tests: a deterministic resolver (domain/phone/local.ts).
 */
export type PhoneRefusal =
  /** The code is unknown, expired or used already (WeChat errcode 40029). */
  | 'invalid'
  /** WeChat is busy or rate-limited (-1, 45011) or could not be reached: worth another try. */
  | 'busy'
  /** The number is not a mainland mobile number (the forms take those only). */
  | 'foreign'
  /** This deployment cannot exchange codes (no permission, the account may not use the button). */
  | 'unavailable';

export type PhoneAnswer = { ok: true; phone: string } | { ok: false; refusal: PhoneRefusal };

export interface PhoneResolver {
  /** Exchanges a code from the phone-number button for the number (purePhoneNumber, without country code). */
  resolve(code: string, openid: string): Promise<PhoneAnswer>;
}

declare module '../core/services' {
  interface HostServices {
    /** Exchanges phone-number button codes: WeChat's open API in the cloud, a deterministic stand-in locally. */
    phones?: PhoneResolver;
  }
}
