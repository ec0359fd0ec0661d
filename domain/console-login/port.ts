/**
 * The "issue a sign-in" port. The domain decides who may sign in to the console; only the host holds what
 * makes a credential (the local cloud's token key, the CloudBase private key), so the domain never sees a key.
 * - Local cloud: a bearer token signed by server/auth.ts, the same kind `/auth/dev-login` gives.
 * - CloudBase: a custom-login ticket from the node-sdk, `app.auth().createTicket(uid)`, which the console's
 *   js-sdk exchanges with `auth.customAuthProvider().signIn(ticket)` (domain/console-login/cloudbase.ts).
 */
export interface Credential {
  token: string;
  kind: 'bearer' | 'cloudbaseTicket';
}

export interface CredentialIssuer {
  issue(openid: string, now: number): Promise<Credential>;
}
