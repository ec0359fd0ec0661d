import { codeFromScan, inviteCodeProblem } from './code';

test('a malformed invite code is told what a code looks like, beside the field', () => {
  expect(inviteCodeProblem('K7M2Q9XA')).toBeNull();
  expect(inviteCodeProblem('K7M2Q9')).toBe('邀请码是 8 位字母或数字，你填了 6 位，请核对');
  expect(inviteCodeProblem('K7M2-Q9X')).toBe('邀请码只有字母和数字，没有空格或符号，请核对');
  expect(inviteCodeProblem('')).toMatch(/^请填写邀请码：8 位字母或数字/);
});

test('a scanned QR gives its code; typed text is upper-cased', () => {
  expect(codeFromScan('/packages/org/pages/join/index?code=k7m2q9xa')).toBe('K7M2Q9XA');
  expect(codeFromScan(' k7m2q9 ')).toBe('K7M2Q9');
});
