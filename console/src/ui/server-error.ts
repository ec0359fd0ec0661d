/** `参数 price：…` from the router names the field; answers the field and the message without the prefix. */
export function fieldOfServerError(message: string): { field: string; text: string } | null {
  const match = /^参数 ([A-Za-z]+)(?:\.[\w.]+)?：(.*)$/.exec(message);
  return match ? { field: match[1]!, text: match[2]! } : null;
}
