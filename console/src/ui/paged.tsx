/** Cursor-paged tables: the server pages by cursor, so the pager walks a stack of cursors (上一页/下一页). */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from 'tdesign-react/esm/button';
import { Space } from 'tdesign-react/esm/space';
import { Table, type PrimaryTableCol, type TableRowData } from 'tdesign-react/esm/table';
import { messageOf, type Page } from '../api';
import { ErrorNotice } from './notice';

export { ErrorNotice };

export interface Paged<T> {
  items: T[];
  loading: boolean;
  error: string | null;
  pageNo: number;
  hasNext: boolean;
  next(): void;
  prev(): void;
  reload(): void;
}

/**
 * Loads pages from `load(cursor)`; changing `key` (the filters, as a string) starts again at page 1.
 * Answers that arrive after a newer request are dropped.
 */
export function usePaged<T>(load: (cursor: string | undefined) => Promise<Page<T>>, key: string): Paged<T> {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<T>>({ items: [], nextCursor: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => setCursors([undefined]), [key]);

  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    const id = ++latest.current;
    setLoading(true);
    setError(null);
    loadRef.current(cursor).then(
      (result) => {
        if (id !== latest.current) return;
        setPage({ items: result.items ?? [], nextCursor: result.nextCursor ?? null });
        setLoading(false);
      },
      (e: unknown) => {
        if (id !== latest.current) return;
        setPage({ items: [], nextCursor: null });
        setError(messageOf(e));
        setLoading(false);
      },
    );
  }, [cursor, cursors, tick]);

  return {
    items: page.items,
    loading,
    error,
    pageNo: cursors.length,
    hasNext: Boolean(page.nextCursor),
    next: useCallback(() => setCursors((c) => (page.nextCursor ? [...c, page.nextCursor] : c)), [page.nextCursor]),
    prev: useCallback(() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)), []),
    reload: useCallback(() => setTick((t) => t + 1), []),
  };
}

export function PagedTable<T extends TableRowData>(props: {
  paged: Paged<T>;
  columns: PrimaryTableCol<T>[];
  rowKey: string;
  empty: string;
  className?: string;
  toolbar?: ReactNode;
  /** 'fixed' when the columns' widths should hold against long cells. */
  tableLayout?: 'auto' | 'fixed';
}) {
  const { paged } = props;
  return (
    <div className={props.className}>
      <ErrorNotice message={paged.error} title="加载失败" />
      <Table<T>
        rowKey={props.rowKey}
        data={paged.items}
        columns={props.columns}
        loading={paged.loading}
        empty={props.empty}
        size="small"
        hover
        stripe
        tableLayout={props.tableLayout ?? 'auto'}
      />
      <Space className="pager" align="center">
        <Button variant="outline" size="small" disabled={paged.pageNo <= 1 || paged.loading} onClick={paged.prev}>
          上一页
        </Button>
        <span className="pager__no">第 {paged.pageNo} 页</span>
        <Button variant="outline" size="small" disabled={!paged.hasNext || paged.loading} onClick={paged.next}>
          下一页
        </Button>
        {props.toolbar}
      </Space>
    </div>
  );
}

/** The whole list at once (for actions that do not page), shown in the same table with client-side paging. */
export function useAll<T>(
  load: () => Promise<T[]>,
  key: string,
): { items: T[]; loading: boolean; error: string | null; reload(): void } {
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    loadRef.current().then(
      (result) => live && (setItems(result), setLoading(false)),
      (e: unknown) => live && (setItems([]), setError(messageOf(e)), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  return { items, loading, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}

/** How many records a narrowed list reads at most (the server's pages walked to the end). */
const NARROW_MAX_PAGES = 40;
const NARROW_PAGE = 50;

/**
 * A server-paged list narrowed to the records the person may act on (a county admin's county, staff's own stations):
 * the server's pages are read to the end (at most 2,000 records), `narrow` keeps what is theirs, and the kept ones are
 * paged here, `size` a page. With `narrow` null (the system admin) it is the server's own paging, as `usePaged`.
 */
export function useNarrowedPaged<T>(
  load: (cursor: string | undefined, limit: number) => Promise<Page<T>>,
  narrow: ((items: T[]) => Promise<T[]> | T[]) | null,
  key: string,
  size = 15,
): Paged<T> {
  const all = useRef<{ key: string; items: T[] } | null>(null);
  const narrowRef = useRef(narrow);
  narrowRef.current = narrow;
  const narrowed = narrow !== null;
  const paged = usePaged<T>(
    async (cursor) => {
      const keep = narrowRef.current;
      if (!keep) return load(cursor, size);
      if (all.current?.key !== key) {
        const items: T[] = [];
        let next: string | undefined;
        for (let i = 0; i < NARROW_MAX_PAGES; i += 1) {
          const page = await load(next, NARROW_PAGE);
          items.push(...(await keep(page.items ?? [])));
          if (!page.nextCursor) break;
          next = page.nextCursor;
        }
        all.current = { key, items };
      }
      const offset = Number(cursor ?? 0);
      const list = all.current.items;
      return {
        items: list.slice(offset, offset + size),
        nextCursor: offset + size < list.length ? String(offset + size) : null,
      };
    },
    `${key}|${narrowed ? 'narrowed' : 'all'}`,
  );
  const { reload } = paged;
  return {
    ...paged,
    reload: useCallback(() => {
      all.current = null;
      reload();
    }, [reload]),
  };
}
