/**
 * The work a person sees first on the home page, by role, counted on the server in the caller's own scope:
 * a secretary's branch, a county admin's county, staff's stations and sites, the whole system for the system
 * admin. Every figure is one `count()` of the db port (or a read of at most a few documents), never a scan.
 */
import { z } from 'zod';
import type { Database, QueryDoc } from '../db';
import { inZone } from '../core/time';
import type { UserDoc } from '../core/identity';
import { BOOKINGS } from '../booking';
import { APPLICATIONS, adminCounty, allUnits, readUnit } from '../org';
import { ACTIVITIES, ORDERS } from '../points';
import { REQUESTS, STATUS_LABELS, VOLUNTEERS, type RequestDoc } from '../requests';
import { APPOINTMENTS } from '../vaccine';

type RequestStatus = RequestDoc['status'];
const REQUEST_STATUSES = Object.keys(STATUS_LABELS) as [RequestStatus, ...RequestStatus[]];
/** Requests whose story has ended: nothing more to do for anyone. */
const CLOSED: RequestStatus[] = ['declined', 'confirmed', 'cancelled'];
/** A claim still being worked on (a hall place taken, or a task assigned). */
const WORKING: RequestStatus[] = ['open', 'inProgress'];

/** An activity to check in at, as the home page names it. */
export interface ActivityGlance {
  title: string;
  place: string;
  start: number;
  end: number;
}

/** The resident's latest 群众点单, with its status and the status in words. */
export interface RequestGlance {
  id: string;
  title: string;
  status: RequestStatus;
  statusLabel: string;
}

/** What waits for a reviewer in scope: 点单 to accept, overdue ones, branch applications and volunteers to review. */
export interface Reviews {
  pendingRequests: number;
  overdueRequests: number;
  pendingApplications: number;
  pendingVolunteers: number;
}

export type Work =
  | { kind: 'resident'; activeRequests: number; toConfirm: number; latestRequest: RequestGlance | null }
  | { kind: 'member'; openActivities: number; nextActivity: ActivityGlance | null; hall: number; tasks: number }
  | ({ kind: 'secretary'; unitName: string; nextActivity: ActivityGlance | null } & Reviews)
  | {
      kind: 'staff';
      stations: number;
      sites: number;
      todayBookings: number;
      todayCheckedIn: number;
      todayAppointments: number;
      todayVaccinated: number;
    }
  | ({ kind: 'countyAdmin'; unitName: string } & Reviews)
  | ({ kind: 'admin'; pendingOrders: number } & Reviews);

const DAY = 86_400_000;
/** Check-in opens this long before an activity starts (as points.checkin allows). */
const CHECKIN_OPENS_BEFORE_MS = 10 * 60_000;
/** Activities one member's glance reads at most (the soonest first; most are for every branch). */
const ACTIVITIES_READ = 20;

const activitySchema = z.object({
  title: z.string(),
  branchId: z.string().nullable().catch(null),
  place: z.string().default(''),
  start: z.number(),
  end: z.number(),
});

/** The soonest activities not yet over, for `branchId` (and every branch's, when `everyBranch`). */
async function comingActivities(db: Database, now: number, branchId: string | null, everyBranch: boolean) {
  const _ = db.command;
  const docs = await db
    .collection(ACTIVITIES)
    .where(branchId && !everyBranch ? { branchId, end: _.gte(now) } : { end: _.gte(now) })
    .orderBy('start', 'asc')
    .limit(ACTIVITIES_READ)
    .get();
  return docs.flatMap((d) => {
    const a = activitySchema.safeParse(d);
    if (!a.success) return [];
    const mine = a.data.branchId === null ? everyBranch : a.data.branchId === branchId;
    return mine ? [{ title: a.data.title, place: a.data.place, start: a.data.start, end: a.data.end }] : [];
  });
}

async function residentWork(db: Database, user: UserDoc): Promise<Work> {
  const _ = db.command;
  const openid = user._id;
  const [activeRequests, toConfirm, latest] = await Promise.all([
    db
      .collection(REQUESTS)
      .where({ openid, status: _.nin(CLOSED) })
      .count(),
    db.collection(REQUESTS).where({ openid, status: 'finished' }).count(),
    db.collection(REQUESTS).where({ openid }).orderBy('updatedAt', 'desc').limit(1).get(),
  ]);
  const glance = z
    .object({ _id: z.string(), title: z.string(), status: z.enum(REQUEST_STATUSES) })
    .safeParse(latest[0]);
  return {
    kind: 'resident',
    activeRequests,
    toConfirm,
    latestRequest: glance.success
      ? {
          id: glance.data._id,
          title: glance.data.title,
          status: glance.data.status,
          statusLabel: STATUS_LABELS[glance.data.status],
        }
      : null,
  };
}

async function memberWork(db: Database, user: UserDoc, now: number): Promise<Work> {
  const _ = db.command;
  const [coming, hall, tasks] = await Promise.all([
    comingActivities(db, now, user.branchId, true),
    db.collection(REQUESTS).where({ status: 'open' }).count(),
    db
      .collection(REQUESTS)
      .where({ claimantIds: user._id, status: _.in(WORKING) })
      .count(),
  ]);
  return {
    kind: 'member',
    openActivities: coming.filter((a) => a.start - CHECKIN_OPENS_BEFORE_MS <= now).length,
    nextActivity: coming[0] ?? null,
    hall,
    tasks,
  };
}

/**
 * What waits for review where the caller may act: a secretary's branch, a county admin's county (the branches
 * under it for applications), everything for the system admin. The same scope as requests.queue,
 * requests.volunteers and org.applications.
 */
async function reviews(db: Database, user: UserDoc): Promise<Reviews> {
  const _ = db.command;
  let where: QueryDoc;
  let applications: QueryDoc;
  if (user.role === 'secretary') {
    if (!user.branchId) return { pendingRequests: 0, overdueRequests: 0, pendingApplications: 0, pendingVolunteers: 0 };
    where = { unitId: user.branchId };
    applications = { branchId: user.branchId };
  } else {
    const county = await adminCounty(db, user);
    if (county === null) {
      where = {};
      applications = {};
    } else {
      where = { county };
      const branches = (await allUnits(db, { county })).filter((u) => u.kind === 'branch').map((u) => u._id);
      applications = { branchId: _.in(branches) };
    }
  }
  const [pendingRequests, overdueRequests, pendingApplications, pendingVolunteers] = await Promise.all([
    db
      .collection(REQUESTS)
      .where({ ...where, status: 'submitted' })
      .count(),
    db
      .collection(REQUESTS)
      .where({ ...where, overdue: true, status: _.nin(CLOSED) })
      .count(),
    db
      .collection(APPLICATIONS)
      .where({ ...applications, status: 'pending' })
      .count(),
    db
      .collection(VOLUNTEERS)
      .where({ ...where, status: 'pending' })
      .count(),
  ]);
  return { pendingRequests, overdueRequests, pendingApplications, pendingVolunteers };
}

async function staffWork(db: Database, user: UserDoc, now: number): Promise<Work> {
  const _ = db.command;
  const from = inZone(now).startOf('day').valueOf();
  const today = [{ start: _.gte(from) }, { start: _.lt(from + DAY) }];
  const count = (collection: string, place: QueryDoc, status: string[]) =>
    db
      .collection(collection)
      .where(_.and([place, ...today, { status: _.in(status) }]))
      .count();
  const stations = user.stationIds.length > 0 ? { stationId: _.in(user.stationIds) } : null;
  const sites = user.siteIds.length > 0 ? { siteId: _.in(user.siteIds) } : null;
  const none = Promise.resolve(0);
  const [todayBookings, todayCheckedIn, todayAppointments, todayVaccinated] = await Promise.all([
    stations ? count(BOOKINGS, stations, ['active', 'checkedIn']) : none,
    stations ? count(BOOKINGS, stations, ['checkedIn']) : none,
    sites ? count(APPOINTMENTS, sites, ['active', 'completed']) : none,
    sites ? count(APPOINTMENTS, sites, ['completed']) : none,
  ]);
  return {
    kind: 'staff',
    stations: user.stationIds.length,
    sites: user.siteIds.length,
    todayBookings,
    todayCheckedIn,
    todayAppointments,
    todayVaccinated,
  };
}

/** The caller's work, by role. */
export async function workOf(db: Database, user: UserDoc, now: number): Promise<Work> {
  switch (user.role) {
    case 'resident':
      return residentWork(db, user);
    case 'member':
      return memberWork(db, user, now);
    case 'staff':
      return staffWork(db, user, now);
    case 'secretary': {
      const [counts, unit, coming] = await Promise.all([
        reviews(db, user),
        user.branchId ? readUnit(db, user.branchId) : null,
        user.branchId ? comingActivities(db, now, user.branchId, false) : [],
      ]);
      return { kind: 'secretary', unitName: unit?.name ?? '', nextActivity: coming[0] ?? null, ...counts };
    }
    case 'admin': {
      if (user.scopeUnitId) {
        const [counts, unit] = await Promise.all([reviews(db, user), readUnit(db, user.scopeUnitId)]);
        return { kind: 'countyAdmin', unitName: unit?.name ?? '', ...counts };
      }
      const [counts, pendingOrders] = await Promise.all([
        reviews(db, user),
        db.collection(ORDERS).where({ status: 'pending' }).count(),
      ]);
      return { kind: 'admin', pendingOrders, ...counts };
    }
  }
}
