/**
 * What the host (the local cloud, or a CloudBase function's entry) lends the domain for one request:
 * ports onto things the domain must not hold itself (a storage bucket, the key that signs sign-ins).
 * An action that needs a port it was not given answers INTERNAL with a plain message.
 */
export interface HostServices {
  // A module whose port the host lends adds it here by declaration merging, so core names no module:
  // `files` (domain/files/port.ts), `credentials` (domain/console-login/port.ts).
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
