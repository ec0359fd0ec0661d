import { z } from 'zod';
import { setting } from '../core/config';
import { geoPointSchema, sourceSchema } from '../stations';

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
  /** Seeded sites quote their article; the nine of 永福 are illustrative (示例): no article names them. */
  source: sourceSchema.nullable().default(null),
  illustrative: z.boolean().default(false),
  illustrativeNote: z.string().default(''),
});
export type SiteDoc = z.input<typeof siteDocSchema>;
export type Site = z.output<typeof siteDocSchema>;

export const SITES = 'vaccineSites';
export const PERSONS = 'vaccinePersons';
/** `vaccineOwners/{openid}`: how many people the user keeps (the limit's document). */
export const OWNERS = 'vaccineOwners';
export const APPOINTMENTS = 'appointments';
export const APPOINTMENT_CODES = 'appointmentCodes';

/** How many people one user may keep to book for (`VACCINE_MAX_PERSONS`). */
export const maxPersons = (): number => setting('VACCINE_MAX_PERSONS');
/** People of this age and over may use the green channel. */
export const ELDER_AGE = 60;

/**
 * `vaccinePersons/{personId}`: sealed personal data, its masked forms, and a keyed hash of the ID number.
 * Nothing in clear narrows the ID number below a million candidates: the birth date lives only in the
 * sealed number (age rules decrypt it on the server), and the masked number shows 4 + 1 digits.
 * Documents written before carried `birthDate` in clear: tolerated on read, removed when the owner lists them.
 */
export const personDocSchema = z.object({
  _id: z.string(),
  owner: z.string(),
  nameSealed: z.string(),
  idSealed: z.string(),
  phoneSealed: z.string(),
  idHash: z.string(),
  birthDate: z.string().optional(),
  masked: z.object({ name: z.string(), idNumber: z.string(), phone: z.string() }),
  /** True when WeChat gave the phone (手机号快速验证); typed by hand, or from before, it is unverified. */
  phoneVerified: z.boolean().optional(),
  createdAt: z.number(),
});
export type PersonDoc = z.output<typeof personDocSchema>;

export const APPOINTMENT_STATUS = { active: '待接种', completed: '已接种', cancelled: '已取消' } as const;
export type AppointmentStatus = keyof typeof APPOINTMENT_STATUS;

/** `appointments/{derived from ID hash, vaccine and dose}`: one per person per dose, whoever books it. */
export const appointmentDocSchema = z.object({
  _id: z.string(),
  owner: z.string(),
  personId: z.string(),
  idHash: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  slotId: z.string(),
  vaccine: z.string(),
  vaccineName: z.string(),
  dose: z.number().int(),
  status: z.enum(['active', 'completed', 'cancelled']),
  code: z.string(),
  requestId: z.string(),
  /** 'green' (an elder in a held seat), 'released' (anyone in a held seat after release), 'general'. */
  seat: z.enum(['green', 'released', 'general']),
  /** 60 or over on the slot's date. Older documents kept the age itself (`age`), which narrows a birth year: read, never written. */
  elder: z.boolean().optional(),
  age: z.number().int().optional(),
  maskedName: z.string(),
  start: z.number(),
  end: z.number(),
  createdAt: z.number(),
  completedAt: z.number().nullable().default(null),
  closedAt: z.number().nullable().default(null),
  /** The take that seated it (see core/intents.ts `takeFirst`); null on older documents. */
  takeId: z.string().nullable().default(null),
});
export type Appointment = z.output<typeof appointmentDocSchema>;
/** Whether the appointment was made for someone 60 or over (new documents say so; older ones kept the age). */
export const isElder = (a: Pick<Appointment, 'elder' | 'age'>) => a.elder ?? (a.age ?? 0) >= ELDER_AGE;
