/**
 * `user.overview`: what 我的 and the home page show at a glance — counts of the caller's open orders,
 * bookings, waiting-list places, vaccination appointments and messages, the next thing they booked,
 * and the party-member fields (balance, branch) only for party members.
 */
import { z } from 'zod';
import { action } from '../core/router';
import { ACCOUNTS, ORDERS, accountDocSchema } from '../points';
import { BOOKINGS, bookingDocSchema } from '../booking';
import { MESSAGES, unreadCounts, type UnreadCounts } from '../messages';
import { SLOTS } from '../slots';
import { APPOINTMENTS, appointmentDocSchema, heldPersons } from '../vaccine';
import { BRANCHES, branchDocSchema, type Role, type UserDoc } from '../core/identity';
import { ROLE_LABELS } from '../core/labels';
import { isDemoDeployment } from '../core/deployment';
import { readUnit } from '../org';
import { workOf, type Work } from './work';

export type { Work, ActivityGlance, RequestGlance, Reviews } from './work';

/** The soonest booking or vaccination appointment still to come (or under way). */
export interface NextUp {
  kind: 'booking' | 'vaccination';
  id: string;
  title: string;
  place: string | null;
  start: number;
  end: number;
  code: string | null;
}

export interface Overview {
  nickname: string;
  role: Role;
  /** The role in words, a county admin and the system admin told apart (县区管理员, 系统管理员). */
  roleLabel: string;
  /** Where the role acts, in words: the secretary's branch, the county admin's county, 全系统; '' for others. */
  scopeName: string;
  /** Only for party members: a resident never receives these fields. */
  member: { balance: number; branch: { branchId: string; name: string } | null } | null;
  /** `messages`: every message in the inbox; `unreadMessages`: those not read yet; `unreadByModule`: the same, per module. */
  counts: {
    orders: number;
    bookings: number;
    waitlist: number;
    vaccinations: number;
    messages: number;
    unreadMessages: number;
    unreadByModule: UnreadCounts;
  };
  next: NextUp | null;
  /** The work the home page shows first, by role, counted in the caller's scope. */
  work: Work;
  /** The data is the local demo's (meta/deployment): the home page shows one 「演示数据」 mark. */
  demo: boolean;
}

/** The role in plain words: an admin with a county is that county's admin. */
export function roleWords(user: Pick<UserDoc, 'role' | 'scopeUnitId'>): string {
  if (user.role === 'admin') return user.scopeUnitId ? '县区管理员' : '系统管理员';
  return ROLE_LABELS[user.role];
}

async function scopeNameOf(db: Parameters<typeof readUnit>[0], user: UserDoc): Promise<string> {
  if (user.role === 'admin') return user.scopeUnitId ? ((await readUnit(db, user.scopeUnitId))?.name ?? '') : '全系统';
  if (user.role === 'secretary' && user.branchId) return (await readUnit(db, user.branchId))?.name ?? '';
  return '';
}

/** A party member: the role says so, or they belong to a 党支部 (staff and admins often do). */
export const isPartyMember = (user: Pick<UserDoc, 'role' | 'branchId'>) =>
  user.role === 'member' || user.branchId !== null;

/** How many active appointments one overview reads per source (a family rarely holds more). */
const APPOINTMENTS_READ = 20;

export const overview = action({
  input: z.strictObject({}),
  access: 'signedIn',
  async run(_input, ctx): Promise<Overview> {
    const { db, user } = ctx;
    const now = ctx.now();
    const _ = db.command;
    const openid = user._id;

    const [orders, bookings, waitlist, messages, nextBookings, unread] = await Promise.all([
      db.collection(ORDERS).where({ openid, status: 'pending' }).count(),
      db.collection(BOOKINGS).where({ openid, status: 'active' }).count(),
      db
        .collection(SLOTS)
        .where({ queue: openid, start: _.gt(now) })
        .count(),
      db
        .collection(MESSAGES)
        .where({ openid, sentAt: _.gt(0) })
        .count(),
      db
        .collection(BOOKINGS)
        .where({ openid, status: 'active', end: _.gt(now) })
        .orderBy('end', 'asc')
        .limit(1)
        .get(),
      unreadCounts(db, openid),
    ]);

    // Appointments: the caller's own and those of the people they hold (a family shares them), as in myAppointments.
    const held = await heldPersons(db, openid, now);
    const sources = [{ owner: openid }, ...[...held.keys()].map((idHash) => ({ idHash }))];
    const active = new Map<string, z.output<typeof appointmentDocSchema>>();
    for (const source of sources) {
      for (const doc of await db
        .collection(APPOINTMENTS)
        .where({ ...source, status: 'active' })
        .limit(APPOINTMENTS_READ)
        .get()) {
        const a = appointmentDocSchema.safeParse(doc);
        if (a.success) active.set(a.data._id, a.data);
      }
    }

    const candidates: NextUp[] = [];
    const booking = bookingDocSchema.safeParse(nextBookings[0]);
    if (booking.success) {
      const b = booking.data;
      candidates.push({
        kind: 'booking',
        id: b._id,
        title: b.itemName,
        place: null,
        start: b.start,
        end: b.end,
        code: b.code,
      });
    }
    for (const a of active.values()) {
      if (a.end > now)
        candidates.push({
          kind: 'vaccination',
          id: a._id,
          title: `${a.vaccineName} 第 ${a.dose} 剂`,
          place: a.siteName,
          start: a.start,
          end: a.end,
          code: a.code,
        });
    }
    candidates.sort((x, y) => x.start - y.start || x.id.localeCompare(y.id));

    let member: Overview['member'] = null;
    if (isPartyMember(user)) {
      const account = accountDocSchema.safeParse(await db.collection(ACCOUNTS).doc(openid).get());
      const branch = user.branchId
        ? branchDocSchema.safeParse(await db.collection(BRANCHES).doc(user.branchId).get())
        : null;
      member = {
        balance: account.success ? account.data.balance : 0,
        branch: branch?.success ? { branchId: branch.data._id, name: branch.data.name } : null,
      };
    }

    const [work, demo, scopeName] = await Promise.all([
      workOf(db, user, now),
      isDemoDeployment(db),
      scopeNameOf(db, user),
    ]);

    return {
      nickname: user.nickname,
      role: user.role,
      roleLabel: roleWords(user),
      scopeName,
      member,
      counts: {
        orders,
        bookings,
        waitlist,
        vaccinations: active.size,
        messages,
        unreadMessages: unread.total,
        unreadByModule: unread,
      },
      next: candidates[0] ?? null,
      work,
      demo,
    };
  },
});
