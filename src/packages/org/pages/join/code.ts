/** The invite code as typed or scanned on the join page: what a code looks like, and what is wrong with one. */
export const CODE = /^[A-Z0-9]{8}$/;

/** What is wrong with a typed invite code, said beside the field: what a code looks like and how this one differs. */
export function inviteCodeProblem(code: string): string | null {
  if (CODE.test(code)) return null;
  if (code.length === 0) return '请填写邀请码：8 位字母或数字，在支部书记给你的邀请二维码下方';
  if (!/^[A-Z0-9]*$/.test(code)) return '邀请码只有字母和数字，没有空格或符号，请核对';
  return `邀请码是 8 位字母或数字，你填了 ${code.length} 位，请核对`;
}

/** The invite code from what was scanned: the QR holds the join page's path with `?code=`. */
export function codeFromScan(text: string): string {
  const match = /[?&]code=([A-Za-z0-9]{8})/.exec(text);
  return (match ? match[1]! : text).trim().toUpperCase();
}
