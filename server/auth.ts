import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const TOKEN_DAYS = 30;

/** Signs and checks the local cloud's sign-in tokens: `base64url(openid).expiry.hmac`. */
export class TokenSigner {
  constructor(private readonly key: Buffer) {}

  /** The key is made once per data folder, readable by its owner only, so tokens survive restarts. */
  static forDataDir(dir: string): TokenSigner {
    const file = path.join(dir, 'auth.key');
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    return new TokenSigner(fs.readFileSync(file));
  }

  issue(openid: string, now: number): string {
    const body = `${Buffer.from(openid).toString('base64url')}.${now + TOKEN_DAYS * 86_400_000}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The openid a valid, unexpired token names; null otherwise. */
  verify(token: string, now: number): string | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [id, expiry, sig] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${id}.${expiry}`));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (!(Number(expiry) > now)) return null;
    return Buffer.from(id, 'base64url').toString();
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
