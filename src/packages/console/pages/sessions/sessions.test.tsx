import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ConsoleSessionItem } from '../../../../services/admin';

const listConsoleSessions = jest.fn<Promise<{ items: ConsoleSessionItem[] }>, []>();
const revokeConsoleSession = jest.fn<Promise<unknown>, [string]>();

jest.mock('@tarojs/taro', () => ({ ...jest.requireActual<object>('@tarojs/taro'), useDidShow: () => undefined }));
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
jest.mock('../../../../services/session', () => ({ needsSignIn: () => false }));
jest.mock('../../../../services/admin', () => ({
  ...jest.requireActual('../../../../services/admin'),
  listConsoleSessions: () => listConsoleSessions(),
  revokeConsoleSession: (id: string) => revokeConsoleSession(id),
}));

import ConsoleSessionsPage from './index';

const SESSION: ConsoleSessionItem = {
  sessionId: `cs${'b2'.repeat(12)}`,
  address: '203.0.113.7',
  browser: 'Chrome 131 · Windows',
  startedAt: Date.parse('2026-11-23T02:00:00Z'),
  signedInAt: Date.parse('2026-11-23T02:00:30Z'),
  expiresAt: Date.parse('2026-11-23T10:00:30Z'),
  current: false,
};

beforeEach(() => {
  listConsoleSessions.mockReset();
  revokeConsoleSession.mockReset();
});

test('lists my console sign-ins with address, browser and times; signing one out asks first, then reloads', async () => {
  listConsoleSessions.mockResolvedValueOnce({ items: [SESSION] }).mockResolvedValueOnce({ items: [] });
  revokeConsoleSession.mockResolvedValue({ sessionId: SESSION.sessionId, revoked: true });
  const modal = jest
    .spyOn(Taro, 'showModal')
    .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
  render(<ConsoleSessionsPage />);
  await screen.findByText('地址：203.0.113.7');
  screen.getByText('扫码登录：2026-11-23 10:00');
  screen.getByText('有效至：2026-11-23 18:00');
  fireEvent.click(screen.getByText('退出这台电脑的登录'));
  await waitFor(() => expect(revokeConsoleSession).toHaveBeenCalledWith(SESSION.sessionId));
  expect(modal.mock.calls[0]![0]).toMatchObject({
    content: expect.stringContaining('Chrome 131 · Windows（203.0.113.7）'),
  });
  await screen.findByText(/现在没有电脑登录着你的管理后台/);
});
