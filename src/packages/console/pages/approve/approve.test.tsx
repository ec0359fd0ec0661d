import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ServiceError } from '../../../../services/transport';
import type { ConsoleTicketCheck } from '../../../../services/admin';

const TICKET = `cl${'a1'.repeat(12)}`;
let params: Record<string, string> = { ticket: TICKET };
const checkConsoleTicket = jest.fn<Promise<ConsoleTicketCheck>, [string]>();
const approveConsoleLogin = jest.fn<Promise<unknown>, [string]>();

// Taro's H5 build is a plain CommonJS object (its default import is the whole module): add the route's params to it.
jest.mock('@tarojs/taro', () => ({
  ...jest.requireActual<object>('@tarojs/taro'),
  useRouter: () => ({ params }),
  useDidShow: () => undefined,
}));
// NutUI's bundle needs a canvas jsdom lacks: a plain button stands in (disabled is what matters here).
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
  checkConsoleTicket: (id: string) => checkConsoleTicket(id),
  approveConsoleLogin: (id: string) => approveConsoleLogin(id),
}));

// Imported after the mocks above (jest hoists jest.mock, so order is only for the reader).
import ConsoleApprovePage from './index';
import { ticketFromParams } from '../../../../services/admin';

const admin = (over: Partial<ConsoleTicketCheck> = {}): ConsoleTicketCheck => ({
  status: 'waiting',
  expiresAt: Date.now() + 60_000,
  console: null,
  sessionHours: 8,
  canApprove: true,
  as: { nickname: '管理员赵书记', role: 'admin', roleLabel: '管理员' },
  ...over,
});

beforeEach(() => {
  params = { ticket: TICKET };
  checkConsoleTicket.mockReset();
  approveConsoleLogin.mockReset();
});

test('names who the console will sign in as, and one tap approves once', async () => {
  checkConsoleTicket.mockResolvedValue(admin());
  let finish: (v: unknown) => void = () => undefined;
  approveConsoleLogin.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
  render(<ConsoleApprovePage />);
  await screen.findByText('将以 管理员赵书记 的身份登录管理后台');
  expect(checkConsoleTicket).toHaveBeenCalledWith(TICKET);
  const button = screen.getByText('确认登录');
  fireEvent.click(button);
  fireEvent.click(button);
  expect(approveConsoleLogin).toHaveBeenCalledTimes(1);
  expect(approveConsoleLogin).toHaveBeenCalledWith(TICKET);
  finish({ ticketId: TICKET });
  await screen.findByText(/电脑上的管理后台将以 管理员赵书记 的身份登录/);
});

test('names the computer that asked (address, browser, start time) and what approving does, for how long', async () => {
  checkConsoleTicket.mockResolvedValue(
    admin({
      console: {
        address: '203.0.113.7',
        browser: 'Chrome 131 · Windows',
        startedAt: Date.parse('2026-11-23T02:00:00Z'),
      },
      sessionHours: 8,
    }),
  );
  render(<ConsoleApprovePage />);
  await screen.findByText('地址：203.0.113.7');
  screen.getByText('浏览器：Chrome 131 · Windows');
  screen.getByText('发起时间：2026-11-23 10:00');
  screen.getByText(/如果是别人发给你的二维码，或地址、时间对不上，请点「取消」/);
  screen.getByText(/查看和修改数据 8 小时/);
});

test('a resident is told they have no console access, with no button to press', async () => {
  checkConsoleTicket.mockResolvedValue(
    admin({ canApprove: false, as: { nickname: '居民小李', role: 'resident', roleLabel: '居民' } }),
  );
  render(<ConsoleApprovePage />);
  await screen.findByText(/你当前的身份是「居民」，没有管理后台的权限/);
  expect(screen.queryByText('确认登录')).toBeNull();
});

test('an expired or used QR says to refresh it on the computer', async () => {
  checkConsoleTicket.mockResolvedValue(admin({ status: 'expired' }));
  render(<ConsoleApprovePage />);
  await screen.findByText(/登录二维码已过期，请在电脑上刷新二维码/);
  expect(screen.queryByText('确认登录')).toBeNull();
});

test('a refusal is shown beside the button in plain Chinese, and the button works again', async () => {
  checkConsoleTicket.mockResolvedValue(admin());
  approveConsoleLogin.mockRejectedValue(
    new ServiceError('TOO_LATE', '登录二维码已过期，请在电脑上刷新二维码后重新扫码'),
  );
  render(<ConsoleApprovePage />);
  fireEvent.click(await screen.findByText('确认登录'));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe('登录二维码已过期，请在电脑上刷新二维码后重新扫码');
  await waitFor(() => expect(screen.getByText('确认登录').closest('button')?.disabled).toBe(false));
});

test('no ticket in the address: nothing is asked of the server', async () => {
  params = {};
  render(<ConsoleApprovePage />);
  await screen.findByText(/登录二维码不存在或已失效/);
  expect(checkConsoleTicket).not.toHaveBeenCalled();
});

test('the ticket comes from ?ticket=, a 小程序码 scene, or a 普通链接二维码 q; nothing else passes', () => {
  expect(ticketFromParams({ ticket: TICKET })).toBe(TICKET);
  expect(ticketFromParams({ scene: encodeURIComponent(TICKET) })).toBe(TICKET);
  expect(ticketFromParams({ q: encodeURIComponent(`https://xfyz.example/console?ticket=${TICKET}`) })).toBe(TICKET);
  expect(ticketFromParams({ ticket: '../../x' })).toBeNull();
  expect(ticketFromParams({ q: '%E0%A4%A' })).toBeNull();
  expect(ticketFromParams({})).toBeNull();
});
