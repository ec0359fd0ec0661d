import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { newRequestId } from '../../services/points';
import { ServiceError } from '../../services/transport';

/** What to ask before acting: a confirmation that names what will happen. */
export interface Confirmation {
  title: string;
  content: string;
  confirmText: string;
  cancelText?: string;
}

export interface IntentionOptions<R> {
  /** This tap's intention when it is not the form's content (a slot tapped in a grid). */
  key?: unknown;
  /** Asked first; the request is sent only when confirmed. */
  confirm?: Confirmation | null;
  /** A toast after success (the form is cleared by `onSuccess`). */
  success?: string | ((result: R) => string);
  onSuccess?: (result: R) => void;
  onError?: (error: unknown) => void;
}

export interface Intention {
  /** True from the tap until the answer: the button is disabled meanwhile. */
  busy: boolean;
  /**
   * Sends `request` once for this intention. A tap while one is running (or while the confirmation is
   * open) does nothing. The same `requestId` is used until the intention succeeds, is refused, or its
   * `key` (the form's content) changes — so a retry after a lost answer repeats it instead of doubling it.
   */
  run<R>(request: (requestId: string) => Promise<R>, options?: IntentionOptions<R>): Promise<R | undefined>;
}

/** Errors after which the server may have acted: the retry must carry the same id. */
const outcomeUnknown = (e: unknown) => e instanceof ServiceError && (e.code === 'NETWORK' || e.code === 'INTERNAL');

/**
 * One effect per tap: one `requestId` per intention, identified by `key` (for a form, its content).
 * The id is kept across retries of the same intention and regenerated after a success, after a
 * definite refusal (which wrote nothing) and whenever the key changes.
 */
export function useIntention(key: unknown): Intention {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const intent = useRef<{ key: string; requestId: string } | null>(null);
  const keyText = JSON.stringify(key ?? null);
  const keyRef = useRef(keyText);
  keyRef.current = keyText;

  const run = useCallback(
    async <R>(
      request: (requestId: string) => Promise<R>,
      options: IntentionOptions<R> = {},
    ): Promise<R | undefined> => {
      // A ref, not state: a second tap in the same frame must see the first.
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      try {
        const ask = options.confirm;
        if (ask) {
          const answer = await Taro.showModal({
            title: ask.title,
            content: ask.content,
            confirmText: ask.confirmText,
            cancelText: ask.cancelText ?? '取消',
          });
          if (!answer.confirm) return undefined;
        }
        const key = options.key === undefined ? keyRef.current : JSON.stringify(options.key);
        if (intent.current?.key !== key) intent.current = { key, requestId: newRequestId() };
        const result = await request(intent.current.requestId);
        intent.current = null;
        const toast = typeof options.success === 'function' ? options.success(result) : options.success;
        if (toast) void Taro.showToast({ title: toast, icon: 'none', duration: 2500 });
        options.onSuccess?.(result);
        return result;
      } catch (e) {
        if (!outcomeUnknown(e)) intent.current = null;
        options.onError?.(e);
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [],
  );

  return { busy, run };
}
