import type { FileStore } from '../files/port';
import type { CredentialIssuer } from '../console-login/port';

/**
 * What the host (the local cloud, or a CloudBase function's entry) lends the domain for one request:
 * ports onto things the domain must not hold itself (a storage bucket, the key that signs sign-ins).
 * An action that needs a port it was not given answers INTERNAL with a plain message.
 */
export interface HostServices {
  /** Where pictures go: a folder under DATA_DIR locally, CloudBase storage in the cloud. */
  files?: FileStore;
  /** Issues a sign-in credential for a person (local bearer token, or a CloudBase custom-login ticket). */
  credentials?: CredentialIssuer;
  /** What the console's sign-in QR starts with, e.g. `http://127.0.0.1:8080/#/` for the H5 app; '' in the cloud. */
  qrBase?: string;
  /**
   * The client of this one request, as the host saw it: locally the socket's remote address and the
   * User-Agent header; in the cloud the platform context's source IP. Never read from the event, and never
   * from a header a proxy or client could write (X-Forwarded-For). Shown on the console approve page.
   */
  client?: ClientInfo;
}

export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}
