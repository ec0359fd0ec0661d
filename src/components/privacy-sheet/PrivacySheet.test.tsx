/**
 * The privacy sheet: WeChat's onNeedPrivacyAuthorization listener (installed at launch) opens it; 同意并继续 is the
 * agreePrivacyAuthorization button and answers agree with its id; 暂不同意 answers disagree and closes, leaving
 * the rest of the app alone. WeChat itself is stood in for: the listener it would call, the resolve it hands over.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { AGREE_BUTTON_ID, answerPrivacy } from './answer';
import { listenForPrivacy, type PrivacyAnswer } from './gate';
import PrivacySheet from './PrivacySheet';

type Listener = (resolve: (a: PrivacyAnswer) => void, info?: { referrer?: string }) => void;

let fire: Listener = () => undefined;
const open = jest.fn();
beforeAll(() => {
  // As app.ts does at launch on weapp, with WeChat's registration and navigation stood in for.
  Object.assign(Taro, {
    onNeedPrivacyAuthorization: (listener: Listener) => {
      fire = listener;
    },
    navigateTo: open,
  });
  listenForPrivacy();
});
const toast = jest.fn();
const contract = jest.fn();
beforeEach(() => {
  open.mockReset();
  toast.mockReset().mockResolvedValue({ errMsg: 'showToast:ok' });
  contract.mockReset();
  Object.assign(Taro, { showToast: toast, openPrivacyContract: contract });
});

/** WeChat holds an API: its resolve records every answer. */
function hold(referrer: string) {
  const answers: PrivacyAnswer[] = [];
  act(() => fire((a) => answers.push(a), { referrer }));
  return answers;
}

test('the listener fires, the sheet shows, and 同意并继续 answers agree with the button id', async () => {
  const answers = hold('getLocation');
  expect(open).toHaveBeenCalledTimes(1);
  const close = jest.fn();
  render(<PrivacySheet onClose={close} />);
  expect(await screen.findByText('隐私保护提示')).toBeTruthy();
  expect(screen.getByText(/使用「按距离排序」前，请阅读并同意/)).toBeTruthy();
  // The guide opens from the sheet.
  fireEvent.click(screen.getByText('《用户隐私保护指引》'));
  expect(contract).toHaveBeenCalledTimes(1);
  const agree = document.getElementById(AGREE_BUTTON_ID)!;
  expect(agree.getAttribute('open-type') ?? (agree as unknown as { openType?: string }).openType).toBe(
    'agreePrivacyAuthorization',
  );
  // WeChat's bindagreeprivacyauthorization, as the H5 runtime dispatches a component's event.
  act(() => void agree.dispatchEvent(new CustomEvent('agreeprivacyauthorization')));
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: AGREE_BUTTON_ID }]);
  expect(close).toHaveBeenCalledTimes(1);
});

test('暂不同意 answers disagree, closes, and says only that feature waits', async () => {
  const answers = hold('chooseImage');
  const close = jest.fn();
  const { unmount } = render(<PrivacySheet onClose={close} />);
  // A second API held while the sheet is open: one sheet, one answer for both.
  const more = hold('button.getPhoneNumber');
  expect(open).toHaveBeenCalledTimes(1);
  fireEvent.click(await screen.findByText('暂不同意'));
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
  expect(more).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
  expect(close).toHaveBeenCalledTimes(1);
  expect(toast.mock.calls[0]![0]).toMatchObject({ title: '未同意，「选择照片」暂不能用，其他功能照常' });
  unmount();
  // Nothing is left waiting: the next held API opens the sheet afresh.
  const next = hold('setClipboardData');
  expect(open).toHaveBeenCalledTimes(2);
  answerPrivacy('disagree');
  expect(next).toEqual([{ event: 'disagree' }]);
});

test('leaving the sheet without an answer (back) answers disagree, so the API does not wait for ever', async () => {
  const answers = hold('getLocation');
  const { unmount } = render(<PrivacySheet onClose={() => undefined} />);
  await screen.findByText('隐私保护提示');
  unmount();
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
});
