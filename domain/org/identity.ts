import { z } from 'zod';
import { encrypt, keyedHash } from '../privacy/crypto';
import { maskName, maskPhone } from '../privacy/mask';
import type { SealedIdentity } from '../user/model';

export const NAME_RULE = '姓名应为 2 到 20 个汉字（少数民族姓名可含间隔号「·」）';
export const PHONE_RULE = '手机号应为 11 位数字，以 1 开头';
const NAME_PATTERN = /^[\u3400-\u9fff][\u3400-\u9fff·•]{0,18}[\u3400-\u9fff]$/;
const PHONE_PATTERN = /^1[3-9]\d{9}$/;

export const isRealName = (name: string): boolean => NAME_PATTERN.test(name);
export const isPhone = (phone: string): boolean => PHONE_PATTERN.test(phone);

export const realNameField = z.string().trim().min(1, '请填写真实姓名').max(20, NAME_RULE).regex(NAME_PATTERN, NAME_RULE);
export const phoneField = z.string().trim().min(1, '请填写手机号').regex(PHONE_PATTERN, PHONE_RULE);

/** The same person, however their row or form was typed: the keyed hash of name and phone. */
export const personHashOf = (name: string, phone: string): string => keyedHash(`org-person\u0000${name.trim()}\u0000${phone.trim()}`);

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
