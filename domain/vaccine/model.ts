import { z } from 'zod';
import { geoPointSchema } from '../stations/model';

export const vaccineOfferSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  maker: z.string(),
  doses: z.number().int().min(1).max(5),
  /** Minimum days between one completed dose and the next. */
  intervalDays: z.number().int().min(0).default(0),
});
export type VaccineOffer = z.output<typeof vaccineOfferSchema>;

export const AMENITIES = ['遮阳伞', '电扇', '饮用水', '轮椅', '休息区', '医疗急救', '充电', '母婴室'] as const;

export const siteStatusSchema = z.enum(['open', 'paused']);

/** A vaccination-site document as stored; validated on read. */
export const siteDocSchema = z.object({
  _id: z.string().min(1),
  name: z.string().min(1),
  county: z.string(),
  town: z.string(),
  address: z.string(),
  location: geoPointSchema.optional(),
  openHours: z.string().default(''),
  vaccines: z.array(vaccineOfferSchema).default([]),
  amenities: z.array(z.string()).default([]),
  volunteerBranch: z.object({ name: z.string(), volunteers: z.number().int().min(0) }),
  contact: z.string().default(''),
  status: siteStatusSchema.default('open'),
  notice: z.string().default(''),
  /** Doses a day the site can give; the slot issue replaces this with real slots. */
  dailyCapacity: z.number().int().min(0).default(0),
});
export type SiteDoc = z.input<typeof siteDocSchema>;
export type Site = z.output<typeof siteDocSchema>;
