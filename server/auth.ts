import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const DAY_MS = 86_400_000;
/** How long a sign-in lasts unless `TOKEN_TTL_DAYS` says otherwise. */
export const DEFAULT_TOKEN_TTL_MS = 7 * DAY_MS;
/** A plain decimal millisecond timestamp: no sign, exponent, fraction or `Infinity`. */
const EXPIRY = /^[0-9]{1,15}$/;

/** Signs and checks the local cloud's sign-in tokens: `base64url(openid).expiry.hmac`. */
export class TokenSigner {
  constructor(private readonly key: Buffer, readonly ttlMs: number = DEFAULT_TOKEN_TTL_MS) {
    if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new Error(`令牌有效期不正确：${ttlMs}`);
  }

  /** The key is made once per data folder, readable by its owner only, so tokens survive restarts. */
  static forDataDir(dir: string, ttlMs?: number): TokenSigner {
    const file = path.join(dir, 'auth.key');
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    return new TokenSigner(fs.readFileSync(file), ttlMs);
  }

  issue(openid: string, now: number): string {
    const body = `${Buffer.from(openid).toString('base64url')}.${Math.floor(now) + this.ttlMs}`;
    return `${body}.${this.sign(body)}`;
  }

  /**
   * The openid a valid, unexpired token names; null otherwise. The expiry is checked on every call
   * and must lie within one lifetime from now, so no token (even a correctly signed one) lives forever.
   */
  verify(token: string, now: number): string | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [id, expiry, sig] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${id}.${expiry}`));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!EXPIRY.test(expiry)) return null;
    const expiresAt = Number(expiry);
    if (!(expiresAt > now) || expiresAt > now + this.ttlMs) return null;
    const openid = Buffer.from(id, 'base64url').toString();
    return openid === '' ? null : openid;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
