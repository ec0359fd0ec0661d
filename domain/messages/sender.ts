/**
 * The subscribe-message sender port. In a CloudBase function it is WeChat's
 * `subscribeMessage.send` (cloudbase.ts); locally there is none, and every message goes to the inbox.
 * Jobs are called with `(db, now)` only, so the host entry sets the sender once at load
 * (`setMessageSender` in cloudfunctions/user/src/index.ts) and the job reads it here — the same
 * seam as the host services of an action, kept to one function pair.
 */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** A mini-program page without the leading slash, e.g. `packages/help/pages/detail/index?id=…`. */
  page: string | null;
  data: Record<string, { value: string }>;
}

/**
 * What a send came to. `permanent`: trying again cannot help (the person did not subscribe or
 * cancelled it, the template or its fields are wrong): the message goes to the inbox at once.
 */
export type SendResult = { ok: true } | { ok: false; code: string; permanent: boolean };

export interface MessageSender {
  send(message: SubscribeMessage): Promise<SendResult>;
}

let current: MessageSender | null = null;

export function setMessageSender(sender: MessageSender | null): void {
  current = sender;
}

export function messageSender(): MessageSender | null {
  return current;
}

/**
 * WeChat's errcodes of subscribeMessage.send that no retry fixes: 40003 bad openid, 40037 bad
 * template id, 43101 the person did not subscribe (or used up their one-time subscription), 47003
 * template data wrong, 41030 page not in the released mini-program.
 */
export const PERMANENT_WECHAT_ERRORS = new Set(['40003', '40037', '43101', '47003', '41030']);
