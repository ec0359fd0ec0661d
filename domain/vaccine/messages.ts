/**
 * The messages of a vaccination appointment, through the one outbox (module `vaccine`), written in
 * the same transaction as the change they report, each under an id derived from its cause: one when
 * it is made, one when it is cancelled (by the person, or because the person was removed or the ID
 * number released), and the reminder the evening before (dropped once the appointment is no longer
 * active). The way booking writes its messages (domain/booking/seating.ts).
 */
import type { Transaction } from '../db';
import { inZone } from '../core/time';
import { enqueue } from '../messages';
import { slotWhen, templateTime } from '../slots';
import { APPOINTMENTS, type Appointment } from './model';

export const MY_APPOINTMENTS_PAGE = '/packages/vaccine/pages/mine/index';

export const VACCINE_MESSAGE_KINDS = {
  booked: '接种预约成功',
  reminder: '接种提醒',
  cancelled: '接种预约已取消',
} as const;
export type VaccineMessageKind = keyof typeof VACCINE_MESSAGE_KINDS;

/** What every message of an appointment names. */
export type AppointmentFacts = Pick<
  Appointment,
  'owner' | 'code' | 'vaccineName' | 'dose' | 'siteName' | 'maskedName' | 'start' | 'end'
> & { appointmentId: string; siteAddress?: string };

const dose = (a: AppointmentFacts) => `${a.vaccineName} 第 ${a.dose} 剂`;
const place = (a: AppointmentFacts) => (a.siteAddress ? `${a.siteName}（${a.siteAddress}）` : a.siteName);

async function write(
  tx: Transaction,
  kind: VaccineMessageKind,
  a: AppointmentFacts,
  body: string,
  now: number,
  dueAt = now,
): Promise<void> {
  const reminder = kind === 'reminder';
  await enqueue(
    tx,
    {
      cause: ['vaccine', a.appointmentId, a.code, kind],
      openid: a.owner,
      module: 'vaccine',
      kind,
      title: `${VACCINE_MESSAGE_KINDS[kind]}：${a.maskedName} ${dose(a)}`,
      body,
      page: MY_APPOINTMENTS_PAGE,
      refId: a.appointmentId,
      dueAt,
      data: {
        time: templateTime(a),
        item: dose(a),
        place: a.siteName,
        name: a.maskedName,
        code: kind === 'cancelled' ? '' : a.code,
        status: kind === 'cancelled' ? '已取消' : '待接种',
      },
      onlyIf: reminder
        ? { collection: APPOINTMENTS, docId: a.appointmentId, fields: { status: ['active'], code: [a.code] } }
        : null,
    },
    now,
  );
}

/** On appointing: the confirmation at once and the reminder at 18:00 the evening before (at once when that has passed). */
export async function notifyAppointed(tx: Transaction, a: AppointmentFacts, now: number): Promise<void> {
  await write(
    tx,
    'booked',
    a,
    `为 ${a.maskedName} 预约了 ${dose(a)}：${slotWhen(a)}，${place(a)}。接种当天请携带身份证件，向现场工作人员出示预约码 ${a.code}。`,
    now,
  );
  const eveBefore = inZone(a.start).startOf('day').subtract(6, 'hour').valueOf();
  await write(
    tx,
    'reminder',
    a,
    `${a.maskedName} ${slotWhen(a)} 在${place(a)}接种 ${dose(a)}，请携带身份证件，到场出示预约码 ${a.code}。`,
    now,
    Math.max(now, eveBefore),
  );
}

/** Why an appointment was cancelled, in the words of its message. */
export type CancelReason = 'self' | 'personRemoved' | 'released';
const REASONS: Record<CancelReason, string> = {
  self: '已按你的操作取消',
  personRemoved: '接种人已从你的列表删除，预约随之取消',
  released: '工作人员核验身份证件后解除了该证件号的占用，预约随之取消',
};

/** On cancelling: who, which dose, when and where, and why. */
export async function notifyCancelled(
  tx: Transaction,
  a: AppointmentFacts,
  reason: CancelReason,
  now: number,
): Promise<void> {
  await write(
    tx,
    'cancelled',
    a,
    `${a.maskedName} ${slotWhen(a)} 在${place(a)}的 ${dose(a)} 预约${REASONS[reason]}。名额已释放，如需接种请重新预约。`,
    now,
  );
}
