/**
 * 「使用微信手机号」 on the 接种人 form: WeChat's getPhoneNumber button gives a code; 保存 sends that code (never a
 * number) to vaccine.addPerson; a refusal of the code lands beside the phone field and the spent code is let go, so
 * the person can tap again or type. WeChat's event is dispatched as the H5 runtime dispatches a component's event.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ServiceError } from '../../services/transport';
import { addPerson } from '../../services/vaccine';
import PeoplePage from '../../packages/vaccine/pages/people';
import { phoneButton } from '.';

jest.mock('@nutui/nutui-react-taro', () => ({
  Input: jest.requireActual('@nutui/nutui-react-taro/dist/es/packages/input').default,
  Button: jest.requireActual('@nutui/nutui-react-taro/dist/es/packages/button').default,
}));
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { __esModule: true, ...actual, default: actual.default, useDidShow: () => undefined };
});
jest.mock('../../services/vaccine', () => ({
  listPersons: jest.fn(async () => ({ items: [] })),
  addPerson: jest.fn(),
  removePerson: jest.fn(),
}));

const add = addPerson as jest.MockedFunction<typeof addPerson>;
/** A valid (GB 11643) demo number: domain/privacy's makeIdNumber('450326', '1958-04-02', 11). */
const ID = '450326195804020119';
beforeEach(() => {
  add.mockReset();
  phoneButton.offered = () => true;
  Object.assign(Taro, {
    showToast: jest.fn().mockResolvedValue({ errMsg: 'showToast:ok' }),
    showModal: jest.fn().mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' }),
    getStorageSync: () => '',
    setStorageSync: () => undefined,
  });
});

const q = (selector: string) => document.querySelector(selector)!;
const type = (selector: string, value: string) =>
  fireEvent(q(`${selector} taro-input-core`), new CustomEvent('input', { detail: { value } }));
/** WeChat answers the button: `e.detail` with the one-time code. */
const wechatGives = (detail: object) =>
  act(() => void q('.phone-field__wechat').dispatchEvent(new CustomEvent('getphonenumber', { detail })));

async function fillWithWeChatPhone() {
  render(<PeoplePage />);
  await screen.findByText('添加接种人');
  type('.person-field--name', '李秀英');
  type('.person-field--idNumber', ID);
  expect(q('.phone-field__wechat').textContent).toBe('使用微信手机号');
  expect(q('.phone-field__wechat').getAttribute('open-type')).toBe('getPhoneNumber');
  wechatGives({ code: 'wx-phone-code-1', errMsg: 'getPhoneNumber:ok' });
  await screen.findByText('已选用微信手机号，提交时由微信核验');
}

test('the button’s code, not a number, goes to vaccine.addPerson', async () => {
  add.mockResolvedValue({
    personId: 'ps-1',
    masked: { name: '李*英', idNumber: '4503*************1', phone: '139****2222' },
  });
  await fillWithWeChatPhone();
  await act(async () => void fireEvent.click(q('.add-person__submit')));
  expect(add).toHaveBeenCalledTimes(1);
  expect(add.mock.calls[0]![0]).toEqual({ name: '李秀英', idNumber: ID, phoneCode: 'wx-phone-code-1' });
});

test('a refused code is shown beside the phone field, and the button is offered again', async () => {
  add.mockRejectedValue(
    new ServiceError('INVALID_ARGUMENT', '微信手机号已过期，请重新点「使用微信手机号」，或直接填写手机号', 'phone'),
  );
  await fillWithWeChatPhone();
  await act(async () => void fireEvent.click(q('.add-person__submit')));
  await waitFor(() =>
    expect(q('.person-field--phone .form-field__error').textContent).toBe(
      '微信手机号已过期，请重新点「使用微信手机号」，或直接填写手机号',
    ),
  );
  expect(q('.phone-field__wechat')).toBeTruthy();
  // Typing is the fallback: a typed number goes as `phone`.
  add.mockReset().mockResolvedValue({ personId: 'ps-2', masked: { name: '', idNumber: '', phone: '' } });
  type('.person-field--phone', '13911112222');
  await act(async () => void fireEvent.click(q('.add-person__submit')));
  expect(add.mock.calls[0]![0]).toEqual({ name: '李秀英', idNumber: ID, phone: '13911112222' });
});

test('closing WeChat’s sheet changes nothing; an exhausted quota or a declined privacy guide says to type instead', async () => {
  render(<PeoplePage />);
  await screen.findByText('添加接种人');
  wechatGives({ errMsg: 'getPhoneNumber:fail user deny' });
  expect(document.querySelector('.person-field--phone .form-field__error')).toBeNull();
  wechatGives({ errMsg: 'getPhoneNumber:fail no quota', errno: 1400001 });
  expect(q('.person-field--phone .form-field__error').textContent).toBe('微信手机号暂时不能用，请直接填写手机号');
  wechatGives({ errMsg: 'getPhoneNumber:fail privacy permission is not authorized' });
  expect(q('.person-field--phone .form-field__error').textContent).toBe(
    '需先同意隐私保护指引才能使用微信手机号，也可以直接填写手机号',
  );
});
