/**
 * What a time slot shows, the same on a station's item and at a vaccination site (plain data: the
 * clients import it as it is). The server says where a slot stands (`state`, `stateLabel`) and whether
 * it can still be booked (`bookable`); a chip reads those and the seats left, never the device's clock.
 */

/** Where a slot stands at `now`: not begun, under way (「进行中」), or over. */
export type SlotState = 'upcoming' | 'ongoing' | 'ended';
export const SLOT_STATES: Record<SlotState, string> = { upcoming: '未开始', ongoing: '进行中', ended: '已结束' };
export const slotState = (s: { start: number; end: number }, now: number): SlotState =>
  now < s.start ? 'upcoming' : now < s.end ? 'ongoing' : 'ended';

export type SlotView = 'mine' | 'waiting' | 'closed' | 'ongoing' | 'ended' | 'full' | 'open';

export interface SlotFacts {
  state: SlotState;
  closed: boolean;
  bookable: boolean;
  /** Seats this person could take. */
  remaining: number;
  /** People waiting; absent where there is no waiting list (vaccination). */
  waiting?: number;
  mine?: 'booked' | 'waiting' | null;
}

/**
 * A slot's chip: mine first, then closed by the station, then its time (进行中 / 已结束: never seats for
 * a slot that has begun), then 已约满 (with the waiting list where there is one), then the seats left.
 * `tappable`: a tap books, or joins the waiting list of a full slot.
 */
export function slotChip(s: SlotFacts): { view: SlotView; label: string; tappable: boolean } {
  if (s.mine === 'booked')
    return { view: 'mine', label: s.state === 'ongoing' ? '已预约 · 进行中' : '已预约', tappable: false };
  if (s.mine === 'waiting') return { view: 'waiting', label: '候补中', tappable: false };
  if (s.closed) return { view: 'closed', label: '已关闭', tappable: false };
  if (s.state === 'ongoing') return { view: 'ongoing', label: SLOT_STATES.ongoing, tappable: false };
  if (s.state === 'ended' || !s.bookable) return { view: 'ended', label: SLOT_STATES.ended, tappable: false };
  if (s.remaining <= 0) {
    if (s.waiting === undefined) return { view: 'full', label: '已约满', tappable: false };
    return {
      view: 'full',
      label: s.waiting > 0 ? `已约满 · ${s.waiting} 人候补` : '已约满 · 可候补',
      tappable: true,
    };
  }
  return { view: 'open', label: `余 ${s.remaining}`, tappable: true };
}
