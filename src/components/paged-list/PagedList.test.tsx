import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ServiceError } from '../../services/transport';
import PagedList, { usePagedList } from '.';
import type { LoadPage } from './usePagedList';

interface Row {
  id: string;
}

function Harness({ load, filter = '' }: { load: LoadPage<Row>; filter?: string }) {
  const list = usePagedList(load, [filter]);
  return (
    <PagedList list={list} keyOf={(r) => r.id} emptyText="暂无驿站" renderItem={(r) => <span>{`row-${r.id}`}</span>} />
  );
}

const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));

test('shows progress, then the first page, then appends the next page on 加载更多, then the end', async () => {
  const load = jest.fn<ReturnType<LoadPage<Row>>, Parameters<LoadPage<Row>>>(async (cursor) =>
    cursor ? { items: rows(3, 2), nextCursor: null } : { items: rows(1, 2), nextCursor: 'c2' },
  );
  render(<Harness load={load} />);
  expect(screen.getByText('正在加载…')).toBeTruthy();
  await screen.findByText('row-1');
  expect(screen.queryByText('row-3')).toBeNull();
  fireEvent.click(screen.getByText('加载更多'));
  await screen.findByText('row-4');
  expect(screen.getAllByText(/^row-/).map((n) => n.textContent)).toEqual(['row-1', 'row-2', 'row-3', 'row-4']);
  expect(screen.getByText('— 已经到底了 —')).toBeTruthy();
  expect(load.mock.calls.map(([c]) => c)).toEqual([undefined, 'c2']);
});

test('an empty result shows the empty state', async () => {
  render(<Harness load={async () => ({ items: [], nextCursor: null })} />);
  await screen.findByText('暂无驿站');
});

test('a failed first page shows the error in plain Chinese and retries', async () => {
  let fail = true;
  const load: LoadPage<Row> = async () => {
    if (fail) throw new ServiceError('NETWORK', '网络不稳定，请检查网络后重试');
    return { items: rows(1, 1), nextCursor: null };
  };
  render(<Harness load={load} />);
  await screen.findByText('网络不稳定，请检查网络后重试');
  fail = false;
  fireEvent.click(screen.getByText('重试'));
  await screen.findByText('row-1');
});

test('an answer for an older filter arriving late is dropped', async () => {
  let resolveOld: (v: { items: Row[]; nextCursor: null }) => void = () => undefined;
  const slowOld: LoadPage<Row> = () => new Promise((resolve) => (resolveOld = resolve));
  const { rerender } = render(<Harness load={slowOld} filter="old" />);
  rerender(<Harness load={async () => ({ items: [{ id: 'new' }], nextCursor: null })} filter="new" />);
  await screen.findByText('row-new');
  await act(async () => resolveOld({ items: [{ id: 'old' }], nextCursor: null }));
  await waitFor(() => expect(screen.queryByText('row-old')).toBeNull());
  expect(screen.getByText('row-new')).toBeTruthy();
});
