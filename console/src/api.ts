/** The one way pages call the cloud functions: as the signed-in person, errors as CallError in plain Chinese. */
import { readConfig } from './config';
import { clearToken, getSession, getToken } from './session';
import { CallError, createTransport, type Transport } from './transport';

export const transport: Transport = createTransport(readConfig());

const signedOutListeners = new Set<(reason: string) => void>();
/**
 * Called when the server says the sign-in is gone: the console session expired (8 hours), was ended in the
 * mini-program (我的 → 管理后台登录), or the person lost console access. `reason` is the server's plain message.
 */
export function onSignedOut(listener: (reason: string) => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function call<T>(fn: string, action: string, input: object = {}): Promise<T> {
  const envelope = await transport.call<T>(fn, { action, ...input }, getToken());
  if (envelope.ok) return envelope.data;
  if (envelope.error.code === 'UNAUTHENTICATED' && getToken()) {
    clearToken();
    signedOutListeners.forEach((listener) => listener(envelope.error.message));
  }
  throw new CallError(envelope.error.code, envelope.error.message, envelope.error.field);
}

/** 退出登录: ends this tab's console session on the server (best effort: the token is dropped either way). */
export async function endConsoleSession(): Promise<void> {
  const session = getSession();
  const token = getToken();
  if (!session || !token) return;
  await transport.call('admin', { action: 'revokeConsoleSession', sessionId: session.sessionId }, token).catch(() => undefined);
}

export function messageOf(error: unknown): string {
  if (error instanceof CallError) return error.message;
  return error instanceof Error && error.message ? `出错了：${error.message}` : '出错了，请稍后再试';
}

/** One id per intention (a dialog opening), so a retried submit has one effect. */
export function newRequestId(prefix = 'console'): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${prefix}-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- shapes of the answers the pages read (agreed API for org/admin; README for the rest) ----

export type UnitKind = 'county' | 'committee' | 'alliance' | 'branch';
export interface Unit {
  unitId: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  county: string;
  secretary: { openid: string; nickname: string } | null;
  memberCount: number;
}
export const UNIT_KINDS: Record<UnitKind, string> = { county: '县（市、区）', committee: '街道/社区大党委', alliance: '联盟', branch: '党支部' };

export type Role = 'resident' | 'member' | 'secretary' | 'staff' | 'admin';
export const ROLE_LABELS: Record<string, string> = { resident: '居民', member: '党员', secretary: '党支部书记', staff: '驿站工作人员', admin: '管理员' };

export interface Member { openid: string; nickname: string; realName: string; phoneMasked?: string; role: string; roleLabel?: string; branchId: string | null; branchName: string; balance?: number }
export interface Application { applicationId: string; branchId: string; branchName: string; realName: string; phoneMasked: string; status: string; statusLabel?: string; reason?: string | null; matchedRoster?: boolean; createdAt: number }

export interface Goods { goodsId: string; name: string; picture?: string; description?: string; price: number; stock: number; perUserLimit: number; stationId?: string | null; active?: boolean; lowStock?: boolean }
export interface Rule { ruleId: string; name: string; category: string; points: number; cap: { period: string; max: number } | null; description: string }
export interface Activity { activityId: string; title: string; ruleId: string; branchId: string | null; place: string; start: number; end: number; state: string }
export interface Station { stationId: string; name: string; kind: string; kindLabel?: string; county: string; district: string; address: string; openHours?: string; phone?: string; intro?: string; services?: string[] }
export interface Item { itemId: string; stationId: string; name: string; kind: 'service' | 'room'; serviceCode?: string | null; description?: string; active?: boolean }
export interface Slot { slotId: string; start: number; end: number; capacity: number; remaining: number; waiting?: number; closed?: boolean; greenRemaining?: number }
export interface VaccineOffer { code: string; name: string; maker: string; doses: number; intervalDays?: number }
export interface Site { siteId: string; name: string; county: string; town: string; address: string; openHours?: string; vaccines?: VaccineOffer[]; status?: string; notice?: string; todayRemaining?: number; contact?: string; amenities?: string[]; volunteerBranch?: { name: string; volunteers: number }; dailyCapacity?: number }
export interface AuditEntry { auditId: string; at: number; actor: string; actorName: string; role: string; fn: string; action: string; targetId: string | null; before: unknown; after: unknown }
export interface Dashboard {
  servings: { bookingsCheckedIn: number; dosesGiven: number };
  pointsEarned: number;
  pointsSpent: number;
  ordersPickedUp: number;
  activeMembers: number;
  topBranches: { branchId: string; name: string; points: number }[];
  trend: { date: string; bookingsCheckedIn: number; dosesGiven: number; pointsEarned: number; pointsSpent: number }[];
}
export interface FileExport { filename: string; base64: string }
