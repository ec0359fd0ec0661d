import type { Database } from '../db';
import { addIfAbsent } from '../core/ids';
import { daySpan } from '../core/limits';
import { atShanghai, dayjs, ZONE } from '../core/time';
import { isOpenThroughout, type OpeningHours } from './hours';
import { SLOTS, slotId, type Template } from './model';

const MINUTE = 60_000;
const MAX_LISTED_DAYS = 400;

/** Every date from `from` to `to` (inclusive, 'YYYY-MM-DD'), in Shanghai. */
export function datesBetween(from: string, to: string): string[] {
  // Callers check their range first (domain/core/limits.ts); this only stops a forgotten check from spinning.
  if (daySpan(from, to) > MAX_LISTED_DAYS)
    throw new Error(`datesBetween: ${from}..${to} is longer than ${MAX_LISTED_DAYS} days`);
  const out: string[] = [];
  for (let d = dayjs.tz(from, ZONE); !d.isAfter(dayjs.tz(to, ZONE), 'day'); d = d.add(1, 'day'))
    out.push(d.format('YYYY-MM-DD'));
  return out;
}

export interface PlannedSlot {
  start: number;
  end: number;
  hhmm: string;
  /** False when the station is closed for part of the slot (outside its opening hours). */
  open: boolean;
}

const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The slots a template makes on one date; none when the weekday is not in it. With the station's
 * opening hours, each slot says whether the station is open all through it.
 */
export function slotsForDate(template: Template, date: string, hours: OpeningHours | null = null): PlannedSlot[] {
  const weekday = dayjs.tz(date, ZONE).isoWeekday();
  if (!template.weekdays.includes(weekday)) return [];
  const open = atShanghai(`${date} ${template.start}`);
  const close = atShanghai(`${date} ${template.end}`);
  const out = [];
  for (let start = open; start + template.slotMinutes * MINUTE <= close; start += template.slotMinutes * MINUTE) {
    const hhmm = dayjs(start).tz(ZONE).format('HH:mm');
    const from = minuteOfDay(hhmm);
    out.push({
      start,
      end: start + template.slotMinutes * MINUTE,
      hhmm,
      open: !hours || isOpenThroughout(hours, weekday, from, from + template.slotMinutes),
    });
  }
  return out;
}

/** How many slots a template would make between two dates, and how many of them fall outside the hours. */
export function planSlots(
  template: Template,
  from: string,
  to: string,
  hours: OpeningHours | null,
): { inside: number; outside: number } {
  let inside = 0;
  let outside = 0;
  for (const date of datesBetween(from, to)) {
    for (const s of slotsForDate(template, date, hours)) {
      if (s.open) inside += 1;
      else outside += 1;
    }
  }
  return { inside, outside };
}

/**
 * Creates the slots a template makes between two dates. Slot ids are derived from resource, date and
 * time, so generating twice creates nothing twice; an existing slot keeps its bookings. Given the
 * station's opening hours, a slot the station is not open all through is skipped (and counted).
 */
export async function generateSlots(
  db: Database,
  resource: { resourceId: string; stationId: string | null },
  from: string,
  to: string,
  template: Template,
  hours: OpeningHours | null = null,
): Promise<{ created: number; existing: number; skipped: number }> {
  let created = 0;
  let existing = 0;
  let skipped = 0;
  for (const date of datesBetween(from, to)) {
    for (const s of slotsForDate(template, date, hours)) {
      if (!s.open) {
        skipped += 1;
        continue;
      }
      const added = await addIfAbsent(db, SLOTS, {
        _id: slotId(resource.resourceId, date, s.hhmm),
        resourceId: resource.resourceId,
        stationId: resource.stationId,
        date,
        start: s.start,
        end: s.end,
        capacity: template.capacity,
        booked: 0,
        closed: false,
        queue: [],
        green: template.green
          ? {
              seats: template.green.seats,
              used: 0,
              releaseAt: atShanghai(
                `${dayjs.tz(date, ZONE).subtract(1, 'day').format('YYYY-MM-DD')} ${template.green.releaseTime}`,
              ),
            }
          : null,
      });
      if (added) created += 1;
      else existing += 1;
    }
  }
  return { created, existing, skipped };
}
