/** Masked forms of personal data, for everyone but its owner (rosters, exports, logs never see more). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars.length === 1 ? `${chars[0]}*` : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}

/**
 * `450321199001011234` → `4503*************4`: the prefecture and the check character only. Showing
 * the last four gave away the sequence number; with a birth date that left about 9 candidates. Also
 * re-masks an older masked form (`4503**********1234`) the same way.
 */
export function maskIdNumber(id: string): string {
  return id.length >= 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 5)}${id.slice(-1)}` : '****';
}
