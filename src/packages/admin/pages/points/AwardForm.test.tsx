/** The admin award form: a member picked by search, one award per double tap, and errors beside their field. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ServiceError } from '../../../../services/transport';
import { awardPoints } from '../../../../services/points';
import AdminPointsPage from '.';

// The package's root entry is a UMD bundle that draws on a canvas at load; the pages' babel import takes these instead.
jest.mock('@nutui/nutui-react-taro', () => ({
  Input: jest.requireActual('@nutui/nutui-react-taro/dist/es/packages/input').default,
  Button: jest.requireActual('@nutui/nutui-react-taro/dist/es/packages/button').default,
  DatePicker: jest.requireActual('@nutui/nutui-react-taro/dist/es/packages/datepicker').default,
}));
// Page lifecycles need a running Taro app; none of them matter to a form.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { __esModule: true, ...actual, default: actual.default, useDidShow: () => undefined };
});
jest.mock('../../../../services/members', () => ({
  searchMembers: jest.fn(async () => ({
    items: [{ openid: 'm-zhang', nickname: '张三', branchName: '向阳社区党支部' }],
  })),
}));
jest.mock('../../../../services/points', () => ({
  awardPoints: jest.fn(),
  publishActivity: jest.fn(),
  exportLedger: jest.fn(),
  listRules: jest.fn(async () => ({
    items: [{ ruleId: 'r-zhiyuan', name: '志愿服务', category: '志愿服务', points: 4, cap: null, description: '' }],
  })),
  newRequestId: jest.requireActual('../../../../services/points').newRequestId,
}));

const award = awardPoints as jest.MockedFunction<typeof awardPoints>;
const modal = jest.fn();
beforeEach(() => {
  award.mockReset();
  modal.mockReset().mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  Object.assign(Taro, {
    showModal: modal,
    showToast: jest.fn().mockResolvedValue({ errMsg: 'showToast:ok' }),
    getStorageSync: () => '',
    setStorageSync: () => undefined,
  });
});

const q = (selector: string) => document.querySelector(selector)!;
/** Types into a Taro input as the H5 runtime reports it. */
const type = (selector: string, value: string) =>
  fireEvent(q(`${selector} taro-input-core`), new CustomEvent('input', { detail: { value } }));

/** Renders the page and waits for its rules, so no load lands after a test. */
async function renderPage() {
  render(<AdminPointsPage />);
  await screen.findByText('志愿服务 +4');
}

async function fillAward(points: string, reason: string) {
  await renderPage();
  fireEvent.click(q('.admin-award .form-field--openid .picker-value'));
  type('.admin-award .search-picker__panel', '张');
  fireEvent.click(await screen.findByText('张三'));
  type('.admin-award .form-field--points', points);
  type('.admin-award .form-field--reason', reason);
}

test('a double tap on 记入台账 asks once, naming what will happen, and awards once', async () => {
  let answer: (v: Awaited<ReturnType<typeof awardPoints>>) => void = () => undefined;
  award.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
  await fillAward('5', '志愿服务');
  await act(async () => {
    fireEvent.click(q('.admin-award__submit'));
    fireEvent.click(q('.admin-award__submit'));
  });
  expect(modal).toHaveBeenCalledTimes(1);
  expect(modal.mock.calls[0]![0]).toMatchObject({ content: '给 张三 记 5 分：志愿服务' });
  expect(award).toHaveBeenCalledTimes(1);
  expect(award.mock.calls[0]![0]).toMatchObject({ openid: 'm-zhang', points: 5, reason: '志愿服务' });
  await act(async () => answer({ entryId: 'e1', openid: 'm-zhang', points: 5, balance: 25 }));
  await screen.findByText('已记入台账：张三 +5 分，余额 25');
  // Cleared after success: the next award starts from an empty form.
  expect(q('.admin-award .form-field--openid .picker-value').textContent).toContain('输入姓名或昵称搜索');
});

test('a refusal about a field lands beside that field, not under the button', async () => {
  award.mockRejectedValue(new ServiceError('INVALID_ARGUMENT', '积分不能超过 1000 分', 'points'));
  await fillAward('5000', '志愿服务');
  await act(async () => fireEvent.click(q('.admin-award__submit')));
  await waitFor(() =>
    expect(q('.admin-award .form-field--points .form-field__error').textContent).toBe('积分不能超过 1000 分'),
  );
  expect(document.querySelector('.admin-award .form-field--reason .form-field__error')).toBeNull();
  expect(document.querySelector('.admin-award .form-error')).toBeNull();
});

test('a refusal about no field of the form (积分不足, a lost connection) shows under the button', async () => {
  award.mockRejectedValue(new ServiceError('NOT_FOUND', '该用户不存在'));
  await fillAward('5', '志愿服务');
  await act(async () => fireEvent.click(q('.admin-award__submit')));
  await waitFor(() => expect(q('.admin-award .form-error').textContent).toBe('该用户不存在'));
  expect(document.querySelector('.admin-award .form-field__error')).toBeNull();
});

test('missing entries are caught beside their fields before anything is sent', async () => {
  await renderPage();
  await act(async () => fireEvent.click(q('.admin-award__submit')));
  expect(q('.admin-award .form-field--openid .form-field__error').textContent).toBe('请选择党员');
  expect(award).not.toHaveBeenCalled();
});

test('长辈模式 marks the page so the fields and buttons are drawn large', async () => {
  Object.assign(Taro, { getStorageSync: (key: string) => (key === 'xfyz.elder' ? '1' : '') });
  await renderPage();
  expect(q('.admin-points').className).toContain('elder');
});
