import { fireEvent, render, screen } from '@testing-library/react';
import DateStrip from '.';

// 2026-12-06 is a Sunday (noon in Shanghai).
const NOW = Date.parse('2026-12-06T04:00:00Z');
const DAYS = ['2026-12-06', '2026-12-07', '2026-12-08'];

const chips = (container: HTMLElement) => Array.from(container.querySelectorAll('.date-chip'));

test('every chip shows its weekday and its date; today and tomorrow keep their dates', () => {
  const { container } = render(<DateStrip days={DAYS} value={DAYS[0]!} onChange={() => undefined} now={NOW} />);
  expect(chips(container).map((c) => c.textContent)).toEqual(['今天 周日12月6日', '明天 周一12月7日', '周二12月8日']);
  expect(chips(container).map((c) => c.getAttribute('aria-label'))).toEqual([
    '今天 12月6日 周日',
    '明天 12月7日 周一',
    '12月8日 周二',
  ]);
  expect(container.textContent).not.toMatch(/\d{4}-\d{2}|\d{2}-\d{2}/);
});

test('the chosen day is marked, and a tap names the day it was', () => {
  const onChange = jest.fn();
  const { container } = render(<DateStrip days={DAYS} value={DAYS[1]!} onChange={onChange} now={NOW} />);
  const active = chips(container).filter((c) => c.className.includes('date-chip--active'));
  expect(active.map((c) => c.getAttribute('aria-label'))).toEqual(['明天 12月7日 周一']);
  expect(chips(container)[1]!.getAttribute('aria-selected')).toBe('true');
  expect(chips(container)[0]!.getAttribute('aria-selected')).toBe('false');
  fireEvent.click(screen.getByText('12月8日'));
  expect(onChange).toHaveBeenCalledWith('2026-12-08');
});
