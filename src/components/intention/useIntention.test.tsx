import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { View } from '@tarojs/components';
import { ServiceError } from '../../services/transport';
import { useIntention, type Confirmation } from '.';

type Send = (requestId: string) => Promise<string>;

/** A form with one text value and a submit button driven by useIntention. */
function Harness({ send, confirm }: { send: Send; confirm?: Confirmation }) {
  const [value, setValue] = useState('a');
  const [done, setDone] = useState(0);
  const intent = useIntention(value);
  return (
    <View>
      <View
        className="submit"
        aria-disabled={intent.busy}
        onClick={() => void intent.run(send, { confirm, success: '已提交', onSuccess: () => setDone((n) => n + 1) })}
      >
        {intent.busy ? '提交中' : '提交'}
      </View>
      <View className="change" onClick={() => setValue((v) => `${v}b`)}>
        改
      </View>
      <View className="done">{`完成 ${done}`}</View>
    </View>
  );
}

/** A send whose answers the test releases one by one. */
function deferredSend() {
  const pending: { resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const send = jest.fn<Promise<string>, [string]>(
    () => new Promise((resolve, reject) => pending.push({ resolve, reject })),
  );
  return { send, pending };
}

const click = (selector: string) => fireEvent.click(document.querySelector(selector)!);

// Taro's H5 build rewrites Taro.showModal into a named import; under jest the default object lacks it: supply both.
const modal = jest.fn();
beforeEach(() => {
  modal.mockReset().mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  Object.assign(Taro, { showModal: modal, showToast: jest.fn().mockResolvedValue({ errMsg: 'showToast:ok' }) });
});

test('a double (and triple) tap sends one request; the button is busy until the answer', async () => {
  const { send, pending } = deferredSend();
  render(<Harness send={send} />);
  await act(async () => {
    click('.submit');
    click('.submit');
    click('.submit');
  });
  expect(send).toHaveBeenCalledTimes(1);
  expect(screen.getByText('提交中')).toBeTruthy();
  await act(async () => pending[0]!.resolve('ok'));
  expect(screen.getByText('完成 1')).toBeTruthy();
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交' }));
});

test('the confirmation is asked once for a double tap, and a cancel sends nothing', async () => {
  const { send, pending } = deferredSend();
  render(
    <Harness
      send={send}
      confirm={{ title: '确认记分', content: '给 张三 记 5 分：志愿服务', confirmText: '记入台账' }}
    />,
  );
  modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  await act(async () => click('.submit'));
  expect(send).not.toHaveBeenCalled();
  await act(async () => {
    click('.submit');
    click('.submit');
  });
  expect(modal).toHaveBeenCalledTimes(2);
  expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '给 张三 记 5 分：志愿服务' }));
  expect(send).toHaveBeenCalledTimes(1);
  await act(async () => pending[0]!.resolve('ok'));
});

test('a lost answer is retried with the same requestId; success, a refusal or a changed form start a new one', async () => {
  const { send, pending } = deferredSend();
  render(<Harness send={send} />);
  const tap = async () => act(async () => click('.submit'));
  await tap();
  await act(async () => pending[0]!.reject(new ServiceError('NETWORK', '网络不稳定，请检查网络后重试')));
  await tap();
  expect(send.mock.calls[1]![0]).toBe(send.mock.calls[0]![0]);
  await act(async () => pending[1]!.resolve('ok'));
  await tap();
  expect(send.mock.calls[2]![0]).not.toBe(send.mock.calls[1]![0]);
  await act(async () => pending[2]!.reject(new ServiceError('INSUFFICIENT_POINTS', '积分不足')));
  await tap();
  expect(send.mock.calls[3]![0]).not.toBe(send.mock.calls[2]![0]);
  await act(async () => pending[3]!.reject(new ServiceError('NETWORK', '网络不稳定，请检查网络后重试')));
  await act(async () => click('.change'));
  await tap();
  expect(send.mock.calls[4]![0]).not.toBe(send.mock.calls[3]![0]);
  await act(async () => pending[4]!.resolve('ok'));
  expect(new Set(send.mock.calls.map(([id]) => id)).size).toBe(4);
});
