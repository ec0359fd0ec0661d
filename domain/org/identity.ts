import { z } from 'zod';
import { encrypt, keyedHash, maskName, maskPhone } from '../privacy';
import type { SealedIdentity } from '../core/identity';
import { NAME_PATTERN, NAME_RULE, PHONE_PATTERN, PHONE_RULE } from './labels';

export { NAME_RULE, PHONE_RULE, isPhone, isRealName } from './labels';

export const realNameField = z
  .string()
  .trim()
  .min(1, '请填写真实姓名')
  .max(20, NAME_RULE)
  .regex(NAME_PATTERN, NAME_RULE);
export const phoneField = z.string().trim().min(1, '请填写手机号').regex(PHONE_PATTERN, PHONE_RULE);

/** The same person, however their row or form was typed: the keyed hash of name and phone. */
export const personHashOf = (name: string, phone: string): string =>
  keyedHash(`org-person\u0000${name.trim()}\u0000${phone.trim()}`);

/** Seals a real name and phone as vaccination data is sealed: AES-GCM, masked forms, a keyed hash. */
export function sealIdentity(name: string, phone: string): SealedIdentity {
  return {
    name: encrypt(name.trim()),
    phone: encrypt(phone.trim()),
    maskedName: maskName(name),
    maskedPhone: maskPhone(phone),
    personHash: personHashOf(name, phone),
  };
}
