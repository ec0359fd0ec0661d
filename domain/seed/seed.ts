import { DbError, type Database, type NewDoc } from '../db';
import { STATIONS } from '../stations/actions';
import { BRANCHES as BRANCH_COLLECTION, USERS } from '../user/model';
import { SITES } from '../vaccine/actions';
import { BRANCHES, DEMO_USERS, STATIONS as STATION_DATA, VACCINE_SITES } from './data';

const SEED_MARK = { collection: 'meta', id: 'seed' };

async function insert(db: Database, collection: string, doc: NewDoc): Promise<void> {
  try {
    await db.collection(collection).add(doc);
  } catch (error) {
    // Re-running after an interrupted first start: what is already there stays.
    if (!(error instanceof DbError && error.code === 'DUPLICATE_KEY')) throw error;
  }
}

/** Seeds demo data from the articles once; a later start (or a re-run after a crash) leaves data alone. */
export async function seedIfEmpty(db: Database, now: number): Promise<boolean> {
  if (await db.collection(SEED_MARK.collection).doc(SEED_MARK.id).get()) return false;
  for (const branch of BRANCHES) await insert(db, BRANCH_COLLECTION, branch);
  for (const station of STATION_DATA) await insert(db, STATIONS, station as unknown as NewDoc);
  for (const site of VACCINE_SITES) await insert(db, SITES, site as unknown as NewDoc);
  for (const user of DEMO_USERS) await insert(db, USERS, { ...user, createdAt: now });
  await insert(db, SEED_MARK.collection, { _id: SEED_MARK.id, at: now });
  return true;
}
