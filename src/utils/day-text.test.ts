import { clockText, dayText, relativeDay, shanghaiDays, shortDate, timeRange, weekdayText, whenText } from './day-text';

describe('the one date style', () => {
  // 2026-12-06 is a Sunday; 23:30 UTC on the 6th is already Monday the 7th in Shanghai.
  const sundayNoon = Date.parse('2026-12-06T04:00:00Z');
  const mondayEarly = Date.parse('2026-12-06T23:30:00Z');

  test('a day reads 「12月7日 周一」, from a key or an instant in Shanghai', () => {
    expect(dayText('2026-12-07')).toBe('12月7日 周一');
    expect(dayText(mondayEarly)).toBe('12月7日 周一');
    expect(weekdayText('2026-12-06')).toBe('周日');
    expect(shortDate('2027-01-01')).toBe('1月1日');
  });

  test('today and tomorrow are named before the date, never instead of it', () => {
    expect(dayText('2026-12-06', sundayNoon)).toBe('今天 12月6日 周日');
    expect(dayText('2026-12-07', sundayNoon)).toBe('明天 12月7日 周一');
    expect(dayText('2026-12-08', sundayNoon)).toBe('12月8日 周二');
    // Just before midnight UTC is the next morning in Shanghai: "today" moves with it.
    expect(relativeDay('2026-12-07', mondayEarly)).toBe('今天');
    expect(relativeDay('2026-12-06', mondayEarly)).toBeNull();
  });

  test('the days of a strip start on today in Shanghai and cross months and years', () => {
    expect(shanghaiDays(mondayEarly, 3)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09']);
    expect(shanghaiDays(Date.parse('2026-12-30T12:00:00Z'), 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });

  test('a time range never breaks: the dash is held by word joiners, and nothing is ISO', () => {
    const start = Date.parse('2026-12-07T01:00:00Z');
    const end = Date.parse('2026-12-07T01:30:00Z');
    expect(clockText(start)).toBe('09:00');
    expect(timeRange(start, end)).toBe('09:00\u2060–\u206009:30');
    expect(timeRange(start, end).replace(/\u2060/g, '')).toBe('09:00–09:30');
    expect(timeRange(start, end)).not.toMatch(/\s/);
    expect(whenText(start, end, sundayNoon).replace(/\u2060/g, '')).toBe('明天 12月7日 周一 09:00–09:30');
    expect(whenText(start, end)).not.toMatch(/\d{4}-\d{2}/);
  });
});
