import { fireEvent, render, screen } from '@testing-library/react';
import StateView from '.';

const navigateTo = jest.fn();
const switchTab = jest.fn();

jest.mock('@tarojs/taro', () => {
  const taro = jest.requireActual<Record<string, unknown>>('@tarojs/taro');
  return {
    ...taro,
    __esModule: true,
    default: {
      ...taro,
      navigateTo: (o: unknown) => navigateTo(o),
      switchTab: (o: unknown) => switchTab(o),
    },
  };
});

beforeEach(() => {
  navigateTo.mockReset();
  switchTab.mockReset();
});

test('an empty state shows a drawing, its sentence and a button to its next page', () => {
  const { container } = render(
    <StateView
      kind="empty"
      message="还没有预约"
      action={{ text: '去看看驿站', url: '/packages/booking/pages/station/index?id=st-1' }}
    />,
  );
  expect(screen.getByText('还没有预约')).toBeTruthy();
  expect(container.querySelector('.state-view__picture')).not.toBeNull();
  fireEvent.click(screen.getByText('去看看驿站'));
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/pages/station/index?id=st-1' });
  expect(switchTab).not.toHaveBeenCalled();
});

test('a next step on a tab page switches to the tab', () => {
  render(<StateView kind="empty" message="还没有驿站" action={{ text: '回到首页', url: '/pages/index/index' }} />);
  fireEvent.click(screen.getByText('回到首页'));
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  expect(navigateTo).not.toHaveBeenCalled();
});

test('a page can give its own drawing; loading and error keep their old props', () => {
  const { container, rerender } = render(<StateView kind="empty" picture="data:image/svg+xml,x" />);
  expect(screen.getByText('这里还没有内容')).toBeTruthy();
  expect(container.querySelector('.state-view__picture')?.getAttribute('src')).toBe('data:image/svg+xml,x');

  const retry = jest.fn();
  rerender(<StateView kind="error" message="网络不稳定" onAction={retry} />);
  expect(container.querySelector('.state-view__picture')).toBeNull();
  fireEvent.click(screen.getByText('重试'));
  expect(retry).toHaveBeenCalledTimes(1);

  rerender(<StateView kind="loading" />);
  expect(screen.getByText('正在加载…')).toBeTruthy();
  expect(screen.queryByRole('button')).toBeNull();
});

test('a next step can do its own thing instead of opening a page (the desk console, outside the app)', () => {
  const open = jest.fn();
  render(<StateView kind="empty" message="还没有驿站" action={{ text: '去管理后台添加驿站', open }} />);
  fireEvent.click(screen.getByText('去管理后台添加驿站'));
  expect(open).toHaveBeenCalledTimes(1);
  expect(navigateTo).not.toHaveBeenCalled();
  expect(switchTab).not.toHaveBeenCalled();
});
