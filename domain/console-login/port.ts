/**
 * The "issue a sign-in" port. The domain decides who may sign in to the console; only the host holds what
 * makes a credential (the local cloud's token key, the CloudBase private key), so the domain never sees a key.
 * Every console credential names its session record (`consoleSessions/{sessionId}`), which the router checks on
 * every call (domain/console-login/session.ts): ended in the mini-program or past its 8 hours, it is refused.
 * - Local cloud: a bearer token signed by server/auth.ts that carries the session id (`TokenSigner.issueSession`).
 * - CloudBase: a custom-login ticket from the node-sdk whose uid is the session id, `app.auth().createTicket(sessionId)`,
 *   which the console's js-sdk exchanges with `auth.customAuthProvider().signIn(ticket)` (domain/console-login/cloudbase.ts);
 *   its calls arrive with TCB_CUSTOM_USER_ID = the session id (domain/core/cloud.ts).
 */
export interface Credential {
  token: string;
  kind: 'bearer' | 'cloudbaseTicket';
}

/** The session a console credential stands for. */
export interface ConsoleSessionRef {
  sessionId: string;
  expiresAt: number;
}

export interface CredentialIssuer {
  issue(openid: string, now: number, session: ConsoleSessionRef): Promise<Credential>;
}

declare module '../core/services' {
  interface HostServices {
    /** Issues a sign-in credential for a person (local bearer token, or a CloudBase custom-login ticket). */
    credentials?: CredentialIssuer;
  }
}
