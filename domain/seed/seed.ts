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
import { LANDMARKS, LANDMARK_SCENES, ROUTES } from '../map';
import { NEVER, NOTICES, audienceKey } from '../notices';
import { DEMO_LANDMARKS, DEMO_ROUTES } from './map-data';
import { DEMO_GOODS, OPENING_BALANCES, POINT_RULES, demoActivities, demoRedemptionEvent } from './points-data';

const DEMO_NOTICES: [title: string, body: string][] = [
  ['60 岁以上老人接种走绿色通道', '60 岁以上老人预约疫苗接种走绿色通道，每个时段留有专门名额。'],
  ['驿站预约的取消和候补', '驿站预约开始前 30 分钟内不能取消；约满的时段可以候补，有空位按顺序递补。'],
  ['积分兑换凭取货码领取', '积分兑换的物品凭取货码到驿站领取，逾期未领自动退还积分。'],
];

const SEED_MARK = { collection: 'meta', id: 'seed' };
/** What kind of deployment this is (read by domain/core/deployment.ts): `{ demo: true }` for the local demo. */
const DEPLOYMENT_MARK = { collection: 'meta', id: 'deployment' };

/**
 * `demo`: the article-derived stations, sites, branches, goods, demo users and activities (the local start's default).
 * `production`: reference data only — the point rules and the admin; no stations, sites, goods, demo users,
 * activities or redemption event (an admin enters them). Categories and kinds are the modules' own labels.
 */
export type SeedMode = 'demo' | 'production';

export interface SeedOptions {
  mode?: SeedMode;
  /** Production: the openid made administrator (the local start passes ADMIN_OPENID, default `admin`). */
  adminOpenid?: string;
  /**
   * Demo: when a history will be played from this instant (seedHistory), the opening balances are posted then,
   * so that a member's ledger reads in order. Defaults to `now`.
   */
  openingAt?: number;
}

/** Seed objects are typed by their modules' schemas; stored, they are plain JSON. */
const asDoc = (value: object): NewDoc => JSON.parse(JSON.stringify(value)) as NewDoc;

/** Re-running after an interrupted first start: what is already there stays. */
const insert = (db: Database, collection: string, doc: object) => addIfAbsent(db, collection, asDoc(doc));

/**
 * Seeds once: the demo (data drawn from the articles, with its provenance, see data.ts) or, in production mode,
 * reference data only. A later start (or a re-run after a crash: every write is add-if-absent, the mark is last)
 * leaves data alone.
 */
export async function seedIfEmpty(db: Database, now: number, options: SeedOptions = {}): Promise<boolean> {
  if (await db.collection(SEED_MARK.collection).doc(SEED_MARK.id).get()) return false;
  if (options.mode === 'production') {
    await seedProduction(db, now, options.adminOpenid ?? 'admin');
  } else {
    await seedDemo(db, now, options.openingAt ?? now);
    await insert(db, DEPLOYMENT_MARK.collection, { _id: DEPLOYMENT_MARK.id, demo: true, at: now });
  }
  await insert(db, SEED_MARK.collection, { _id: SEED_MARK.id, at: now, mode: options.mode ?? 'demo' });
  return true;
}

/** Production: the point rules (edited in the console afterwards) and one administrator; nothing illustrative. */
async function seedProduction(db: Database, now: number, adminOpenid: string): Promise<void> {
  for (const rule of POINT_RULES) await insert(db, RULES, rule);
  await insert(db, USERS, {
    _id: adminOpenid,
    nickname: '管理员',
    role: 'admin',
    branchId: null,
    scopeUnitId: null,
    stationIds: [],
    siteIds: [],
    createdAt: now,
  });
  await insert(db, DEPLOYMENT_MARK.collection, { _id: DEPLOYMENT_MARK.id, demo: false, at: now });
}

async function seedDemo(db: Database, now: number, openingAt: number): Promise<void> {
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
        at: openingAt,
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
  // 党建地图 and 红色打卡: the articles' places and the illustrative 专线 (demo only).
  for (const landmark of DEMO_LANDMARKS) {
    await insert(db, LANDMARKS, { ...landmark, active: true });
    if (landmark.scene) await insert(db, LANDMARK_SCENES, { _id: landmark.scene, landmarkId: landmark._id });
  }
  for (const route of DEMO_ROUTES) await insert(db, ROUTES, { ...route, active: true });
  // 通知公告 to everyone: the service rules the home page used to hold as a constant (demo only; a county publishes its own).
  for (const [index, [title, body]] of DEMO_NOTICES.entries()) {
    const where = { scope: 'all', branchId: null, county: '', audience: 'both' } as const;
    await insert(db, NOTICES, {
      _id: `demo-notice-${index + 1}`,
      ...where,
      key: audienceKey(where),
      title,
      body,
      fromName: '先锋驿站',
      publishedBy: 'demo-admin',
      publishedAt: now - (index + 1) * 3_600_000,
      pinned: index === 0,
      expiresAt: NEVER,
      tellCursor: null,
      telling: false,
    });
  }
  await seedOrg(db, now);
  await seedRequests(db, now);
}
