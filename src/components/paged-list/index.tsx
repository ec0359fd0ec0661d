import type { ReactNode } from 'react';
import { View, Button } from '@tarojs/components';
import StateView, { type NextStep } from '../state-view';
import type { PagedListState } from './usePagedList';
import './index.scss';

interface Props<T> {
  list: PagedListState<T>;
  renderItem: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  emptyText: string;
  /** The empty state's next step (a button that opens a page) and, on subpackage pages, its illustration. */
  emptyAction?: NextStep;
  emptyPicture?: string;
}

/** A paged list with its four states: loading, error with retry, empty, and "load more". */
export default function PagedList<T>({ list, renderItem, keyOf, emptyText, emptyAction, emptyPicture }: Props<T>) {
  if (list.loading) return <StateView kind="loading" />;
  if (list.error && list.items.length === 0)
    return <StateView kind="error" message={list.error} onAction={list.reload} />;
  if (list.items.length === 0)
    return <StateView kind="empty" message={emptyText} action={emptyAction} picture={emptyPicture} />;
  return (
    <View className="paged-list">
      {list.items.map((item) => (
        <View key={keyOf(item)} className="paged-list__item">
          {renderItem(item)}
        </View>
      ))}
      <View className="paged-list__footer">
        {list.error ? (
          <Button size="mini" onClick={list.loadMore}>{`${list.error}，点此重试`}</Button>
        ) : list.hasMore ? (
          <Button size="mini" loading={list.loadingMore} disabled={list.loadingMore} onClick={list.loadMore}>
            {list.loadingMore ? '加载中…' : '加载更多'}
          </Button>
        ) : (
          <View className="paged-list__end">— 已经到底了 —</View>
        )}
      </View>
    </View>
  );
}

export { usePagedList } from './usePagedList';
export { usePagedPage } from './usePagedPage';
