import type { JsonValue } from '../db';

/**
 * What an audit entry may keep of a document or a request: never an ID number, a phone number, sealed
 * data, a file's bytes or a secret. Fields are dropped by name, and any string that still looks like an
 * ID number or a mobile number is masked wherever it sits; large values are cut short.
 */
const SECRET_FIELD =
  /(id_?number|id_?card|hash$|phone|mobile|tel$|sealed|base64|secret(?!ary)|password|token|ticket_?hash|secrethash|realname_?sealed|^_openid$)/i;
/** A value sealed by domain/privacy/crypto.ts (`v1:iv:tag:body`), wherever it sits and whatever its field is called. */
const SEALED = /^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/;
/** 18-digit resident ID (last may be X), 15-digit old ID, or a mainland mobile number, as a whole run of digits. */
const ID_NUMBER = /^([1-9][0-9]{16}[0-9X]|[1-9][0-9]{14})$/;
const MOBILE = /^1[3-9][0-9]{9}$/;
/**
 * A run of digits as a person may write one: half- or full-width, in groups split by a space, a dash or a dot
 * (139-0773-0001, 450326 19500101 001X, １３９…). Joined, a run that is an ID or a mobile number is masked whole.
 */
const DIGIT_RUN = /[0-9０-９](?:[ \u3000\-－.·]?[0-9０-９])*(?:[ \u3000\-－]?[XxＸｘ])?/g;

const MAX_STRING = 300;
const MAX_KEYS = 60;
const MAX_ITEMS = 30;
const MAX_DEPTH = 5;

const halfWidth = (text: string) => text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

export function scrubText(text: string): string {
  if (SEALED.test(text)) return '[已加密]';
  const cleaned = text.replace(DIGIT_RUN, (run) => {
    const digits = halfWidth(run)
      .replace(/[^0-9Xx]/g, '')
      .toUpperCase();
    if (ID_NUMBER.test(digits)) return '[证件号已隐藏]';
    if (MOBILE.test(digits)) return '[手机号已隐藏]';
    return run;
  });
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
      if (SECRET_FIELD.test(key) || (typeof v === 'string' && SEALED.test(v))) continue;
      if (kept >= MAX_KEYS) break;
      out[key] = redact(v, depth + 1);
      kept += 1;
    }
    return out;
  }
  return null;
}
