/** The vaccination invariants of DESIGN.md over a whole database; each answers how many documents break it. */
import { clock } from '../core/clock';
import type { Database } from '../db';
import { intentGraceMs, intentMarks, isUnfinished, takenMarks, type Intent } from '../core/intents';

const unfinished = (intent: Intent | undefined) => intent !== undefined && isUnfinished(intent);
import { heldBy, readAll, readIntents, type InvariantReport } from '../core/invariants';
import { SLOTS, slotDocSchema } from '../slots';
import { APPOINTMENTS, SITES, appointmentDocSchema, isElder } from './model';

export async function checkVaccineInvariants(db: Database, now = clock.now()): Promise<InvariantReport[]> {
  const sites = new Set((await readAll(db, SITES)).map((d) => d._id));
  const slotDocs = (await readAll(db, SLOTS)).filter((d) => sites.has(String(d.resourceId)));
  const slots = new Map(slotDocs.map((d) => slotDocSchema.parse(d)).map((s) => [s._id, s]));
  const appointments = (await readAll(db, APPOINTMENTS)).map((d) => appointmentDocSchema.parse(d));
  const intents = await readIntents(db, 'appoint', now);
  const live = appointments.filter((a) => a.status !== 'cancelled');
  const seated = new Map<string, number>();
  const held = new Map<string, number>();
  for (const a of live) {
    seated.set(a.slotId, (seated.get(a.slotId) ?? 0) + 1);
    if (a.seat !== 'general') held.set(a.slotId, (held.get(a.slotId) ?? 0) + 1);
  }
  // Seats taken by appointments under way: marks on the slot (the intent itself, with the seat's kind);
  // one whose appointment carries its take is completed and only waits to be settled. Marks of the
  // intents collection's protocol are read beside.
  const recorded = new Set(appointments.flatMap((a) => (a.takeId ? [a.takeId] : [])));
  let staleMarks = 0;
  let inFlight = 0;
  const underWay = new Map<string, { held: number; orphans: number }>();
  const greenUnderWay = new Map<string, number>();
  for (const d of slotDocs) {
    const legacyMarks = intentMarks(d);
    const legacy = heldBy({ ...d, holds: legacyMarks }, intents.byId);
    let held = legacy.held;
    let green = Object.entries(legacyMarks).filter(
      ([id, mark]) => unfinished(intents.byId.get(id)) && mark !== 'general',
    ).length;
    for (const [, mark] of takenMarks(d, 'appoint')) {
      if (mark.at < now - intentGraceMs()) staleMarks += 1;
      else inFlight += 1;
      if (recorded.has(mark.takeId)) continue;
      held += 1;
      if (mark.seat !== 'general') green += 1;
    }
    underWay.set(d._id, { held, orphans: legacy.orphans });
    greenUnderWay.set(d._id, green);
  }
  const perPersonDose = live.map((a) => `${a.idHash}|${a.vaccine}|${a.dose}`);
  return [
    {
      name: 'appointments never exceed capacity',
      violations: [...slots.values()].filter(
        (s) => s.booked > s.capacity || (seated.get(s._id) ?? 0) + (underWay.get(s._id)?.held ?? 0) !== s.booked,
      ).length,
    },
    {
      name: 'green seats counted exactly',
      violations: [...slots.values()].filter(
        (s) =>
          (held.get(s._id) ?? 0) + (greenUnderWay.get(s._id) ?? 0) !== (s.green?.used ?? 0) ||
          (s.green !== null && s.green.used > s.green.seats),
      ).length,
    },
    {
      name: 'every mark on a slot belongs to an intent',
      violations: [...underWay.values()].reduce((n, h) => n + h.orphans, 0),
    },
    {
      name: 'green seats used only by people 60 and over before release',
      violations: live.filter(
        (a) =>
          (a.seat === 'green' && !isElder(a)) ||
          (a.seat === 'released' && a.createdAt < (slots.get(a.slotId)?.green?.releaseAt ?? 0)),
      ).length,
    },
    { name: 'one appointment per person per dose', violations: perPersonDose.length - new Set(perPersonDose).size },
    intents.report,
    {
      name: `no appoint intent left past the grace period on the slots (in flight now: ${inFlight})`,
      violations: staleMarks,
    },
  ];
}
