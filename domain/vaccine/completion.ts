/** Staff complete an appointment against its code (core/verify.ts). */
import { setting } from '../core/config';
import { AppError } from '../core/errors';
import { dayOf, inZone } from '../core/time';
import { verifyAction, type CodeBook } from '../core/verify';
import { APPOINTMENTS, APPOINTMENT_CODES, appointmentDocSchema, type Appointment } from './model';

/** Staff complete an appointment on its own day; `VACCINE_VERIFY_EARLY_DAYS` allows days earlier (demos, tests). */
const verifyEarlyDays = () => setting('VACCINE_VERIFY_EARLY_DAYS');
const DAY = 86_400_000;
const when = (s: { start: number; end: number }) =>
  `${inZone(s.start).format('M月D日 HH:mm')}-${inZone(s.end).format('HH:mm')}`;

/** Appointment codes open appointments. */
const APPOINTMENT_CODE: CodeBook<Appointment> = {
  codes: APPOINTMENT_CODES,
  linkField: 'appointmentId',
  collection: APPOINTMENTS,
  schema: appointmentDocSchema,
  codeOf: (a) => a.code,
  invalid: '预约码无效或已使用',
};

// Staff give doses at their own sites only.
export const verify = verifyAction({
  field: 'code',
  book: APPOINTMENT_CODE,
  format: '预约码是 8 位数字',
  scope: (a) => ({ siteId: a.siteId }),
  async use(tx, a, ctx) {
    const now = ctx.now();
    if (a.status !== 'active') throw new AppError('NOT_FOUND', APPOINTMENT_CODE.invalid);
    if (dayOf(now + verifyEarlyDays() * DAY) < dayOf(a.start))
      throw new AppError('TOO_EARLY', `请于 ${when(a)} 到场接种`);
    if (now > a.end + DAY / 4) throw new AppError('TOO_LATE', '该预约已过期');
    await tx.collection(APPOINTMENTS).doc(a._id).update({ status: 'completed', completedAt: now });
    // Staff see the masked name only.
    return {
      appointmentId: a._id,
      name: a.maskedName,
      vaccineName: a.vaccineName,
      dose: a.dose,
      green: a.seat === 'green',
      status: 'completed' as const,
    };
  },
});
