import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CLOCK_ENV, clock, parseClockSetting } from './clock';
import { dayOf } from './time';

// Jest gives each test file its own copy of process.env and of this module: nothing here leaks to other files.
afterEach(() => clock.reset());

const MONTH_END = '2027-01-31T23:59:30+08:00';

test('started at an instant, the clock shows it and then runs on', async () => {
  clock.startAt(MONTH_END);
  const first = clock.now();
  expect(first - Date.parse(MONTH_END)).toBeGreaterThanOrEqual(0);
  expect(first - Date.parse(MONTH_END)).toBeLessThan(1_000);
  expect(dayOf(first)).toBe('2027-01-31');
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(clock.now()).toBeGreaterThan(first);
});

test('the setting travels in one environment variable, anchored, so a child follows the running clock', () => {
  clock.startAt(Date.parse(MONTH_END) - 5_000);
  expect(process.env[CLOCK_ENV]).toMatch(/^2027-01-31T15:59:25\.000Z@\d+$/);
  const before = clock.now();
  const script = `const { clock } = require(${JSON.stringify(path.join(__dirname, 'clock.ts'))}); process.stdout.write(String(clock.now()));`;
  const child = Number(
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: process.env, encoding: 'utf8' }),
  );
  const after = clock.now();
  // The child read the clock between the parent's two readings: it did not start again at the instant.
  expect(child).toBeGreaterThanOrEqual(before);
  expect(child).toBeLessThanOrEqual(after);
});

test('an unanchored setting starts when first read; a bad one is refused, not ignored', () => {
  expect(parseClockSetting(MONTH_END, 123)).toEqual({ start: Date.parse(MONTH_END), anchor: 123 });
  expect(parseClockSetting(`${MONTH_END}@456`, 123)).toEqual({ start: Date.parse(MONTH_END), anchor: 456 });
  expect(() => parseClockSetting('周日', 0)).toThrow(CLOCK_ENV);
  expect(() => parseClockSetting(`${MONTH_END}@soon`, 0)).toThrow(CLOCK_ENV);
});

test('reset goes back to the wall clock', () => {
  clock.startAt('2030-06-01T00:00:00Z');
  clock.reset();
  expect(clock.isSet()).toBe(false);
  // eslint-disable-next-line no-restricted-syntax -- the wall clock is what this test compares with
  expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
});
