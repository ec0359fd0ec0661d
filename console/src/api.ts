/** The one way pages call the cloud functions: as the signed-in person, errors as CallError in plain Chinese. */
import type {
  ActionArgs,
  ActionInput,
  ActionName,
  ActionOutput,
  FunctionName,
  ItemOf,
} from '../../cloudfunctions/contract';
import type { Role } from '../../domain/core/identity';
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

/**
 * Calls `action` of function `fn`. Names, input and answer are checked against the functions' own action tables
 * (cloudfunctions/contract.ts, type-only): a wrong name or input shape does not compile.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  ...[input]: ActionArgs<F, A>
): Promise<ActionOutput<F, A>> {
  const envelope = await transport.call(fn, { action, ...input }, getToken());
  // The function answered its own envelope: its data is what the contract says `fn.action` answers.
  if (envelope.ok) return envelope.data as ActionOutput<F, A>;
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
  await transport
    .call('admin', { action: 'revokeConsoleSession', sessionId: session.sessionId }, token)
    .catch(() => undefined);
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

export type { Page } from '../../domain/core/paging';
export type { Role };

// ---- the answers the pages read, as the functions declare them (cloudfunctions/contract.ts) ----

export type Unit = ActionOutput<'org', 'tree'>['units'][number];
export type UnitKind = Unit['kind'];
// Labels as plain data: the modules that hold them also hold zod schemas, which stay out of the console's bundle.
export { CHILD_KINDS, UNIT_KINDS } from '../../domain/org/labels';
export { ROLE_LABELS, ROLES, roleLabel } from '../../domain/core/labels';

export type Me = ActionOutput<'user', 'me'>;
export type Member = ItemOf<ActionOutput<'org', 'members'>>;
export type Application = ItemOf<ActionOutput<'org', 'applications'>>;
export type ApplicationStatus = Application['status'];
export type StaffRow = ItemOf<ActionOutput<'org', 'staff'>>;
export type RosterImport = ActionOutput<'org', 'importRoster'>;
export type RequestRow = ItemOf<ActionOutput<'requests', 'queue'>>;
export type RequestStatus = RequestRow['status'];
export type RequestStats = ActionOutput<'requests', 'stats'>;
export type RequestFigures = RequestStats['total'];
export type Goods = ItemOf<ActionOutput<'points', 'goods'>>;
export type Rule = ItemOf<ActionOutput<'points', 'rules'>>;
export type Activity = ItemOf<ActionOutput<'points', 'activities'>>;
export type Station = ItemOf<ActionOutput<'stations', 'list'>>;
export type StationDetail = ActionOutput<'stations', 'detail'>;
export type Item = StationDetail['items'][number];
export type Slot = ActionOutput<'stations', 'slots'>['slots'][number];
/** The weekly template both slot generators take (a site's adds its green-channel seats). */
export type SlotTemplate = ActionInput<'stations', 'generateSlots'>['template'];
export type Site = ItemOf<ActionOutput<'vaccine', 'sites'>>;
export type SiteDetail = ActionOutput<'vaccine', 'siteDetail'>['site'];
export type VaccineSlot = ActionOutput<'vaccine', 'slots'>['slots'][number];
export type VaccineOffer = SiteDetail['offers'][number];
export type AuditEntry = ItemOf<ActionOutput<'admin', 'audit'>>;
export type Dashboard = ActionOutput<'admin', 'dashboard'>;
