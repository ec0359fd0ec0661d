import tcb from '@cloudbase/node-sdk';
import type { PhoneAnswer, PhoneResolver } from './port';

/** WeChat errcodes that say the code itself is no good (unknown, expired, used, or from another appid). */
const INVALID_CODE = new Set(['40029', '40013', '40163']);
/** The platform will not answer this account (no permission for the API, or the account may not use it). */
const UNAVAILABLE = new Set(['48001', '40001', '-604101', 'PERMISSION_DENIED']);

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * `phonenumber.getPhoneNumber` (HTTPS `POST /wxa/business/getuserphonenumber`) through the node-sdk's
 * `callWxOpenApi` (action `wx.api`), as domain/messages/cloudbase.ts sends subscribe messages. The answer
 * is `{ errcode, errmsg, phone_info: { phoneNumber, purePhoneNumber, countryCode, watermark } }`; only a
 * mainland number (countryCode 86, purePhoneNumber 1[3-9]…) is taken. Tested against a stand-in for the
 * `wx.api` endpoint in domain/phone/phone.test.ts.
 */
export class CloudBasePhoneResolver implements PhoneResolver {
  private app: ReturnType<typeof tcb.init> | null = null;

  /** `serviceUrl` and the keys: where the SDK's requests go instead of CloudBase (the tests' stand-in). */
  constructor(
    private readonly options: { env?: string; serviceUrl?: string; secretId?: string; secretKey?: string } = {},
  ) {}

  async resolve(code: string, openid: string): Promise<PhoneAnswer> {
    let res: { code?: string; result?: unknown };
    try {
      // Initialised on first use: loading the function costs nothing when nobody taps the button.
      this.app ??= tcb.init({
        env: this.options.env ?? tcb.SYMBOL_CURRENT_ENV,
        ...(this.options.secretId ? { secretId: this.options.secretId, secretKey: this.options.secretKey } : {}),
        ...(this.options.serviceUrl ? { serviceUrl: this.options.serviceUrl } : {}),
      });
      res = await this.app.callWxOpenApi({
        apiName: 'phonenumber.getPhoneNumber',
        requestData: { code, ...(openid ? { openid } : {}) },
      });
    } catch (error) {
      // The SDK throws a CloudBase-level refusal (`{ code, message }`: no permission, bad environment); a network
      // failure has no such code and is worth another try.
      const code =
        typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
      return { ok: false, refusal: UNAVAILABLE.has(code) ? 'unavailable' : 'busy' };
    }
    // The same refusal, where the SDK is set not to throw it.
    if (res.code) return { ok: false, refusal: UNAVAILABLE.has(String(res.code)) ? 'unavailable' : 'busy' };
    const result = (typeof res.result === 'object' && res.result !== null ? res.result : {}) as {
      errcode?: unknown;
      errCode?: unknown;
      phone_info?: { purePhoneNumber?: unknown; countryCode?: unknown };
      phoneInfo?: { purePhoneNumber?: unknown; countryCode?: unknown };
    };
    const errcode = String(result.errcode ?? result.errCode ?? 0);
    if (errcode !== '0') {
      if (INVALID_CODE.has(errcode)) return { ok: false, refusal: 'invalid' };
      return { ok: false, refusal: UNAVAILABLE.has(errcode) ? 'unavailable' : 'busy' };
    }
    const info = result.phone_info ?? result.phoneInfo;
    const phone = typeof info?.purePhoneNumber === 'string' ? info.purePhoneNumber.trim() : '';
    const country = String(info?.countryCode ?? '86');
    if (!phone) return { ok: false, refusal: 'busy' };
    if (country !== '86' || !MAINLAND_MOBILE.test(phone)) return { ok: false, refusal: 'foreign' };
    return { ok: true, phone };
  }
}
