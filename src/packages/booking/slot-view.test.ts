/** What a slot says on the item page: 「进行中」 for one under way, never 「已结束」 while it runs. */
import { slotView, slotWhen, thing } from './slot-view';

const base = { mine: null, closed: false, state: 'upcoming' as const, bookable: true, remaining: 3, waiting: 0 };

test('a slot under way says 进行中; after its end 已结束; before it, seats left', () => {
  expect(slotView({ ...base, state: 'ongoing', bookable: false })).toEqual({ view: 'ongoing', label: '进行中' });
  expect(slotView({ ...base, state: 'ended', bookable: false })).toEqual({ view: 'ended', label: '已结束' });
  expect(slotView(base)).toEqual({ view: 'open', label: '余 3' });
  expect(slotView({ ...base, remaining: 0, waiting: 2 })).toEqual({ view: 'full', label: '约满 · 候补 2' });
  expect(slotView({ ...base, state: 'ongoing', bookable: false, closed: true })).toEqual({
    view: 'closed',
    label: '已关闭',
  });
  expect(slotView({ ...base, state: 'ongoing', bookable: false, mine: 'booked' })).toEqual({
    view: 'mine',
    label: '已预约 · 进行中',
  });
});

test('the confirmation names station, item, date and time (in Shanghai)', () => {
  const start = Date.parse('2026-11-24T01:00:00Z'); // 09:00 in Shanghai, a Tuesday
  expect(slotWhen({ start, end: start + 3_600_000 })).toBe('11月24日 周二 09:00-10:00');
  expect(thing({ itemId: 'it-a', name: '多功能活动室', stationId: 'st-a', stationName: '永福县党群服务中心' })).toBe(
    '永福县党群服务中心「多功能活动室」',
  );
});
