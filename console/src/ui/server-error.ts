import { CallError } from '../transport';

/**
 * Where a refusal belongs on a form: the first segment of the input path the server named (`template.capacity`
 * → `template`) when the form has that field, with the server's message as it is; else null (a banner).
 */
export function fieldOfServerError(
  error: unknown,
  formFields: readonly string[],
): { field: string; text: string } | null {
  if (!(error instanceof CallError) || !error.field) return null;
  const field = error.field.split('.')[0]!;
  return formFields.includes(field) ? { field, text: error.message } : null;
}
