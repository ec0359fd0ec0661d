/** The stable error codes every function answers with (documented in README). */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SOLD_OUT',
  'INSUFFICIENT_POINTS',
  'SLOT_FULL',
  'LIMIT_REACHED',
  'TOO_EARLY',
  'TOO_LATE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error whose message is fit to show a user; anything else becomes INTERNAL.
 * `field` is the dotted path of the input it concerns (`points`, `template.capacity`), so a form can
 * show the message beside that field.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
/** Bad input in one field: INVALID_ARGUMENT naming the field's path. */
export const invalidField = (field: string, message: string) => new AppError('INVALID_ARGUMENT', message, field);

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Only when the error concerns one input field. */
  field?: string;
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, field?: string): Envelope<never> => ({
  ok: false,
  error: field ? { code, message, field } : { code, message },
});
