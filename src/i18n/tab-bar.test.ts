/** The tab bar's texts reach it even when the app asks before the tab bar is there, and a later choice wins. */
const setTabBarItem = jest.fn<Promise<void>, [{ index: number; text: string }]>();

jest.mock('@tarojs/taro', () => {
  const taro = jest.requireActual<Record<string, unknown>>('@tarojs/taro');
  const api = { ...taro, setTabBarItem: (o: { index: number; text: string }) => setTabBarItem(o) };
  return { ...api, __esModule: true, default: api };
});

import { setTabTexts, TAB_TEXTS_EN } from './tab-bar';

const ZH = ['首页', '积分', '驿站', '疫苗', '我的'];
let shown: string[] = [];
let ready = false;

beforeEach(() => {
  jest.useFakeTimers();
  shown = [...ZH];
  ready = false;
  setTabBarItem.mockReset();
  // H5 before the tab bar is mounted: nobody answers. After: the item changes.
  setTabBarItem.mockImplementation(({ index, text }) => {
    if (!ready) return new Promise<void>(() => undefined);
    shown[index] = text;
    return Promise.resolve();
  });
});
afterEach(() => jest.useRealTimers());

const flush = async (ms: number) => {
  for (let t = 0; t < ms; t += 100) {
    await jest.advanceTimersByTimeAsync(100);
  }
};

test('English asked for at launch, before the tab bar is there, reaches it once it is', async () => {
  setTabTexts(TAB_TEXTS_EN);
  await flush(1_000);
  expect(shown).toEqual(ZH);
  ready = true;
  await flush(1_000);
  expect(shown).toEqual(TAB_TEXTS_EN);
  // Once it is there, nothing more is sent.
  const calls = setTabBarItem.mock.calls.length;
  await flush(5_000);
  expect(setTabBarItem.mock.calls.length).toBe(calls);
});

test('a switch back to Chinese while English still waits for the tab bar: Chinese stays', async () => {
  setTabTexts(TAB_TEXTS_EN);
  await flush(200);
  ready = true;
  setTabTexts(ZH);
  await flush(5_000);
  expect(shown).toEqual(ZH);
});

test('no tab bar at all (a page without one): it gives up after a few tries', async () => {
  setTabTexts(TAB_TEXTS_EN);
  await flush(20_000);
  expect(setTabBarItem.mock.calls.length).toBe(10 * 5);
});
