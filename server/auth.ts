import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Caller } from '../domain/core/router';
import { CONSOLE_SESSION_TTL_MS, SESSION_ID } from '../domain/console-login';

export const DAY_MS = 86_400_000;
/** How long a sign-in lasts unless `TOKEN_TTL_DAYS` says otherwise. */
export const DEFAULT_TOKEN_TTL_MS = 7 * DAY_MS;
/** A plain decimal millisecond timestamp: no sign, exponent, fraction or `Infinity`. */
const EXPIRY = /^[0-9]{1,15}$/;

/**
 * Signs and checks the local cloud's sign-in tokens: `base64url(openid).expiry.hmac` for the H5 app, and
 * `base64url(openid).expiry.sessionId.hmac` for a console signed in by scanning, whose session record the
 * router checks on every call (so it can be ended, and lasts its session's 8 hours, not TOKEN_TTL_DAYS).
 */
export class TokenSigner {
  constructor(
    private readonly key: Buffer,
    readonly ttlMs: number = DEFAULT_TOKEN_TTL_MS,
    readonly sessionTtlMs: number = CONSOLE_SESSION_TTL_MS,
  ) {
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

  /** A console's token: names its session, expires with it. */
  issueSession(openid: string, sessionId: string, expiresAt: number): string {
    if (!SESSION_ID.test(sessionId)) throw new Error('not a console session id');
    const body = `${Buffer.from(openid).toString('base64url')}.${Math.floor(expiresAt)}.${sessionId}`;
    return `${body}.${this.sign(body)}`;
  }

  /**
   * Who a valid, unexpired token names: `{ openid }` for an ordinary sign-in, `{ openid, consoleSession }` for a
   * console's (whose session the router then checks); null otherwise.
   */
  verifyCaller(token: string, now: number): Caller | null {
    const parts = token.split('.');
    if (parts.length === 3) {
      const openid = this.verify(token, now);
      return openid === null ? null : { openid };
    }
    if (parts.length !== 4) return null;
    const [id, expiry, session, sig] = parts as [string, string, string, string];
    const expected = Buffer.from(this.sign(`${id}.${expiry}.${session}`));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!EXPIRY.test(expiry) || !SESSION_ID.test(session)) return null;
    const expiresAt = Number(expiry);
    if (!(expiresAt > now) || expiresAt > now + this.sessionTtlMs) return null;
    const openid = Buffer.from(id, 'base64url').toString();
    return openid === '' ? null : { openid, consoleSession: session };
  }

  /**
   * The openid a valid, unexpired ordinary token names; null otherwise (a console's token included). The expiry is checked on every call
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
