import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../domain/core/paging';
import { errorMessage } from '../../services/transport';

export type LoadPage<T> = (cursor: string | undefined) => Promise<Page<T>>;

export interface PagedListState<T> {
  items: T[];
  /** First page on its way: show a spinner instead of the list. */
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

/**
 * Cursor paging for any list action. Changing `deps` starts over; a late answer for an
 * older query is dropped, so a fast typist never sees the wrong list.
 */
export function usePagedList<T>(load: LoadPage<T>, deps: unknown[]): PagedListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);

  const fetchPage = useCallback(
    async (from: string | undefined) => {
      const mine = generation.current;
      busy.current = true;
      try {
        const page = await load(from);
        if (mine !== generation.current) return;
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        if (mine === generation.current) setError(errorMessage(e));
      } finally {
        if (mine === generation.current) {
          busy.current = false;
          setLoading(false);
          setLoadingMore(false);
        }
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );

  const reload = useCallback(() => {
    generation.current += 1;
    setLoading(true);
    setError(null);
    setCursor(null);
    void fetchPage(undefined);
  }, [fetchPage]);

  useEffect(reload, [reload]);

  const loadMore = useCallback(() => {
    if (busy.current || !cursor) return;
    setLoadingMore(true);
    void fetchPage(cursor);
  }, [cursor, fetchPage]);

  return { items, loading, loadingMore, error, hasMore: cursor !== null, loadMore, reload };
}
