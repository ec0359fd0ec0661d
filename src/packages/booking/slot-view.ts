import type { SlotItem, SlotsAnswer } from '../../services/stations';
import { dayjs } from '../../utils/time';

const WEEK = ['日', '一', '二', '三', '四', '五', '六'];

export const clock = (ms: number) => dayjs(ms).utcOffset(480).format('HH:mm');

/** «11月24日 周二 09:00-10:00»: the date and time a confirmation names. */
export const slotWhen = (slot: { start: number; end: number }) => {
  const day = dayjs(slot.start).utcOffset(480);
  return `${day.format('M月D日')} 周${WEEK[day.day()]} ${clock(slot.start)}-${clock(slot.end)}`;
};

/** «永福县党群服务中心「多功能活动室」»: the station and item a confirmation names. */
export const thing = (item: Omit<SlotsAnswer['item'], 'stationAddress'>) =>
  item.stationName ? `${item.stationName}「${item.name}」` : `「${item.name}」`;

export type SlotView = 'mine' | 'waiting' | 'closed' | 'ongoing' | 'ended' | 'full' | 'open';

/** What a slot shows: mine first, then closed by the station, then its time (进行中 / 已结束), then seats. */
export function slotView(slot: Pick<SlotItem, 'mine' | 'closed' | 'state' | 'bookable' | 'remaining' | 'waiting'>): {
  view: SlotView;
  label: string;
} {
  if (slot.mine === 'booked') return { view: 'mine', label: slot.state === 'ongoing' ? '已预约 · 进行中' : '已预约' };
  if (slot.mine === 'waiting') return { view: 'waiting', label: '候补中' };
  if (slot.closed) return { view: 'closed', label: '已关闭' };
  if (slot.state === 'ongoing') return { view: 'ongoing', label: '进行中' };
  if (slot.state === 'ended' || !slot.bookable) return { view: 'ended', label: '已结束' };
  if (slot.remaining === 0) return { view: 'full', label: `约满 · 候补 ${slot.waiting}` };
  return { view: 'open', label: `余 ${slot.remaining}` };
}

/** Marks a tappable view as a button for screen readers on H5 (the mini-program reads `ariaRole`). */
export function asButton(label: string): Record<string, string> {
  return process.env.TARO_ENV === 'h5'
    ? { role: 'button', 'aria-label': label, tabIndex: '0' }
    : { ariaRole: 'button', ariaLabel: label };
}
