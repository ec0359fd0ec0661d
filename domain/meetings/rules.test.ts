import { finalOf, reminderDue, HOUR_MS } from './rules';

const start = Date.parse('2026-12-10T11:30:00Z');

test('the 24-hour reminder is due a day before, the 1-hour one in the last hour, none after the start', () => {
  expect(reminderDue(start, start - 25 * HOUR_MS)).toBeNull();
  expect(reminderDue(start, start - 24 * HOUR_MS)).toBe('r24');
  expect(reminderDue(start, start - 2 * HOUR_MS)).toBe('r24');
  expect(reminderDue(start, start - HOUR_MS)).toBe('r1');
  expect(reminderDue(start, start - 60_000)).toBe('r1');
  expect(reminderDue(start, start)).toBeNull();
});

test('final attendance: checked in is present, granted leave is leave, asked-for leave or nothing is absent', () => {
  expect(finalOf('present')).toBe('present');
  expect(finalOf('onLeave')).toBe('leave');
  expect(finalOf('leaveAsked')).toBe('absent');
  expect(finalOf('expected')).toBe('absent');
});
