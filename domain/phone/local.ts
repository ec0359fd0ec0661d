import type { PhoneAnswer, PhoneResolver } from './port';

/**
 * The local cloud's and the tests' resolver: deterministic, with WeChat's rules that matter to the domain.
 * A code `local-phone-<number>` answers that number, once (a code is single-use, as WeChat's are); any
 * other code is refused as WeChat refuses an unknown or expired one. `local-phone-busy` answers busy.
 * It exists only where sign-in is the development sign-in too: no deployed function lends it.
 */
export const LOCAL_PHONE_CODE_PREFIX = 'local-phone-';

export class LocalPhoneResolver implements PhoneResolver {
  private readonly used = new Set<string>();

  async resolve(code: string): Promise<PhoneAnswer> {
    if (code === `${LOCAL_PHONE_CODE_PREFIX}busy`) return { ok: false, refusal: 'busy' };
    const match = /^local-phone-(\+?\d{6,15})$/.exec(code);
    if (!match || this.used.has(code)) return { ok: false, refusal: 'invalid' };
    this.used.add(code);
    const phone = match[1]!;
    if (!/^1[3-9]\d{9}$/.test(phone)) return { ok: false, refusal: 'foreign' };
    return { ok: true, phone };
  }
}
