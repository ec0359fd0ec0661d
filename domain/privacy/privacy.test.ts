import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { decrypt, encrypt, keyedHash, useLocalPiiKey } from './crypto';
import { ageOn, checkIdNumber, makeIdNumber } from './idnumber';

beforeAll(() => {
  delete process.env.PII_KEY;
  delete process.env.PII_KEY_FILE;
  useLocalPiiKey(fs.mkdtempSync(path.join(os.tmpdir(), 'pii-')), () => undefined);
});

test('the key comes from PII_KEY, else PII_KEY_FILE outside the data folder, else the data folder with a warning', () => {
  const saved = process.env.PII_KEY;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pii-src-'));
  const data = path.join(tmp, 'data');
  fs.mkdirSync(data);
  const warnings: string[] = [];
  try {
    // A key of the right form (32 bytes, base64): the config table refuses any other.
    const fromEnv = Buffer.alloc(32, 7).toString('base64');
    process.env.PII_KEY = fromEnv;
    useLocalPiiKey(data, (l) => warnings.push(l));
    expect([process.env.PII_KEY, warnings, fs.readdirSync(data)]).toEqual([fromEnv, [], []]);
    process.env.PII_KEY = 'not-a-key';
    expect(() => useLocalPiiKey(data, (l) => warnings.push(l))).toThrow('PII_KEY');

    delete process.env.PII_KEY;
    process.env.PII_KEY_FILE = path.join(tmp, 'secrets', 'pii.key');
    useLocalPiiKey(data, (l) => warnings.push(l));
    expect(Buffer.from(process.env.PII_KEY!, 'base64')).toHaveLength(32);
    expect(fs.readFileSync(process.env.PII_KEY_FILE, 'utf8')).toBe(process.env.PII_KEY);
    expect((fs.statSync(process.env.PII_KEY_FILE).mode & 0o777).toString(8)).toBe('600');
    expect([warnings, fs.readdirSync(data)]).toEqual([[], []]);

    delete process.env.PII_KEY;
    process.env.PII_KEY_FILE = path.join(data, 'pii.key');
    expect(() => useLocalPiiKey(data)).toThrow(/outside the data folder/);
    expect(process.env.PII_KEY).toBeUndefined();

    delete process.env.PII_KEY_FILE;
    useLocalPiiKey(data, (l) => warnings.push(l));
    expect(fs.readFileSync(path.join(data, 'pii.key'), 'utf8')).toBe(process.env.PII_KEY);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(path.join(data, 'pii.key'));
  } finally {
    delete process.env.PII_KEY_FILE;
    process.env.PII_KEY = saved;
  }
});

test('generated ID numbers validate, and any single changed digit is caught', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 999 }),
      fc.date({ min: new Date('1930-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 16 }),
      (seq, birth, pos) => {
        const id = makeIdNumber('450326', birth.toISOString().slice(0, 10), seq);
        expect(checkIdNumber(id, '2026-11-23')).toMatchObject({
          ok: true,
          birthDate: birth.toISOString().slice(0, 10),
        });
        const digit = (Number(id[pos]) + 1) % 10;
        const changed = `${id.slice(0, pos)}${digit}${id.slice(pos + 1)}`;
        expect(checkIdNumber(changed, '2026-11-23').ok).toBe(false);
      },
    ),
  );
});

test('each kind of bad ID number gets its own message', () => {
  const good = makeIdNumber('450326', '1961-05-20', 123);
  expect(checkIdNumber(good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), '2026-11-23')).toEqual({
    ok: false,
    message: '身份证号校验位不正确',
  });
  expect(checkIdNumber(makeIdNumber('990326', '1961-05-20', 1), '2026-11-23')).toEqual({
    ok: false,
    message: '身份证号的地区码不正确',
  });
  expect(checkIdNumber('450326' + '19610230' + '1234', '2026-11-23')).toEqual({
    ok: false,
    message: '身份证号中的出生日期不正确',
  });
  expect(checkIdNumber(makeIdNumber('450326', '2027-01-01', 1), '2026-11-23')).toEqual({
    ok: false,
    message: '身份证号中的出生日期不正确',
  });
  expect(checkIdNumber('12345', '2026-11-23').ok).toBe(false);
});

test('age is counted in whole years on the given day', () => {
  expect(ageOn('1966-11-24', '2026-11-23')).toBe(59);
  expect(ageOn('1966-11-23', '2026-11-23')).toBe(60);
});

test('sealed values round-trip, differ each time, and resist tampering; the keyed hash is stable', () => {
  const id = makeIdNumber('450326', '1961-05-20', 7);
  const a = encrypt(id);
  const b = encrypt(id);
  expect(a).not.toBe(b);
  expect(a).not.toContain(id);
  expect(decrypt(a)).toBe(id);
  // One bit of the ciphertext flipped (replacing its first byte by 'x' left it unchanged one run in 256).
  const parts = a.split(':');
  const body = Buffer.from(parts[3]!, 'base64');
  body[0] = body[0]! ^ 0x01;
  const tampered = [...parts.slice(0, 3), body.toString('base64')].join(':');
  expect(tampered).not.toBe(a);
  expect(() => decrypt(tampered)).toThrow();
  expect(keyedHash(id)).toBe(keyedHash(id));
  expect(keyedHash(id)).not.toBe(keyedHash(makeIdNumber('450326', '1961-05-20', 8)));
});
