import type { JsonValue } from '../db';

/**
 * What an audit entry may keep of a document or a request: never an ID number, a phone number, sealed
 * data, a file's bytes or a secret. Fields are dropped by name, and any string that still looks like an
 * ID number or a mobile number is masked wherever it sits; large values are cut short.
 */
const SECRET_FIELD = /(id_?number|id_?card|idhash|phone|mobile|tel$|sealed|base64|secret|password|token|ticket_?hash|secrethash|realname_?sealed|^_openid$)/i;
/** 18-digit resident ID (last may be X), 15-digit old ID, or a mainland mobile number, anywhere in a string. */
const ID_LIKE = /(?<![0-9])([1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9Xx])/g;
const MOBILE_LIKE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

const MAX_STRING = 300;
const MAX_KEYS = 60;
const MAX_ITEMS = 30;
const MAX_DEPTH = 5;

export function scrubText(text: string): string {
  const cleaned = text.replace(ID_LIKE, '[证件号已隐藏]').replace(MOBILE_LIKE, '[手机号已隐藏]');
  return cleaned.length > MAX_STRING ? `${cleaned.slice(0, MAX_STRING)}…` : cleaned;
}

/** A copy of `value` fit for the audit log (JSON only, bounded in size). */
export function redact(value: unknown, depth = 0): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redact(v, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`…共 ${value.length} 项`);
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    let kept = 0;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (SECRET_FIELD.test(key)) continue;
      if (kept >= MAX_KEYS) break;
      out[key] = redact(v, depth + 1);
      kept += 1;
    }
    return out;
  }
  return null;
}
