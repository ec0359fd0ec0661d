import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { InboxItem, MessageModule, UnreadCounts } from '../../../../services/messages';

const listInbox = jest.fn<
  Promise<{ items: InboxItem[]; nextCursor: string | null }>,
  [MessageModule | undefined, string | undefined]
>();
const getUnreadCounts = jest.fn<Promise<UnreadCounts>, []>();
const markMessagesRead = jest.fn<Promise<{ marked: number; unread: UnreadCounts }>, [string[] | undefined]>();
const navigateTo = jest.fn();
const switchTab = jest.fn();

jest.mock('@tarojs/taro', () => {
  const { useEffect } = jest.requireActual<typeof import('react')>('react');
  const taro = jest.requireActual<Record<string, unknown>>('@tarojs/taro');
  return {
    ...taro,
    __esModule: true,
    default: {
      ...taro,
      navigateTo: (o: unknown) => navigateTo(o),
      switchTab: (o: unknown) => switchTab(o),
      showToast: jest.fn(),
      showModal: jest.fn(),
    },
    // Once, as when the page first shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    useDidShow: (fn: () => void) => useEffect(() => fn(), []),
    useReachBottom: () => undefined,
    usePullDownRefresh: () => undefined,
  };
});
jest.mock('@nutui/nutui-react-taro', () => {
  const { createElement } = jest.requireActual<typeof import('react')>('react');
  return {
    Button: ({
      children,
      onClick,
      disabled,
      className,
    }: {
      children: unknown;
      onClick?: () => void;
      disabled?: boolean;
      className?: string;
    }) => createElement('button', { type: 'button', onClick, disabled, className }, children as string),
  };
});
jest.mock('../../../../services/messages', () => ({
  listInbox: (m: MessageModule | undefined, c: string | undefined) => listInbox(m, c),
  getUnreadCounts: () => getUnreadCounts(),
  markMessagesRead: (ids?: string[]) => markMessagesRead(ids),
}));

import InboxPage from './index';

const counts = (over: Partial<UnreadCounts> = {}): UnreadCounts => ({
  total: 2,
  booking: 1,
  vaccine: 1,
  points: 0,
  requests: 0,
  activities: 0,
  ...over,
});
const item = (over: Partial<InboxItem>): InboxItem => ({
  messageId: 'm1',
  module: 'booking',
  moduleLabel: '驿站预约',
  kind: 'booked',
  title: '预约成功：法律咨询',
  body: '11月24日 10:00-11:00',
  page: '/packages/booking/pages/mine/index',
  refId: 'bk1',
  at: Date.parse('2026-11-23T02:00:00Z'),
  unread: true,
  ...over,
});

beforeEach(() => {
  for (const f of [listInbox, getUnreadCounts, markMessagesRead, navigateTo, switchTab]) f.mockReset();
  getUnreadCounts.mockResolvedValue(counts());
});

test("every module's messages with unread marks; opening one marks it read once and opens its page", async () => {
  listInbox.mockResolvedValue({
    items: [
      item({}),
      item({
        messageId: 'm2',
        module: 'vaccine',
        moduleLabel: '疫苗接种',
        kind: 'reminder',
        title: '接种提醒',
        unread: false,
        page: null,
      }),
    ],
    nextCursor: null,
  });
  markMessagesRead.mockResolvedValue({ marked: 1, unread: counts({ total: 1, booking: 0 }) });
  render(<InboxPage />);
  await screen.findByText('预约成功：法律咨询');
  expect(screen.getAllByText('未读')).toHaveLength(1);
  await screen.findByText('全部 2');
  expect(screen.getByText('预约 1')).toBeTruthy();

  fireEvent.click(screen.getByText('预约成功：法律咨询'));
  fireEvent.click(screen.getByText('预约成功：法律咨询'));
  expect(markMessagesRead).toHaveBeenCalledTimes(1);
  expect(markMessagesRead).toHaveBeenCalledWith(['m1']);
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/booking/pages/mine/index' });
  await screen.findByText('全部 1');
  expect(screen.queryAllByText('未读')).toHaveLength(0);
});

test('a module tab lists that module only; 全部标为已读 is disabled while it runs and when nothing is unread', async () => {
  listInbox.mockResolvedValue({ items: [item({})], nextCursor: null });
  let finish: (v: { marked: number; unread: UnreadCounts }) => void = () => undefined;
  markMessagesRead.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
  render(<InboxPage />);
  await screen.findByText('疫苗 1');
  fireEvent.click(screen.getByText('疫苗 1'));
  await waitFor(() => expect(listInbox).toHaveBeenLastCalledWith('vaccine', undefined));
  const button = screen.getByText('全部标为已读') as HTMLButtonElement;
  fireEvent.click(button);
  fireEvent.click(button);
  expect(markMessagesRead).toHaveBeenCalledTimes(1);
  expect(markMessagesRead).toHaveBeenCalledWith(undefined);
  await waitFor(() => expect((screen.getByText('全部标为已读') as HTMLButtonElement).disabled).toBe(true));
  finish({ marked: 2, unread: counts({ total: 0, booking: 0, vaccine: 0 }) });
  await screen.findByText('没有未读消息');
  expect((screen.getByText('全部标为已读') as HTMLButtonElement).disabled).toBe(true);
});
