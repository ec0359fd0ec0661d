/**
 * The phone module's door: phone numbers by the platform (手机号快速验证) — the port a host lends, its two
 * adapters, and the one helper every form that asks for a phone uses.
 */
export type { PhoneAnswer, PhoneRefusal, PhoneResolver } from './port';
export { LOCAL_PHONE_CODE_PREFIX, LocalPhoneResolver } from './local';
export { CloudBasePhoneResolver } from './cloudbase';
export { PHONE_REFUSALS, phoneCodeField, resolvePhone, type ResolvedPhone } from './resolve';
export { contactPhoneInput, sealContact } from './contact';
