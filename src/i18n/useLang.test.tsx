/** The title bar says the shown page's title: a page left below another does not take it back a moment later. */
import { act, render } from '@testing-library/react';

const setNavigationBarTitle = jest.fn<Promise<void>, [{ title: string }]>(() => Promise.resolve());
const shown: Array<() => void> = [];
const hidden: Array<() => void> = [];

jest.mock('@tarojs/taro', () => {
  const taro = jest.requireActual<Record<string, unknown>>('@tarojs/taro');
  const storage = new Map<string, unknown>();
  const api = {
    ...taro,
    setNavigationBarTitle: (o: { title: string }) => setNavigationBarTitle(o),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  };
  return {
    ...api,
    __esModule: true,
    default: api,
    useDidShow: (f: () => void) => void shown.push(f),
    useDidHide: (f: () => void) => void hidden.push(f),
  };
});

import { useLang } from './index';

function Page({ title }: { title: string }) {
  useLang(() => title);
  return null;
}

const lastTitle = () => setNavigationBarTitle.mock.calls.at(-1)?.[0].title;

beforeEach(() => {
  jest.useFakeTimers();
  setNavigationBarTitle.mockClear();
  shown.length = 0;
  hidden.length = 0;
});
afterEach(() => jest.useRealTimers());

test('a page opened within the moment the one below re-fits keeps its own title', () => {
  render(<Page title="Party Map" />);
  expect(lastTitle()).toBe('Party Map');

  // A place is opened at once: the map stays mounted below it (as on H5) and is told it is hidden. The map's moment
  // ends before the place's does: the title is the place's throughout.
  act(() => void jest.advanceTimersByTime(300));
  render(<Page title="Red Steward building post" />);
  act(() => hidden[0]?.());
  expect(lastTitle()).toBe('Red Steward building post');
  act(() => void jest.advanceTimersByTime(150));
  expect(lastTitle()).toBe('Red Steward building post');
  act(() => void jest.advanceTimersByTime(1_000));
  expect(lastTitle()).toBe('Red Steward building post');

  // Back on the map, it says its own title again.
  act(() => hidden.at(-1)?.());
  act(() => shown[0]?.());
  expect(lastTitle()).toBe('Party Map');
});

test('a page shown alone fits its title again after the moment', () => {
  render(<Page title="Party Map" />);
  setNavigationBarTitle.mockClear();
  act(() => void jest.advanceTimersByTime(1_000));
  expect(lastTitle()).toBe('Party Map');
});
