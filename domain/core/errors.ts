/** The stable error codes every function answers with (documented in README). */
export const ERROR_CODES = [
  'INVALID_ARGUMENT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'SOLD_OUT',
  'INSUFFICIENT_POINTS', 'SLOT_FULL', 'LIMIT_REACHED', 'TOO_EARLY', 'TOO_LATE', 'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error whose message is fit to show a user; anything else becomes INTERNAL. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });
