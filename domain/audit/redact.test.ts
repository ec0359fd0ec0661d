/** What the audit log may keep: no ID or phone numbers, no sealed data, no secrets, bounded size. */
import { redact, scrubText } from './redact';

test('secret fields are dropped by name, wherever they sit', () => {
  const doc = {
    _id: 'p1',
    owner: 'o1',
    nameSealed: 'x',
    idSealed: 'y',
    phoneSealed: 'z',
    idHash: 'h',
    secretHash: 's',
    token: 't',
    dataBase64: 'AAAA',
    masked: { name: '李*', idNumber: '4503****', phone: '139****0001' },
    contact: { phone: '0773-1234567', mobile: '13907730001' },
    _openid: 'client',
  };
  expect(redact(doc)).toEqual({ _id: 'p1', owner: 'o1', masked: { name: '李*' }, contact: {} });
});

test('numbers that look like an ID or a mobile are masked inside any text', () => {
  expect(scrubText('证件 45032619500101001X，电话 13907730001，座机 0773-8512345 留着')).toBe(
    '证件 [证件号已隐藏]，电话 [手机号已隐藏]，座机 0773-8512345 留着',
  );
  expect(scrubText('450326500101001')).toBe('[证件号已隐藏]');
  // Timestamps and codes are not numbers of people.
  expect(scrubText('1764000000000')).toBe('1764000000000');
  expect(scrubText('12345678')).toBe('12345678');
});

test('sizes are bounded: long text, many items, deep nesting', () => {
  expect(String(redact('长'.repeat(400))).length).toBe(301);
  const many = redact(Array.from({ length: 40 }, (_, i) => i)) as unknown[];
  expect(many).toHaveLength(31);
  expect(many[30]).toBe('…共 40 项');
  expect(redact({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toEqual({ a: { b: { c: { d: { e: '…' } } } } });
  expect(redact(Number.NaN)).toBeNull();
});

test('phone and ID numbers written with dashes, spaces or full-width digits are masked too', () => {
  expect(scrubText('电话 139-0773-0001')).toBe('电话 [手机号已隐藏]');
  expect(scrubText('电话 139 0773 0001')).toBe('电话 [手机号已隐藏]');
  expect(scrubText('电话 １３９０７７３０００１')).toBe('电话 [手机号已隐藏]');
  expect(scrubText('证件 450326 19500101 001X')).toBe('证件 [证件号已隐藏]');
  expect(scrubText('证件 ４５０３２６１９５００１０１００１Ｘ')).toBe('证件 [证件号已隐藏]');
  // Dates, landlines and short codes stay.
  expect(scrubText('2026-11-23 09:30，座机 0773-8512345，编号 12-34')).toBe(
    '2026-11-23 09:30，座机 0773-8512345，编号 12-34',
  );
  // Sealed values are dropped wherever they sit.
  expect(redact({ identity: { name: 'v1:aGVsbG8=:dGFn:Ym9keQ==', maskedName: '郑*芳', personHash: 'ab12' } })).toEqual({
    identity: { maskedName: '郑*芳' },
  });
});
