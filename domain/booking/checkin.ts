/** Staff check a person in against their booking code (core/verify.ts). */
import { AppError } from '../core/errors';
import { inZone } from '../core/time';
import { verifyAction, type CodeBook } from '../core/verify';
import {
  BOOKERS,
  BOOKINGS,
  BOOKING_CODES,
  BOOKING_STATUS,
  checkinEarlyMinutes,
  bookingDocSchema,
  type Booking,
} from './model';
import { MINUTE, readBooker } from './seating';

/** Booking codes open bookings. */
const BOOKING_CODE: CodeBook<Booking> = {
  codes: BOOKING_CODES,
  linkField: 'bookingId',
  collection: BOOKINGS,
  schema: bookingDocSchema,
  codeOf: (b) => b.code,
  invalid: '预约码无效或已使用',
};

// Staff check people in at their own stations only.
export const verify = verifyAction({
  field: 'code',
  book: BOOKING_CODE,
  format: '预约码是 8 位数字',
  scope: (b) => ({ itemId: b.itemId }),
  async use(tx, b, ctx) {
    const now = ctx.now();
    if (b.status !== 'active') throw new AppError('CONFLICT', `预约${BOOKING_STATUS[b.status]}`);
    const opens = b.start - checkinEarlyMinutes() * MINUTE;
    if (now < opens) throw new AppError('TOO_EARLY', `请在 ${inZone(opens).format('M月D日 HH:mm')} 后签到`);
    if (now > b.end) throw new AppError('TOO_LATE', '该时段已结束');
    const booker = await readBooker(tx, b.openid);
    await tx
      .collection(BOOKINGS)
      .doc(b._id)
      .update({ status: 'checkedIn', checkedInAt: now, checkedInBy: ctx.user._id });
    await tx
      .collection(BOOKERS)
      .doc(b.openid)
      .set({ active: Math.max(0, booker.active - 1), seq: booker.seq });
    return { bookingId: b._id, itemName: b.itemName, start: b.start, end: b.end, status: 'checkedIn' as const };
  },
});
