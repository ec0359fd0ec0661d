import tcb from '@cloudbase/node-sdk';
import type { Credential, CredentialIssuer } from './port';

/** CloudBase custom-login user ids: 4–32 characters of letters, digits, `_` and `-`. */
const CUSTOM_UID = /^[A-Za-z0-9_-]{4,32}$/;

/**
 * The CloudBase adapter of the credential port: a custom-login ticket signed with the environment's
 * custom-login private key (`credentials` in tcb.init, from the console's 登录授权 → 自定义登录). The console's
 * js-sdk signs in with `auth.customAuthProvider().signIn(ticket)`; its calls then reach the functions with
 * `TCB_CUSTOM_USER_ID` = this uid, which domain/core/cloud.ts takes as the caller. Not exercised here: the
 * CloudBase double has no auth service.
 */
export class CloudBaseCredentialIssuer implements CredentialIssuer {
  private readonly app: ReturnType<typeof tcb.init>;

  constructor(options: { env?: string; credentials?: { private_key_id: string; private_key: string; env_id: string } } = {}) {
    this.app = tcb.init({ env: options.env ?? tcb.SYMBOL_CURRENT_ENV, ...(options.credentials ? { credentials: options.credentials } : {}) });
  }

  async issue(openid: string): Promise<Credential> {
    if (!CUSTOM_UID.test(openid)) throw new Error('openid is not a valid custom-login uid');
    // A short refresh window: the console signs in at once; the session the SDK keeps afterwards is CloudBase's.
    const token = this.app.auth().createTicket(openid, { refresh: 10 * 60_000 });
    return { token, kind: 'cloudbaseTicket' };
  }
}

/** The custom-login private key, when the environment provides one (`CONSOLE_LOGIN_KEY`, the JSON the CloudBase console downloads). */
export function customLoginCredentials(env: NodeJS.ProcessEnv = process.env): { private_key_id: string; private_key: string; env_id: string } | undefined {
  if (!env.CONSOLE_LOGIN_KEY) return undefined;
  try {
    const parsed = JSON.parse(env.CONSOLE_LOGIN_KEY) as { private_key_id?: unknown; private_key?: unknown; env_id?: unknown };
    if (typeof parsed.private_key_id === 'string' && typeof parsed.private_key === 'string' && typeof parsed.env_id === 'string') {
      return { private_key_id: parsed.private_key_id, private_key: parsed.private_key, env_id: parsed.env_id };
    }
  } catch {
    // An unreadable key is the same as none: sign-in answers that it is not configured.
  }
  return undefined;
}
