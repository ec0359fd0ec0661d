import tcb from '@cloudbase/node-sdk';
import { setting } from '../core/config';
import type { ConsoleSessionRef, Credential, CredentialIssuer } from './port';

/** CloudBase custom-login user ids: 4–32 characters of letters, digits, `_` and `-`. */
const CUSTOM_UID = /^[A-Za-z0-9_-]{4,32}$/;

/**
 * The CloudBase adapter of the credential port: a custom-login ticket signed with the environment's
 * custom-login private key (`credentials` in tcb.init, from the console's 登录授权 → 自定义登录), whose uid is the
 * console session's id (`cs` + 24 hex: a valid custom uid). The console's js-sdk signs in with
 * `auth.customAuthProvider().signIn(ticket)`; its calls then reach the functions with `TCB_CUSTOM_USER_ID` = the
 * session id, which domain/core/cloud.ts passes on and the router checks against `consoleSessions` on every call
 * (so CloudBase's own login state, however long it lasts, is worth nothing once the session has ended or expired).
 * Not exercised here: the CloudBase double has no auth service.
 */
export class CloudBaseCredentialIssuer implements CredentialIssuer {
  private readonly app: ReturnType<typeof tcb.init>;

  constructor(
    options: { env?: string; credentials?: { private_key_id: string; private_key: string; env_id: string } } = {},
  ) {
    this.app = tcb.init({
      env: options.env ?? tcb.SYMBOL_CURRENT_ENV,
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  async issue(_openid: string, _now: number, session: ConsoleSessionRef): Promise<Credential> {
    if (!CUSTOM_UID.test(session.sessionId)) throw new Error('session id is not a valid custom-login uid');
    // A short refresh window: the console signs in at once; every later call is checked against the session record.
    const token = this.app.auth().createTicket(session.sessionId, { refresh: 10 * 60_000 });
    return { token, kind: 'cloudbaseTicket' };
  }
}

/** The custom-login private key, when the environment provides one (`CONSOLE_LOGIN_KEY`, the JSON the CloudBase console downloads). */
export function customLoginCredentials(
  env: NodeJS.ProcessEnv = process.env,
): { private_key_id: string; private_key: string; env_id: string } | undefined {
  const raw = setting('CONSOLE_LOGIN_KEY', env);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { private_key_id?: unknown; private_key?: unknown; env_id?: unknown };
    if (
      typeof parsed.private_key_id === 'string' &&
      typeof parsed.private_key === 'string' &&
      typeof parsed.env_id === 'string'
    ) {
      return { private_key_id: parsed.private_key_id, private_key: parsed.private_key, env_id: parsed.env_id };
    }
  } catch {
    // An unreadable key is the same as none: sign-in answers that it is not configured.
  }
  return undefined;
}
