/**
 * The ID-number and mobile rules a form checks before it sends (the vaccine 就诊人 form) and the server checks
 * again: plain data and functions, so clients import this file at run time (no zod, no Node). Resident ID
 * numbers as GB 11643-1999 defines them: 6-digit region, 8-digit birth date, 3-digit sequence (odd for men),
 * and an ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Province-level codes of the administrative divisions (GB/T 2260). The full county-level list has
 * thousands of entries and changes yearly; the first two digits are checked against this list.
 */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdCheck = { ok: true; birthDate: string; sex: 'male' | 'female' } | { ok: false; message: string };

/** Validates an ID number; `today` ('YYYY-MM-DD') bounds the birth date. */
export function checkIdNumber(raw: string, today: string): IdCheck {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id))
    return { ok: false, message: '身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X' };
  if (!PROVINCES.has(id.slice(0, 2)) || id.slice(2, 6) === '0000')
    return { ok: false, message: '身份证号的地区码不正确' };
  const y = id.slice(6, 10);
  const m = id.slice(10, 12);
  const d = id.slice(12, 14);
  const birthDate = `${y}-${m}-${d}`;
  const t = Date.parse(`${birthDate}T00:00:00Z`);
  if (
    Number.isNaN(t) ||
    new Date(t).toISOString().slice(0, 10) !== birthDate ||
    Number(y) < 1900 ||
    birthDate > today
  ) {
    return { ok: false, message: '身份证号中的出生日期不正确' };
  }
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return { ok: false, message: '身份证号校验位不正确' };
  return { ok: true, birthDate, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;
