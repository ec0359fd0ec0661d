/** The vaccination invariants of DESIGN.md over a whole database; each answers how many documents break it. */
import type { Database } from '../db';
import { readAll, type InvariantReport } from '../points/invariants';
import { SLOTS, slotDocSchema } from '../slots/model';
import { APPOINTMENTS, SITES, appointmentDocSchema, isElder } from './model';

export async function checkVaccineInvariants(db: Database): Promise<InvariantReport[]> {
  const sites = new Set((await readAll(db, SITES)).map((d) => d._id));
  const slots = new Map((await readAll(db, SLOTS)).map((d) => slotDocSchema.parse(d)).filter((s) => sites.has(s.resourceId)).map((s) => [s._id, s]));
  const appointments = (await readAll(db, APPOINTMENTS)).map((d) => appointmentDocSchema.parse(d));
  const live = appointments.filter((a) => a.status !== 'cancelled');
  const seated = new Map<string, number>();
  const held = new Map<string, number>();
  for (const a of live) {
    seated.set(a.slotId, (seated.get(a.slotId) ?? 0) + 1);
    if (a.seat !== 'general') held.set(a.slotId, (held.get(a.slotId) ?? 0) + 1);
  }
  const perPersonDose = live.map((a) => `${a.idHash}|${a.vaccine}|${a.dose}`);
  return [
    { name: 'appointments never exceed capacity', violations: [...slots.values()].filter((s) => s.booked > s.capacity || (seated.get(s._id) ?? 0) !== s.booked).length },
    { name: 'green seats counted exactly', violations: [...slots.values()].filter((s) => (held.get(s._id) ?? 0) !== (s.green?.used ?? 0) || (s.green !== null && s.green.used > s.green.seats)).length },
    { name: 'green seats used only by people 60 and over before release', violations: live.filter((a) => (a.seat === 'green' && !isElder(a)) || (a.seat === 'released' && a.createdAt < (slots.get(a.slotId)?.green?.releaseAt ?? 0))).length },
    { name: 'one appointment per person per dose', violations: perPersonDose.length - new Set(perPersonDose).size },
  ];
}
