import type { Database, NewDoc } from '../db';
import { ITEMS } from '../booking';
import { seedOrg } from './org';
import { seedRequests } from './requests';
import { dayOf } from '../core/time';
import { generateSlots, parseOpeningHours } from '../slots';
import { addIfAbsent, derivedId } from '../core/ids';
import { post, ACTIVITIES, ACTIVITY_CODES, EVENTS, GOODS, LEDGER, RULES } from '../points';
import { STATIONS } from '../stations';
import { BRANCHES as BRANCH_COLLECTION, USERS } from '../core/identity';
import { SITES } from '../vaccine';
import { BRANCHES, DEMO_USERS, STATIONS as STATION_DATA, VACCINE_SITES } from './data';
import { DEMO_ITEMS, SEED_SLOT_DAYS, VACCINE_TEMPLATES } from './booking-data';
import { DEMO_GOODS, OPENING_BALANCES, POINT_RULES, demoActivities, demoRedemptionEvent } from './points-data';

const SEED_MARK = { collection: 'meta', id: 'seed' };

/** Seed objects are typed by their modules' schemas; stored, they are plain JSON. */
const asDoc = (value: object): NewDoc => JSON.parse(JSON.stringify(value)) as NewDoc;

/** Re-running after an interrupted first start: what is already there stays. */
const insert = (db: Database, collection: string, doc: object) => addIfAbsent(db, collection, asDoc(doc));

/** Seeds demo data drawn from the articles (with its provenance, see data.ts) once; a later start (or a re-run after a crash) leaves data alone. */
export async function seedIfEmpty(db: Database, now: number): Promise<boolean> {
  if (await db.collection(SEED_MARK.collection).doc(SEED_MARK.id).get()) return false;
  for (const branch of BRANCHES) await insert(db, BRANCH_COLLECTION, branch);
  for (const station of STATION_DATA) await insert(db, STATIONS, station);
  for (const site of VACCINE_SITES) await insert(db, SITES, site);
  for (const user of DEMO_USERS) await insert(db, USERS, { ...user, createdAt: now });

  for (const rule of POINT_RULES) await insert(db, RULES, rule);
  for (const activity of demoActivities(now)) {
    await insert(db, ACTIVITIES, { ...activity, createdBy: 'demo-admin', createdAt: now });
    await insert(db, ACTIVITY_CODES, { _id: activity.code, activityId: activity._id });
  }
  const event = demoRedemptionEvent(now);
  await insert(db, EVENTS, event);
  for (const g of DEMO_GOODS) {
    await insert(db, GOODS, {
      ...g,
      picture: '',
      sold: 0,
      stocked: g.stock,
      lowStockAt: 5,
      saleStart: null,
      saleEnd: null,
      eventId: g.eventId ?? null,
      active: true,
    });
  }
  for (const opening of OPENING_BALANCES) {
    const entryId = derivedId('aw', 'seed', opening.openid);
    const user = DEMO_USERS.find((u) => u._id === opening.openid);
    await db.runTransaction(async (tx) => {
      if (await tx.collection(LEDGER).doc(entryId).get()) return;
      await post(tx, {
        openid: opening.openid,
        branchId: user?.branchId ?? null,
        amount: opening.points,
        kind: 'award',
        reason: opening.reason,
        entryId,
        at: now,
        adminId: 'demo-admin',
      });
    });
  }
  for (const { templates, ...item } of DEMO_ITEMS) {
    await insert(db, ITEMS, { ...item, active: true });
    // The station's opening hours bound the slots, as they do for an admin's (seed templates sit inside them).
    const station = STATION_DATA.find((s) => s._id === item.stationId);
    const hours = parseOpeningHours(station?.openHours ?? '');
    for (const template of templates) {
      await generateSlots(
        db,
        { resourceId: item._id, stationId: item.stationId },
        dayOf(now),
        dayOf(now + (SEED_SLOT_DAYS - 1) * 86_400_000),
        template,
        hours,
      );
    }
  }
  for (const site of VACCINE_SITES.filter((s) => s.status !== 'paused')) {
    for (const template of VACCINE_TEMPLATES) {
      await generateSlots(
        db,
        { resourceId: site._id, stationId: null },
        dayOf(now),
        dayOf(now + (SEED_SLOT_DAYS - 1) * 86_400_000),
        template,
      );
    }
  }
  await seedOrg(db, now);
  await seedRequests(db, now);
  await insert(db, SEED_MARK.collection, { _id: SEED_MARK.id, at: now });
  return true;
}
