import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setting } from '../core/config';

/**
 * Personal data at rest: AES-256-GCM with a key from `PII_KEY` (base64, 32 bytes), set from the
 * environment, a key file (`PII_KEY_FILE`), or locally a file made once in the data folder. A keyed hash (HMAC-SHA256 with a key
 * derived from the same secret) stands in for the ID number wherever uniqueness is checked.
 */
function masterKey(): Buffer {
  // The config table checks it is 32 bytes of base64.
  const b64 = setting('PII_KEY');
  if (!b64) throw new Error('PII_KEY is not set');
  return Buffer.from(b64, 'base64');
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

/** Reads a base64 key file, making it (32 random bytes, mode 0600) when it does not exist yet. */
function readOrMakeKeyFile(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

const inside = (dir: string, file: string) => {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

// Test runs make a data folder per suite; the warning is for people starting the local cloud.
const warnPeople = (line: string) => {
  if (setting('NODE_ENV') !== 'test') console.warn(line);
};

/**
 * Where the key comes from, first found wins: `PII_KEY` (base64) in the environment; the file named
 * by `PII_KEY_FILE`, which must lie outside the data folder (a copy of the folder alone then reveals
 * nothing); else, locally only, `pii.key` made once in the data folder, with a one-line warning,
 * because a backup of that folder then carries its own key.
 */
export function useLocalPiiKey(dataDir: string, warn: (line: string) => void = warnPeople): void {
  if (setting('PII_KEY')) return;
  const keyFile = setting('PII_KEY_FILE');
  if (keyFile) {
    if (inside(dataDir, keyFile))
      throw new Error(`PII_KEY_FILE (${keyFile}) must be outside the data folder ${dataDir}`);
    process.env.PII_KEY = readOrMakeKeyFile(keyFile);
    return;
  }
  const file = path.join(dataDir, 'pii.key');
  process.env.PII_KEY = readOrMakeKeyFile(file);
  warn(
    `警告：个人信息密钥保存在数据目录 ${file}；请另行备份此文件，并用 PII_KEY 或 PII_KEY_FILE（放在数据目录之外）与数据分开保管`,
  );
}
