import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { usePagedList, type LoadPage, type PagedListState } from './usePagedList';

/** A page whose body is one paged list: it loads more at the bottom and reloads on pull-down. */
export function usePagedPage<T>(load: LoadPage<T>, deps: unknown[]): PagedListState<T> {
  const list = usePagedList(load, deps);
  useReachBottom(() => list.loadMore());
  usePullDownRefresh(() => {
    list.reload();
    void Taro.stopPullDownRefresh();
  });
  return list;
}
