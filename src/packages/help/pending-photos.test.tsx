/** Photos waiting for their content check: marked 审核中 with a line saying only their uploader sees them. */
import { render, screen } from '@testing-library/react';

jest.mock('@tarojs/taro', () => {
  const taro = jest.requireActual<Record<string, unknown>>('@tarojs/taro');
  return { ...taro, __esModule: true, default: { ...taro, previewImage: jest.fn() } };
});
jest.mock('@nutui/nutui-react-taro', () => ({}));

import { Gallery, Timeline } from './components';

test('a passed photo has no mark; a pending one says 审核中 and who sees it', () => {
  const { container } = render(<Gallery urls={['/files/a.png']} />);
  expect(container.textContent).not.toContain('审核中');
  render(<Gallery urls={['/files/b.png', '/files/c.png']} pending />);
  expect(screen.getAllByText('审核中')).toHaveLength(2);
  expect(screen.getByText('审核中的照片只有你能看到，审核通过后其他人才能看到')).toBeTruthy();
});

test('a timeline line shows its passed photos, and its pending ones marked', () => {
  const { container } = render(
    <Timeline
      steps={[
        {
          at: 1,
          status: 'inProgress',
          statusLabel: '办理中',
          text: '进展：买好了',
          by: '党员王建国',
          photos: ['/files/ok.png'],
          pendingPhotos: ['/files/wait.png'],
        },
      ]}
    />,
  );
  expect(container.querySelectorAll('.help-gallery__img')).toHaveLength(2);
  expect(container.querySelectorAll('.help-gallery--pending .help-gallery__img')).toHaveLength(1);
  expect(screen.getAllByText('审核中')).toHaveLength(1);
});
