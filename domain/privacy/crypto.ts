import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data at rest: AES-256-GCM with a key from `PII_KEY` (base64, 32 bytes). Locally the key is
 * made once in the data folder, readable by its owner only. A keyed hash (HMAC-SHA256 with a key
 * derived from the same secret) stands in for the ID number wherever uniqueness is checked.
 */
function masterKey(): Buffer {
  const b64 = process.env.PII_KEY;
  if (!b64) throw new Error('PII_KEY is not set');
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new Error('PII_KEY must be 32 bytes, base64');
  return key;
}

export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

export function decrypt(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed format');
  const decipher = createDecipheriv('aes-256-gcm', masterKey(), Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}

/** A stable, keyed fingerprint: equal for equal inputs, useless without the key. */
export function keyedHash(value: string): string {
  const hashKey = Buffer.from(hkdfSync('sha256', masterKey(), Buffer.alloc(0), 'xfyz-id-hash', 32));
  return createHmac('sha256', hashKey).update(value).digest('hex');
}

/** Locally: the key lives in the data folder (made once, mode 0600) unless PII_KEY is already set. */
export function useLocalPiiKey(dataDir: string): void {
  if (process.env.PII_KEY) return;
  const file = path.join(dataDir, 'pii.key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  process.env.PII_KEY = fs.readFileSync(file, 'utf8').trim();
}
