import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { errorMessage } from '../../services/transport';

export interface Resource<T> {
  data: T | null;
  error: string | null;
  reload: () => void;
}

/**
 * One thing loaded from a function, with its error in plain Chinese and a retry.
 * `reloadOnShow` refreshes it each time the page shows (the tab pages, whose data changes elsewhere).
 */
export function useResource<T>(
  load: () => Promise<T>,
  deps: unknown[],
  options: { enabled?: boolean; reloadOnShow?: boolean } = {},
): Resource<T> {
  const { enabled = true, reloadOnShow = false } = options;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    if (!enabled) return;
    const mine = ++generation.current;
    setError(null);
    load().then(
      (value) => mine === generation.current && setData(value),
      (e: unknown) => mine === generation.current && setError(errorMessage(e)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps]);

  useEffect(() => {
    if (!reloadOnShow) reload();
  }, [reload, reloadOnShow]);
  useDidShow(() => {
    if (reloadOnShow) reload();
  });

  return { data, error, reload };
}
