/** 「打卡」: what it sends (scene, position, datum), a refusal beside the button, and what success says. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CheckInAnswer, CheckInInput, LandmarkDetail } from '../../services/map';

const checkInAt = jest.fn<Promise<CheckInAnswer>, [CheckInInput]>();
const getLocation = jest.fn<Promise<{ latitude: number; longitude: number }>, [unknown]>();
const scanCode = jest.fn<Promise<{ path?: string; result?: string }>, [unknown]>();
const navigateTo = jest.fn();

jest.mock('@tarojs/taro', () => {
  const taro = jest.requireActual<Record<string, unknown>>('@tarojs/taro');
  return {
    ...taro,
    __esModule: true,
    default: {
      ...taro,
      getLocation: (o: unknown) => getLocation(o),
      scanCode: (o: unknown) => scanCode(o),
      navigateTo: (o: unknown) => navigateTo(o),
      showToast: jest.fn(),
    },
  };
});
jest.mock('@nutui/nutui-react-taro', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return {
    Button: ({ children, onClick, disabled, className }: Record<string, unknown>) =>
      createElement('button', { type: 'button', onClick, disabled, className }, children as string),
  };
});
jest.mock('../../services/map', () => ({ checkInAt: (i: CheckInInput) => checkInAt(i) }));

import { ServiceError } from '../../services/transport';
import CheckIn from './check-in';

const place = {
  landmarkId: 'lm-1',
  name: '民国小镇红色街区',
  radius: 200,
  checkIn: true,
  mine: { checkedInToday: false, visits: 0, lastAt: null },
} as unknown as LandmarkDetail;

const answer = (over: Partial<CheckInAnswer> = {}): CheckInAnswer => ({
  checkinId: 'c1',
  landmarkId: 'lm-1',
  name: '民国小镇红色街区',
  nameEn: '',
  at: 1,
  day: '2026-01-01',
  points: 2,
  capped: false,
  balance: 10,
  completedRoutes: [],
  checkins: 1,
  landmarks: 1,
  ...over,
});

beforeEach(() => {
  jest.clearAllMocks();
  getLocation.mockResolvedValue({ latitude: 22.86, longitude: 110.55 });
});

test('H5 without the poster code asks for it and sends nothing', async () => {
  render(<CheckIn place={place} scene="" onDone={jest.fn()} />);
  fireEvent.click(screen.getByText('打卡'));
  expect((await screen.findByRole('alert')).textContent).toBe('请用微信扫描现场海报上的打卡码');
  expect(getLocation).not.toHaveBeenCalled();
  expect(checkInAt).not.toHaveBeenCalled();
});

test('with the scene: the browser position is sent as wgs84; a refusal shows beside the button in its own words', async () => {
  checkInAt.mockRejectedValueOnce(
    new ServiceError('INVALID_ARGUMENT', '你离「民国小镇红色街区」还有约 5 公里，到 200 米以内才能打卡', 'location'),
  );
  const onDone = jest.fn();
  render(<CheckIn place={place} scene="RXJQ2021" onDone={onDone} />);
  fireEvent.click(screen.getByText('打卡'));
  expect((await screen.findByRole('alert')).textContent).toBe(
    '你离「民国小镇红色街区」还有约 5 公里，到 200 米以内才能打卡',
  );
  expect(checkInAt).toHaveBeenCalledWith({
    landmarkId: 'lm-1',
    scene: 'RXJQ2021',
    location: { lat: 22.86, lng: 110.55 },
    datum: 'wgs84',
  });
  expect(onDone).not.toHaveBeenCalled();
  expect(screen.getByText('打卡')).toBeTruthy(); // still there for another try
});

test('success says the points, or that today’s are full, and leads to 我的足迹', async () => {
  checkInAt.mockResolvedValueOnce(answer({ points: 2 }));
  const onDone = jest.fn();
  const { unmount } = render(<CheckIn place={place} scene="RXJQ2021" onDone={onDone} />);
  fireEvent.click(screen.getByText('打卡'));
  await screen.findByText('打卡成功，获得 2 积分');
  expect(onDone).toHaveBeenCalledTimes(1);
  fireEvent.click(screen.getByText('查看我的足迹 ›'));
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/map/pages/footprint/index' });
  unmount();

  checkInAt.mockResolvedValueOnce(
    answer({ points: 0, capped: true, completedRoutes: [{ routeId: 'r', name: '三基地三展馆一街区', nameEn: '' }] }),
  );
  render(<CheckIn place={place} scene="RXJQ2021" onDone={jest.fn()} />);
  fireEvent.click(screen.getByText('打卡'));
  await screen.findByText('打卡成功，今日积分已满');
  expect(screen.getByText('你走完了「三基地三展馆一街区」全程')).toBeTruthy();
});

test('no position: says why the check-in cannot be made, sends nothing', async () => {
  getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' });
  render(<CheckIn place={place} scene="RXJQ2021" onDone={jest.fn()} />);
  fireEvent.click(screen.getByText('打卡'));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('无法确认你在现场');
  expect(checkInAt).not.toHaveBeenCalled();
});

test('checked in today already: says so, no button', () => {
  render(
    <CheckIn
      place={{ ...place, mine: { checkedInToday: true, visits: 1, lastAt: 1 } }}
      scene="RXJQ2021"
      onDone={jest.fn()}
    />,
  );
  expect(screen.getByText('今天已在这里打过卡，明天再来吧')).toBeTruthy();
  expect(screen.queryByText('打卡')).toBeNull();
});

test('weapp without a scene scans the poster and sends its scene', async () => {
  const was = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    scanCode.mockResolvedValueOnce({ path: 'packages/map/pages/landmark/index?scene=RXJQ2021' });
    checkInAt.mockResolvedValueOnce(answer());
    render(<CheckIn place={place} scene="" onDone={jest.fn()} />);
    fireEvent.click(screen.getByText('扫码打卡'));
    await waitFor(() => expect(checkInAt).toHaveBeenCalled());
    expect(checkInAt.mock.calls[0]![0].scene).toBe('RXJQ2021');
    await screen.findByText('打卡成功，获得 2 积分');
  } finally {
    process.env.TARO_ENV = was;
  }
});
