import { z } from 'zod';

export const SLOTS = 'slots';

/**
 * One time slot of one bookable resource (a station's service or room; later a vaccination site).
 * The slot document holds its own limit (`booked` against `capacity`) and its waiting list, so every
 * booking, cancellation and promotion is a transaction on documents read by id.
 */
export const slotDocSchema = z.object({
  _id: z.string(),
  resourceId: z.string(),
  stationId: z.string().nullable().catch(null),
  date: z.string(),
  start: z.number(),
  end: z.number(),
  capacity: z.number().int().min(0),
  booked: z.number().int().min(0),
  closed: z.boolean().default(false),
  /** openids waiting for a seat, first come first served. */
  queue: z.array(z.string()).default([]),
  /**
   * Seats held for people aged 60 and over until `releaseAt`; after it, unused ones open to anyone.
   * `used` counts every appointment seated in them (by an elder, or by anyone after the release).
   */
  green: z
    .object({ seats: z.number().int().min(0), used: z.number().int().min(0), releaseAt: z.number() })
    .nullable()
    .default(null),
});
export type Slot = z.output<typeof slotDocSchema>;

/** Longest waiting list a slot keeps. */
export const MAX_QUEUE = 50;

export const slotId = (resourceId: string, date: string, startHHmm: string) =>
  `${resourceId}@${date}T${startHHmm.replace(':', '')}`;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

/** A weekly template: which weekdays (1 = Monday … 7 = Sunday), the opening hours, slot length, seats. */
export const templateSchema = z
  .strictObject({
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: hhmm,
    end: hhmm,
    slotMinutes: z.number().int().min(10).max(480),
    capacity: z.number().int().min(1).max(1000),
    /** Vaccination slots: seats held for people 60 and over, released at `releaseTime` the day before. */
    green: z.strictObject({ seats: z.number().int().min(0).max(1000), releaseTime: hhmm }).optional(),
  })
  .refine((t) => !t.green || t.green.seats <= t.capacity, {
    message: '绿色通道名额不能超过容量',
    path: ['green', 'seats'],
  })
  .refine((t) => t.end > t.start, { message: '结束时间必须晚于开始时间', path: ['end'] })
  .refine((t) => new Set(t.weekdays).size === t.weekdays.length, { message: '星期不能重复', path: ['weekdays'] });
export type Template = z.output<typeof templateSchema>;

export interface PresentedSlot {
  slotId: string;
  start: number;
  end: number;
  capacity: number;
  remaining: number;
  waiting: number;
  closed: boolean;
}

/** Seats anyone may take at `now`, and green seats left for people 60 and over. */
export function seatsLeft(s: Slot, now: number): { general: number; green: number } {
  const total = Math.max(0, s.capacity - s.booked);
  if (!s.green) return { general: total, green: 0 };
  const green = Math.max(0, s.green.seats - s.green.used);
  if (now >= s.green.releaseAt) return { general: total, green };
  return { general: Math.max(0, total - green), green };
}

export { SLOT_STATES, slotState, type SlotState } from './labels';

export const presentSlot = (s: Slot): PresentedSlot => ({
  slotId: s._id,
  start: s.start,
  end: s.end,
  capacity: s.capacity,
  remaining: Math.max(0, s.capacity - s.booked),
  waiting: s.queue.length,
  closed: s.closed,
});
