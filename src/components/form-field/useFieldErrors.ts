import { useCallback, useState } from 'react';
import { errorMessage, ServiceError } from '../../services/transport';

export interface FieldErrors<K extends string> {
  /** The message to show beside each field. */
  errors: Partial<Record<K, string>>;
  /** An error about no field of this form (or a refusal such as 积分不足): shown beside its submit button. */
  formError: string | null;
  /** Places an error: beside the field the server named, or as the form's error. */
  show(error: unknown): void;
  /** Sets or clears one field's error (a check made before sending). */
  set(field: K, message: string | null): void;
  clear(): void;
}

/**
 * Which of a form's fields a server path concerns: the exact path, else the longest listed path it
 * starts with (`slotIds.3` → `slotIds`). `paths` maps server paths to the form's own field names.
 */
export function fieldFor<K extends string>(paths: Readonly<Record<string, K>>, path: string | undefined): K | null {
  if (!path) return null;
  if (Object.hasOwn(paths, path)) return paths[path]!;
  const prefix = Object.keys(paths)
    .filter((p) => path.startsWith(`${p}.`))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? paths[prefix]! : null;
}

/** Field-level errors for one form, fed by the server's `field` paths. */
export function useFieldErrors<K extends string>(paths: Readonly<Record<string, K>>): FieldErrors<K> {
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const show = useCallback(
    (error: unknown) => {
      const field = error instanceof ServiceError ? fieldFor(paths, error.field) : null;
      if (field) {
        setErrors({ [field]: errorMessage(error) } as Partial<Record<K, string>>);
        setFormError(null);
      } else {
        setErrors({});
        setFormError(errorMessage(error));
      }
    },
    [paths],
  );
  const set = useCallback((field: K, message: string | null) => {
    setErrors((e) => {
      const next = { ...e };
      if (message) next[field] = message;
      else delete next[field];
      return next;
    });
  }, []);
  const clear = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);
  return { errors, formError, show, set, clear };
}
