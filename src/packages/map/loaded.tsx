/**
 * One thing loaded from a function for the pages that speak English too: its refusal kept as it came (the page
 * words it in its language), a retry, and the loading and error states in the page's words.
 */
import { useCallback, useEffect, useRef, useState, type ReactElement } from 'react';
import Taro from '@tarojs/taro';
import StateView from '../../components/state-view';
import { routeUrl } from '../../routes';
import { errorIn, type Lang, type Words } from '../../i18n';

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
}

export function useLoaded<T>(load: () => Promise<T>, deps: unknown[], enabled = true): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const reload = useCallback(() => {
    if (!enabled) return;
    const mine = ++generation.current;
    setError(null);
    load().then(
      (value) => mine === generation.current && setData(value),
      (e: unknown) => mine === generation.current && setError(e ?? new Error('failed')),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);
  useEffect(() => reload(), [reload]);
  return { data, error, reload };
}

export function LoadedView<T>({
  loaded,
  lang,
  words,
  missing,
  children,
}: {
  loaded: Loaded<T>;
  lang: Lang;
  words: Words;
  /** What NOT_FOUND means on this page. */
  missing?: string;
  children: (data: T) => ReactElement;
}) {
  if (loaded.error) {
    const message = errorIn(lang, loaded.error, (e) => (e.code === 'NOT_FOUND' && missing ? missing : null));
    return <StateView kind="error" message={message} actionText={words.retry} onAction={loaded.reload} />;
  }
  if (loaded.data === null) return <StateView kind="loading" message={words.loading} />;
  return children(loaded.data);
}

/** Before sign-in (H5): the sign-in page, in the page's words. */
export function SignInFirst({ words, from }: { words: Words; from: string }) {
  return (
    <StateView
      kind="empty"
      message={words.signIn}
      actionText={words.toSignIn}
      onAction={() => void Taro.navigateTo({ url: routeUrl('login', { from }) })}
    />
  );
}
