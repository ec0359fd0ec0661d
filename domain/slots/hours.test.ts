/** Reading a station's opening hours from the text people see. */
import { describeOpeningHours, isOpenThroughout, parseOpeningHours } from './hours';

const at = (hhmm: string) => Number(hhmm.slice(0, -3)) * 60 + Number(hhmm.slice(-2));

test('weekday ranges, several windows and the wording variants', () => {
  expect(parseOpeningHours('周一至周五 8:00-12:00 14:30-17:30')).toEqual({
    weekdays: [1, 2, 3, 4, 5],
    windows: [
      { start: at('8:00'), end: at('12:00') },
      { start: at('14:30'), end: at('17:30') },
    ],
  });
  expect(parseOpeningHours('周二至周日 9:00-18:00')!.weekdays).toEqual([2, 3, 4, 5, 6, 7]);
  expect(parseOpeningHours('周六到周一 9:00～12:00')!.weekdays).toEqual([1, 6, 7]);
  expect(parseOpeningHours('每天 07:00-21:00')!.weekdays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(parseOpeningHours('8:00-12:00（示例）')).toEqual({
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    windows: [{ start: 480, end: 720 }],
  });
  expect(parseOpeningHours('周六、周日 9：00—17：00')).toEqual({
    weekdays: [6, 7],
    windows: [{ start: 540, end: 1020 }],
  });
});

test('no window means no limit; a window that ends before it starts is ignored', () => {
  expect(parseOpeningHours('')).toBeNull();
  expect(parseOpeningHours('以现场公示为准')).toBeNull();
  expect(parseOpeningHours('周一至周五 18:00-08:00')).toBeNull();
});

test('a slot is inside only when the whole of it is inside one window on an open day', () => {
  const hours = parseOpeningHours('周一至周五 8:00-12:00 14:30-17:30')!;
  expect(isOpenThroughout(hours, 1, at('11:00'), at('12:00'))).toBe(true);
  expect(isOpenThroughout(hours, 1, at('12:00'), at('13:00'))).toBe(false);
  expect(isOpenThroughout(hours, 1, at('11:30'), at('12:30'))).toBe(false);
  expect(isOpenThroughout(hours, 1, at('14:00'), at('15:00'))).toBe(false);
  expect(isOpenThroughout(hours, 1, at('16:30'), at('17:30'))).toBe(true);
  expect(isOpenThroughout(hours, 6, at('9:00'), at('10:00'))).toBe(false);
  expect(describeOpeningHours(hours)).toBe('周一至周五 8:00-12:00、14:30-17:30');
  expect(describeOpeningHours(parseOpeningHours('周六、周日 9:00-17:00')!)).toBe('周六、周日 9:00-17:00');
});
